"""#13: where -o / --html may write, and every failed write is exit 2 with a message, never exit 3.

Each case first sets up the attack (a symlink, a device node, the claims file
itself as the target, a full disk, a file size limit, a read-only folder), then
runs the real command and asserts what is on disk afterwards.
"""
from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from verifier.atomic import WriteError, write_atomic
from verifier.commands.cli import main

TEXT = "Revenue rose 12% in 2023.\n"
CLAIMS = ("version: 1\nsources:\n  s: {path: src.txt, lang: en}\nclaims:\n"
          "  - {id: revenue, claim: Revenue rose 12%., source: s, figure: \"12%\"}\n")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file kinds")
is_root = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def project(tmp_path, monkeypatch):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "src.txt").write_text(TEXT, encoding="utf-8")
    (folder / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


REPORTERS = [
    ("check -o", lambda out: ["check", "claims.yaml", "--no-cache", "-o", out]),
    ("report --html", lambda out: ["report", "--claims", "claims.yaml", "--html", out]),
    ("compare -o", lambda out: ["compare", "src.txt", "src.txt", "--claims", "claims.yaml", "-o", out]),
    ("schema -o", lambda out: ["schema", "-o", out]),
]
IDS = [r[0] for r in REPORTERS]


@posix_only
@pytest.mark.parametrize("name,argv", REPORTERS, ids=IDS)
def test_a_symlink_target_is_refused_and_its_target_untouched(project, capsys, name, argv):
    victim = project.parent / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    (project / "out.txt").symlink_to(victim)
    assert main(argv("out.txt")) == 2
    err = capsys.readouterr().err
    assert "refusing to replace a symbolic link" in err and "--force" in err
    assert (project / "out.txt").is_symlink() and victim.read_text() == "precious"


@posix_only
def test_force_replaces_the_link_never_its_target(project, capsys):
    victim = project.parent / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    (project / "out.json").symlink_to(victim)
    assert main(["check", "--no-cache", "-f", "json", "-o", "out.json", "--force"]) == 0
    assert victim.read_text() == "precious"
    assert not (project / "out.json").is_symlink() and '"verdict": "supported"' in (project / "out.json").read_text()


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_special_file_at_the_target_is_refused(tmp_path, kind):
    """Renaming over /dev/null as root broke it machine-wide: a non-regular target is never replaced."""
    if kind == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
    else:
        if not is_root:
            pytest.skip("mknod needs root")
        target = tmp_path / "null"
        os.mknod(target, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    with pytest.raises(WriteError) as info:
        write_atomic(target, "x")
    assert "not a regular file" in str(info.value)
    mode = target.lstat().st_mode
    assert (stat.S_ISFIFO(mode) if kind == "fifo" else stat.S_ISCHR(mode))


@posix_only
def test_dev_null_itself_is_refused(capsys):
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    assert main(["schema", "-o", "/dev/null"]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


@pytest.mark.parametrize("target", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_write_to_the_stream(project, capsys, target):
    assert main(["check", "--no-cache", "-f", "json", "-o", target]) == 0
    assert '"verdict": "supported"' in capsys.readouterr().out
    if Path("/dev/stdout").exists():
        assert not stat.S_ISREG(os.lstat("/dev/stdout").st_mode)


@pytest.mark.parametrize("name,argv", REPORTERS[:3], ids=IDS[:3])
@pytest.mark.parametrize("victim", ["claims.yaml", "src.txt"])
def test_an_input_of_the_run_is_never_overwritten(project, capsys, name, argv, victim):
    before = (project / victim).read_bytes()
    assert main(argv(victim)) == 2
    assert "refusing to overwrite an input of this run" in capsys.readouterr().err
    assert (project / victim).read_bytes() == before


# -- every write path ends in exit 2 --------------------------------------------

def test_suggest_write_on_a_utf16_claims_file_is_exit_2(project, capsys):
    (project / "src.txt").write_text(TEXT + "It hired 300 people.\n", encoding="utf-8")
    raw = CLAIMS.encode("utf-16")
    (project / "claims.yaml").write_bytes(raw)
    assert main(["check", "--no-cache"]) == 0              # check reads UTF-16 with a BOM
    capsys.readouterr()
    assert main(["suggest", "s", "--write"]) == 2
    err = capsys.readouterr().err
    assert "cannot append stubs" in err and "UTF-8" in err and "internal error" not in err
    assert (project / "claims.yaml").read_bytes() == raw


@posix_only
@pytest.mark.skipif(is_root, reason="root ignores folder permissions")
def test_a_read_only_folder_is_exit_2(project, capsys):
    (project / "src.txt").write_text(TEXT + "It hired 300 people.\n", encoding="utf-8")
    project.chmod(0o555)
    try:
        assert main(["suggest", "s", "--write"]) == 2
        assert main(["check", "--no-cache", "-o", "out.txt"]) == 2
    finally:
        project.chmod(0o755)
    err = capsys.readouterr().err
    assert "internal error" not in err and "cannot write" in err


@posix_only
def test_a_read_only_folder_for_root_via_readonly_target_dir(project, capsys):
    """Also as root: a target in a folder that does not exist is exit 2 with the folder named."""
    assert main(["check", "--no-cache", "-o", "no/such/dir/out.txt"]) == 2
    err = capsys.readouterr().err
    assert "cannot write file" in err and "internal error" not in err


CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))
from verifier.commands.cli import main
sys.exit(main(sys.argv[1:]))
"""


@posix_only
@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="no file size limit signal")
@pytest.mark.parametrize("argv", [["schema", "-o", "out.json"], ["suggest", "s", "--write"]], ids=["schema", "suggest"])
def test_ulimit_f_is_exit_2_not_a_signal(project, argv):
    (project / "src.txt").write_text(TEXT + "It hired 300 people.\n", encoding="utf-8")
    before = (project / "claims.yaml").read_bytes()
    done = subprocess.run([sys.executable, "-c", CHILD, *argv], cwd=project, capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert "File too large" in done.stderr and "internal error" not in done.stderr
    assert (project / "claims.yaml").read_bytes() == before


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_stdout_on_a_full_disk_is_exit_2(project):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "verifier.commands.cli", "schema"], cwd=project,
                              stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2, done.stderr
    assert "cannot write output" in done.stderr and "internal error" not in done.stderr
