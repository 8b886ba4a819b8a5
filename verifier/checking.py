"""Check one claim against its source: a verdict and the evidence behind it.

The checker knows nothing of YAML, pytest or terminals: it takes a Claim and a
SourceDoc and returns a Result value. Sentences are the unit of context: `near`
words must stand in the same sentence as the figure (and, where that sentence
holds several comparable figures, bind it: binding.py); without `near`, a figure
may only *contradict* a claim from a sentence that shares the claim's words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .binding import bound_to_near
from .claims import Claim
from .counted import claim_noun, count_evidence
from .glossary import DEFAULT, Glossary
from .matching import comparable, relate
from .numbers.figure import Figure
from .sources import Found, SourceDoc
from .text import fold, terms

_CONTEXT_BEFORE = re.compile(r"(?:[\u3400-\u9fff]{1,3}|(?:[^\s\u3400-\u9fff]+\s+){1,2})$")
_CURRENCIES = ("CNY", "USD", "HKD", "EUR", "JPY", "GBP")


@dataclass(frozen=True)
class Evidence:
    """What the source says: exact words, the value read, and where."""

    text: str
    figure: str
    value: str
    kind: str
    unit: str
    path: str
    line: int
    col: int
    relation: str            # match | conflict | compatible | quote
    note: str = ""
    sentence: str = ""

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Result:
    claim_id: str
    verdict: str             # supported | contradicted | not_found | error | stale
    expect: str
    claim: str = ""
    figures: tuple[str, ...] = ()
    wanted: tuple[str, ...] = ()      # value_text of each claimed figure
    found: tuple[Evidence, ...] = ()
    reason: str = ""
    source: str = ""
    location: str = ""                 # claims.yaml:LINE
    error: str = ""

    @property
    def passed(self) -> bool:
        return self.verdict == self.expect


@dataclass
class _Outcome:
    relation: str = "none"
    evidence: list = field(default_factory=list)
    reason: str = ""


def check_claim(claim: Claim, doc: SourceDoc, glossary: Glossary = DEFAULT) -> Result:
    """Verdict for one claim whose source is `doc`."""
    base = dict(claim_id=claim.id, expect=claim.expect, claim=claim.claim, figures=claim.figures,
                wanted=tuple(f.value_text() for f in claim.parsed), source=claim.source,
                location=f"{claim.loc.path}:{claim.loc.line}")
    near_ok = _sentences_with_all(doc, claim.near, glossary)
    if claim.near and not near_ok:
        return Result(verdict="not_found", reason=f"no sentence contains all of: {', '.join(claim.near)}", **base)
    relevance = _relevance(doc, claim, glossary, near_ok)
    # near binds the figure of a one-figure claim to its clause (verifier/binding.py); a claim with
    # several figures (63.76% vs GPT-4's 61.88%) names several things, and its near words not each one.
    near_words = tuple(glossary.variants(word) for word in claim.near) if claim.near else ()
    binding = near_words if len(claim.parsed) == 1 else ()
    nouns = [claim_noun(claim.claim, text, fig, glossary) for text, fig in zip(claim.figures, claim.parsed)]
    outcomes = [_check_figure(fig, doc, near_ok, relevance, bool(claim.near), binding, claim.claim, glossary, noun)
                for fig, noun in zip(claim.parsed, nouns)]
    evidence = [e for o in outcomes for e in o.evidence]
    reasons = [o.reason for o in outcomes if o.reason]
    quote_evidence, quote_reason = _check_quote(claim.quote, doc) if claim.quote else (None, "")
    if quote_evidence:
        evidence.append(quote_evidence)
    if quote_reason:
        reasons.append(quote_reason)
    relations = [o.relation for o in outcomes]
    if "conflict" in relations:
        verdict = "contradicted"
    elif all(r == "match" for r in relations) and not quote_reason:
        verdict = "supported"
    else:
        verdict = "not_found"
    return Result(verdict=verdict, found=tuple(evidence), reason="; ".join(reasons), **base)


def _sentences_with_all(doc: SourceDoc, words, glossary: Glossary) -> set[int] | None:
    """Indexes of sentences holding every near word (None: no near words given); exact where a figure
    stands, which is all the checker looks at, and empty only when no sentence has them all."""
    if not words:
        return None
    return doc.index.sentences_with_all([glossary.variants(word) for word in words])


def _relevance(doc: SourceDoc, claim: Claim, glossary: Glossary, allowed) -> dict[int, int]:
    """How many of the claim's content words each sentence with a figure shares (none: left out)."""
    words = terms(claim.claim) - {fold(t) for f in claim.figures for t in terms(f)}
    scores: dict[int, int] = {}
    for word in words:
        for index in doc.index.sentences_with(glossary.variants(word)):
            if allowed is None or index in allowed:
                scores[index] = scores.get(index, 0) + 1
    return scores


