"""`--jobs N`: a whole run spread over N worker processes, one source at a time.

Claims are grouped by source, so each source is read and extracted by exactly
one worker; the largest sources are handed out first, so no worker is left
with a big archive at the end. Every result goes back to its claim's place:
the report is the same, byte for byte, as with one job. Workers share the
figure cache (entries are written atomically).

Workers are forked where the platform can (they inherit the claims already
read); elsewhere they are spawned and read the claims file again.
"""
from __future__ import annotations

import os

_WORKER: dict = {}


def groups(claims) -> list[tuple[str, list[int]]]:
    """(source id, positions of its claims) in order of first appearance."""
    out: dict[str, list[int]] = {}
    for position, claim in enumerate(claims):
        out.setdefault(claim.source or "", []).append(position)
    return list(out.items())


def check_parallel(claims_file, jobs: int, cache_root, progress=None, allow_outside: bool = False,
                   strict_lang: bool = False, warnings: dict | None = None) -> list:
    claims = claims_file.claims
    tasks = groups(claims)
    sizes = {sid: _size(claims_file, sid) for sid, _ in tasks}
    tasks.sort(key=lambda task: (-sizes[task[0]], task[1][0]))
    import multiprocessing

    jobs = max(1, min(jobs, len(tasks)))
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else "spawn")
    results: list = [None] * len(claims)
    done = 0
    if fork:
        _WORKER["inherited"] = claims_file
    try:
        with context.Pool(jobs, initializer=_init, initargs=(str(claims_file.path), allow_outside, cache_root,
                                                             fork, strict_lang)) as pool:
            # a few dozen chunks per worker: few round trips, and the small sources at the end even out the load
            chunk = max(1, len(tasks) // (jobs * 24))
            found: dict = {}
            for pairs, noted in pool.imap_unordered(_check_group, [positions for _, positions in tasks],
                                                    chunksize=chunk):
                found.update(noted)
                for position, result in pairs:
                    results[position] = result
                done += len(pairs)
                if progress is not None:
                    progress(done)
    finally:
        _WORKER.pop("inherited", None)
    if warnings is not None:       # in the order of the claims, as one job gives them
        warnings.update((sid, found[sid]) for sid, _ in groups(claims) if sid in found)
    return results


def _size(claims_file, source_id: str) -> int:
    spec = claims_file.sources.get(source_id)
    try:
        return spec.path.stat().st_size if spec is not None else 0
    except (OSError, ValueError):
        return 0


def _init(claims_path: str, allow_outside: bool, cache_root, inherited: bool, strict_lang: bool = False) -> None:
    from ..document.cache import FigureCache
    from ..claimsfile.claims import load_claims
    from .run import SourceLibrary, glossary_for

    cache = FigureCache(cache_root) if cache_root is not None else None
    claims_file = _WORKER.get("inherited") if inherited else None
    if claims_file is None:        # spawned: the claims' readings come from the cache, as in the parent
        claims_file = load_claims(claims_path, allow_outside=allow_outside, cache=cache)
    _WORKER.update(claims=claims_file.claims, library=SourceLibrary(claims_file, cache=cache, strict_lang=strict_lang),
                   glossary=glossary_for(claims_file))


def _check_group(positions: list[int]) -> list:
    from .run import check_one

    claims, library, glossary = _WORKER["claims"], _WORKER["library"], _WORKER["glossary"]
    out = [(position, check_one(claims[position], library, glossary)) for position in positions]
    noted = {}
    if positions:
        source_id = claims[positions[0]].source
        library.release(source_id)
        if source_id in library.warnings:
            noted[source_id] = library.warnings[source_id]
    return out, noted


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
