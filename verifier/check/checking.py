"""Check one claim against its source: a verdict and the evidence behind it.

The checker knows nothing of YAML, pytest or terminals: it takes a Claim and a
SourceDoc and returns a Result value. Sentences are the unit of context: `near`
words must stand in the same sentence as the figure (and, where that sentence
holds several comparable figures, bind it: binding.py); without `near`, a figure
may only *contradict* a claim from a sentence that shares the claim's words.
"""
from __future__ import annotations

import math

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .basis import bases, bases_differ, claim_basis, figure_basis
from .binding import bound_to_near
from .cells import (BARE_COUNT, bound_cells, cell_unnamed, header_readings, in_a_cell, near_in_cell,
                    others_column, row_cells)
from ..claimsfile.claims import Claim
from .claimwords import Term, claim_terms, term_forms
from .counted import claim_noun, count_evidence
from .measures import figure_measure, measures_in
from .subjects import claim_subjects, other_subject, other_variant, spaced_text, table_subject, writes_name
from ..document.glossary import DEFAULT, Glossary
from ..numbers.lexicon import CLASSIFIER_CHARS
from ..numbers.matching import Relation, comparable, relate
from ..numbers.figure import Figure
from ..document.scope import (claim_direction, claim_expects, claim_figures, claim_is_baseline, claim_is_difference,
                              claim_periods,
                              claim_role, claim_years, clauses_of, figures_between, found_index, found_of, in_claim,
                              part_of, periods_differ, publication_year, scope_of)
from ..document.memo import find_figures
from ..document.sources import Found, SourceDoc
from ..document.reading import format_note, without_markup
from ..document.lexicon import whole_words_before
from ..document.text import STOPWORDS, contains, fold, fold_spaced, same_word_breaks, terms

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
    claimed: str = ""        # the claim's figure this evidence answers, as the claim writes it

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Result:
    claim_id: str
    verdict: str             # supported | contradicted | not_found | error | stale | skipped
    expect: str
    claim: str = ""
    figures: tuple[str, ...] = ()
    wanted: tuple[str, ...] = ()      # value_text of each claimed figure
    found: tuple[Evidence, ...] = ()
    reason: str = ""
    source: str = ""
    location: str = ""                 # claims.yaml:LINE
    error: str = ""
    hints: tuple[str, ...] = ()        # what to fix, for a failing claim (diagnose.py, filled in by run.py)

    @property
    def passed(self) -> bool:
        """Meets its expect; a skipped claim (`skip:`) fails nothing."""
        return self.verdict == self.expect or self.verdict == "skipped"


@dataclass
class _Outcome:
    relation: str = "none"
    evidence: list = field(default_factory=list)
    reason: str = ""
    found: Found | None = None       # the source figure that decided it


@dataclass(frozen=True)
class _Claimed:
    """What binds a claim to its evidence, worked out once per claim."""

    near: tuple                  # forms of each near word
    near_ok: set | None          # sentences holding every near word (None: no near words)
    terms: tuple[Term, ...]      # the claim's own words, as the source may write them
    bindable: bool               # some claim word stands in the source: scope can be decided
    years: frozenset[str]        # years the claim names ('revenue in 2019')
    periods: frozenset[str]      # months, quarters, halves it names ('in June': 'm6')
    threshold: int               # claim words a conflict needs without near
    text: str = ""               # the claim, text.fold_spaced
    weights: tuple[float, ...] = ()   # per term: how rare it is in the source's sentences
    absent_names: tuple[str, ...] = ()  # names the source never writes: it does not speak of the claim's subject
    identifiers: tuple[Figure, ...] = ()  # the claim's other measures that say which item it means ('the 4 GB model')
    expects: bool = False        # the claim (or its near words) speaks of a target, forecast or expectation
    compares: bool = False       # the claim gives several figures: the value measured against may be one
    marks: tuple[str, ...] = ()  # text.fold of the claim's other numbers, no dates ('in 4K'): words that say which
    part_of: bool = True         # the claim counts part of a whole ('3,205 of the responses'); True: cannot tell
    names: tuple = ()            # (word, forms) of the claim's proper names that the source writes (GM, 广东)
    stated: tuple = ()           # every figure the claim text writes, listed in `figures` or not
    raw: str = ""                # the claim text as written (capitals kept)
    unit_words: tuple = ()       # forms of the words the claim's figures carry (4.7M params, 26 fps): they can
                                 # name a table's column (Params (M))
    basis: str = ""              # what the claim's change is measured against: 'yoy', 'seq', 'ytd', 'avg2', 'vs2019'
    measures: frozenset = frozenset()      # the financial measures the claim names (revenue, the bottom line…)
    settings: dict = field(default_factory=dict)   # the claim's settings and sizes (mp=1, 640x640): _settings
    own_periods: frozenset = frozenset()   # `periods` less those of its bases (and of 'this/last year' where it
                                           # gives several figures): what a figure's period must not differ from


def check_claim(claim: Claim, doc: SourceDoc, glossary: Glossary = DEFAULT) -> Result:
    """Verdict for one claim whose source is `doc`."""
    base = dict(claim_id=claim.id, expect=claim.expect, claim=claim.claim, figures=claim.figures,
                wanted=tuple(f.value_text() for f in claim.parsed), source=claim.source,
                location=f"{claim.loc.path}:{claim.loc.line}")
    near = _near_forms(doc, claim.near, glossary)
    near_ok = doc.index.sentences_with_all(near) if claim.near else None
    if claim.near and not near_ok and not doc.layout.cells:
        return Result(verdict="not_found", reason=_near_missing(doc, claim.near, near), **base)
    claim_words = claim_terms(claim.claim, claim.figures, doc.lang, glossary)
    weights, present = _rarity(doc, claim_words)
    years = claim_years(claim.claim, claim.figures)
    claimed = _Claimed(near, near_ok, claim_words, any(present), years,
                       claim_periods(claim.claim, claim.figures),
                       _conflict_threshold(claim.claim, claim_words), fold_spaced(claim.claim) if claim.claim.strip() else "",
                       weights, _absent_names(doc, claim_words, present), _identifiers(claim),
                       claim_expects(" ".join((claim.claim, *claim.near))) or not claim.claim.strip(),
                       len(claim.parsed) > 1, _marks(claim), _claims_a_part(claim),
                       claim_subjects(doc, claim.claim, claim.figures, claim_words, present),
                       _stated(claim), claim.claim, _unit_words(claim, glossary), claim_basis(claim.claim, years),
                       measures=frozenset(measures_in(claim.claim)), own_periods=_own_periods(claim),
                       settings=_settings(claim.claim))
    # near binds the figure of a one-figure claim to its clause (verifier/check/binding.py); a claim with
    # several figures (63.76% vs GPT-4's 61.88%) names several things, and its near words not each one.
    binding = near if claim.near and len(claim.parsed) == 1 else ()
    nouns = [claim_noun(claim.claim, text, fig, glossary) for text, fig in zip(claim.figures, claim.parsed)]
    outcomes = [_check_figure(fig, doc, claimed, binding, glossary, noun,
                              (claim_is_baseline(claim.claim, text), _claim_role(claim.claim, text, fig),
                               claim_direction(claim.claim, text)),
                              [other for other in claim.parsed if other is not fig],
                              _figure_nouns(text, fig, doc.lang, glossary))
                for fig, noun, text in zip(claim.parsed, nouns, claim.figures)]
    outcomes = _levels_of_changes(claim, doc, _paired_changes(claim, doc, outcomes))
    outcomes = [_answering(o, text) for o, text in zip(outcomes, claim.figures)]
    if claim.near and not any(o.evidence for o in outcomes) and not near_ok:
        return Result(verdict="not_found", reason=_near_missing(doc, claim.near, near), **base)
    # the evidence that decides comes first: a conflict, else what the claim lacks, else the matches
    order = {"conflict": 0, "none": 1, "compatible": 1, "match": 2}
    ranked = sorted(outcomes, key=lambda o: order.get(o.relation, 1))
    evidence = [e for o in ranked for e in o.evidence]
    reasons = [o.reason for o in ranked if o.reason]
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


