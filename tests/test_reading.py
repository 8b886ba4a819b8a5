"""One reading of a source for every reader: typesetting spaces, Markdown escapes and markup (verifier.document.reading)."""
from __future__ import annotations

import pytest

from verifier.document.sources import SourceDoc

CASES = [
    # text, figure text as the source writes it, value read
    ("模型有 62 亿参数。", "62 亿参数", "6.2B parameter"),
    ("发布于 2024 年 1 月。", "2024 年 1 月", "2024-01"),
    ("训练数据达 2.6 万亿 tokens。", "2.6 万亿 tokens", "2.6T token"),
    ("Downloads grew +321\\% this year.", "+321\\%", "321%"),
    ("| 模型 | 得分 |\n|---|---|\n| A | 35.9\\% |\n", "35.9\\%", "35.9%"),
    ("certificates to more than [235 million websites](https://example.org/stats/).", "more than [235 million",
     ">235M"),                                   # a link's words are prose: its bracket cuts no hedge
    ("It scored `48.9` and `40.4` on the two tasks.", "48.9", "48.9"),   # a figure set in code type is read
]


@pytest.mark.parametrize("text,shown,value", CASES, ids=[c[1] for c in CASES])
def test_checker_reads_what_a_person_reads(text, shown, value):
    doc = SourceDoc("x.md", text)
    found = [(f.figure.text, f.figure.value_text()) for f in doc.found]
    assert (shown, value) in found


NOT_FIGURES = [
    ("See `vllm==0.2.7` and https://example.com/v2/100 for details; 97% of users agree.", "97%"),
    ("Run `python train.py --epochs 30` to get 97% accuracy.", "97%"),        # code with a number stays code
    ('<img width="500" src="a.png"> 这个模型提升了 30%。', "30%"),
]


@pytest.mark.parametrize("text,only", NOT_FIGURES, ids=[c[1] for c in NOT_FIGURES])
def test_code_urls_and_tags_are_not_read(text, only):
    assert [f.figure.text for f in SourceDoc("x.md", text).found] == [only]


SENTENCES = [
    # text, the sentences split_sentences finds
    ("Some text that\nwraps here. And more", ["Some text that\nwraps here.", "And more"]),     # a hard wrap
    ("# Title\nBody text", ["# Title", "Body text"]),                                          # a heading ends
    ("- item one\n- item two", ["- item one", "- item two"]),                                  # list items
    ("| a | b |\n|---|---|", ["| a | b |", "|---|---|"]),                                      # table rows
    ("Para one\n\nPara two", ["Para one", "Para two"]),                                       # a blank line
    ("Steps:\nrun it", ["Steps:", "run it"]),                                                  # a colon ends a line
    ("第一段。\n第二段", ["第一段。", "第二段"]),
    ('<p><img src="a.png"></p> <p>人口共141178万人，', ["<p>", '<img src="a.png"></p>', "<p>", "人口共141178万人，"]),
    ("<td>1<br>2</td><td>3</td>", ["<td>1<br>2</td><td>3</td>"]),                             # cells stay in their row
]


@pytest.mark.parametrize("text,sentences", SENTENCES, ids=[repr(t[:14]) for t, _ in SENTENCES])
def test_sentences_span_hard_wrapped_lines(text, sentences):
    from verifier.document.sources import split_sentences
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


CODE_DATES = [
    # text, figures read (text, date): a date alone in a code span is a date; other code stays out
    ("- **News**: ```2024/9/19```: we open-sourced X.", [("2024/9/19", "2024-09-19")]),
    ("Run `pip install a==1.2` first.", []),
    ("Pinned in `2024-06-30`.", [("2024-06-30", "2024-06-30")]),
]


@pytest.mark.parametrize("text,figures", CODE_DATES, ids=[t[:16] for t, _ in CODE_DATES])
def test_a_date_in_a_code_span_is_read(text, figures):
    doc = SourceDoc("a.md", text, "en")
    assert [(f.figure.text, f.figure.date) for f in doc.found if f.figure.kind == "date"] == figures


FRONT_MATTER = [
    # text, figures read: a post's metadata is not its article, but its title and summary are
    ("---\ntitle: 'Kuaigou burned 2.8 billion in 4 years'\ncategories:\n - 36kr\ndate: Thu, 09 Jun 2022\n---\n"
     "Revenue was 661 million.", ["2.8 billion in 4 years", "661 million"]),
    ("\n---\nsummary: Up 5%\ntags: [x]\n---\nBody 7%.", ["5%", "7%"]),
    ("Intro 3%\n---\nnot: front matter 9%\n---\n", ["3%", "9%"]),       # only a leading block is front matter
]


@pytest.mark.parametrize("text,figures", FRONT_MATTER, ids=["post", "summary", "not-leading"])
def test_front_matter_is_metadata_except_its_title(text, figures):
    doc = SourceDoc("a.md", text, "en")
    assert [f.figure.text.strip() for f in doc.found] == figures


MARKUP = [
    # text, what the scope rules read (offsets kept: each tag becomes as many spaces, a <br> starts with '|')
    ("增长<font cms-style=\"x\">8.7%</font>、9%", "增长" + " " * 20 + "8.7%" + " " * 7 + "、9%"),
    ("47 GB<br>62 GB", "47 GB|   62 GB"),
    ("a <!-- note 5% --> b", "a                  b"),
    ("no markup, 3 < 5", "no markup, 3 < 5"),
]


@pytest.mark.parametrize("text, prose", MARKUP)
def test_markup_is_blanked_for_scope(text, prose):
    from verifier.document.reading import blank_markup
    assert blank_markup(text) == prose and len(blank_markup(text)) == len(text)


CELLS = [
    # cell text, what its label reads: markup goes, an identifier's underscore stays
    ("**MiniCPM-2B**", "MiniCPM-2B"),
    ("_italic_", "italic"),
    ("__bold__", "bold"),
    ("db_resnet34", "db_resnet34"),
    ("**en_PP-OCRv3_det**", "en_PP-OCRv3_det"),
    ("[CnSTD](https://x.y/z)", "CnSTD"),
]


@pytest.mark.parametrize("cell, label", CELLS)
def test_a_cell_label_keeps_an_identifiers_underscore(cell, label):
    from verifier.document.markdown import clean_cell
    assert clean_cell(cell) == label
