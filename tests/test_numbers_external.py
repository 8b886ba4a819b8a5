"""The number engine against external suites: every raw and scored bar in bench/eval_numbers.py must hold.

Speed is the script's to measure and print, never a unit test's to assert (a loaded CI machine is slow).
The bars can fail: a reader that finds nothing must miss every one of them (checked below), and a
convention is only ever a documented reason, never a way to hide a case from the raw column.

The suites live in ../shared next to the repository; without them these tests are skipped, not failed.
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
ev.REPEATS = 1                            # timing is the script's business


def _suites():
    if not ev.SUITES_DIR.is_dir():
        pytest.skip(f"external suites not found at {ev.SUITES_DIR} (../shared next to the repository)")
    return ev.SUITES_DIR


@pytest.fixture(scope="module")
def rows():
    return {r.suite: r for r in ev.evaluate(_suites())}


@pytest.mark.parametrize("suite", sorted(set(ev.BARS) | set(ev.RAW_BARS)))
def test_suite_meets_its_bar(rows, suite):
    row = rows[suite]
    shown = "; ".join(f"{cid} {text!r} gold={gold}" for cid, text, gold, _ in row.failures[:10])
    assert row.met, (f"{suite}: raw {row.correct_all}/{row.cases} = {row.raw_accuracy:.1%} (bar {row.raw_bar}), "
                     f"scored {row.correct}/{row.scored} = {row.accuracy:.1%} (bar {row.bar}): {shown}")


def test_a_reader_that_finds_nothing_fails_every_bar():
    blind = ev.evaluate(_suites(), reader_span=lambda s: (_ for _ in ()).throw(ev.FigureError("blind")),
                        reader_text=lambda s: [])
    barred = [r for r in blind if r.bar is not None or r.raw_bar is not None]
    assert barred and not any(r.met for r in barred)


def test_every_suite_of_issue_12_is_scored_raw(rows):
    for suite in [*ev.SENTENCE_SUITES, "recognizers en currency", "recognizers en percent", "duckling zh duration"]:
        assert rows[suite].cases > 0 and suite in ev.RAW_BARS


def test_conventions_keep_the_raw_column_whole(rows):
    for row in rows.values():
        assert row.excluded == len(row.excluded_ids) == row.cases - row.scored
        assert row.correct_all >= row.correct and row.xfail == len(row.failures)
        assert all(reason for _, _, reason in row.excluded_ids)


def test_excluded_ids_name_real_cases(rows):
    ids = {cid for row in rows.values() for cid, _, _ in row.excluded_ids}
    stale = sorted(set(ev.EXCLUDED) - ids)
    assert not stale, f"EXCLUDED names cases no suite holds: {stale}"