def _claim_role(claim_text: str, figure_text: str, fig: Figure) -> str:
    """The role a claim gives its figure: a percentage's change or share, or any other figure's difference
    ('3,000 more responses than', 比上海高出70.24亿元)."""
    if fig.kind not in ("percent", "points", "multiplier") and claim_is_difference(claim_text, figure_text):
        return "difference"
    return claim_role(claim_text, figure_text)


def _answering(outcome: _Outcome, figure_text: str) -> _Outcome:
    """The outcome with each piece of its evidence naming the claim figure it answers."""
    from dataclasses import replace
    outcome.evidence = [replace(e, claimed=figure_text) for e in outcome.evidence]
    return outcome


def _paired_changes(claim: Claim, doc: SourceDoc, outcomes: list) -> list:
    """A claim's change that follows its level (地方财政收入124.11亿元，同比增长73.7%; revenue of $5B, up 12%) is
    the change of that level. Where the level's match in the source is followed, in its sentence, by a change
    of its own before any other level, that change is what the source says of the claim's: a 73.7% found
    elsewhere in the sentence (全市财政总收入…增长73.7%) is another level's."""
    figures = list(zip(claim.figures, claim.parsed, outcomes))
    out = list(outcomes)
    for i in range(1, len(figures)):
        (_, level, before), (text, change, outcome) = figures[i - 1], figures[i]
        if (before.relation != "match" or before.found is None or outcome.relation != "match"
                or claim_role(claim.claim, text) != "change" or level.kind in ("percent", "points", "date")):
            continue
        owns = _changes_after(doc, before.found, change)
        if not owns or outcome.found in owns or any(relate(change, f.figure).kind == "match" for f in owns):
            continue                 # 同比增长19.8%，两年平均增长7%: a level may have several changes
        out[i] = _owned_conflict(doc, change, owns[0], f"for {before.found.figure.text}") or out[i]
    return out


def _owned_conflict(doc: SourceDoc, claimed: Figure, own: Found, whose: str) -> _Outcome | None:
    """The conflict of a claim's figure with the value the source gives in its place ('for 124.11亿元', 'after
    19.1 percent'), or None where they agree."""
    relation = relate(claimed, own.figure)
    if relation.kind != "conflict":
        return None
    evidence = _evidence(own, doc, "conflict", relation.note)
    return _Outcome("conflict", [evidence], f"source says {_said(evidence)} {whose}, claim says "
                    f"{claimed.value_text()}", own)


def _levels_of_changes(claim: Claim, doc: SourceDoc, outcomes: list) -> list:
    """A claim's level or starting value that follows its change ('rose 19.1% to $67.2 million', 'up 9.0% to
    $1.09 from $1.01', 增长24.9%至39.55亿元) belongs to that change. Where the change's match in the source is
    followed, in its sentence and before any other change, by a value of the level's kind in the same role
    (reached, or started from), that value is what the source says of the claim's: a $67.2 million found
    elsewhere (the adjusted figure) is another quantity's."""
    figures = list(zip(claim.figures, claim.parsed, outcomes))
    out = list(outcomes)
    for i, (text, change, outcome) in enumerate(figures):
        if outcome.relation != "match" or outcome.found is None or claim_role(claim.claim, text) != "change":
            continue
        for j in range(i + 1, len(figures)):
            level_text, level, level_outcome = figures[j]
            if claim_role(claim.claim, level_text) == "change" or level.kind in ("percent", "points", "date"):
                break                # the next change of the claim starts another statement
            if level_outcome.relation == "conflict":
                continue
            starting = claim_is_baseline(claim.claim, level_text)
            own = next((f for f in _after_change(doc, outcome.found, level) if scope_of(doc, f).baseline == starting),
                       None)
            if own is None:
                continue
            out[j] = _owned_conflict(doc, level, own, f"after {outcome.found.figure.text}") or out[j]
    return out


def _after_change(doc: SourceDoc, change: Found, level: Figure) -> list[Found]:
    """The figures comparable with `level` after `change` in its sentence, before the next change."""
    out = []
    for found in doc.found[found_index(doc, change) + 1:]:
        if found.sentence != change.sentence or (found.figure.kind in ("percent", "points")
                                                 and scope_of(doc, found).role == "change"):
            break
        if comparable(level, found.figure):
            out.append(found)
    return out


def _changes_after(doc: SourceDoc, level: Found, change: Figure) -> list[Found]:
    """The change figures after `level` in its sentence, before any other figure of the level's kind and before
    words that name another subject (273.1万台，公共充电基础设施增量同比上涨772.6%: the increment's change)."""
    out = []
    for found in doc.found[found_index(doc, level) + 1:]:
        if found.sentence != level.sentence or found.figure.kind == level.figure.kind:
            break
        if comparable(change, found.figure) and scope_of(doc, found).role == "change":
            if _names_a_subject(doc.text[level.figure.end:found.figure.start]):
                break
            out.append(found)
    return out


# What may stand between a level and its own change: a unit, punctuation, 'up', 同比增长, 'compared with'.
_CHANGE_GAP_WORDS = re.compile(r"同比|环比|比上年|较上年|比上月|较上月|两年平均|年均|平均|分别|增长|增加|上涨|上升|提高|下降|减少|"
                               r"下滑|回落|增幅|降幅|增速|[了为达至约近超逾]|(?i:\b(?:up|down|rose|fell|grew|increased|decreased|"
                               r"declined|or|an|a|of|by|year[- ]on[- ]year|year[- ]over[- ]year|from|the|same|period|last|"
                               r"year|compared|with|to|increase|decrease|rise|growth)\b)")


def _names_a_subject(gap: str) -> bool:
    """Does the text between a level and a change hold words of its own (another subject), beyond a unit and
    the words of change?"""
    rest = _CHANGE_GAP_WORDS.sub("", gap)
    return len(re.findall(r"[A-Za-z]{3,}|[\u3400-\u9fff]", rest)) > 3


def _near_forms(doc: SourceDoc, words, glossary: Glossary) -> tuple:
    """Forms of each near word: the glossary's; where a word so found stands in no sentence with the
    others, also its translations from the lexicon (an English near word on a Chinese text)."""
    if not words:
        return ()
    forms = tuple(glossary.variants(word) for word in words)
    if doc.index.sentences_with_all(forms):
        return forms
    return tuple(a | b for a, b in zip(forms, term_forms(words, doc.lang, glossary)))


def _near_missing(doc: SourceDoc, words, forms) -> str:
    """Which near words the source lacks altogether, and what was looked for, so a person can fix it."""
    folded = doc.index.folded_text()[0]
    absent = [f"{word} (looked for: {', '.join(sorted(variants)[:6])})"
              for word, variants in zip(words, forms) if not any(v and v in folded for v in variants)]
    reason = f"no sentence contains all of: {', '.join(words)}"
    if absent:
        reason += "; not in the source at all: " + "; ".join(absent) + \
                  " (add a glossary entry if the source words it otherwise)"
    return reason


