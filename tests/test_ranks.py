"""A place in an order (8th, eighth, 第3名) is read as a rank, only for claims that give one."""
import pytest

from tests.conftest import one_claim_verdict
from verifier.numbers.ranks import find_ranks, parse_rank

READ = [
    # text, the ranks read (as written, value)
    ("taking eighth place out of 119 Universities", [("eighth", 8)]),
    ("The squad finished 21st in the medal table.", [("21st", 21)]),
    ("ranked ninth overall, up from tenth last year", [("ninth", 9), ("tenth", 10)]),
    ("finished twenty-first of 30", [("twenty-first", 21)]),
    ("清华排名第3，北大第二名。", [("第3", 3), ("第二名", 2)]),
    ("它是全球第三大市场", [("第三大", 3)]),
    ("the No. 3 brand", [("No. 3", 3)]),
    ("Oxford came first overall.", [("first", 1)]),
    # not places: dates, eras, fractions, periods, sessions, turns
    ("in the 21st century", []),
    ("on March 8th and the 3rd of May", []),
    ("a third of the budget", []),
    ("For the first time, a second round", []),
    ("第一季度营收增长，第3届大会，第2次会议", []),
]


@pytest.mark.parametrize("text, expected", READ)
def test_ranks_read(text, expected):
    assert [(f.text, int(f.low)) for f in find_ranks(text)] == expected


CLAIM_FIGURES = [
    ("8th", 8), ("eighth", 8), ("21st", 21), ("第3", 3), ("第三名", 3), ("No. 3", 3), ("3rd place", 3),
    ("first", 1), ("8", None), ("8th March", None), ("3.5", None),
]


@pytest.mark.parametrize("figure, value", CLAIM_FIGURES)
def test_claim_figure_rank(figure, value):
    rank = parse_rank(figure)
    assert (int(rank.low) if rank else None) == value


SOURCE = ("The 64-strong British squad finished 21st in the medal table. Two years earlier in Budapest "
          "they were seventh. Imperial was ranked ninth in the world rankings.")

VERDICTS = [
    ("The British squad finished 21st in the medal table.", "21st", "supported"),
    ("The British squad finished twenty-first in the medal table.", "twenty-first", "supported"),
    ("The British squad finished 20th in the medal table.", "20th", "contradicted"),
    ("The British squad finished 7th in the medal table in Budapest.", "7th", "supported"),
    ("Imperial was ranked 9th in the world rankings.", "9th", "supported"),
    ("Imperial was ranked 19th in the world rankings.", "19th", "contradicted"),
    ("The reputation table ranked Harvard 9th.", "9th", "not_found"),
]


@pytest.mark.parametrize("claim, figure, verdict", VERDICTS)
def test_rank_verdicts(tmp_path, claim, figure, verdict):
    assert one_claim_verdict(tmp_path, SOURCE, claim, figure).verdict == verdict


def test_rank_in_chinese_source(tmp_path):
    text = "2023年，该公司在全球手机市场排名第3，出货量为1.2亿部。"
    assert one_claim_verdict(tmp_path, text, "该公司2023年全球排名第3", "第3").verdict == "supported"
    assert one_claim_verdict(tmp_path, text, "该公司2023年全球排名第2", "第2").verdict == "contradicted"


def test_rank_renders_as_ordinal():
    assert [parse_rank(t).value_text() for t in ("1st", "第2", "third", "11th", "22nd")] == \
        ["1st", "2nd", "3rd", "11th", "22nd"]