def _claim_side(fig: Figure) -> tuple[Figure, tuple[str, ...]]:
    """A money rate ('¥0.5 per million tokens') is checked as money in a sentence naming the denominator."""
    if fig.kind == "rate" and "/" in fig.unit:
        numerator, denominator = fig.unit.split("/", 1)
        if numerator in _CURRENCIES:
            from dataclasses import replace
            nouns = tuple(w for w in denominator.split() if not w[0].isdigit())
            return replace(fig, kind="money", unit=numerator), nouns
    return fig, ()


def _check_figure(claimed: Figure, doc: SourceDoc, near_ok, relevance, has_near: bool, binding: tuple,
                  claim_text: str, glossary: Glossary = DEFAULT, noun: frozenset = frozenset()) -> _Outcome:
    target, required_nouns = _claim_side(claimed)
    threshold = _conflict_threshold(claim_text)      # once per figure, not per candidate
    best: dict[str, tuple] = {}
    # Comparable kind/unit only (doc.index), most relevant sentences first, in document order within a
    # score. A match always wins and ranks by score first, so once one is found, candidates of a lower
    # score cannot change the outcome.
    pool = doc.index.candidates(target)
    if target is not claimed:            # a money rate also meets rate figures of its own unit head-on
        pool = sorted({id(f): f for f in (*pool, *doc.index.candidates(claimed))}.values(),
                      key=lambda f: f.figure.start)
    eligible = []
    for found in pool:
        if near_ok is not None and found.sentence not in near_ok:
            continue
        fig = found.figure
        side = claimed if fig.kind == "rate" else target
        if not comparable(side, fig):
            continue
        if required_nouns and side is target:
            sentence = doc.index.folded_sentence(found.sentence)
            if not all(any(v in sentence for v in glossary.variants(n)) for n in required_nouns):
                continue
        eligible.append((found, side))
    eligible = count_evidence(doc, eligible, target, noun, glossary)
    set_aside = []
    if binding:
        bound = bound_to_near(doc, eligible, binding)
        kept = {id(f) for f, _ in bound}
        set_aside = [f for f, _ in eligible if id(f) not in kept]
        eligible = bound
    eligible.sort(key=lambda pair: -relevance.get(pair[0].sentence, 0))
    for found, side in eligible:
        if "match" in best and relevance.get(found.sentence, 0) < best["match"][0][0]:
            break
        fig = found.figure
        relation = relate(side, fig)
        score = relevance.get(found.sentence, 0)
        if relation.kind == "conflict" and not has_near and score < threshold:
            continue
        rank = (score, -_distance(side, fig), -found.figure.start)
        if relation.kind not in best or rank > best[relation.kind][0]:
            best[relation.kind] = (rank, found, relation)
    for kind in ("match", "conflict", "compatible"):
        if kind in best:
            _, found, relation = best[kind]
            evidence = _evidence(found, doc, kind, relation.note)
            reason = relation.note
            if kind == "conflict":
                reason = f"source says {evidence.value} ({evidence.figure}), claim says {claimed.value_text()}" + \
                         (f": {relation.note}" if relation.note else "")
            elif kind == "compatible":
                reason = f"source says {evidence.value}; {relation.note}"
            return _Outcome(kind, [evidence], reason)
    confused = _unit_confusion(claimed, doc, near_ok) if has_near else None
    if confused is not None:
        evidence = _evidence(confused, doc, "conflict", "")
        return _Outcome("conflict", [evidence], f"source says {evidence.value} ({evidence.figure}), claim says "
                        f"{claimed.value_text()}: the same number in another unit")
    reason = f"no figure like {claimed.value_text()} in the source" + (" near the given words" if has_near else "")
    if set_aside:
        # Say what the near words' sentences do hold, so a person can see why it does not count.
        shown = ", ".join(f"{f.figure.text} ({doc.path}:{f.line}:{f.col})" for f in set_aside[:2])
        reason += (f"; set aside, as the near words speak of another subject or clause: {shown}"
                   + (f" and {len(set_aside) - 2} more" if len(set_aside) > 2 else ""))
    return _Outcome("none", [], reason)