def _figure_nouns(figure_text: str, fig: Figure, source_lang: str, glossary: Glossary) -> tuple[set[str], ...]:
    """Forms of the words a claim's figure writes after its number that the number does not read ('two weekends',
    '3.8M QPS', '6500 startups'): what it counts, which the source's figure must count too. Bare counts only."""
    if fig.kind != "count" or fig.unit:
        return ()
    tail = figure_text[fig.end:].strip() if figure_text.startswith(fig.text) or fig.text in figure_text else ""
    tail = tail[1:] if tail[:1] and tail[0] in CLASSIFIER_CHARS else tail       # 12个议席: 议席
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}|[\u3400-\u9fff]{2,}", tail)[:2]
             if w.lower() not in STOPWORDS]
    # only in the source's own language: a translation the lexicon lacks (frames: 帧, rounds: 轮) binds nothing
    words = [w for w in words if (w[0] >= "\u3400") == (source_lang == "zh")]
    return tuple(forms | {f[:-1] for f in forms if len(f) > 3 and f.endswith("s") and f.isascii()}
                 for forms in term_forms(words, source_lang, glossary))


def _names_the_noun(doc: SourceDoc, found: Found, figure_nouns: tuple[set[str], ...]) -> bool:
    """Does the figure's sentence (a cell's labels and text) write every noun the claim's figure counts?"""
    cell = doc.layout.cell_at(found.figure.start) if doc.layout.cells else None
    labels = f" {cell.row_label} {cell.col_header}" if cell is not None else ""
    text = fold_spaced(doc.sentence_text(found.sentence) + labels)
    return all(any(contains(text, form) for form in forms) for forms in figure_nouns)


def _claim_side(fig: Figure) -> tuple[Figure, tuple[str, ...]]:
    """A money rate ('¥0.5 per million tokens') is checked as money in a sentence naming the denominator."""
    if fig.kind == "rate" and "/" in fig.unit:
        numerator, denominator = fig.unit.split("/", 1)
        if numerator in _CURRENCIES:
            from dataclasses import replace
            nouns = tuple(w for w in denominator.split() if not w[0].isdigit())
            return replace(fig, kind="money", unit=numerator), nouns
    return fig, ()


def _check_figure(claimed_fig: Figure, doc: SourceDoc, claimed: _Claimed, binding: tuple, glossary: Glossary,
                  noun: frozenset, role: tuple[bool, str, str], others: list[Figure] = (),
                  figure_nouns: tuple[set[str], ...] = ()) -> _Outcome:
    target, required_nouns = _claim_side(claimed_fig)
    near_ok, has_near = claimed.near_ok, claimed.near_ok is not None
    # Comparable kind/unit only (doc.index), in document order.
    pool = doc.index.candidates(target)
    if target is not claimed_fig:        # a money rate also meets rate figures of its own unit head-on
        pool = sorted({id(f): f for f in (*pool, *doc.index.candidates(claimed_fig))}.values(),
                      key=lambda f: f.figure.start)
    if target.kind == "money" and target.unit == "CNY":
        pool = _with_unwritten_yuan(doc, pool)
    if doc.layout.cells:
        pool = _merged(pool, header_readings(doc, target, claimed.text))
    eligible, set_aside = [], []
    for found in pool:
        if has_near and found.sentence not in near_ok and not near_in_cell(doc, found, claimed.near):
            continue
        fig = found.figure
        side = claimed_fig if fig.kind == "rate" else target
        if not comparable(side, fig):
            continue
        if target.kind == "count" and not target.unit and fig.unit and claimed.text and not any(
                contains(claimed.text, v) for v in glossary.variants(fig.unit)):
            continue                 # 2.4万亿 tokens is no count of downloads: the claim names no tokens
        if required_nouns and side is target:
            sentence = doc.index.folded_sentence(found.sentence)
            if not all(any(v in sentence for v in glossary.variants(n)) for n in required_nouns):
                continue
        eligible.append((found, side))
    eligible = count_evidence(doc, eligible, target, noun, glossary)
    if figure_nouns:                 # 'two weekends', '3.8M QPS': the source's figure must count the same thing
        eligible = [(f, side) for f, side in eligible if _names_the_noun(doc, f, figure_nouns)]
    eligible, out_of_scope = _in_scope(doc, eligible, claimed, role)
    eligible = _of_the_claims_period(doc, eligible, claimed)
    if binding:
        cells = [pair for pair in eligible if doc.layout.cells and doc.layout.cell_at(pair[0].figure.start)]
        prose = [pair for pair in eligible if pair not in cells]
        bound = bound_to_near(doc, prose, binding) + bound_cells(doc, cells, binding)
        kept = {id(f) for f, _ in bound}
        set_aside = [f for f, _ in eligible if id(f) not in kept]
        eligible = bound
    best: dict[str, tuple] = {}
    weak_match = None
    for found, side in eligible:
        fig = found.figure
        relation = _directed(relate(side, fig), role[2], scope_of(doc, found).direction)
        if relation.kind == "conflict" and any(comparable(o, fig) and relate(o, fig).kind == "match"
                                               for o in (*others, *claimed.stated)):
            continue                 # the claim's other figure (63.76% vs GPT-4's 61.88%), not a conflict
        score = _relevance(doc, found, claimed.terms)
        if relation.kind == "conflict" and others_column(doc, fig, claimed_fig, others):
            continue                 # 57.2 mAP and 26 fps: the fps column is the other figure's
        if relation.kind == "conflict" and not has_near and (
                score < claimed.threshold or claimed.absent_names
                or _coverage(doc, found, claimed) < (_CELL_COVERAGE if in_a_cell(doc, fig) else _COVERAGE)):
            continue                 # a figure about something else, or a subject the source never names (a
            #                          cell's row and column, which the claim names, bind it more)
        if relation.kind == "compatible" and not has_near and claimed.terms and score < 1 and not in_a_cell(doc, fig):
            continue                 # a figure the claim's value only brushes, about nothing the claim names: no
            #                          evidence to show (say what was set aside instead)
        if relation.kind == "match" and not has_near and claimed.terms and (
                (score < 1 and not in_a_cell(doc, fig)) or claimed.absent_names) and not _dateline(doc, fig):
            weak_match = weak_match or found     # the value, but in a sentence about something else
            continue
        rank = (_coverage(doc, found, claimed), _same_base(doc, found, claimed), score, -_distance(side, fig),
                -found.figure.start)
        if relation.kind not in best or rank > best[relation.kind][0]:
            best[relation.kind] = (rank, found, relation)
    if "match" in best and "conflict" in best and (
            _names_it_better(doc, best["conflict"][1], best["match"][1], claimed)
            or best["conflict"][0][0] - best["match"][0][0] >= _BETTER_COVERAGE):
        del best["match"]            # MMLU（+23%）、CEval（+33%）: the figure labelled with the claim's words differs;
        #                              or the conflicting figure's scope holds much more of what the claim is about
    if "match" in best and (sibling := _better_labelled(doc, best["match"][1], eligible, claimed, others)):
        del best["match"]            # 80W 有线快充和 50W 无线快充: the figure of the clause whose own words are the
        best["conflict"] = (None, *sibling)     # claim's is another, and it says otherwise
    for kind in ("match", "conflict", "compatible"):
        if kind in best:
            _, found, relation = best[kind]
            evidence = _evidence(found, doc, kind, relation.note)
            reason = relation.note
            if kind == "conflict":
                reason = f"source says {_said(evidence)}, claim says {claimed_fig.value_text()}" + \
                         (f": {relation.note}" if relation.note else "")
            elif kind == "compatible":
                reason = f"source says {evidence.value}; {relation.note}"
            return _Outcome(kind, [evidence], reason, found)
    confused = _unit_confusion(claimed_fig, doc, near_ok) if has_near else None
    if confused is not None:
        evidence = _evidence(confused, doc, "conflict", "")
        return _Outcome("conflict", [evidence], f"source says {_said(evidence)}, claim says "
                        f"{claimed_fig.value_text()}: the same number in another unit")
    from .diagnose import unfound_reason      # says where the claim's own value stands, if set aside
    reason = unfound_reason(claimed_fig, doc, claimed, has_near, weak_match, out_of_scope, set_aside)
    return _Outcome("none", [], reason)


