"""Audit one English/Chinese pair: align, categorise, find internal conflicts, apply `accept:`.

The one entry point both the `compare` verb and the pytest pair item call, so
the two can never disagree.
"""
from __future__ import annotations

from ..claimsfile.claims import Accepted
from ..document.glossary import DEFAULT, Glossary
from ..document.sources import SourceDoc
from .accept import explain
from .align import align
from .conflicts import internal_conflicts
from .document import AuditDoc, Item
from .model import AuditResult, Conflict, Finding, Side
from .words import Vocabulary


def audit_pair(en: SourceDoc, zh: SourceDoc, glossary: Glossary = DEFAULT,
               accepted: tuple[Accepted, ...] = ()) -> AuditResult:
    """Every figure of `en` set against `zh`, and each document against itself."""
    vocab = Vocabulary(glossary)
    en_doc, zh_doc = AuditDoc(en, vocab, "en"), AuditDoc(zh, vocab, "zh")
    alignment = align(en_doc, zh_doc)
    findings = [Finding(link.category, side(en_doc, link.en), side(zh_doc, link.zh), link.note, link.evidence)
                for link in alignment.links]
    conflicts = [Conflict(doc.lang, side(doc, a), side(doc, b), note, subject)
                 for doc in (en_doc, zh_doc) for a, b, note, subject in internal_conflicts(doc)]
    findings, conflicts, unused = explain(findings, conflicts, accepted)
    return AuditResult(en.path, zh.path, tuple(findings), tuple(conflicts),
                       len(en_doc.items), len(zh_doc.items), unused)


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
