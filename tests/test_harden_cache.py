"""#13 cache trust: an entry written by anyone but this user is a miss; cache and lock paths are read
only when they are regular files of bounded size.

The attack first: a forged entry (the value of 下降了97% rewritten to 50%) decided the verdict, so a
false claim passed with exit 0. Each row writes the forgery the way an attacker with write access
to the cache folder could, then runs the real check.
"""
from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from verifier.commands.cli import main
from verifier.document import cache as cache_mod

SOURCE = "公司净利润同比下降了97%。\n"
CLAIMS = ("version: 1\nsources:\n  s: {path: src.txt, lang: zh}\nclaims:\n"
          "  - {id: drop, claim: 净利润下降了50%, source: s, figure: \"50%\", expect: supported}\n")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX modes and file kinds")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh user: own cache and config folders, no key yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))
    monkeypatch.delenv(cache_mod.ENV_VAR, raising=False)
    cache_mod._KEY.clear()
    yield tmp_path
    cache_mod._KEY.clear()


@pytest.fixture
def project(home, monkeypatch):
    folder = home / "p"
    folder.mkdir()
    (folder / "src.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def _entries(root: Path) -> list[Path]:
    return sorted(root.glob("figures/*/*.json"))


def _forge(entry: Path, key: bytes | None, *, plain: bool = False) -> None:
    """Rewrite every 97 in the entry's value columns as 50, signed with `key` (or unsigned)."""
    body = cache_mod.verified_body(entry.read_bytes(), cache_mod.secret_key())
    data = json.loads(body)
    for name in ("low", "high"):
        column = data["columns"][data["fields"].index(name)]
        column[:] = ["50" if v == "97" else v for v in column]
    new = json.dumps(data, ensure_ascii=False).encode()
    entry.write_bytes(new if plain else cache_mod.sign(new, key))


FORGERIES = [
    # (name, key used to sign, exit code the run must give)
    ("signed with this user's key (only the user can: proves the forgery would work)", "user", 0),
    ("signed with another key", b"attacker-key-0123456789abcdef012", 1),
    ("unsigned JSON (the old format)", None, 1),
]


@pytest.mark.parametrize("name,key,code", FORGERIES, ids=[f[0].split(" (")[0] for f in FORGERIES])
def test_a_forged_entry_is_a_miss(project, capsys, name, key, code):
    assert main(["check"]) == 1                   # 97% in the source: the 50% claim is contradicted
    (entry,) = _entries(cache_mod.default_dir())
    _forge(entry, cache_mod.secret_key() if key == "user" else key, plain=key is None)
    assert main(["check"]) == code
    capsys.readouterr()


def test_the_cache_and_key_live_in_the_users_folders_not_the_project(project, home, capsys):
    assert main(["check"]) == 1
    assert not (project / ".verifier-cache").exists()
    assert _entries(home / "user-cache" / "verifier")
    key = home / "user-config" / "verifier" / "cache.key"
    assert key.is_file() and len(key.read_bytes()) == 32
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600


@posix_only
def test_a_key_others_can_read_is_not_used(project, home, capsys):
    key = home / "user-config" / "verifier" / "cache.key"
    key.parent.mkdir(parents=True)
    key.write_bytes(b"k" * 32)
    key.chmod(0o644)
    assert cache_mod.secret_key() is None
    assert main(["check"]) == 1                   # still the right verdict, just no cache
    assert not _entries(home / "user-cache" / "verifier")


@posix_only
def test_a_committed_cache_symlink_redirects_nothing(project, home, capsys):
    elsewhere = home / "elsewhere"
    elsewhere.mkdir()
    (project / ".verifier-cache").symlink_to(elsewhere, target_is_directory=True)
    assert main(["check"]) == 1
    assert list(elsewhere.iterdir()) == []


SPECIAL = ["fifo", "symlink to /dev/zero", "oversized"]


@posix_only
@pytest.mark.parametrize("kind", SPECIAL)
def test_a_special_file_as_a_cache_entry_is_a_miss(project, capsys, monkeypatch, kind):
    assert main(["check"]) == 1
    (entry,) = _entries(cache_mod.default_dir())
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)                           # reading would hang forever
    elif kind == "oversized":
        monkeypatch.setattr(cache_mod, "MAX_ENTRY_BYTES", 10)
        main(["check"])
        capsys.readouterr()
        (entry,) = _entries(cache_mod.default_dir())
    else:
        entry.symlink_to("/dev/zero")              # reading would fill memory
    assert main(["check"]) == 1
    assert "internal error" not in capsys.readouterr().err


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "symlink to /dev/zero"])
def test_a_special_lock_file_is_a_clear_error(project, capsys, kind):
    lock = project / "claims.lock.json"
    if kind == "fifo":
        os.mkfifo(lock)
    else:
        lock.symlink_to("/dev/zero")
    assert main(["check", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "cannot read the lock file" in err and "internal error" not in err
