"""Audit one English/Chinese pair: align, categorise, find internal conflicts, apply `accept:`.

The one entry point both the `compare` verb and the pytest pair item call, so
the two can never disagree.
"""
from __future__ import annotations

import re

from ..claimsfile.claims import Accepted
from ..document.glossary import DEFAULT, Glossary
from ..document.sources import SourceDoc
from .accept import explain
from .align import align
from .conflicts import internal_conflicts
from .document import AuditDoc, Item
from .model import AGREEMENTS, AuditResult, Conflict, Finding, Side
from .scope import scope_note
from .names import Name, model_names, name_conflicts, variant_conflict
from .news import NewsItem, news_items, pair_news
from .versions import Version, compare_versions, versions
from .words import Vocabulary, store_key


def audit_pair(en: SourceDoc, zh: SourceDoc, glossary: Glossary = DEFAULT,
               accepted: tuple[Accepted, ...] = (), fail_on: str = "high", cache=None,
               summary: str = "") -> AuditResult:
    """Every figure of `en` set against `zh`, and each document against itself.

    `fail_on` is the least confidence that fails the pair: 'high' (default) or 'medium'. `summary` ('en' or
    'zh') names the account that summarises the other: a figure missing from it is no finding (only counted),
    a figure that differs still is. With a `cache`
    (verifier.document.cache.FigureCache), the Chinese side's word lists are read from it and new ones
    stored, so that auditing an unchanged pair again needs no word segmenter.
    """
    vocab = Vocabulary(glossary, _stored_words(cache, zh))
    known = len(vocab.words)
    en_doc, zh_doc = AuditDoc(en, vocab, "en"), AuditDoc(zh, vocab, "zh")
    if cache is not None and len(vocab.words) > known:
        cache.store_side("words", f"{zh.sha256}-{store_key()}", {"words": vocab.words})
    alignment = align(en_doc, zh_doc)
    findings = [_scoped(Finding(link.category, side(en_doc, link.en), side(zh_doc, link.zh), link.note,
                                link.evidence, confidence=link.confidence), link) for link in alignment.links]
    conflicts = [Conflict(doc.lang, side(doc, a), side(doc, b), note, subject)
                 for doc in (en_doc, zh_doc) for a, b, note, subject in internal_conflicts(doc)]
    findings += _new_only(findings, news_findings(en, zh) + version_findings(en, zh)
                          + name_findings(en_doc, zh_doc, alignment.landmarks))
    findings.sort(key=lambda f: (f.en.line if f.en else 10**9, f.zh.line if f.zh else 10**9))
    findings, conflicts, unused = explain(findings, conflicts, accepted)
    kept = [f for f in findings if f.category != f"missing_in_{summary}"]
    return AuditResult(en.path, zh.path, tuple(kept), tuple(conflicts),
                       len(en_doc.items), len(zh_doc.items), unused, fail_on, summary, len(findings) - len(kept))


def _stored_words(cache, doc: SourceDoc) -> dict[str, list[str]]:
    """The word lists stored for this document ({} when none, or when any is not a list of strings)."""
    data = cache.load_side("words", f"{doc.sha256}-{store_key()}") if cache is not None else None
    words = data.get("words") if data else None
    if type(words) is not dict or not all(type(v) is list and all(type(w) is str for w in v)
                                          for v in words.values()):
        return {}
    return words


def _scoped(finding: Finding, link) -> Finding:
    """An agreeing pair whose figures count different things (words vs 字) is a medium scope_mismatch."""
    if finding.category not in AGREEMENTS or link.en is None or link.zh is None:
        return finding
    note = scope_note(link.en.after, link.zh.after)
    if not note:
        return finding
    return Finding("scope_mismatch", finding.en, finding.zh, f"the unit counted: {note}", finding.evidence,
                   confidence="medium")


def news_findings(en: SourceDoc, zh: SourceDoc) -> list[Finding]:
    """Dated release notes: a paired note with another date, a note the other version leaves out."""
    pairs, only_en, only_zh = pair_news(news_items(en.text), news_items(zh.text))
    out = [Finding("value_mismatch", _news_side(en, a), _news_side(zh, b), f"dates differ: {a.date} vs {b.date}",
                   "dated list items naming the same things") for a, b in pairs if a.date != b.date]
    out += [Finding("missing_in_zh", _news_side(en, a), None, "", "a dated note the other version does not give",
                    confidence="medium") for a in only_en]
    out += [Finding("missing_in_en", None, _news_side(zh, b), "", "a dated note the other version does not give",
                    confidence="medium") for b in only_zh]
    return out