# Chinese money words that leave 元 unwritten: 净利润盈利：892.8亿, 营收1212.73亿.
_YUAN_CONTEXT = re.compile(r"(?:营收|收入|利润|净利|亏损|盈利|营业额|销售额|市值|估值|融资|投资|成本|费用|资产|负债|金额|资金|"
                           r"交易额|票房|预算|募资|现金)[^，。；;！？\d]{0,6}$")


def _with_unwritten_yuan(doc: SourceDoc, pool) -> list:
    """The pool of a yuan claim, with the Chinese sums whose 元 the source leaves unwritten (净利润盈利：892.8亿)
    read as yuan: a count with 万 or 亿 right after a word of money."""
    extra = []
    for found in doc.index.candidates(BARE_COUNT):
        fig = found.figure
        if fig.unit or not re.search(r"[万亿]", fig.text) or fig.text.endswith(("元", "人", "个", "家")):
            continue
        start = doc.sentences[found.sentence][0]
        if _YUAN_CONTEXT.search(doc.text, max(start, fig.start - 20), fig.start):
            from dataclasses import replace
            extra.append(replace(found, figure=replace(fig, kind="money", unit="CNY")))
    return _merged(pool, extra)


def _said(evidence: Evidence) -> str:
    """The value the source gives, with its words where they differ from it: 97%, or CNY 1.28B (12.80亿元)."""
    words = evidence.figure.strip()
    return evidence.value if words == evidence.value else f"{evidence.value} ({words})"


def _merged(pool, extra: list) -> list:
    """The pool with `extra` Found items, each replacing the pool's item at its position, in text order."""
    if not extra:
        return pool
    at = {f.figure.start: f for f in pool}
    at.update((f.figure.start, f) for f in extra)
    return sorted(at.values(), key=lambda f: f.figure.start)


def _directed(relation: Relation, claimed: str, found: str) -> Relation:
    """A change the claim says went up, where the source says it went down (增长3.4% for 下降3.4%): the same
    number, the opposite fact."""
    if relation.kind == "match" and claimed and found and claimed != found:
        return Relation("conflict", f"the source says it went {found}, the claim says {claimed}")
    return relation


def _in_scope(doc: SourceDoc, eligible: list, claimed: _Claimed, role: tuple[bool, str, str]) -> tuple[list, list]:
    """Candidates whose period, role, list slot and table cell agree with the claim, and (Found, why) for the
    others. `role`: (the claim gives a starting value, 'change' | 'share' | '')."""
    baseline, share_or_change, _ = role
    kept, out = [], []
    for found, side in eligible:
        scope = scope_of(doc, found)
        unnamed = cell_unnamed(doc, found, claimed, side)
        if unnamed:
            out.append((found, unnamed))
        elif (setting := _SETTING_BEFORE.search(doc.prose, max(0, found.figure.start - 24), found.figure.start)) \
                and not any(side.low in values for values in claimed.settings.values()):
            out.append((found, f"the value of a setting ({setting.group().strip()}…), not a measure"))
        elif claimed.years and (years := _dated(doc, found, scope)) and not claimed.years & years:
            out.append((found, f"about {', '.join(sorted(years))}"))
        elif periods_differ(claimed.own_periods, scope.periods, claimed.compares):
            out.append((found, "about another month, quarter or half-year"))
        elif _changes(found, scope) and bases_differ(claimed.basis, base := figure_basis(doc, found, scope.years),
                                                      claimed.periods, claimed.years):
            out.append((found, f"a change from another base ({_BASE_NAMES.get(base[:3], base)}), where the claim "
                               f"measures from {_BASE_NAMES.get(claimed.basis[:3], claimed.basis)}"))
        elif "y-1" in scope.periods and "y-1" not in claimed.periods and not baseline and scope.role != "change" \
                and not scope.direction and claimed.years & scope.years:
            out.append((found, "about the year before (last year)"))   # $39.6 million in the second quarter of last year
        elif scope.baseline and not baseline and not (claimed.periods & scope.periods and not _revised(doc, found)) \
                and not _names_compared(scope, claimed):
            out.append((found, "a starting value"))      # unless the claim names the month it started in
        elif scope.part_of and not claimed.part_of:
            out.append((found, "a count of part of a whole ('… of the …'), where the claim gives a whole"))
        elif scope.part.strip() and not _names_part(doc, found, scope.part, claimed):
            out.append((found, f"a part ({scope.part.strip()}) the claim does not name"))
        elif part := _part_named_after(doc, found, claimed):
            out.append((found, f"the whole, where the claim names its part ({part})"))
        elif scope.expected and not claimed.expects:
            out.append((found, "a target or forecast, where the claim says what happened"))
        elif found.figure.kind not in ("percent", "points", "multiplier") and (share_or_change == "difference") != (
                scope.role == "difference"):
            out.append((found, "a difference between two values, where the claim gives a value"
                        if scope.role == "difference" else "a value, where the claim gives a difference"))
        elif share_or_change == "share" and found.figure.kind == "percent" and (found.figure.low or 0) > 100:
            out.append((found, "over 100%: no share"))
        elif share_or_change and scope.role and scope.role != share_or_change:
            out.append((found, f"a {scope.role}, where the claim gives a {share_or_change}"))
        elif _names_another_slot(scope, claimed.terms, _numbers_besides(claimed, side), side.kind, claimed.weights):
            out.append((found, "the value of another item of its list"))
        elif other := _another_item(doc, found, claimed.identifiers):
            out.append((found, f"about another item ({other})"))
        elif other := (_another_version(doc, found, claimed.text) or _another_numbered(doc, found, claimed.raw)
                       or _another_setting(doc, found, claimed.settings)):
            out.append((found, f"about another version ({other})"))
        elif other := _negated_variant(doc, found, claimed.raw):
            out.append((found, other))
        elif claimed.measures and share_or_change != "share" and (measure := figure_measure(doc, found)) \
                and measure not in claimed.measures:     # (a share's 'of revenue' names its whole, not itself)
            out.append((found, f"about {measure}, where the claim gives {', '.join(sorted(claimed.measures))}"))
        elif sibling := _parallel_clause(doc, found, side, claimed):
            out.append((found, f"the clause of another subject ({sibling})"))
        elif not claimed.near and (who := _other_subject(doc, found, scope, claimed)):
            out.append((found, f"about {who}"))
        else:
            kept.append((found, side))
    return kept, out


_BASE_NAMES = {"yoy": "a year before", "seq": "the period before", "ytd": "the end of last year",
               "avg": "a two-year average", "vs1": "another year", "vs2": "another year"}


def _without_bases(claim_text: str) -> str:
    """The claim with its bases blanked: 'than a year earlier', 同比 say what a change is measured from, not the
    period the claim is about."""
    for a, b, _ in bases(claim_text):
        claim_text = claim_text[:a] + " " * (b - a) + claim_text[b:]
    return claim_text


