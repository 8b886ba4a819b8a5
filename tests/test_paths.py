"""Where a claims file may reach: its own folder, unless the user opts in with --allow-outside.

A claims file is input like any other: one from a pull request must not make
CI read /etc/passwd, a private key next to the checkout, or a device that never
ends. Traversal (`../../etc/passwd`), absolute paths and symlinks that lead out
are refused at load time, as a per-claim error with the claims file's
file:line:col; --allow-outside lifts only the folder rule, never the others
(a directory, a FIFO, a device or a symlink loop is never read).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from verifier.claimsfile.claims import load_claims
from verifier.commands.cli import main

TEXT = "Revenue rose 12% in 2023.\nThe firm hired 300 people.\n"


def project(tmp_path: Path, source_path: str, *, figure: str = "12%") -> Path:
    folder = tmp_path / "project"
    folder.mkdir(exist_ok=True)
    (folder / "ok.txt").write_text(TEXT, encoding="utf-8")
    claims = folder / "claims.yaml"
    claims.write_text("version: 1\nsources:\n"
                      f"  s: {{path: {source_path!r}, lang: en}}\n"
                      "claims:\n"
                      f"  - {{id: revenue, claim: Revenue rose 12%., source: s, figure: \"{figure}\"}}\n",
                      encoding="utf-8")
    return claims


def error_of(claims: Path, **kw) -> str:
    claims_file = load_claims(claims, **kw)
    (claim,) = claims_file.claims
    return str(claim.error) if claim.error else ""


OUTSIDE = [
    ("traversal to /etc/passwd", "../../../../../../../../../etc/passwd"),
    ("traversal to a sibling", "../secret.txt"),
    ("traversal via a subfolder", "sub/../../secret.txt"),
    ("absolute path", "/etc/passwd"),
    ("absolute path to the sibling", "{tmp}/secret.txt"),
    ("home directory", "/root/.bashrc"),
]


@pytest.mark.parametrize("case_id,rel", OUTSIDE, ids=[o[0] for o in OUTSIDE])
def test_outside_paths_are_refused(tmp_path, case_id, rel):
    (tmp_path / "secret.txt").write_text("password 1234\n", encoding="utf-8")
    (tmp_path / "project" / "sub").mkdir(parents=True)
    claims = project(tmp_path, rel.format(tmp=tmp_path))
    message = error_of(claims)
    assert f"{claims}:3:13: source 's' is outside the claims file's folder" in message
    assert "found:" in message and "expected: a file under" in message
    assert "--allow-outside" in message


def test_outside_refused_through_the_cli(tmp_path, capsys):
    claims = project(tmp_path, "../../../../../../../../../etc/passwd")
    assert main(["check", str(claims)]) == 2
    err = capsys.readouterr().err
    assert "outside the claims file's folder" in err and "root:" not in err


def test_allow_outside_opts_in(tmp_path, capsys):
    (tmp_path / "secret.txt").write_text(TEXT, encoding="utf-8")
    claims = project(tmp_path, "../secret.txt")
    assert error_of(claims, allow_outside=True) == ""
    assert main(["check", str(claims), "--allow-outside"]) == 0
    assert main(["check", str(claims)]) == 2


def test_symlink_out_of_the_folder_is_refused(tmp_path):
    (tmp_path / "secret.txt").write_text(TEXT, encoding="utf-8")
    claims = project(tmp_path, "link.txt")
    (claims.parent / "link.txt").symlink_to(tmp_path / "secret.txt")
    message = error_of(claims)
    assert "is outside the claims file's folder" in message
    assert f"link.txt -> {tmp_path / 'secret.txt'}" in message
    assert error_of(claims, allow_outside=True) == ""


def test_symlinked_folder_out_is_refused(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text(TEXT, encoding="utf-8")
    claims = project(tmp_path, "data/a.txt")
    (claims.parent / "data").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert "is outside the claims file's folder" in error_of(claims)


def test_symlink_inside_the_folder_is_fine(tmp_path, capsys):
    claims = project(tmp_path, "alias.txt")
    (claims.parent / "alias.txt").symlink_to(claims.parent / "ok.txt")
    assert error_of(claims) == ""
    assert main(["check", str(claims)]) == 0


def test_dangling_symlink_is_not_found(tmp_path):
    claims = project(tmp_path, "gone.txt")
    (claims.parent / "gone.txt").symlink_to(claims.parent / "nowhere.txt")
    assert "source file of 's' not found" in error_of(claims)


def test_symlink_loop_is_a_clear_error(tmp_path, capsys):
    claims = project(tmp_path, "loop.txt")
    (claims.parent / "loop.txt").symlink_to(claims.parent / "loop2.txt")
    (claims.parent / "loop2.txt").symlink_to(claims.parent / "loop.txt")
    message = error_of(claims)
    assert f"{claims}:3:13" in message and "loop.txt" in message
    assert main(["check", str(claims)]) == 2
    assert "internal error" not in capsys.readouterr().err


def test_claims_file_reached_through_a_symlink_uses_its_real_folder(tmp_path):
    """The folder rule follows the real claims file, not the link (no escaping by linking the YAML)."""
    claims = project(tmp_path, "ok.txt")
    link = tmp_path / "link.yaml"
    link.symlink_to(claims)
    claims_file = load_claims(link)
    assert claims_file.claims[0].error is None


@pytest.mark.parametrize("rel,fragment", [
    ("ok.txt\0.png", "contains a NUL character"),
    ("a" * 5000, "cannot be opened"),
    (("d" * 200 + "/") * 30 + "x.txt", "cannot be opened"),
    ("ok.txt/inside", "cannot be opened"),
    ("", "path of source 's' must be text"),
])
def test_odd_paths_are_clear_errors(tmp_path, capsys, rel, fragment):
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "ok.txt").write_text(TEXT, encoding="utf-8")
    claims = folder / "claims.yaml"
    escaped = rel.replace("\0", "\\0")
    claims.write_text(f'version: 1\nsources:\n  s: {{path: "{escaped}"}}\n'
                      'claims:\n  - {id: revenue, source: s, figure: "12%"}\n', encoding="utf-8")
    assert fragment in error_of(claims)
    assert main(["check", str(claims)]) == 2
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err


def test_directory_is_never_a_source(tmp_path):
    claims = project(tmp_path, "folder")
    (claims.parent / "folder").mkdir()
    assert "source 's' is a directory" in error_of(claims)
    assert "source 's' is a directory" in error_of(claims, allow_outside=True)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_never_read(tmp_path, capsys):
    """Reading a FIFO would block forever: refused before any read."""
    claims = project(tmp_path, "pipe.txt")
    os.mkfifo(claims.parent / "pipe.txt")
    assert "is not a regular file" in error_of(claims)
    assert main(["check", str(claims)]) == 2


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_device_is_never_read_even_when_outside_is_allowed(tmp_path, capsys):
    """/dev/zero would fill memory: refused although --allow-outside lets the path through."""
    claims = project(tmp_path, "/dev/zero")
    assert "outside the claims file's folder" in error_of(claims)
    message = error_of(claims, allow_outside=True)
    assert "is not a regular file" in message and "character device" in message
    assert main(["check", str(claims), "--allow-outside"]) == 2


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_source_is_a_clear_error(tmp_path, capsys):
    claims = project(tmp_path, "ok.txt")
    (claims.parent / "ok.txt").chmod(0)
    assert main(["check", str(claims)]) == 2
    assert "cannot read source" in capsys.readouterr().err


def test_only_safe_yaml_is_constructed(tmp_path):
    """!!python/* tags are refused before anything is built: the command is never run."""
    marker = tmp_path / "pwned"
    claims = tmp_path / "claims.yaml"
    claims.write_text(f'version: 1\nclaims:\n  - id: x\n    source: !!python/object/apply:os.system ["touch {marker}"]\n',
                      encoding="utf-8")
    code = main(["check", str(claims)])
    assert code == 2
    assert not marker.exists()
