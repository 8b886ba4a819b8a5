"""firstchars.gated: a pattern behind a lookahead of its first characters matches exactly what it matched.

Table 1: small patterns, the lookahead they get (or none, where the first character cannot be listed).
Table 2: the gated unit pattern against the ungated one, at every character of every seed and after every
number-like prefix a unit follows in the suites (real text, where a missed first character would show)."""
import re
from pathlib import Path

import pytest

from verifier.numbers.firstchars import gated

ROOT = Path(__file__).resolve().parents[1]

GATES = [
    # pattern, flags, the lookahead it gets ('' = returned as it is)
    ("abc|d", 0, "(?=(?:[ad]))"),
    ("(?i:pp)|%", 0, "(?=(?:[%]|(?i:[p])))"),
    ("x", re.I, "(?=(?:(?i:[x])))"),
    (r"[ \t]*k", 0, r"(?=(?:[\	\ k]))"),
    (r"(?<=\d)C|\d+", 0, r"(?=(?:[C\d]))"),
    ("(?:个)?位|-?元", 0, "(?=(?:[\\-个位元]))"),
    ("(?![a-z])[0-9]+", 0, "(?=(?:[0-9]))"),
    (r"a{0,2}", 0, ""),                       # matches nothing: no first character
    (r".x", 0, ""),                           # any character
    (r"[^a]", 0, ""),
    (r"\w+", 0, ""),
]


@pytest.mark.parametrize("pattern,flags,lookahead", GATES)
def test_gate(pattern, flags, lookahead):
    assert gated(pattern, flags) == (f"{lookahead}(?:{pattern})" if lookahead else pattern)


@pytest.mark.parametrize("pattern,flags,text", [
    ("(?i:pp)|%", 0, "PP"), ("(?i:k)m", 0, "\u212am"), ("x", re.I, "X"), (r"(?<=\d)C|\d+", 0, "٣"),
])
def test_gated_pattern_matches_what_the_pattern_matches(pattern, flags, text):
    assert re.match(gated(pattern, flags), text, flags).group() == re.match(pattern, text, flags).group()


def test_gated_unit_matches_as_before_on_the_seeds():
    from verifier.numbers import patterns as P
    plain = re.compile(rf"(?P<gap>[ \t]*)(?:{P._UNIT_WORD})")
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    gate = re.compile(P.UNIT.pattern)
    for i in range(len(text)):
        a, b = plain.match(text, i), gate.match(text, i)
        assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), text[i:i + 20]