def _own_periods(claim: Claim) -> frozenset[str]:
    """The periods a claim's figures are about, its bases aside ('than a year earlier'). In a claim of several
    figures, 'this year' and 'last year' may be one figure's each ('7.5%, down from 16.2% last year'): they
    decide nothing there."""
    periods = claim_periods(_without_bases(claim.claim), claim.figures)
    return periods if len(claim.parsed) < 2 else frozenset(t for t in periods if t[0] != "y")


def _dated(doc: SourceDoc, found: Found, scope) -> frozenset[str]:
    """The years a figure is about: those its scope names, else, from the year the source was written, that year
    for 'this year' or 'now' and the year before for 'last year' (a survey dated 2017/09/05: 'Last year, 16.2%…'
    is 2016)."""
    if scope.years:
        return scope.years
    year = publication_year(doc)
    if year and "y0" in scope.periods:
        return frozenset({year})
    if year and "y-1" in scope.periods and scope.role != "change" and not scope.direction \
            and not figure_basis(doc, found, scope.years):
        return frozenset({str(int(year) - 1)})       # not a change from last year (比上年同期上涨0.9%): this year's
    return frozenset()


def _same_base(doc: SourceDoc, found: Found, claimed: _Claimed) -> bool:
    """The figure's change is measured from the base the claim names (同比增长51.3% for 'year on year')."""
    return bool(claimed.basis) and figure_basis(doc, found, scope_of(doc, found).years) == claimed.basis


def _changes(found: Found, scope) -> bool:
    """A figure that may be a change: a percentage, points or a multiple not said to be a share, or a difference."""
    return scope.role in ("change", "difference") or (
        found.figure.kind in ("percent", "points", "multiplier") and scope.role != "share")


def _other_subject(doc: SourceDoc, found: Found, scope, claimed: _Claimed) -> str:
    cell = doc.layout.cell_at(found.figure.start) if doc.layout.cells else None
    if cell is not None:
        return table_subject(doc, cell, claimed.names, claimed.text)
    return other_subject(doc, found, claimed.names, scope.context, claimed.text) or \
        other_variant(doc, found, claimed.raw)


def _of_the_claims_period(doc: SourceDoc, eligible: list, claimed: _Claimed) -> list:
    """Where a sentence holds candidates that name the claim's month, quarter or 'last year' and others that name
    none (31.5% of respondents, up from 27.6% of last year), the claim means the former. (A claim of several
    figures names periods for some of them only: 34%, up from 3.8% the year before.)"""
    if not claimed.periods or claimed.compares:
        return eligible
    dated = {found.sentence for found, _ in eligible if scope_of(doc, found).periods & claimed.periods}
    return [(found, side) for found, side in eligible
            if found.sentence not in dated or scope_of(doc, found).periods & claimed.periods]


def _names_part(doc: SourceDoc, found: Found, part: str, claimed: _Claimed) -> bool:
    """Does the claim (or its near words) name the part a figure after 其中 is about? Chinese claim words count
    only where they are not inside a word of the whole: 进出口…下降32.7%，其中出口下降41.6% — a claim about 进出口
    does not name 出口."""
    if any(contains(part, f) for group in claimed.near for f in group) or any(
            contains(part, f) for t in claimed.terms if not _same_language(doc, t) for f in t.forms):
        return True
    start = doc.sentences[max(found.sentence - 1, 0)][0]
    whole = fold(doc.text[start:found.figure.start].rsplit("其中", 1)[0])
    text = fold(claimed.text)
    for piece in part.split():
        at = text.find(piece)
        while at >= 0:
            if not (at > 0 and text[at - 1:at + len(piece)] in whole):
                return True
            at = text.find(piece, at + 1)
    # a claim word the part writes and the whole does not (中国 of 美国和中国市场分别贡献了…)
    return any(len(f) >= 2 and contains(part, f) and f not in whole for t in claimed.terms for f in t.forms)


def _revised(doc: SourceDoc, found: Found) -> bool:
    """A starting value whose clause goes on to a value of its kind for the same month (January was revised
    from +504,000 to +472,000): an old estimate, not the value of the month it names."""
    lo, hi = _clause_of(doc, found)
    later = [f for f in figures_between(doc, found.figure.end, hi) if f.kind == found.figure.kind]
    if not later:
        return False
    then = found_of(doc, later[0])
    return then is not None and scope_of(doc, then).periods == scope_of(doc, found).periods


def _names_compared(scope, claimed: _Claimed) -> bool:
    """The claim names what the value is measured against (Series A for 低于A轮的2.5亿美元), or gives several
    figures (71.5%, higher than the rival's 68.2%): the value is that one's."""
    if not scope.compared.strip():
        return False
    if claimed.compares:
        return True
    forms = [t.forms for t, w in zip(claimed.terms, claimed.weights) if w > 0] + [set(v) for v in claimed.near]
    return any(any(contains(scope.compared, f) for f in group) for group in forms)


def _stated(claim: Claim) -> tuple[Figure, ...]:
    """The claim text's other figures, beyond those it lists ('rose to $53.3 million, versus $39.6 million' with
    figures: ['$39.6 million']): a source value equal to one of them is no conflict. Dates and bare counts are
    left out: a year or a small number in a claim says which, not how much."""
    if not claim.claim.strip():
        return ()
    listed = [in_claim(claim.claim, text) for text in claim.figures]
    return tuple(f for f in claim_figures(claim.claim) if f.kind != "date" and not (f.kind == "count" and not f.unit)
                 and not any(a <= f.start < b or f.start <= a < f.end for a, b in listed if a >= 0))


def _unit_words(claim: Claim, glossary: Glossary) -> tuple[frozenset, ...]:
    """Forms of the words inside the claim's own figures as its text writes them ('4.7M params': params)."""
    if not claim.claim.strip():
        return ()
    out = []
    for fig in claim_figures(claim.claim):
        if any(in_claim(claim.claim, text)[0] == fig.start for text in claim.figures) or any(
                text.strip() and text.strip() in fig.text for text in claim.figures):
            for word in terms(fig.text):
                if not word[0].isdigit():
                    out.append(frozenset(glossary.variants(word)) | {word})
    return tuple(out)


def _claims_a_part(claim: Claim) -> bool:
    """Does the claim count part of a whole ('3,205 of the responses')? Without claim text it cannot say."""
    if not claim.claim.strip():
        return True
    for text in claim.figures:
        at, end = in_claim(claim.claim, text)
        if at >= 0 and part_of(claim.claim, end):
            return True
    return False


def _marks(claim: Claim) -> tuple[str, ...]:
    """The claim text's numbers besides its figures and dates, as the source may write them ('in 4K')."""
    if not claim.claim.strip():
        return ()
    own = [t.strip() for t in claim.figures if t.strip()]
    return tuple(fold(f.text) for f in claim_figures(claim.claim) if f.kind != "date"
                 and not any(t in f.text or f.text.strip() in t for t in own))


def _identifiers(claim: Claim) -> tuple[Figure, ...]:
    """Measures the claim text gives besides its figures: 'The 4 GB Raspberry Pi 5 costs $80' names the 4 GB
    model. A quantity, or a count of a known unit, only; dates and years are the period's business."""
    if not claim.claim.strip():
        return ()
    own = [t.strip() for t in claim.figures if t.strip()]
    return tuple(f for f in claim_figures(claim.claim) if (f.kind == "quantity" or (f.kind == "count" and f.unit))
                 and not any(t in f.text or f.text.strip() in t for t in own))


