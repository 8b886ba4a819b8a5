"""Excerpts shown to people carry no HTML markup (a newcomer's Sina page saved as HTML showed
`</font><font cms-style="font-L">` at the start of every sentence in the table and the JSON)."""
import pytest

from verifier.document.reading import without_markup

ROWS = [
    # (sentence as the source writes it, as it is shown)
    ('</font><font cms-style="font-L">7、8、9三个月，全国城镇调查失业率分别为5.1%、5.1%和4.9%，走势稳中有降。',
     "7、8、9三个月，全国城镇调查失业率分别为5.1%、5.1%和4.9%，走势稳中有降。"),
    ('<font cms-style="font-L">初步核算，前三季度国内生产总值（GDP）82.31万亿元。',
     "初步核算，前三季度国内生产总值（GDP）82.31万亿元。"),
    ("<p>Retail sales grew <b>16.4%</b> in the first three quarters.</p>",
     "Retail sales grew 16.4% in the first three quarters."),
    ("GDP rose 4.9%<br>in the third quarter.", "GDP rose 4.9% in the third quarter."),
    ("<td>Qwen-7B</td><td>10 GB</td>", "Qwen-7B 10 GB"),
    ("revenue <!-- edited --> rose 5%", "revenue rose 5%"),
    # not tags: comparisons and arrows stay as written
    ("a latency of < 5 ms and a score > 90", "a latency of < 5 ms and a score > 90"),
    ("x<3 and y>2", "x<3 and y>2"),
    ("plain text, 5%", "plain text, 5%"),
]


@pytest.mark.parametrize("sentence, shown", ROWS)
def test_excerpts_lose_their_markup(sentence, shown):
    assert without_markup(sentence) == shown
