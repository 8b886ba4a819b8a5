"""#13: a claims file reached through a symlink is confined like a source, and nothing from a refused
file is printed; sources are resolved once at load and opened by that path, so a file swapped for a
symlink mid-run is not read from outside the folder.
"""
from __future__ import annotations

import os

import pytest

from verifier.check.run import check_all
from verifier.claimsfile.claims import load_claims
from verifier.commands.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symlinks")
SECRET = "password: hunter2-SECRET\naws_key: AKIA-SECRET\n"
CLAIMS = ("version: 1\nsources:\n  s: {path: src.txt, lang: en}\nclaims:\n"
          "  - {id: revenue, claim: Revenue rose 12%., source: s, figure: \"12%\"}\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "src.txt").write_text("Revenue rose 12% in 2023.\n", encoding="utf-8")
    (tmp_path / "secret.yaml").write_text(SECRET, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


LINKS = [("claims.yaml", "check", ["claims.yaml", "--no-cache"]),
         ("claims.yaml", "suggest", ["suggest", "s"]),
         ("claims/x.yaml", "check", ["claims/x.yaml", "--no-cache"])]


@pytest.mark.parametrize("link,verb,argv", LINKS, ids=[f"{l}-{v}" for l, v, _ in LINKS])
def test_a_claims_symlink_out_of_the_project_is_refused_unread(project, capsys, link, verb, argv):
    (project / link).parent.mkdir(exist_ok=True)
    (project / link).symlink_to(project.parent / "secret.yaml")
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert "symbolic link that leads outside the project" in err and "--allow-outside" in err
    assert "SECRET" not in out + err and "hunter2" not in out + err


def test_allow_outside_lets_a_linked_claims_file_through(project, capsys):
    shared = project.parent / "shared.yaml"
    shared.write_text(CLAIMS.replace("src.txt", str(project / "src.txt")), encoding="utf-8")
    (project / "claims.yaml").symlink_to(shared)
    assert main(["claims.yaml", "--no-cache"]) == 2
    assert main(["claims.yaml", "--no-cache", "--allow-outside"]) == 0


def test_a_link_inside_the_project_is_fine(project, capsys):
    (project / "real.yaml").write_text(CLAIMS, encoding="utf-8")
    (project / "claims.yaml").symlink_to(project / "real.yaml")
    assert main(["claims.yaml", "--no-cache"]) == 0


def test_the_plugin_refuses_a_collected_link_unread(pytester):
    pytester.makefile(".txt", src="Revenue rose 12% in 2023.\n")
    (pytester.path / "claims").mkdir()
    secret = pytester.path.parent / "secret-claims.yaml"
    secret.write_text(SECRET, encoding="utf-8")
    (pytester.path / "claims" / "leak.yaml").symlink_to(secret)
    result = pytester.runpytest("-p", "no:cacheprovider", "claims", "--claims-no-cache")
    text = "\n".join(result.outlines + result.errlines)
    assert "leads outside the project" in text and "hunter2" not in text and "SECRET" not in text


def test_a_source_swapped_for_a_symlink_after_load_is_not_read(project):
    (project / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    claims_file = load_claims("claims.yaml")
    assert claims_file.sources["s"].path == (project / "src.txt").resolve()     # resolved once, at load
    (project / "src.txt").unlink()                                              # the swap, mid-run
    (project.parent / "outside.txt").write_text("Revenue rose 12% SECRET\n", encoding="utf-8")
    (project / "src.txt").symlink_to(project.parent / "outside.txt")
    (result,) = check_all(claims_file)
    assert result.verdict == "error" and "became a symbolic link" in result.error
    assert "SECRET" not in result.error


def test_a_folder_swapped_for_a_symlink_after_load_is_not_followed(project):
    (project / "news").mkdir()
    (project / "news" / "src.txt").write_text("Revenue rose 12% in 2023.\n", encoding="utf-8")
    (project / "claims.yaml").write_text(CLAIMS.replace("path: src.txt", "path: news/src.txt"), encoding="utf-8")
    claims_file = load_claims("claims.yaml")
    outside = project.parent / "elsewhere"
    outside.mkdir()
    (outside / "src.txt").write_text("Revenue rose 12% SECRET\n", encoding="utf-8")
    (project / "news" / "src.txt").unlink()
    (project / "news").rmdir()                                                  # the folder swapped, mid-run
    (project / "news").symlink_to(outside, target_is_directory=True)
    (result,) = check_all(claims_file)
    assert result.verdict == "error" and "became a symbolic link" in result.error
    assert "SECRET" not in result.error
