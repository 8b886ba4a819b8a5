"""The words around a figure, as anchors both languages share.

An English and a Chinese sentence share no words, but they share names written
in Latin letters (MiniCPM-2B, GSM8K, T-EDGE) and glossary terms (Nvidia and
英伟达 give one key). Those are the *shared* anchors the aligner compares.
Words that only one language has (jieba's Chinese words, English words outside
the glossary) are kept as *local* words: they tell whether two figures in the
same document speak of the same subject.

jieba takes about half a second to load its dictionary, so it is imported on
the first Chinese text not yet segmented: a Vocabulary keeps the word lists it
made (text -> words), and the audit stores them with the document in the
figure cache (verifier.document.cache), so a warm run never imports jieba.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..document.glossary import Glossary
from ..document.text import STOPWORDS

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_.+/][A-Za-z0-9]+)*")
_HAN = re.compile(r"[\u3400-\u9fff]")
_EXTRA_STOP = frozenset("""
etc via which what when where who how all any each other such only just very much many most into onto out up
one two three four five six seven eight nine ten first second third b k m g gb mb kb t x vs e.g i.e
""".split())
ZH_STOP = frozenset("""
的 了 和 与 及 或 在 是 为 对 等 中 上 下 也 都 就 而 并 其 这 那 个 将 被 把 从 以 到 由 于 可 能 会 有 我们 你们 他们
一个 这个 那个 以及 可以 进行 通过 已经 如果 因为 所以 但是 以下 如下 之后 之前 目前 其中 相比 其他 以上 同时 非常
""".split())


def latin_tokens(text: str) -> list[str]:
    """Names, acronyms and English words, case-folded: 'MiniCPM-2B' -> 'minicpm-2b'."""
    out = []
    for m in _LATIN.finditer(unicodedata.normalize("NFKC", text)):
        word = m.group().casefold().strip("._-+/")
        if len(word) >= 2 and word not in STOPWORDS and word not in _EXTRA_STOP:
            out.append(word)
    return out


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba  # slow to load: only here, only for Chinese text

    jieba.setLogLevel(logging.WARNING)
    return jieba


def chinese_words(text: str) -> list[str]:
    """jieba's words of the Chinese parts of `text`, without one-character and stop words."""
    han = "".join(ch if _HAN.match(ch) else " " for ch in text)
    if not han.strip():
        return []
    return [w for w in _jieba().lcut(han) if len(w) >= 2 and _HAN.match(w) and w not in ZH_STOP]


def store_key() -> str:
    """What stored word lists depend on: this module's code and jieba's version (a change is a miss)."""
    if not _STORE_KEY:
        import hashlib
        from importlib.metadata import PackageNotFoundError, version
        try:
            jieba_version = version("jieba")
        except PackageNotFoundError:
            jieba_version = "?"
        code = Path(__file__).read_bytes()
        _STORE_KEY.append(hashlib.sha256(code + b"\0" + jieba_version.encode()).hexdigest()[:16])
    return _STORE_KEY[0]


_STORE_KEY: list[str] = []


class Vocabulary:
    """Turns text into shared anchors and local words, with one glossary.

    `words` holds Chinese word lists already made (text -> words, e.g. from the cache); new ones are added
    to it, so the caller can store them."""

    def __init__(self, glossary: Glossary, words: dict[str, list[str]] | None = None):
        self.glossary = glossary
        self.words = {} if words is None else words

    def chinese_words(self, text: str) -> list[str]:
        if text not in self.words:
            self.words[text] = chinese_words(text)
        return self.words[text]

    def shared(self, text: str, lang: str) -> set[str]:
        """Anchors comparable across languages: 'c:' glossary keys and 'l:' Latin names."""
        anchors = {"c:" + key for key in self.glossary.concepts_in(text)}
        for token in latin_tokens(text):
            key = self.glossary.concept(token) or self.glossary.concept(token + ".")
            anchors.add("c:" + key if key else "l:" + token)
        if lang == "zh":
            for word in self.chinese_words(text):
                key = self._chinese_concept(word)
                if key:
                    anchors.add("c:" + key)
        return anchors

    def local(self, text: str, lang: str) -> set[str]:
        """Content words of one language: what a subject is called inside one document."""
        words = set(latin_tokens(text))
        if lang == "zh":
            words.update(self.chinese_words(text))
        return words

    @lru_cache(maxsize=65536)
    def _chinese_concept(self, word: str) -> str | None:
        key = self.glossary.concept(word)
        if key:
            return key
        for size in range(len(word) - 1, 1, -1):          # 参数规模 -> 参数; 英伟达的 -> 英伟达
            for i in range(len(word) - size + 1):
                key = self.glossary.concept(word[i:i + size])
                if key:
                    return key
        return None