def _another_item(doc: SourceDoc, found: Found, identifiers: tuple[Figure, ...]) -> str:
    """The figure's clause gives one of the claim's identifying measures another value (8 GB where the claim
    says 4 GB) and never the claim's: the figure is about another item. Returns what it gives, or ''."""
    if not identifiers:
        return ""
    fig = found.figure
    lo, hi = _clause_of(doc, found)
    near = [f for f in figures_between(doc, lo, hi) if f is not fig]
    for wanted in identifiers:
        same = [f for f in near if comparable(wanted, f)]
        relations = [relate(wanted, f).kind for f in same]
        if relations and "match" not in relations and "conflict" in relations:
            return same[relations.index("conflict")].text
    return ""


_VERSION = re.compile(r"(?:版本|(?i:\bversion|\brelease|\bv(?=\d)))[ \t]*(\d+(?:\.\d+)*)")


def _another_version(doc: SourceDoc, found: Found, claim_text: str) -> str:
    """The claim names a version (GPU 版本 1.1, v2.1) and the figure's sentence another one, never the claim's: a
    changelog's neighbouring release. Returns the sentence's version, or ''."""
    wanted = set(_VERSION.findall(claim_text))
    if not wanted:
        return ""
    start, end = doc.sentences[found.sentence]
    given = set(_VERSION.findall(doc.text, start, end))
    return "" if not given or wanted & given else sorted(given)[0]


# A numbered label: Group 1, Phase 2, iPhone 15, 第3期. (Years and figures with units are the period's and the
# figure's business: no more than three digits, nothing after them that makes a figure.)
_NUMBERED = re.compile(r"\b([A-Z][A-Za-z]+)[ \t]+(\d{1,3})\b(?![\d.,%]|[ \t]*[%‰])|第[ \t]*(\d{1,3})[ \t]*(期|组|批|轮|季|章)")


def _numbered(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str, str]]:
    """(offset, label word, number) of each numbered label of text[start:end]."""
    return [(m.start(), (m.group(1) or m.group(4)).casefold(), m.group(2) or m.group(3))
            for m in _NUMBERED.finditer(text, start, len(text) if end is None else end)]


def _another_numbered(doc: SourceDoc, found: Found, claim_raw: str) -> str:
    """The claim names a numbered item (QQ Group 1) and the nearest label of that word before the figure in its
    sentence gives another number (**Group 2**, 230696694): another item of a numbered list. Returns it, or ''."""
    wanted: dict[str, set[str]] = {}
    for _, word, number in _numbered(claim_raw):
        wanted.setdefault(word, set()).add(number)
    if not wanted:
        return ""
    start, _ = doc.sentences[found.sentence]
    before = [(word, number) for _, word, number in _numbered(doc.text, start, found.figure.start) if word in wanted]
    if not before:
        return ""
    word, number = before[-1]
    return "" if number in wanted[word] else f"{word} {number}"


def _another_setting(doc: SourceDoc, found: Found, wanted: dict) -> str:
    """The claim names a setting (ZeRO3(mp=1), LoRA (r=8), bs=16; `wanted`, _settings of the claim) and the
    figure's row, or its clause, gives that setting another value and never the claim's: another configuration's
    figure. Returns it, or ''."""
    if not wanted:
        return ""
    cell = doc.layout.cell_at(found.figure.start) if doc.layout.cells else None
    if cell is not None:             # its row's cells, and the words at it where the cell holds several (<br>)
        row = " ".join(doc.text[c.start:c.end] for c in row_cells(doc, cell) if c.col < cell.col)
        given = _settings(f"{cell.row_label} {row} {scope_of(doc, found).own}")
        named, claimed_keys = {k for k in given if k != "size"}, {k for k in wanted if k != "size"}
        if named and claimed_keys and not named & claimed_keys:    # Freeze (l=3) is no LoRA (r=8): another row
            key = sorted(named)[0]
            return f"{key}={sorted(given[key])[0]}, where the claim sets {', '.join(sorted(wanted))}"
    else:
        lo, hi = _clause_of(doc, found)
        given = _settings(doc.prose[lo:hi])
    for key, values in wanted.items():
        if key in given and not values & given[key]:
            return f"{key}={sorted(given[key])[0]}, where the claim says {key}={sorted(values)[0]}"
    return ""


def _settings(text: str) -> dict[str, set[Decimal]]:
    """key=value settings a text writes (mp=4, r=8, batch_size=16), keys folded, and sizes (640x640, 320×256)."""
    out: dict[str, set] = {}
    for key, value in _SETTING.findall(text):
        out.setdefault(key.lower(), set()).add(Decimal(value))
    for width, height in _SIZE.findall(text):
        out.setdefault("size", set()).add(f"{int(width)}x{int(height)}")
    return out


_SIZE = re.compile(r"(?<![\d.])(\d{2,5})\s*[xX×*]\s*(\d{2,5})(?![\d.])")
_SETTING_BEFORE = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z_]{0,19}\s*=\s*$")
_SETTING = re.compile(r"(?<![A-Za-z0-9_])([A-Za-z][A-Za-z_]{0,19})\s*=\s*(\d+(?:\.\d+)?)(?![\d.])")
_NEGATED = re.compile(r"(?:非(?!常)|(?i:\bnon)[- ])([A-Za-z]{2,}|[\u4e00-\u9fff]{2})")   # 非GAAP, non-GAAP; not 非常


def _negated_variant(doc: SourceDoc, found: Found, claim_raw: str) -> str:
    """The figure's clause, before it, names the negated measure (非GAAP营业利润, non-GAAP) where the claim names
    the plain one (GAAP operating profit), or the other way round: another measure. Returns why, or ''."""
    lo, _ = _clause_of(doc, found)
    before = doc.text[lo:found.figure.start]
    negated = lambda text, word: re.search(rf"(?:非|\bnon[- ]){re.escape(word)}", text, re.I)
    plain = lambda text, word: re.search(rf"(?<![A-Za-z\-]){re.escape(word)}", text, re.I) is not None
    for m in _NEGATED.finditer(before):
        word = m.group(1)
        if plain(claim_raw, word) and not negated(claim_raw, word):
            return f"non-{word}, where the claim says {word}"
    for m in _NEGATED.finditer(claim_raw):
        word = m.group(1)
        if plain(before, word) and not negated(before, word):
            return f"{word}, where the claim says non-{word}"
    return ""


def _parallel_clause(doc: SourceDoc, found: Found, side: Figure, claimed: _Claimed) -> str:
    """Clauses built alike, each with its own subject and figure: 上海市GDP为7856.62亿元，安徽省GDP为7821.3亿元.
    When a name the claim gives (Shanghai: 上海) stands only in a sibling clause that holds a figure of the
    claim's kind, and the two clauses share another claim word (GDP), the figure in this clause is the other
    subject's. Returns the sibling's words, or ''."""
    words = [t for t, w in zip(claimed.terms, claimed.weights) if w > 0]
    if len(words) < 2:
        return ""
    clauses = clauses_of(doc, found.sentence)
    if len(clauses) < 2:
        return ""
    fig = found.figure
    own = next(((a, b) for a, b in clauses if a <= fig.start < b), None)
    if own is None:
        return ""
    own_text = fold_spaced(doc.text[own[0]:own[1]])
    in_own = {t.word for t in words if any(contains(own_text, f) for f in t.forms)}
    if not in_own or not _own_subject(doc.text[own[0]:own[1]], claimed.terms):
        return ""                   # a clause naming no subject of its own takes it from before (…，对增长贡献78.9%)
    for a, b in clauses:
        if (a, b) == own or not any(comparable(side, f) for f in figures_between(doc, a, b)):
            continue
        sibling = fold_spaced(doc.text[a:b])
        in_sibling = {t.word for t in words if any(contains(sibling, f) for f in t.forms)}
        named = {t.word for t in words if t.name}
        if (in_sibling - in_own) & named and in_sibling & in_own:
            return doc.text[a:b].strip()[:40]
    return ""


