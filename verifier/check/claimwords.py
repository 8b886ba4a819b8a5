"""The words of a claim, as its source may write them: what binds a claim to its evidence.

Without `near`, the claim sentence itself says what a figure must be about
("Kuaigou's revenue in 2019", "Series C", "respondents"). Each content word
becomes a Term: the folded forms it may take in the source. A word in the
source's own language is itself (English words of three letters or more,
Chinese character pairs); a word crossing languages is looked up in the
glossary, then in CC-CEDICT (verifier.lexicon): `revenue` finds 营收, 收入;
营收 finds revenue, income, sales.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from ..document.glossary import Glossary
from ..document.memo import find_figures
from ..document.scope import period_spans
from ..document.text import STOPWORDS, fold, fold_spaced, terms
from .basis import bases

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
# A name with digits in it (Baichuan2-7B-Base, 源2.0-102B, GLM-4-9B, H100): one term, read before the figures
# are taken out (102B is no figure here).
# A Chinese word may lead it (源2.0-102B); Chinese after it is the sentence going on (Chinese-Alpaca-2-13B的成绩).
_NAME = re.compile(r"(?:(?<![\w.\-])[\u3400-\u9fff]{1,3}(?=\d)|(?<![A-Za-z\d.\-_]))(?=[A-Za-z\d.\-_]*[A-Za-z])"
                   r"(?=[A-Za-z\d.\-_]*\d)[A-Za-z\d][A-Za-z\d.\-_]*[A-Za-z\d]")
# A capitalised word after the claim's first word (its first word is capitalised anyway): Gemini, Ukraine.
_CAPITALISED = re.compile(r"(?<=[\w,;:)'\"] )(?<![.!?] )[A-Z][a-z]+(?:-[A-Za-z]+)*")
# A possessive names its owner, first word or not: Guangdong's, Kuaigou's.
_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+)(?='s\b|’s\b)")
_CALENDAR = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split())
_LATIN_HAN = re.compile(r"(?<![A-Za-z])[A-Z]{1,2}[\u3400-\u9fff]")
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2}(?![A-Za-z])")
# Words that say nothing about what a figure is about; across languages they find everything.
_WEAK = frozenset("""
already still just only now currently today around about roughly approximately nearly almost over under than
can could would will may might should also even more most less least much many some such each every other
become became becomes have has had get got gets make made makes use used uses using new total overall
support supports supported supporting reach reached reaches reaching
""".split())


@dataclass(frozen=True)
class Term:
    word: str                      # as the claim writes it
    forms: frozenset[str]          # folded forms to look for in the source
    name: bool = False             # a proper name (Germany, Gemini, DA9091, EU): a source that never writes
                                   # it does not speak of the claim's subject
    when: bool = False             # a word of the claim's period or base (first half, 同比): its absence from a
                                   # figure's sentence says nothing (the period and base rules weigh it)


def claim_terms(claim_text: str, figure_texts, source_lang: str, glossary: Glossary) -> tuple[Term, ...]:
    """The content words of `claim_text` other than its figures' own words, each with its source forms."""
    if not claim_text:
        return ()
    own = {fold(t) for f in figure_texts for t in terms(f)}
    out: dict[str, Term] = {}
    text = unicodedata.normalize("NFKC", claim_text)
    figures = find_figures(text)
    for match in reversed(list(_NAME.finditer(text))):   # 源2.0-102B before its 2.0-102B is taken for a figure
        name = match.group()
        if _is_plain_number(name) or any(f.start == match.start() for f in figures):
            continue                                      # a figure leads it (102B, 16GB, 4-bit): no name
        out.setdefault(name, Term(name, frozenset({fold(name)}), name=True))
        text = text[:match.start()] + " " * len(name) + text[match.end():]
    text = _without_figures(text, figures)
    when_spans = period_spans(text) + [(a, b) for a, b, _ in bases(text)]
    when = {fold(w) for a, b in when_spans for w in terms(text[a:b])} | {text[a:b].strip().casefold() for a, b in when_spans}
    for mixed in _LATIN_HAN.findall(text):              # A轮, C端, B站: a letter that says which one, as a name
        out.setdefault(mixed, Term(mixed, frozenset(_forms(mixed, source_lang, glossary) | {fold(mixed)}), name=True))
    for acronym in _ACRONYM.findall(text):             # EU, AI, US: short, but they name the subject
        out.setdefault(acronym, Term(acronym, frozenset(_forms(acronym, source_lang, glossary) | {fold(acronym)}),
                                     name=True))
    for phrase in glossary.phrases_in(text) + (_lexicon_phrases(text) if source_lang == "zh" else []):
        out.setdefault(phrase, Term(phrase, frozenset(_forms(phrase, source_lang, glossary))))
    text = _NAME.sub(" ", text)
    for name in _chinese_names(text):                  # 神木, 榆林, 华为: the subject, as the dictionary knows it
        out.setdefault(name, Term(name, frozenset(_forms(name, source_lang, glossary) | {fold(name)}), name=True))
    for run in _HAN_RUN.findall(text):
        for word in (_chinese_words(run) if source_lang == "en" else _chinese_terms(run)):
            if fold(word) not in own:
                out.setdefault(word, Term(word, frozenset(_forms(word, source_lang, glossary))))
    covered = {w.lower() for phrase in out for w in phrase.split()}
    names = ({w.casefold() for w in _CAPITALISED.findall(text)}
             | {w.casefold() for w in _POSSESSIVE.findall(text)}) - _CALENDAR
    for word in sorted(terms(text)):
        if len(word) == 1 or word in covered:
            continue
        if word in own or word in _WEAK or word[0] >= "\u3400":
            continue
        out.setdefault(word, Term(word, frozenset(_forms(word, source_lang, glossary)), name=word in names))
    return tuple(replace(t, when=True) if t.word.casefold() in when or fold(t.word) in when else t
                 for t in out.values())


