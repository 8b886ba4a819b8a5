"""Lookup structures built once per source, so a claim never rescans the text.

A FigureIndex groups a SourceDoc's figures by (kind, unit) and keeps the folded
(width, case, quote and space folded) text of every sentence, joined into one
string, so that "which sentences hold this word" is a C-speed substring search
instead of a Python loop over sentences. The checker asks it for:

* `candidates(figure)`: the source figures comparable with a claimed figure, in
  document order. matching.comparable looks only at the two kinds and units (and
  whether a count is a share: half, 三分之一), so it is asked once per such group,
  not once per figure (the checker
  still applies it to each candidate; tests/test_scale.py holds the candidates
  equal to a full scan).
* `sentences_with(variants)`: sentences holding any of a word's folded forms.
* `folded_sentence(i)`, `folded_text()`: folded text, computed once.

Built lazily on first use (`SourceDoc.index`) and dropped with its document.
"""
from __future__ import annotations

import bisect
import heapq
from array import array

from ..numbers.matching import as_share, comparable
from .text import fold

_SEP = "\n"   # fold() removes all whitespace, so no folded word or sentence holds it


class FigureIndex:
    """Figures of one document by (kind, unit), and its folded sentences."""

    def __init__(self, doc):
        self.doc = doc
        groups: dict[tuple[str, str], list[int]] = {}
        for position, found in enumerate(doc.found):
            # kind, unit and whether a count is a share (half, 三分之一): all that comparable() looks at
            figure = found.figure
            groups.setdefault((figure.kind, figure.unit, as_share(figure).kind), []).append(position)
        self._groups = {key: (doc.found[positions[0]].figure, positions) for key, positions in groups.items()}
        self._candidates: dict[tuple, tuple] = {}
        self._figure_sentences = sorted({found.sentence for found in doc.found})
        self._with_figures: _Folded | None = None      # the sentences that hold a figure
        self._rest: _Folded | None = None              # the others, folded only when needed
        self._folded_text: tuple | None = None

    # -- figures ----------------------------------------------------------------
    def candidates(self, target) -> tuple:
        """Found items whose figure may be comparable with `target`, in document order."""
        if target.kind == "rank":
            return self.doc.ranks
        key = (target.kind, target.unit, as_share(target).kind)
        cached = self._candidates.get(key)
        if cached is None:
            lists = [positions for sample, positions in self._groups.values() if comparable(target, sample)]
            if not lists:
                merged = []
            elif len(lists) == 1:
                merged = lists[0]
            else:
                merged = heapq.merge(*lists)
            found = self.doc.found
            cached = self._candidates[key] = tuple(found[i] for i in merged)
        return cached

    # -- words --------------------------------------------------------------------
    # Only sentences holding a figure can give evidence, so words are looked up there first (about a
    # third of a text); the other sentences are folded only when a claim needs to know that no
    # sentence at all holds its words.
    def _figures_folded(self) -> _Folded:
        if self._with_figures is None:
            self._with_figures = _Folded(self.doc, self._figure_sentences)
        return self._with_figures

    def _rest_folded(self) -> _Folded:
        if self._rest is None:
            with_figures = set(self._figure_sentences)
            self._rest = _Folded(self.doc, (i for i in range(len(self.doc.sentences)) if i not in with_figures))
        return self._rest

    def sentences_with(self, variants) -> frozenset[int]:
        """Sentences *holding a figure* whose folded text contains one of `variants` (already folded)."""
        return self._figures_folded().hits(variants)

    def sentences_with_all(self, variant_sets) -> set[int]:
        """Sentences holding, for each set, one of its variants. Exact on sentences that hold a
        figure, and empty only when no sentence at all qualifies; may omit figure-less sentences."""
        folded = self._figures_folded()
        keep = set(folded.ids)
        for variants in variant_sets:
            keep &= folded.hits(variants)
        if keep:
            return keep
        rest = self._rest_folded()
        keep = set(rest.ids)
        for variants in variant_sets:
            keep &= rest.hits(variants)
        return keep

    def folded_sentence(self, index: int) -> str:
        folded = self._figures_folded().get(index)
        if folded is None:
            folded = self._rest_folded().get(index)
        return folded

    def folded_text(self) -> tuple[str, "FoldedMap"]:
        """text.fold_with_map(doc.text), computed once: the folded text and, for each of its
        characters, the offset it came from in doc.text (a FoldedMap, indexable like that list)."""
        if self._folded_text is None:
            self._folded_text = fold_with_offsets(self.doc.text)
        return self._folded_text