def version_findings(en: SourceDoc, zh: SourceDoc) -> list[Finding]:
    """Package versions and constraints (code included: install lines are instructions)."""
    return [Finding(category, _version_side(en, a), _version_side(zh, b), note, "versions of the same package",
                    confidence=confidence)
            for category, confidence, a, b, note in compare_versions(versions(en.text), versions(zh.text),
                                                                     en.text, zh.text)]


def name_findings(en: AuditDoc, zh: AuditDoc, landmarks) -> list[Finding]:
    """Aligned sentences or rows naming one model family by names that never agree (Baichuan-13B vs Baichuan 2)."""
    out = []
    for u, v in landmarks:
        a, b = en.units[u], zh.units[v]
        if not _same_links(en.doc.text[a.start:a.end], zh.doc.text[b.start:b.end]):
            continue                  # two list items pointing at different pages: two items, not one
        if a.row is not None and b.row is not None:
            variants = variant_conflict(a.row.label, b.row.label)
            if variants:
                out.append(Finding("name_mismatch", _label_side(en, a.row), _label_side(zh, b.row),
                                   f"{variants[0]} vs {variants[1]}", "aligned table rows"))
                continue
        for x, y in name_conflicts(model_names(en.doc.text, a.start, a.end), model_names(zh.doc.text, b.start, b.end)):
            out.append(Finding("name_mismatch", _name_side(en, x), _name_side(zh, y), f"{x.text} vs {y.text}",
                               "the same family named in aligned sentences"))
    return out


_URL = re.compile(r"https?://[^\s)\]>\"']+")


def _same_links(a: str, b: str) -> bool:
    """True unless both texts link somewhere and share no link."""
    links_a, links_b = set(_URL.findall(a)), set(_URL.findall(b))
    return not (links_a and links_b) or bool(links_a & links_b)


def _label_side(doc: AuditDoc, row) -> Side:
    line, col = doc.doc.line_col(row.start)
    return Side(row.label, row.label, "name", "", doc.path, line, col, row.label[:160])


def _name_side(doc: AuditDoc, name: Name) -> Side:
    line, col = doc.doc.line_col(name.start)
    line_text = doc.doc.text.splitlines()[line - 1] if doc.doc.text else ""
    return Side(name.text, name.key, "name", "", doc.path, line, col, line_text.strip()[:160])


def _news_side(doc: SourceDoc, item: NewsItem) -> Side:
    return Side(item.text, item.date, "date", "", doc.path, item.line, item.col, item.line_text[:160])


def _version_side(doc: SourceDoc, v: Version | None) -> Side | None:
    if v is None:
        return None
    return Side(v.text, v.value, "version", "", doc.path, v.line, v.col, v.line_text[:160])


def _new_only(found: list[Finding], extra: list[Finding]) -> list[Finding]:
    """`extra` less what the figure alignment already reports on the same line with the same value, and less a
    figure 'missing' on the other side that the alignment pairs there (a dateline: HANGZHOU, December 7, 2024 --
    for 2024年12月7日，…)."""
    def sides(f):
        return [(lang, s.line, s.value) for lang, s in (("en", f.en), ("zh", f.zh)) if s is not None]

    reported = {key for f in found if f.is_disagreement for key in sides(f)}
    paired = {key for f in found if f.en is not None and f.zh is not None for key in sides(f)}
    def new(f) -> bool:
        keys = sides(f)
        one_sided = f.en is None or f.zh is None
        return not any(k in reported or (one_sided and k in paired) for k in keys)

    return [f for f in extra if new(f)]


def side(doc: AuditDoc, item: Item | None) -> Side | None:
    if item is None:
        return None
    f = item.figure
    return Side(f.text, _value_text(item), f.kind, f.unit, doc.path, item.line, item.col, item.context)


def _value_text(item: Item) -> str:
    f = item.figure
    if f.kind == "date":
        return f.date or f.text
    try:
        return f.value_text()
    except Exception:  # noqa: BLE001 - a rendering gap must not hide a finding
        return f.text
