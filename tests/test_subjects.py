"""Whom a figure is about (verifier/check/subjects.py): a claim naming one subject is not supported by another
subject's figure of the same value."""
from __future__ import annotations

import pytest
from conftest import one_claim_verdict

from verifier.check.subjects import names_in

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
    (_OPENING + "We recommend the Orbit Air. The 13-inch Orbit\nPro starts at $1299 with 8 GB of memory.",
     "The redesigned Orbit Air starts at $1,299.", "$1,299", "not_found"),   # another model of the same name
    (_OPENING + "We recommend the Orbit Air. The 13-inch Orbit\nPro starts at $1299 with 8 GB of memory.",
     "The 13-inch Orbit Pro starts at $1,299.", "$1,299", "supported"),
    (_OPENING + "At present, Orbix runs in more than 30 apps of Alibaba Inc, covering more than 70 scenarios.",
     "At Alibaba, Orbix covers more than 70 scenarios.", "more than 70", "supported"),  # a comma ends a name
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
    result = one_claim_verdict(tmp_path, text, claim, figure)
    assert result.verdict == verdict, result.reason


SIDE_BY_SIDE = """| LLaMA Models | Valid | Test | Alpaca Models | Valid | Test |
| --- | --- | --- | --- | --- | --- |
| Orca-13B | 40.6 | 38.0 | Puffin-13B | 44.3 | 42.6 |
| Orca-7B | 28.2 | 30.3 | Puffin-7B | 41.3 | 40.3 |
"""

LABELS = [
    # table, cell text, its row label
    (SIDE_BY_SIDE, "38.0", "Orca-13B"),
    (SIDE_BY_SIDE, "42.6", "Puffin-13B"),                 # a column of names labels the cells to its right
    (SIDE_BY_SIDE, "41.3", "Puffin-7B"),
    ("| Model | Size | Score |\n| --- | --- | --- |\n| Orca-7B | 7B | 55.1 |\n", "55.1", "Orca-7B"),
]


@pytest.mark.parametrize("table,shown,label", LABELS, ids=[f"{c[1]}-{c[2]}" for c in LABELS])
def test_a_cell_takes_the_label_of_its_own_side(table, shown, label):
    from verifier.document.markdown import read_layout
    layout = read_layout(table)
    (cell,) = [c for c in layout.cells if table[c.start:c.end] == shown]
    assert cell.row_label == label


TABLES = [
    # source text, claim, figure, expected verdict
    ("Models.\n\n| Model | mAP | Params (M) | Latency (ms) |\n| --- | --- | --- | --- |\n| Orca-N | 37.5 | 4.7 | 7.99 |\n"
     "| Orca-S | 45.0 | 18.5 | 12.1 |\n", "Orca-N has 4.7M params.", "4.7M", "supported"),   # the header's scale
    ("Models.\n\n| Model | mAP | Params (M) | Latency (ms) |\n| --- | --- | --- | --- |\n| Orca-N | 37.5 | 4.7 | 7.99 |\n"
     "| Orca-S | 45.0 | 18.5 | 12.1 |\n", "Orca-N runs at a latency of 12.1 ms.", "12.1 ms", "contradicted"),
    ("Models.\n\n| Model | b1 (fps) | b32 (fps) |\n| --- | --- | --- |\n| Orca-N | 779 | 1187 |\n",
     "Orca-N runs at 1187 fps at batch 1.", "1187 fps", "not_found"),    # two columns in fps: which is meant?
    ("Results.\n\n| Model | LLM | Score |\n| --- | --- | --- |\n| Orca1.1 (Ours) | 7B | 69.7 |\n"
     "| Orca2-LLaMA3-Chinese (Ours) | 8B | 85.0 |\n", "The Chinese table lists Orca1.1 with an 8B LLM.", "8B",
     "not_found"),                                        # 'Chinese' does not make the other model's row its
    ("Arena results.\n\n| System | 胜率 | Elo |\n| --- | --- | --- |\n| Orca-13B | 72.37% | 1610 |\n"
     "| Orca-7B | 63.35% | 1561 |\n", "Orca-7B won 65.72% of its battles.", "65.72%", "contradicted"),
    # the only percentage of its row: its column needs no naming
    ("Arena results.\n\n| System | 胜率 | Elo |\n| --- | --- | --- |\n| Orca-13B | 72.37% | 1610 |\n"
     "| Orca-7B | 63.35% | 1561 |\n", "Orca-7B won 63.35% of its battles.", "63.35%", "supported"),
    ("Arena results.\n\n| System | Wins | Elo |\n| --- | --- | --- |\n| Orca-13B | 72 | 1610 |\n"
     "| Orca-7B | 63 | 1561 |\n", "Orca-7B had 1610 of them.", "1610", "not_found"),  # two counts: which?
    ("Sizes below.\n\nTaking Orca-7B as the example:\n\n| Precision | Size |\n| --- | --- |\n| FP16 | 12.9 GB |\n"
     "| 8-bit | 6.8 GB |\n", "The 8-bit Orca-13B takes 7.2 GB.", "7.2 GB", "not_found"),   # the table is 7B's
    ("Sizes below.\n\nTaking Orca-7B as the example:\n\n| Precision | Size |\n| --- | --- |\n| FP16 | 12.9 GB |\n"
     "| 8-bit | 6.8 GB |\n", "The 8-bit Orca-7B takes 6.8 GB.", "6.8 GB", "supported"),
]