_EN_RUN = re.compile(r"[A-Za-z]+(?:[ -][A-Za-z]+)*")


def _lexicon_phrases(text: str) -> list[str]:
    """English phrases of two or three words that CC-CEDICT glosses as one (market capitalisation: 市值, value
    added: 增加值), longest first and not overlapping: one term binds better than its words apart (市场)."""
    from ..document.lexicon import lexicon
    found = lexicon()
    if found is None:
        return []
    out = []
    for run in _EN_RUN.findall(text):
        words = run.replace("-", " ").split()
        i = 0
        while i < len(words) - 1:
            for size in (3, 2):
                chunk = words[i:i + size]
                if len(chunk) == size and not any(w.lower() in STOPWORDS or w.lower() in _WEAK for w in chunk) \
                        and found.knows(" ".join(chunk)):
                    out.append(" ".join(chunk))
                    i += size
                    break
            else:
                i += 1
    return out


def _is_plain_number(token: str) -> bool:
    """A number with a scale or unit letter (10B, 2024年, 3.5x) is a figure, not a name."""
    return bool(re.fullmatch(r"[\d.,]+(?:[A-Za-z]{1,2}|[\u3400-\u9fff]{1,2})?", token))


def _without_figures(text: str, figures) -> str:
    """The claim without the words of its figures ('20 September 2024', '5.30亿元' say no subject); `figures`
    are those of the text as written, whose spans `text` keeps."""
    for f in reversed(figures):
        text = text[:f.start] + " " + text[f.end:]
    return text


def _forms(word: str, source_lang: str, glossary: Glossary) -> set[str]:
    forms = set(glossary.variants(word))
    # a phrase as the glossary writes it, spaces kept ('gross margin'): text.contains finds it across words
    forms.update(spaced for v in list(forms) if " " in (spaced := fold_spaced(glossary.written(v)).strip()))
    crossing = (source_lang == "zh") == (word[0] < "\u3400")
    if crossing:
        from ..document.lexicon import lexicon
        found = lexicon()
        if found is not None:
            if word[0] < "\u3400":
                forms.update(fold(w) for w in found.chinese(word))
            else:            # 降息 'lower interest rates': 'rate' in the source says it too
                english = found.english(word)
                forms.update(english)
                forms.update(w[:-1] for w in english if w.endswith("s") and not w.endswith("ss") and len(w) > 3)
    return {f for f in forms if f}


def _chinese_names(text: str) -> list[str]:
    """Place and organisation names CC-CEDICT spells in pinyin, in the Chinese runs of a claim."""
    from ..document.lexicon import lexicon
    found = lexicon()
    if found is None:
        return []
    return [name for run in _HAN_RUN.findall(text) for name in found.names_in(run)]


def _chinese_words(run: str) -> list[str]:
    """Dictionary words of a Chinese run (for an English source); its character pairs without a dictionary."""
    from ..document.lexicon import lexicon
    found = lexicon()
    if found is None:
        return [run[i:i + 2] for i in range(len(run) - 1)] or [run]
    return found.words_in(run)


# Characters that, standing alone between words, join no name: 营收为 gives 营收, 率为 nothing.
_FUNCTION_CHARS = frozenset("为的了是在和与及等年月日于将被由从对向以达约近超逾其该此各每")


def _chinese_terms(run: str) -> list[str]:
    """The terms of a Chinese run for a Chinese source: its dictionary words, and the character pairs of each
    stretch no word holds (瑞幸, 卡游: names the dictionary lacks); character pairs without a dictionary."""
    from ..document.lexicon import lexicon
    found = lexicon()
    if found is None:
        return [run[i:i + 2] for i in range(len(run) - 1)] or [run]
    out, stretch = [], ""
    for piece in found.segment(run) + [""]:
        if len(piece) == 1:
            stretch += piece
            continue
        for part in re.split(f"[{''.join(_FUNCTION_CHARS)}]", stretch):
            out += [part[i:i + 2] for i in range(len(part) - 1)]
        stretch = ""
        if piece:
            out.append(piece)
    return out


def term_forms(words, source_lang: str, glossary: Glossary) -> tuple[set[str], ...]:
    """Forms of explicit words (`near:`), through the glossary and, across languages, the lexicon."""
    return tuple(_forms(fold(w) if w[:1] >= "\u3400" else w, source_lang, glossary) | {fold(w)} for w in words)


__all__ = ["Term", "claim_terms", "term_forms", "STOPWORDS"]