class _Folded:
    """Some sentences of a document, folded and joined into one string for substring search."""

    def __init__(self, doc, ids):
        self.ids = list(ids)
        texts = fold_each([doc.sentence_text(i) for i in self.ids])
        self._by_id = dict(zip(self.ids, texts))
        self._offsets, position = [], 0
        for text in texts:
            self._offsets.append(position)
            position += len(text) + len(_SEP)
        self._joined = _SEP.join(texts)
        self._texts = texts
        self._memo: dict[str, frozenset[int]] = {}

    def get(self, sentence: int) -> str | None:
        return self._by_id.get(sentence)

    def hits(self, variants) -> frozenset[int]:
        out: set[int] = set()
        for variant in variants:
            out |= self._hits(variant)
        return frozenset(out)

    def _hits(self, variant: str) -> frozenset[int]:
        cached = self._memo.get(variant)
        if cached is not None:
            return cached
        if not variant:                          # '' is in every sentence, as `'' in s` says
            out = frozenset(self.ids)
        elif _SEP in variant:                    # cannot happen for folded words; stay exact anyway
            out = frozenset(i for i, text in zip(self.ids, self._texts) if variant in text)
        else:
            joined, offsets, ids, found = self._joined, self._offsets, self.ids, set()
            count = len(ids)
            start = joined.find(variant)
            while start >= 0:
                k = bisect.bisect_right(offsets, start) - 1
                found.add(ids[k])
                # on to the next sentence: one hit per sentence is enough
                start = joined.find(variant, offsets[k + 1]) if k + 1 < count else -1
            out = frozenset(found)
        if len(self._memo) < 4096:
            self._memo[variant] = out
        return out


_NUL = "\x00"


def fold_each(texts: list[str]) -> list[str]:
    """[fold(t) for t in texts], in one call: NUL is a starter no character composes with, not a
    space and has no case, so folding the NUL-joined texts and splitting again changes nothing."""
    if not texts or any(_NUL in t for t in texts):
        return [fold(t) for t in texts]
    out = fold(_NUL.join(texts)).split(_NUL)
    return out if len(out) == len(texts) else [fold(t) for t in texts]


class FoldedMap:
    """For each position in a folded text, the offset in the original text it came from.

    Indexable like the list text.fold_with_map returns, without one entry per character: the text
    is folded in chunks (each character on its own, so chunks change nothing) and only where each
    chunk's folded form starts is kept; a lookup walks one chunk, character by character.
    """

    CHUNK = 2048

    def __init__(self, text: str, lengths: dict[str, int], starts: list[int]):
        self._text, self._lengths, self._starts = text, lengths, starts

    def __getitem__(self, position: int) -> int:
        if position < 0:
            raise IndexError(position)
        k = bisect.bisect_right(self._starts, position) - 1
        offset, folded = k * self.CHUNK, self._starts[k]
        text, lengths = self._text, self._lengths
        while offset < len(text):
            folded += lengths[text[offset]]
            if folded > position:
                return offset
            offset += 1
        raise IndexError(position)


_CHAR_FOLD: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    folded = _CHAR_FOLD.get(ch)
    if folded is None:
        folded = fold(ch)
        if len(_CHAR_FOLD) < 200_000:
            _CHAR_FOLD[ch] = folded
    return folded


def fold_with_offsets(text: str) -> tuple[str, FoldedMap]:
    """Exactly text.fold_with_map(text) (each character folded on its own), computed in C where it can."""
    table = {ord(ch): _fold_char(ch) for ch in set(text)}
    chunks, starts, position = [], [], 0
    for start in range(0, len(text), FoldedMap.CHUNK):
        chunk = text[start:start + FoldedMap.CHUNK].translate(table)
        starts.append(position)
        chunks.append(chunk)
        position += len(chunk)
    lengths = {chr(k): len(v) for k, v in table.items()}
    return "".join(chunks), FoldedMap(text, lengths, starts or [0])