_CAPITAL_WORD = re.compile(r"(?<![\w.])[A-Z][a-z]+")


def _own_subject(clause: str, claim_words: tuple[Term, ...]) -> bool:
    """The clause names a subject the claim does not: a proper name (安徽, Anhui) none of the claim's words is."""
    forms = {f for t in claim_words for f in t.forms}
    from ..document.lexicon import lexicon
    found = lexicon()
    names = found.names_in(clause) if found is not None and re.search(r"[\u3400-\u9fff]", clause) else []
    names += [w.lower() for w in _CAPITAL_WORD.findall(clause)]
    return any(fold(n) not in forms and n.lower() not in forms for n in names)


def _names_another_slot(scope, claim_words: tuple[Term, ...], numbers: tuple[Figure, ...] = (), kind: str = "",
                        weights: tuple[float, ...] = ()) -> bool:
    """The claim names the subject of another slot of a 分别 / respectively list, and not this slot's: by a word,
    or by a number of its own (the two-year horizon, where the slots are 'the two and three-year horizons'; the
    list's values, of `kind`, aside)."""
    if not scope.others.strip():
        return False
    values = lambda text: {f.low for f in find_figures(text) if f.low is not None and f.kind != kind}
    theirs, mine = values(scope.others), values(scope.words)
    wanted = {n.low for n in numbers if n.low is not None and (n.low in theirs) != (n.low in mine)}
    if wanted and mine and theirs and not mine & theirs:
        return not wanted & mine     # numbers that tell the slots apart decide (the words may be all theirs:
        #                              'the two and three-year horizons')
    weights = weights or (1.0,) * len(claim_words)
    theirs = [w for t, w in zip(claim_words, weights) if any(contains(scope.others, f) for f in t.forms)
              and not any(contains(scope.words if not scope.slot.strip() else scope.slot, f) for f in t.forms)]
    if not theirs:
        return False
    ours = [w for t, w in zip(claim_words, weights) if any(contains(scope.slot, f) for f in t.forms)
            and not any(contains(scope.others, f) for f in t.forms)]
    return sum(theirs) >= sum(ours)  # the claim names this slot's own subject more (ASEAN countries: 东盟, not 沿线国家)


def _numbers_besides(claimed: _Claimed, side: Figure) -> tuple[Figure, ...]:
    """The claim's written numbers other than the figure being checked (the two-year horizon's two)."""
    return tuple(f for f in claimed.stated if f.low != side.low or f.kind != side.kind)


def _names_it_better(doc: SourceDoc, conflict: Found, match: Found, claimed: _Claimed) -> bool:
    """In one sentence, the conflicting figure stands right by more of the claim's words than the match, the
    rarer words counting more (Bank Rate at 4% and the deposit rate at 3¾%: 'deposit' decides, not 'rate')."""
    if conflict.sentence != match.sentence or not claimed.terms or _part_after(doc, match, conflict):
        return False
    weights = claimed.weights or (1.0,) * len(claimed.terms)

    def labelled(found: Found) -> float:
        label = scope_of(doc, found).label
        return sum(w or 0.1 for term, w in zip(claimed.terms, weights) if any(contains(label, f) for f in term.forms))

    return labelled(conflict) > labelled(match)


def _part_named_after(doc: SourceDoc, found: Found, claimed: _Claimed) -> str:
    """生猪存栏…增长18.2%；其中，能繁殖母猪存栏…增长16.7%: a claim whose words name the part after 其中 (母猪), and
    not the whole before it, is about the part; the whole's figure is no evidence. Returns the part's word, or ''."""
    start, end = doc.sentences[found.sentence]
    if found.sentence + 1 < len(doc.sentences) and doc.text[end - 1:end] in "；;" and \
            doc.sentence_text(found.sentence + 1).lstrip().startswith("其中"):
        end = doc.sentences[found.sentence + 1][1]      # …同比增长18.2%；其中，能繁殖母猪…
    at = doc.text.find("其中", found.figure.end, end)
    if at < 0 or not claimed.text:
        return ""
    from ..document.lexicon import lexicon
    words = lexicon()
    if words is None:
        return ""
    whole = doc.text[start:at]
    nxt = next((f.start for f in figures_between(doc, at, end)), end)
    part = doc.text[at + 2:nxt]
    return next((w for w in words.words_in(re.sub(r"[^\u3400-\u9fff]", " ", claimed.text))
                 if w in part and w not in whole and len(w) >= 2), "")


def _part_after(doc: SourceDoc, whole: Found, other: Found) -> bool:
    """`other` stands after a 其中 that follows `whole`: it is a part of what `whole` measures."""
    return whole.figure.end <= other.figure.start and "其中" in doc.text[whole.figure.end:other.figure.start]


def _better_labelled(doc: SourceDoc, match: Found, eligible: list, claimed: _Claimed, others) -> tuple | None:
    """(Found, Relation) of another figure in the match's clause or a later one of its sentence, of the claim's kind and another value, whose
    own words (up to its neighbours) name more of the claim than the match's own words, the rarer words counting
    more (80W 有线快充和 50W 无线快充; Single A100: ~180 seconds<br>Single H100: ~90 seconds). The match is then
    the other item's value, and the other figure is what the source says. None otherwise."""
    if not claimed.terms:
        return None
    weight = {t.word: w for t, w in zip(claimed.terms, claimed.weights or (1.0,) * len(claimed.terms)) if w > 0}
    bindable = [(t.word, t.forms) for t in claimed.terms if t.word in weight]
    for mark in () if others else claimed.marks:     # 60 分钟（4K） for 'in 4K': as telling as the rarest word
        #                                              (with several figures, which one a mark qualifies is unclear)
        weight[mark] = max(weight.values(), default=1.0)
        bindable.append((mark, (mark,)))

    def named(found: Found, after_only: bool = False) -> set[str]:
        scope = scope_of(doc, found)
        label = scope.own_after if after_only else scope.own
        return {word for word, forms in bindable if any(contains(label, f) for f in forms)}

    if scope_of(doc, match).others.strip() or not scope_of(doc, match).own.strip():
        return None                  # a 分别 list's slot, or a figure with no words of its own: nothing to compare
    clause, topic = _clause_of(doc, match), clauses_of(doc, match.sentence)[0]
    own = named(match)
    for found, side in eligible:
        if found is match:
            continue
        if found.sentence != match.sentence and not _sibling_items(doc, match, found):
            continue                 # (another item of the match's list is a sibling: 经营活动… / 投资活动…)
        start = found.figure.start
        if found.sentence == match.sentence and not clause[0] <= start < clause[1] and topic[0] <= start < topic[1]:
            continue                 # the sentence's first clause names what all its clauses are about
        if _part_after(doc, match, found):
            continue                 # …下降32.7%，其中出口下降41.6%: a part of the match's whole, not a sibling
        # an earlier figure of the same clause: the words before it stand before both (投入门槛将达到数十亿甚至数百亿)
        theirs = named(found, after_only=clause[0] <= start < match.figure.start)
        if sum(weight[w] for w in theirs - own) <= sum(weight[w] for w in own - theirs):
            continue
        relation = relate(side, found.figure)
        if relation.kind == "conflict" and not any(comparable(o, found.figure) and relate(o, found.figure).kind
                                                   == "match" for o in (*others, *claimed.stated)):
            return found, relation
    return None


