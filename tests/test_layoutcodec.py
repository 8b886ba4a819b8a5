"""layoutcodec: a document's layout, encoded for the cache and decoded, is the layout read afresh.

Texts: the seeds and every text under ../shared/external_suites (READMEs with tables, lists, code and HTML),
and small hand-made ones; then entries the encoder could not have written, each a ValueError or TypeError."""
import json
from pathlib import Path

import pytest

from verifier.document.layoutcodec import decode_layout, encode_layout
from verifier.document.markdown import read_layout

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "external_suites"
TEXTS = sorted(ROOT.glob("seeds/*.txt")) + sorted(p for p in SHARED.rglob("*.md") if p.is_file())

SMALL = [
    "",
    "plain prose, 12% of it\n",
    "# Title\n\n| a | b |\n|---|---|\n| x | 1 |\n\n- one\n- two\n\n```\ncode 5\n```\n<p>3</p> `48.9`\n",
    "<table><tr><th>h</th></tr><tr><td>r</td></tr></table>\n1. item\n",
]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_round_trip_on_real_texts(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    layout = read_layout(text)
    data = json.loads(json.dumps(encode_layout(text, layout)))
    assert decode_layout(text, data) == layout


@pytest.mark.parametrize("text", SMALL)
def test_round_trip_on_small_texts(text):
    layout = read_layout(text)
    assert decode_layout(text, json.loads(json.dumps(encode_layout(text, layout)))) == layout


def test_masked_text_is_stored_as_runs():
    text = "a `48.9` b `x=1`\n"
    data = encode_layout(text, read_layout(text))
    assert read_layout(text).masked == "a  48.9  b      \n"      # a figure set in code type keeps its digits
    assert data["masked"] == [2, 3, 0, 7, 8, 0, 11, 16, 0]


SPOILED = [
    ("masked", [5, 2, 0]),              # a run that ends before it starts
    ("masked", [0, 99, 0]),             # past the end of the text
    ("masked", [0, 1, 2]),              # no such fill
    ("masked", [0, 1]),                 # not in threes
    ("headings", [[0, "1", "x"]]),      # a level that is not a number
    ("cells", [[0, 1, 0, 0, 0, "r"]]),  # a field short
    ("tables", [[0, 0, 1, ["h"]]]),     # no rows
    ("lists", "x"),
]


@pytest.mark.parametrize("field,value", SPOILED)
def test_an_entry_the_encoder_could_not_have_written_is_refused(field, value):
    text = "# T\n\n| a | b |\n|---|---|\n| x | 1 |\n\n- one\n"
    data = encode_layout(text, read_layout(text))
    data[field] = value
    with pytest.raises((ValueError, TypeError, IndexError)):
        decode_layout(text, data)