@pytest.mark.parametrize("text,claim,figure,verdict", TABLES, ids=[s[1][:30] for s in TABLES])
def test_a_table_cell_answers_for_its_row_and_table(tmp_path, text, claim, figure, verdict):
    test_a_figure_of_another_subject_is_no_evidence(tmp_path, text, claim, figure, verdict)


CLAIM_NAMES = [
    ("在C-Eval测试集上，Chinese-Alpaca-2-13B的zero-shot成绩为42.6。", {"Chinese-Alpaca-2-13B", "c-eval", "zero-shot"}),
    ("LongBench平均分上，Orca-13B-16K为17.6，而Orca-13B为12.8。", {"Orca-13B-16K", "Orca-13B"}),
    ("源2.0-102B 的 HumanEval 准确率为 77.4%。", {"源2.0-102B"}),      # its 2.0-102B is no figure
]

NOT_NAMES = [
    ("The 4-bit quantized Orca-13B takes up 7.2 GB.", {"4-bit", "7.2"}),   # a figure leads them
    ("A 102B model needs 16GB.", {"102B", "16GB"}),
]


@pytest.mark.parametrize("claim,words", NOT_NAMES, ids=[c[0][:20] for c in NOT_NAMES])
def test_a_figure_in_a_claim_is_no_name(claim, words):
    from verifier.check.claimwords import claim_terms
    from verifier.document.glossary import DEFAULT
    assert not words & {t.word for t in claim_terms(claim, [], "en", DEFAULT) if t.name}


@pytest.mark.parametrize("claim,names", CLAIM_NAMES, ids=[c[0][:20] for c in CLAIM_NAMES])
def test_a_name_in_a_chinese_claim_ends_where_the_chinese_goes_on(claim, names):
    from verifier.check.claimwords import claim_terms
    from verifier.document.glossary import DEFAULT
    assert names <= {t.word for t in claim_terms(claim, [], "zh", DEFAULT)}


ROW_NAMES = [("CogVLM2-LLaMA3 (Ours)", "cogvlm2-llama3"), ("Orca-13B-16K 🆕", "orca-13b-16k"),
             ("**Orca-7B**", "orca-7b"), ("GPT-4", "gpt-4")]


@pytest.mark.parametrize("label,name", ROW_NAMES)
def test_a_row_label_names_its_row_without_its_notes(label, name):
    from verifier.check.cells import _row_name
    assert _row_name(label) == name