_RATIO_KINDS = ("percent", "points", "multiplier")


def _unit_confusion(claimed: Figure, doc: SourceDoc, near_ok) -> Found | None:
    """A near sentence giving the claim's number as a share where the claim says times (精度提高4.4% told as
    '4.4x'), or the other way round: the classic slip of a unit, not a figure the source lacks."""
    if claimed.kind not in _RATIO_KINDS or claimed.value is None or not near_ok:
        return None
    for found in doc.found:
        fig = found.figure
        if (found.sentence in near_ok and fig.kind in _RATIO_KINDS and fig.kind != claimed.kind
                and fig.value is not None and fig.value == claimed.value):
            return found
    return None


def _conflict_threshold(claim_text: str) -> int:
    count = len(terms(claim_text))
    return 1 if count <= 3 else 2


def _distance(a: Figure, b: Figure) -> Decimal:
    if a.value is None or b.value is None:
        return Decimal(0)
    try:
        return abs(a.value - b.value) / (abs(a.value) + abs(b.value) or 1)
    except Exception:  # pragma: no cover - dates carry no value
        return Decimal(0)


def _evidence(found: Found, doc: SourceDoc, relation: str, note: str) -> Evidence:
    fig = found.figure
    start, _ = doc.sentences[found.sentence]
    before = doc.text[start:fig.start]
    context = _CONTEXT_BEFORE.search(before)
    words = (context.group() if context else "") + fig.text
    return Evidence(text=words.strip(), figure=fig.text, value=fig.value_text(), kind=fig.kind, unit=fig.unit,
                    path=doc.path, line=found.line, col=found.col, relation=relation, note=note,
                    sentence=doc.sentence_text(found.sentence))


def _check_quote(quote: str, doc: SourceDoc) -> tuple[Evidence | None, str]:
    folded, index = doc.index.folded_text()
    target = fold(quote)
    position = folded.find(target) if target else -1
    if position < 0:
        return None, f"quote not found: {quote!r}" + _closest_passage(target, folded, index, doc)
    start = index[position]
    end = index[position + len(target) - 1] + 1
    line, col = doc.line_col(start)
    return Evidence(text=doc.text[start:end], figure="", value="", kind="quote", unit="", path=doc.path,
                    line=line, col=col, relation="quote", sentence=doc.sentence_text(doc.sentence_index(start))), ""


CLOSEST_LIMIT = 2_000_000       # characters: beyond this, a near-miss search costs more than it tells


def _closest_passage(target: str, folded: str, index: list[int], doc: SourceDoc) -> str:
    """Where the source says nearly the quoted words, so a person sees the real wording at once."""
    if not target or len(folded) > CLOSEST_LIMIT:
        return ""
    from difflib import SequenceMatcher
    match = SequenceMatcher(None, folded, target, autojunk=False).find_longest_match(0, len(folded), 0, len(target))
    if match.size < max(4, len(target) * 2 // 5):
        return ""
    first = max(match.a - match.b, 0)
    last = min(first + len(target), len(folded)) - 1
    start, end = index[first], index[last] + 1
    line, col = doc.line_col(start)
    return f"; closest passage: {doc.text[start:end]!r} at {doc.path}:{line}:{col}"
