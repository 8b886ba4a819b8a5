"""The starter project `verifier init` writes: a commented claims.yaml that works at once.

People learn the format fastest from one working example of each kind, so the
starter is a small made-up story in English and Chinese (sources/), claims on
it of every kind, and the JSON Schema beside it for the editor. The templates
are package data (starter.*), kept as real files so they stay readable.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..atomic import write_atomic
from ..errors import Location, VerifierError
from .schema import SCHEMA_NAME, schema_text

# file written, relative to the claims file's folder -> packaged template (None: the claims file itself)
COMPANIONS = {
    "sources/example-en.txt": "starter.en.txt",
    "sources/example-zh.txt": "starter.zh.txt",
    SCHEMA_NAME: SCHEMA_NAME,
}
CLAIMS_TEMPLATE = "starter.claims.yaml"


def template(name: str) -> str:
    if name == SCHEMA_NAME:
        return schema_text()
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def starter_files(claims_path: Path) -> dict[Path, str]:
    """Every file of the starter, by the path it is written to; the claims file last."""
    out = {claims_path.parent / rel: template(name) for rel, name in COMPANIONS.items()}
    out[claims_path] = template(CLAIMS_TEMPLATE)
    return out


def resolve_target(path: str | Path) -> Path:
    """A folder means its claims.yaml."""
    path = Path(path)
    return path / "claims.yaml" if path.is_dir() else path


def write_starter(path: str | Path, force: bool = False) -> list[Path]:
    """Write the starter next to `path`; return the files written.

    Nothing is written unless everything can be: an existing claims file, or a
    companion file with other contents, stops the run first (unless `force`).
    A companion that already holds exactly the starter's text is left alone.
    """
    claims_path = resolve_target(path)
    files = starter_files(claims_path)
    todo = {}
    for target, text in files.items():
        if target.is_dir():
            raise VerifierError(Location(str(target)), "is a directory", expected="a file path to write",
                                hint="choose another path for `verifier init`")
        if target.exists() and not force:
            if target != claims_path and target.read_text(encoding="utf-8", errors="replace") == text:
                continue
            what = "the claims file" if target == claims_path else "a file the starter would write"
            raise VerifierError(Location(str(target)), f"{what} already exists",
                                found=f"{target} ({target.stat().st_size:,} bytes)",
                                expected="a path where no file exists yet",
                                hint="pass --force to overwrite it, or give another path: "
                                     "verifier init new/claims.yaml")
        todo[target] = text
    for target, text in todo.items():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text)
        except OSError as exc:
            raise VerifierError(Location(str(target)), "cannot write the starter file",
                                found=exc.strerror or str(exc), expected="a writable folder",
                                hint="choose another path for `verifier init`") from None
    return list(todo)
