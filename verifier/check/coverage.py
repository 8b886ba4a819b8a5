"""Which figures of a source the claims cover, and claim stubs for the ones they do not.

A figure is covered when a claim's evidence points at it (supported or
contradicted: a known-false claim is about that figure too) or when it lies
inside a claim's quote. Stubs are only offered when they check as `supported`
exactly as written, with that figure as evidence, so `suggest --write` never
adds a failing claim, nor one about another figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .checking import Result, check_claim
from ..claimsfile.claims import Claim, ClaimsFile
from ..errors import Location
from ..document.glossary import Glossary
from ..numbers import FigureError, parse_figure
from ..document.sources import Found, SourceDoc
from ..document.text import STOPWORDS

_EN_WORD = re.compile(r"[A-Za-z][A-Za-z\-']*[A-Za-z]|[A-Za-z]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_EN_STOP = STOPWORDS | frozenset("""
now next past last first within ahead still only just already even into onto upon while when where which what
who whom whose than then them they very much many most such been being does done make made said says like
year years month months week weeks day days time times
""".split())


@dataclass(frozen=True)
class Stub:
    """A claim to append: the figure as the source writes it, and words of its sentence."""

    id: str
    source: str
    figure: str
    near: tuple[str, ...]
    found: Found
    context: str


def covered(doc: SourceDoc, results: list[Result]) -> set[int]:
    """Indexes into doc.found of the figures some result's evidence is about."""
    by_place = {(f.line, f.col): i for i, f in enumerate(doc.found)}
    starts = [f.figure.start for f in doc.found]
    line_starts = [0] + [m.end() for m in re.finditer("\n", doc.text)]
    out = set()
    for result in results:
        for evidence in result.found:
            if evidence.relation != "quote":
                if (evidence.line, evidence.col) in by_place:
                    out.add(by_place[(evidence.line, evidence.col)])
                continue
            if evidence.line > len(line_starts):
                continue
            begin = line_starts[evidence.line - 1] + evidence.col - 1
            end = begin + len(evidence.text)
            out.update(i for i, start in enumerate(starts) if begin <= start < end)
    return out


def uncovered(doc: SourceDoc, results: list[Result]) -> list[Found]:
    done = covered(doc, results)
    return [f for i, f in enumerate(doc.found) if i not in done]


def context(doc: SourceDoc, found: Found, width: int = 24) -> str:
    """The words around a figure, within its sentence, for people to read."""
    start, end = doc.sentences[found.sentence]
    left = max(start, found.figure.start - width)
    right = min(end, found.figure.end + width)
    return ("…" if left > start else "") + doc.text[left:right] + ("…" if right < end else "")


def near_words(doc: SourceDoc, found: Found, limit: int = 2) -> tuple[str, ...]:
    """Up to `limit` words of the figure's sentence, nearest first: the ones that pin it down.

    Words overlapping a figure are skipped, and so are words that begin where a
    figure ends: there jieba glues measure words on ('4次大版本' gives '次大').
    """
    start, end = doc.sentences[found.sentence]
    spans = [(f.figure.start, f.figure.end) for f in doc.found if f.sentence == found.sentence]
    ends = {b for _, b in spans}
    words = []
    for a, b, word in _words(doc.text, start, end):
        if a in ends or any(x < b and a < y for x, y in spans):
            continue
        distance = found.figure.start - b if b <= found.figure.start else a - found.figure.end
        words.append((distance, a, word))
    out = []
    for _, _, word in sorted(words):
        if word not in out:
            out.append(word)
        if len(out) == limit:
            break
    return tuple(out)


def _words(text: str, start: int, end: int):
    """(start, end, word) of content words in text[start:end]: English words and jieba's Chinese words."""
    for match in _EN_WORD.finditer(text, start, end):
        word = match.group()
        if len(word) >= 4 and word.casefold() not in _EN_STOP:
            yield match.start(), match.end(), word
    for run in _HAN_RUN.finditer(text, start, end):
        for word, a, b in _jieba().tokenize(run.group()):
            if len(word) >= 2:
                yield run.start() + a, run.start() + b, word


def _jieba():
    import logging

    import jieba  # slow to load (about half a second): only when Chinese text needs words

    jieba.setLogLevel(logging.WARNING)
    return jieba


def stubs(claims_file: ClaimsFile, source_id: str, doc: SourceDoc, results: list[Result],
          glossary: Glossary, skip=frozenset()) -> tuple[list[Stub], list[tuple[Found, str]]]:
    """Stubs that check as supported, and the uncovered figures no stub could be written for (with why);
    figures at a (line, col) in `skip` (page furniture) get neither."""
    taken = {c.id for c in claims_file.claims}
    made, skipped = [], []
    for found in uncovered(doc, results):
        if (found.line, found.col) in skip:
            continue
        near = near_words(doc, found)
        stub_id = _unique(f"{_slug(source_id)}-{found.figure.kind}-{found.line}-{found.col}", taken)
        for figure in dict.fromkeys((found.figure.text.strip(), _value_text(found))):
            if figure and _supported(stub_id, source_id, figure, near, found, doc, glossary, claims_file):
                taken.add(stub_id)
                made.append(Stub(stub_id, source_id, figure, near, found, context(doc, found)))
                break
        else:
            skipped.append((found, "a claim with this figure and these words is not supported by it"))
    return made, skipped


def _value_text(found: Found) -> str:
    try:
        return found.figure.value_text()
    except Exception:  # noqa: BLE001 - a rendering gap only costs this fallback
        return ""


def _slug(text: str) -> str:
    """An id-safe version of a source id ('新华社 2024' -> 'source'), so stubs always have a valid id."""
    slug = re.sub(r"[^A-Za-z0-9_.\-]+", "-", text).strip("-._")
    return slug or "source"


def _unique(base: str, taken: set) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


def _supported(stub_id, source_id, figure, near, found, doc, glossary, claims_file) -> bool:
    """The stub checks as supported, with this very figure as its evidence (so it covers it)."""
    try:
        parsed = parse_figure(figure)
    except FigureError:
        return False
    claim = Claim(stub_id, "", source_id, (figure,), (parsed,), near, "", "supported",
                  Location(str(claims_file.path)))
    result = check_claim(claim, doc, glossary)
    return result.verdict == "supported" and any((e.line, e.col) == (found.line, found.col) for e in result.found)
