"""Whom a figure is about (verifier/check/subjects.py): a claim naming one subject is not supported by another
subject's figure of the same value."""
from __future__ import annotations

import pytest

from verifier.check.run import check_all
from verifier.check.subjects import names_in
from verifier.claimsfile.claims import load_claims

NAMES = [
    # text, the words the document writes in lower case, names
    ("Toyota is building a plant in Kentucky.", {"is"}, {"toyota", "kentucky"}),
    ("That is what happened in Ohio.", {"that"}, {"ohio"}),
    ("Notably, revenue rose 5%.", {"revenue"}, set()),                  # a common word starting a sentence
    ("- **Speed**: Based on BPE, it runs.", {"based"}, {"speed", "bpe"}),  # a label's first word is a first word
    ("Exports hit 475 Million units.", {"exports"}, set()),              # a scale word is no name
    ("广东省固定资产投资增长。", set(), {"广东"}),
]


@pytest.mark.parametrize("text,lower,names", NAMES, ids=[n[0][:24] for n in NAMES])
def test_names_of_a_span(text, lower, names):
    assert names_in(text, frozenset(lower)) == names


_OPENING = "The hearing opened at nine. Members asked questions. The session ran late. "
SUBJECTS = [
    # source text, claim, figure, expected verdict
    (_OPENING + "Toyota is investing $9 billion in batteries, creating 5,000 jobs. Honda plans a smaller plant.",
     "Honda is investing $9 billion in batteries.", "$9 billion", "not_found"),
    (_OPENING + "Toyota is investing $9 billion in batteries, creating 5,000 jobs. Honda plans a smaller plant.",
     "Toyota is investing $9 billion in batteries.", "$9 billion", "supported"),
    ("数据显示，1-11月，平阳市工业总产值2885亿元。1-11月，全市财政总收入484亿元，同比增长63.7%。",
     "安庆市1-11月财政总收入同比增长63.7%。", "63.7%", "not_found"),          # the paragraph's city, not the claim's
    ("数据显示，1-11月，安庆市工业总产值2885亿元。1-11月，全市财政总收入484亿元，同比增长63.7%。",
     "安庆市1-11月财政总收入同比增长63.7%。", "63.7%", "supported"),
    ("Kestrel Motors reported results on Tuesday.\n\nRevenue was $95 million in the quarter, according to Reuters.",
     "Kestrel Motors' revenue was $95 million.", "$95 million", "supported"),  # the document's own subject
    ("The survey ran in May. In Canada, the economy grew 2.5% in the first half.",
     "The Canadian economy grew 2.5% in the first half.", "2.5%", "supported"),   # a name and its adjective
    ("The survey ran in May. The rover was trained on 1T tokens of Chinese and English text.",
     "The rover was trained on 1T tokens of English text.", "1T", "supported"),  # a name after the figure
    (_OPENING + "Prices rose 4% across Iowa farms, Pike added. Later that day, Gale spoke.",
     "Gale said prices rose 4%.", "4%", "supported"),        # who says it is no subject of the figure
    (_OPENING + "Prices rose 4% across Iowa farms, Pike added. Later that day, Gale spoke.",
     "Gale's prices rose 4%.", "4%", "not_found"),
]


@pytest.mark.parametrize("text,claim,figure,verdict", SUBJECTS, ids=[s[1][:30] for s in SUBJECTS])
def test_a_figure_of_another_subject_is_no_evidence(tmp_path, text, claim, figure, verdict):
    (tmp_path / "s.md").write_text(text, encoding="utf-8")
    lang = "en" if text.isascii() else "zh"
    (tmp_path / "claims.yaml").write_text(
        f"version: 1\nsources: {{s: {{path: s.md, lang: {lang}}}}}\nclaims:\n"
        f"  - id: c\n    claim: \"{claim}\"\n    source: s\n    figure: \"{figure}\"\n", encoding="utf-8")
    (result,) = check_all(load_claims(tmp_path / "claims.yaml"))
    assert result.verdict == verdict, result.reason
