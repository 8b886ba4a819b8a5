"""The number engine against external suites: every accuracy bar in bench/eval_numbers.py must hold.

Speed is the script's to measure and print, never a unit test's to assert (a loaded CI machine is slow).

The suites (Recognizers-Text, Duckling, cn2an, JioNLP test data) live in ../shared next to
the repository; without them these tests are skipped, not failed.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "eval_numbers.py"


def _load():
    spec = importlib.util.spec_from_file_location("eval_numbers", _SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod          # dataclasses look their module up here
    spec.loader.exec_module(mod)
    return mod


ev = _load()


@pytest.fixture(scope="module")
def rows():
    if not ev.SUITES_DIR.is_dir():
        pytest.skip(f"external suites not found at {ev.SUITES_DIR} (../shared next to the repository)")
    return {r.suite: r for r in ev.evaluate(ev.SUITES_DIR)}


@pytest.mark.parametrize("suite", sorted(ev.BARS))
def test_suite_meets_its_bar(rows, suite):
    row = rows[suite]
    shown = "; ".join(f"{cid} {text!r} gold={gold}" for cid, text, gold, _ in row.failures[:10])
    assert row.met, f"{suite}: {row.correct}/{row.scored} = {row.accuracy:.1%} < {row.bar}: {shown}"


def test_exclusions_are_listed_with_reasons(rows):
    for row in rows.values():
        assert row.excluded == len(row.excluded_ids)
        assert all(reason for _, _, reason in row.excluded_ids)
    assert all(reason for reason in ev.EXCLUDED.values())

