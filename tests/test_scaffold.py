"""``sphinx-factcheck init``: a new project that builds with -W as made."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

from factcheck_ext.cli import main
from factcheck_ext.cli.scaffold import scaffold


def _build(src: Path) -> int:
    return build_main(["-W", "-q", "-b", "html", str(src), str(src / "_build" / "html")])


@pytest.mark.parametrize("output_format", ["rst", "md"])
def test_a_new_project_builds_with_W_as_created(tmp_path, output_format):
    target = tmp_path / "report"
    assert (
        main(
            [
                "init",
                str(target),
                "--project",
                "Our checks",
                "--publisher",
                "Desk",
                "--url",
                "https://desk.example/checks",
                "--format",
                output_format,
            ]
        )
        == 0
    )
    names = {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()}
    suffix = output_format
    assert names == {
        "conf.py",
        ".gitignore",
        "_articles/bus-fares.txt",
        f"index.{suffix}",
        f"example.{suffix}",
        f"claims.{suffix}",
        f"bibliography.{suffix}",
    }
    conf = (target / "conf.py").read_text()
    assert "html_baseurl = 'https://desk.example/checks/'" in conf
    assert "factcheck_publisher = {\"name\": 'Desk'}" in conf
    assert _build(target) == 0
    html = (target / "_build" / "html" / "example.html").read_text()
    assert "Bus fares have not risen for five years." in html and "Unverifiable" in html
    claims = (target / "_build" / "html" / "claims.html").read_text()
    assert (
        "fc-summary" in claims
        and "Our checks" in (target / "_build" / "html" / "index.html").read_text()
    )
    assert "https://desk.example/checks/example.html#claim-five-years" in html  # ClaimReview url


def test_it_asks_in_a_terminal_and_takes_defaults_in_scripts(tmp_path):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = Terminal("Checks of the week\n\nhttps://week.example/\n")
    shown = io.StringIO()
    assert scaffold(tmp_path / "asked", stdin=answers, stdout=shown) == 0
    assert "Name of the report [Fact-check report]: " in shown.getvalue()
    conf = (tmp_path / "asked" / "conf.py").read_text()
    assert "project = 'Checks of the week'" in conf
    assert "factcheck_publisher = {\"name\": 'Checks of the week'}" in conf  # the default
    # no terminal: no questions, the defaults
    quiet = io.StringIO()
    assert scaffold(tmp_path / "script", stdin=io.StringIO(""), stdout=quiet) == 0
    assert "?" not in quiet.getvalue().split("\n")[0]
    assert _build(tmp_path / "script") == 0


def test_a_directory_that_is_not_empty_is_refused(tmp_path):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine\n")
    errors = io.StringIO()
    assert scaffold(target, stdin=io.StringIO(""), stderr=errors) == 2
    assert "is not empty" in errors.getvalue() and sorted(p.name for p in target.iterdir()) == [
        "notes.txt"
    ]
    # --force adds the report's files, but never overwrites one
    assert scaffold(target, force=True, stdin=io.StringIO(""), stdout=io.StringIO()) == 0
    assert (target / "notes.txt").read_text() == "mine\n"
    (target / "index.rst").write_text("my own index\n")
    errors = io.StringIO()
    assert scaffold(target, force=True, stdin=io.StringIO(""), stderr=errors) == 2
    assert "already holds" in errors.getvalue()
    assert (target / "index.rst").read_text() == "my own index\n"


def test_a_bad_address_is_refused(tmp_path):
    errors = io.StringIO()
    assert (
        scaffold(tmp_path / "x", url="ftp://desk.example/", stdin=io.StringIO(""), stderr=errors)
        == 2
    )
    assert "is not an http(s) address" in errors.getvalue()


def test_python_m_runs_init(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "factcheck_ext", "init", str(tmp_path / "r"), "--project", "R"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "sphinx-build -W -b html" in result.stdout
