"""#13 verdict integrity: what a person sees is what is checked.

Attacks first: `9\\u00ad7%` displays as 97% but was read as 7%; `৪0%` looks like 80% but read as 40%;
quotes matched with every space removed ("now here" matched "nowhere"); "not" in a figure was dropped.
"""
from __future__ import annotations

import pytest

from verifier.check.run import check_all
from verifier.claimsfile.claims import load_claims


def _run(tmp_path, source: str, claim: str):
    (tmp_path / "src.txt").write_text(source, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nsources:\n  s: {path: src.txt, lang: en}\nclaims:\n"
        f"  - {{id: c, claim: Profit fell, source: s, {claim}}}\n", encoding="utf-8")
    (result,) = check_all(load_claims(tmp_path / "claims.yaml"))
    return result


HIDDEN = [
    ("soft hyphen", "\u00ad"), ("zero-width space", "\u200b"), ("zero-width joiner", "\u200d"),
    ("word joiner", "\u2060"), ("BOM as ZWNBSP", "\ufeff"), ("left-to-right mark", "\u200e"),
]


@pytest.mark.parametrize("name,ch", HIDDEN, ids=[h[0] for h in HIDDEN])
@pytest.mark.parametrize("figure,verdict", [("97%", "supported"), ("7%", "contradicted")])
def test_a_format_character_inside_a_number_is_folded_and_noted(tmp_path, name, ch, figure, verdict):
    result = _run(tmp_path, f"Profit fell 9{ch}7% in 2023.\n", f'figure: "{figure}", expect: {verdict}')
    assert result.verdict == verdict
    (evidence,) = result.found
    assert evidence.value == "97%" and f"U+{ord(ch):04X}" in evidence.note


DIGITS = [("Bengali four", "৪0%", "U+09EA BENGALI DIGIT FOUR, read as 4"),
          ("Devanagari eight", "८0%", "U+096E DEVANAGARI DIGIT EIGHT, read as 8"),
          ("Arabic-Indic", "٩٧%", "ARABIC-INDIC DIGIT NINE"),
          ("mathematical bold", "𝟗7%", "MATHEMATICAL BOLD DIGIT NINE")]


@pytest.mark.parametrize("name,figure,shown", DIGITS, ids=[d[0] for d in DIGITS])
def test_a_digit_of_another_script_in_a_claim_figure_is_a_located_error(tmp_path, name, figure, shown):
    result = _run(tmp_path, "Profit fell 80% and 40% in 2023.\n", f'figure: "{figure}"')
    assert result.verdict == "error"
    assert "claims.yaml:5:" in result.error and shown in result.error and "digits 0-9" in result.error


@pytest.mark.parametrize("figure", ["97%", "９７%"])
def test_ascii_and_full_width_digits_are_read(tmp_path, figure):
    assert _run(tmp_path, "Profit fell 97% in 2023.\n", f'figure: "{figure}"').verdict == "supported"


QUOTES = [
    ("spaces split a word", "I am nowhere near done.", "now here near", "not_found"),
    ("spaces joined", "I am now here, near done.", "nowhere near", "not_found"),
    ("same words", "I am nowhere near done.", "nowhere near", "supported"),
    ("other spacing", "I am nowhere\n   near done.", "nowhere near", "supported"),
    ("Chinese has no spaces", "他说：我们 已经 到了。", "我们已经到了", "supported"),
]


@pytest.mark.parametrize("name,source,quote,verdict", QUOTES, ids=[q[0] for q in QUOTES])
def test_quotes_keep_word_boundaries(tmp_path, name, source, quote, verdict):
    assert _run(tmp_path, source + "\n", f'quote: "{quote}"').verdict == verdict


@pytest.mark.parametrize("figure,verdict", [("not 97%", "error"), ("97%, not", "error"),
                                            ("not more than 97%", "supported"), ("97%", "supported")])
def test_not_in_a_figure_is_never_silently_dropped(tmp_path, figure, verdict):
    result = _run(tmp_path, "Profit fell 97% in 2023.\n", f'figure: "{figure}"')
    assert result.verdict == verdict
    if verdict == "error":
        assert '"not" would be dropped' in result.error
