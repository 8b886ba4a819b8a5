"""Atomic writes: a reader sees the old file or the new one, never a torn mix.

Killing a writer is the real test: a child process runs write_atomic and is
SIGKILLed (1) at a known point, after its temp file is written and before the
rename, and (2) at random moments while writing 8 MB payloads in a loop. The
target is always byte-identical to a complete payload. A SIGKILLed writer
cannot clean up after itself, so its temp file `.NAME.<random>.tmp` may remain
next to NAME (documented in verifier/atomic.py); an ordinary failure (disk
full, Ctrl-C) removes it.
"""
from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from verifier.atomic import WriteError, write_atomic
from verifier.commands.cli import main
from verifier.errors import VerifierError

ROOT = Path(__file__).resolve().parents[1]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and modes are POSIX")


def temps(target: Path) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.*.tmp"))


def test_new_file_text_and_bytes(tmp_path):
    target = tmp_path / "report.json"
    write_atomic(target, "价格 97%\n")
    assert target.read_bytes() == "价格 97%\n".encode("utf-8")
    write_atomic(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert temps(target) == []


@posix_only
def test_new_file_gets_the_usual_mode_not_0600(tmp_path):
    mask = os.umask(0o022)
    try:
        target = tmp_path / "new.json"
        write_atomic(target, "x")
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    finally:
        os.umask(mask)


@posix_only
def test_existing_mode_is_kept(tmp_path):
    target = tmp_path / "private.json"
    target.write_text("old")
    target.chmod(0o600)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text() == "new"


def test_target_is_a_directory(tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(WriteError) as info:
        write_atomic(tmp_path / "out", "x")
    assert "it is a directory" in str(info.value) and str(tmp_path / "out") in str(info.value)
    assert isinstance(info.value, VerifierError)
    assert temps(tmp_path / "out") == []


def test_missing_folder(tmp_path):
    with pytest.raises(WriteError) as info:
        write_atomic(tmp_path / "nope" / "report.json", "x")
    assert "cannot write file" in str(info.value) and "create the folder" in str(info.value)


@pytest.mark.parametrize("exc", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_mid_write_keeps_the_old_file_and_removes_the_temp(tmp_path, monkeypatch, exc):
    target = tmp_path / "claims.lock.json"
    target.write_bytes(b"old content")
    import verifier.atomic as atomic

    def fail(fd):
        raise exc
    monkeypatch.setattr(atomic.os, "fsync", fail)
    with pytest.raises(WriteError if isinstance(exc, OSError) else KeyboardInterrupt):
        write_atomic(target, b"new content" * 1000)
    assert target.read_bytes() == b"old content"
    assert temps(target) == []


@posix_only
def test_symlink_at_the_target_is_replaced_not_followed(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("keep me")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with pytest.raises(WriteError, match="refusing to replace a symbolic link"):
        write_atomic(link, "new")                  # only when asked (#13)
    write_atomic(link, "new", replace_link=True)
    assert real.read_text() == "keep me"
    assert not link.is_symlink() and link.read_text() == "new"


CHILD_AT_RENAME = textwrap.dedent("""
    import os, sys, time
    import verifier.atomic as atomic
    def stall(fd):                      # the temp file is written; stop right before the rename
        print("writing", flush=True)
        time.sleep(60)
    atomic.os.fsync = stall
    atomic.write_atomic(sys.argv[1], b"N" * 5_000_000)
""")


@posix_only
def test_sigkill_before_rename_leaves_the_old_file_intact(tmp_path):
    target = tmp_path / "report.json"
    old = ("old report 价格 97%\n" * 1000).encode("utf-8")
    target.write_bytes(old)
    child = subprocess.Popen([sys.executable, "-c", CHILD_AT_RENAME, str(target)], stdout=subprocess.PIPE,
                             cwd=ROOT, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(10)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert target.read_bytes() == old
    # The documented leftover: one temp file, never the target, safe to delete.
    (stray,) = temps(target)
    assert stray.name.startswith(".report.json.") and stray.name.endswith(".tmp")


CHILD_LOOP = textwrap.dedent("""
    import sys
    from verifier.atomic import write_atomic
    size = int(sys.argv[2])
    print("start", flush=True)
    i = 0
    while True:
        write_atomic(sys.argv[1], bytes([65 + i % 26]) * size)
        i += 1
""")


@posix_only
@pytest.mark.parametrize("delay", [0.0, 0.02, 0.05, 0.1, 0.2, 0.35])
def test_sigkill_at_random_moments_never_tears_the_file(tmp_path, delay):
    size = 8_000_000
    target = tmp_path / "cache.bin"
    target.write_bytes(b"O" * size)
    child = subprocess.Popen([sys.executable, "-c", CHILD_LOOP, str(target), str(size)], stdout=subprocess.PIPE,
                             cwd=ROOT, text=True)
    try:
        assert child.stdout.readline().strip() == "start"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(10)
        child.stdout.close()
    data = target.read_bytes()
    assert len(data) == size
    assert data == data[:1] * size, "torn file: more than one payload in it"
    for stray in temps(target):      # a killed writer may leave (only) its temp file
        assert stray.name.endswith(".tmp")


@pytest.fixture
def claims(tmp_path) -> Path:
    (tmp_path / "src.txt").write_text("Revenue rose 12% in 2023.\n", encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text('version: 1\nsources:\n  s: src.txt\nclaims:\n  - {id: revenue, source: s, figure: "12%"}\n',
                    encoding="utf-8")
    return path


def test_cli_output_is_written_atomically(tmp_path, claims, capsys):
    out = tmp_path / "report.json"
    out.write_text("old")
    assert main(["check", str(claims), "--format", "json", "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["claims"][0]["verdict"] == "supported"
    assert temps(out) == []
    assert capsys.readouterr().out == ""


def test_cli_output_to_a_directory_is_bad_input(tmp_path, claims, capsys):
    assert main(["check", str(claims), "--output", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "cannot write: it is a directory" in err and "internal error" not in err


def test_cli_output_to_a_missing_folder_is_bad_input(tmp_path, claims, capsys):
    assert main(["check", str(claims), "-o", str(tmp_path / "no" / "r.txt")]) == 2
    assert "cannot write file" in capsys.readouterr().err
