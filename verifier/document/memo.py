"""The figures of a claims file's own short texts, read once: in the process, and across runs in the cache.

A check reads each claim with the number engine several times: its `figure:` strings when the file is
loaded, its sentence for the scope rules, the counted noun and the claim's words. On a warm run those
readings were the only work left for the engine, and compiling its patterns for them cost more than
checking every claim. So the readings are memoised per text, and the ones a claims file asks for while
it is loaded are kept in a side entry of the figure cache (verifier.document.cache), one per claims file:
a warm run takes them from there and never compiles a pattern.

- find_figures(text), parse_figure(text): verifier.numbers' own, memoised per text (a FigureError is not).
- kept(cache, claims_path): the context a claims file is loaded in; it takes the readings kept for the file
  into the memo, and on leaving stores the readings asked for meanwhile when the entry does not hold
  exactly those.

A reading is a function of its text and the engine alone. The entry is keyed like the cache's others (the
user's MAC; the engine's version and code, Figure's fields: cache._key), and its readings are looked up by
their exact text, so an entry left by another version of the claims file can only miss; one that fails
any check is ignored and written afresh, never an error. The set stored is what loading asks for, a
function of the claims file alone: the CLI, each pytest worker and a `-k` run write the same entry.
"""
from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from ..numbers import find_figures as _find, parse_figure as _parse

FORMAT = 1
_LIMIT = 100_000            # texts memoised per kind; a process reading more (a fuzz run) starts afresh

_FOUND: dict[str, tuple] = {}
_PARSED: dict[str, object] = {}
_ASKED: list[tuple[set, set]] = []        # (found, parsed) texts asked for inside kept(), innermost last


def find_figures(text: str) -> list:
    """numbers.find_figures(text), read once per text."""
    found = _FOUND.get(text)
    if found is None:
        found = tuple(_find(text))
        _memo(_FOUND, text, found)
    if _ASKED:
        _ASKED[-1][0].add(text)
    return list(found)


def parse_figure(text: str):
    """numbers.parse_figure(text), read once per text; a text it refuses is refused afresh each time."""
    figure = _PARSED.get(text)
    if figure is None:
        figure = _parse(text)
        _memo(_PARSED, text, figure)
    if _ASKED:
        _ASKED[-1][1].add(text)
    return figure


def _memo(memo: dict, text: str, value) -> None:
    if len(memo) >= _LIMIT:
        memo.clear()
    memo[text] = value


@contextlib.contextmanager
def kept(cache, claims_path: str | Path):
    """Load a claims file inside this: its readings come from `cache` (a FigureCache, or None: no cache),
    and the ones asked for meanwhile are stored there for the next run."""
    try:
        name = _entry_name(claims_path) if cache is not None else ""
    except (OSError, RuntimeError, ValueError):      # a path that cannot be resolved: loading will say so
        name = ""
    if not name:
        yield
        return
    stored = _load(cache, name)
    asked: tuple[set, set] = (set(), set())
    _ASKED.append(asked)
    try:
        yield
    finally:
        _ASKED.pop()
    if stored != asked:
        _store(cache, name, *asked)


def _entry_name(claims_path: str | Path) -> str:
    from .cache import _key, engine_version
    where = hashlib.sha256(str(Path(claims_path).resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{where[:32]}-{_key(engine_version())}"


def _load(cache, name: str) -> tuple[set, set] | None:
    """The texts whose readings the entry holds (now in the memo), or None when there is none to trust."""
    from .cache import _codecs, decode_figures
    codecs = _codecs()
    data = cache.load_side("readings", name)
    if codecs is None or data is None or data.get("format") != FORMAT \
            or data.get("fields") != [field for field, _ in codecs]:
        return None
    found, parsed = data.get("found"), data.get("parsed")
    if type(found) is not dict or type(parsed) is not dict:
        return None
    readings: tuple[dict, dict] = ({}, {})
    try:
        for texts, out in ((found, readings[0]), (parsed, readings[1])):
            for text, entry in texts.items():
                if type(entry) is not list or len(entry) != 2:
                    return None
                out[text] = tuple(decode_figures(text, entry[0], entry[1], codecs))
    except Exception:       # noqa: BLE001 - any doubt about an entry is a miss (a Figure may validate itself)
        return None
    if any(len(figures) != 1 for figures in readings[1].values()):
        return None                           # parse_figure gives exactly one figure
    for text, figures in readings[0].items():
        _memo(_FOUND, text, figures)
    for text, figures in readings[1].items():
        _memo(_PARSED, text, figures[0])
    return set(readings[0]), set(readings[1])


def _store(cache, name: str, found: set, parsed: set) -> None:
    from .cache import _codecs, encode_figures
    codecs = _codecs()
    if codecs is None:
        return
    try:
        data = {"format": FORMAT, "fields": [field for field, _ in codecs],
                "found": {t: _encoded(t, _FOUND[t], codecs, encode_figures) for t in sorted(found) if t in _FOUND},
                "parsed": {t: _encoded(t, (_PARSED[t],), codecs, encode_figures) for t in sorted(parsed)
                           if t in _PARSED}}
        cache.store_side("readings", name, data)
    except (TypeError, ValueError, AttributeError):    # a figure this format cannot hold: just don't keep it
        pass


def _encoded(text: str, figures, codecs, encode_figures) -> list:
    return [len(figures), encode_figures(text, figures, codecs)]
