"""Text normalisation shared by quote, near-word and glossary matching.

People copy quotes with other widths, spaces and quote marks than the source;
matching after folding those differences away is what a reader means by
"the same words".
"""
from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»「」『』〝〞＂"} | {c: "'" for c in "‘’‚‛‹›＇`´"})
_SPACE = re.compile(r"\s+")
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−－"})
# The two tables in one pass, by a regex: str.translate looks every character up in a dict, which is
# slow on Chinese text where these marks are rare (fold of a whole source: 3x faster, same result).
# CJK radical forms that text extracted from PDFs and some web pages writes for whole characters
# (⻩泽铧 for 黄泽铧). NFKC maps the Kangxi radicals (U+2F00-2FD5) but not these (U+2E80-2EF3).
_RADICALS = str.maketrans(dict(zip("⺠⺟⻄⻅⻆⻉⻋⻑⻓⻔⻗⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
                                   "民母西见角贝车長长门雨青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙龟")))
_MARKS = {chr(k): v for k, v in (_QUOTES | _DASHES | _RADICALS).items()}
_MARK = re.compile("[" + re.escape("".join(_MARKS)) + "]")


def fold(text: str) -> str:
    """Width, case, quote marks, dashes, CJK radical look-alikes and spaces folded away."""
    text = _MARK.sub(lambda m: _MARKS[m.group()], unicodedata.normalize("NFKC", text)).casefold()
    return _SPACE.sub("", text)


_CHAR_FOLDS: dict[str, str] = {}       # fold of one character: the same every time, so computed once


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """fold(text) plus, for each folded character, the index it came from in text."""
    out, index = [], []
    cache = _CHAR_FOLDS
    for i, ch in enumerate(text):
        folded = cache.get(ch)
        if folded is None:
            folded = cache[ch] = fold(ch)
        for c in folded:
            out.append(c)
            index.append(i)
    return "".join(out), index


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*|[\u3400-\u9fff]+")
STOPWORDS = frozenset("""
a an the and or of to in on at by for with from as is are was were be been being it its this that these those
has have had will would can could may might must should than then there their they he she his her we our you your
i me my not no but also said says say about over under more less nearly some per new s
""".split())


def terms(text: str) -> set[str]:
    """Content words of a claim: English words and Chinese character bigrams."""
    out = set()
    for match in _WORD.finditer(unicodedata.normalize("NFKC", text)):
        word = match.group().casefold()
        if word.endswith("'s"):
            word = word[:-2]                  # Guangdong's GDP: the word is Guangdong
        word = word.rstrip("'")               # Kolors' score
        if word[0] < "\u3400":
            if len(word) >= 3 and word not in STOPWORDS:
                out.add(word)
        elif len(word) == 1:
            out.add(word)
        else:
            out.update(word[i:i + 2] for i in range(len(word) - 1))
    return out


def fold_spaced(text: str) -> str:
    """fold(text) with each run of spaces kept as one space, so English words keep their edges."""
    text = _MARK.sub(lambda m: _MARKS[m.group()], unicodedata.normalize("NFKC", text)).casefold()
    return " " + _SPACE.sub(" ", text).strip() + " "


def _word_breaks(text: str) -> tuple[str, frozenset[int]]:
    """fold(text) and the places in it where a space stood between two Latin letters or digits."""
    spaced = fold_spaced(text)
    flat, breaks = [], set()
    for i, ch in enumerate(spaced):
        if ch == " ":
            if 0 < i < len(spaced) - 1 and _alnum(spaced[i - 1]) and _alnum(spaced[i + 1]):
                breaks.add(len(flat))
        else:
            flat.append(ch)
    return "".join(flat), frozenset(breaks)


def same_word_breaks(quote: str, passage: str) -> bool:
    """The passage a quote folded onto has its word breaks where the quote has them, between Latin
    letters and digits ("now here" is not "nowhere"); Chinese, which has no spaces, may differ freely."""
    return _word_breaks(quote)[1] == _word_breaks(passage)[1]


_TOKEN = re.compile(r"[a-z0-9][a-z0-9.\-]*")


def contains(spaced: str, form: str) -> bool:
    """`form` (folded) in `spaced` (fold_spaced): a Latin word or name as a whole word ('mmlu' is not in
    'cmmlu', 'ai' not in 'said'); anything else, Chinese words and phrases, as a substring of the text
    with spaces removed."""
    if not form:
        return False
    if not _TOKEN.fullmatch(form):
        return form.replace(" ", "") in spaced.replace(" ", "")
    at = spaced.find(form)
    while at >= 0:
        if not _alnum(spaced[at - 1] if at else " ") and _WORD_END.match(spaced, at + len(form)):
            return True
        at = spaced.find(form, at + 1)
    return False


_WORD_END = re.compile(r"(?:s|es|d|ed|ing|'s)?(?![a-z0-9])")      # prices, priced, pricing still say price


def _alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
