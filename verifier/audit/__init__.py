"""The bilingual audit: do an English and a Chinese account of one story give the same figures?

markdown  which regions of a document to read; tables cell by cell
words     anchors shared across languages (names, glossary terms) and local words
dates     a date without a year gets its document's year
document  one side, cut into units (sentences, rows) holding items (figures)
lists     list items paired across the two sides, by content first, by position where content agrees
align     pair figures across the two sides, on evidence strong enough to report
verdicts  what two paired figures say about each other
conflicts one document contradicting itself
accept    known differences listed in claims.yaml
report    canonical JSON, tables, pytest failure text
pair      audit_pair(): all of the above for one pair
"""
from .model import AuditResult, Conflict, Finding, Side
from .pair import audit_pair

__all__ = ["AuditResult", "Conflict", "Finding", "Side", "audit_pair"]