def _sibling_items(doc: SourceDoc, a: Found, b: Found) -> bool:
    """Do two figures (no dates) stand in two short items of one list, a label and its figures each
    (- 经营活动现金流净额13.16亿元 / - 投资活动现金流净流出9.88亿元)?"""
    if "date" in (a.figure.kind, b.figure.kind):
        return False
    first, second = (doc.layout.list_item_at(f.figure.start) for f in (a, b))
    return (first is not None and second is not None and first.list == second.list and first is not second
            and all(item.end - item.start <= _SHORT_ITEM for item in (first, second)))


_SHORT_ITEM = 40     # characters: a key-figures list, not a list of news items


def _clause_of(doc: SourceDoc, found: Found) -> tuple[int, int]:
    start = found.figure.start
    return next(((a, b) for a, b in clauses_of(doc, found.sentence) if a <= start < b), (start, found.figure.end))


def _dateline(doc: SourceDoc, fig: Figure) -> bool:
    """The source's one full date (a dateline): specific enough to stand without the claim's words. Where a
    source gives several (a README's news list), each dates its own item, and the claim's words must say which."""
    if not _full_date(fig):
        return False
    return all(f.figure.date == fig.date for f in doc.index.candidates(fig) if _full_date(f.figure))


def _full_date(fig: Figure) -> bool:
    """A day, month and year: specific enough to stand without the claim's words (a dateline)."""
    return fig.kind == "date" and len(fig.date) == 10 and "X" not in fig.date


_HOW_IT_MOVED = frozenset("""grew grow grows growing rose rise rises rising fell fall falls falling increased increase
increases decreased decrease decreases declined decline declines dropped drop jumped climbed gained up down higher
lower surged soared plunged slumped tumbled slid edged expanded shrank contracted
同比 环比 增长 下降 增加 减少 上升 上涨 提高 下滑 下跌 回落 回升 增速 增幅 降幅 涨幅""".split())


def _relevance(doc: SourceDoc, found: Found, claim_words: tuple[Term, ...]) -> float:
    """Claim words in the figure's own scope count 1, in its headings or the sentence before 0.5; words of how a
    figure moved count nothing."""
    if not claim_words:
        return 0.0
    scope = scope_of(doc, found)
    score = 0.0
    for term in claim_words:
        if term.word in _HOW_IT_MOVED:
            continue
        if any(contains(scope.words, form) for form in term.forms):
            score += 1
        elif any(contains(scope.context, form) for form in term.forms):
            score += 0.5
    return score


_BETTER_COVERAGE = 0.5    # how much more of the claim a conflicting figure's scope must hold to outweigh a match
_COVERAGE = 2 / 3     # share of the claim's weighted words a conflicting figure's scope must hold
_CELL_COVERAGE = 1 / 2    # the same for a table cell, whose row and column the claim names (its verbs stand nowhere)


def _rarity(doc: SourceDoc, claim_words: tuple[Term, ...]) -> tuple[tuple[float, ...], tuple[bool, ...]]:
    """For each claim word, log(N / sentences holding it) over the source's sentences: 'respondents' in a
    survey says little about which figure is meant, 'Ukraine' much; and whether the source writes it at all.
    An English word an English source never writes weighs as much as a word of one sentence (the source does
    not speak of it); across languages its absence may be the lexicon's, and a Chinese claim's character pairs
    are not all words, so there it weighs nothing."""
    if not claim_words:
        return (), ()
    folded = doc.index.folded_text()[0]
    total = max(len(doc.sentences), 1)
    weights, present = [], []
    for term in claim_words:
        if any(f and f in folded for f in term.forms):
            holding = len(doc.index.sentences_with_all((term.forms,)))
            weights.append(math.log((total + 1) / (holding + 0.5)))
            present.append(True)
        else:
            weights.append(math.log((total + 1) / 1.5) if doc.lang == "en" and _same_language(doc, term) else 0.0)
            present.append(False)
    return tuple(weights), tuple(present)


def _same_language(doc: SourceDoc, term: Term) -> bool:
    return (doc.lang == "zh") == any(ch >= "\u3400" for ch in term.word)


def _absent_names(doc: SourceDoc, claim_words: tuple[Term, ...], present: tuple[bool, ...]) -> tuple[str, ...]:
    """Names in the claim the source never writes, where their absence means something: the source's own
    language, or a proper name the lexicon translates (Russia: 俄罗斯). An untranslated name (Kuaigou) may be
    written otherwise (快狗), and a capitalised common word (Securities) may be translated otherwise (证券), so
    their absence says nothing."""
    return tuple(t.word for t, here in zip(claim_words, present)
                 if t.name and not here and (_same_language(doc, t) or (len(t.forms) > 1 and _proper(t.word)))
                 and not any(writes_name(spaced_text(doc), f) for f in t.forms))   # Canadian, where it writes Canada


def _proper(word: str) -> bool:
    """A proper name in the dictionary (Russia), not a capitalised common word (Eastmoney Securities)."""
    from ..document.lexicon import lexicon
    found = lexicon()
    return found is None or found.is_proper(word)


def _coverage(doc: SourceDoc, found: Found, claimed: _Claimed) -> float:
    """The weighted share of the claim's words (those the source writes) in the figure's scope (its context
    counting half)."""
    scope = scope_of(doc, found)
    held = total = 0.0
    for term, weight in zip(claimed.terms, claimed.weights):
        if any(contains(scope.words, form) for form in term.forms):
            held += weight
        elif any(contains(scope.context, form) for form in term.forms):
            held += weight / 2
        elif term.when:
            continue             # the claim's period or base, unwritten here: the period and base rules judge it
        total += weight
    return held / total if total else 1.0


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


def _conflict_threshold(claim_text: str, claim_words: tuple[Term, ...]) -> int:
    """Claim words a conflicting figure's scope must hold: two for a long claim, one for a short one or a claim
    with one word that _relevance counts (2021年营收为4.41亿元: 营收)."""
    counted = sum(t.word not in _HOW_IT_MOVED for t in claim_words)
    return 1 if len(terms(claim_text)) <= 3 or counted <= 1 else 2


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
    context = whole_words_before(before, context.group()) if context else ""
    words = without_markup(context) + fig.text                     # what a person reads: no tags
    note = "; ".join(filter(None, (note, format_note(fig.text))))        # #13: 9\u00ad7% is read as 97%, and said
    return Evidence(text=words.strip(), figure=fig.text, value=fig.value_text(), kind=fig.kind, unit=fig.unit,
                    path=doc.path, line=found.line, col=found.col, relation=relation, note=note,
                    sentence=without_markup(doc.sentence_text(found.sentence)))


def _check_quote(quote: str, doc: SourceDoc) -> tuple[Evidence | None, str]:
    folded, index = doc.index.folded_text()
    target = fold(quote)
    position = folded.find(target) if target else -1
    while position >= 0 and not same_word_breaks(quote, doc.text[index[position]:index[position + len(target) - 1] + 1]):
        position = folded.find(target, position + 1)          # #13: "now here" is not "nowhere"
    if position < 0:
        return None, f"quote not found: {quote!r}" + _closest_passage(target, folded, index, doc)
    start = index[position]
    end = index[position + len(target) - 1] + 1
    line, col = doc.line_col(start)
    return Evidence(text=doc.text[start:end], figure="", value="", kind="quote", unit="", path=doc.path,
                    line=line, col=col, relation="quote",
                    sentence=without_markup(doc.sentence_text(doc.sentence_index(start)))), ""


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
