"""A new user's first build: README.md and the tutorial, followed verbatim, build with -W."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

from sphinx.cmd.build import build_main
from sphinx.cmd.quickstart import main as quickstart

from .helpers import SEED, write_project

ROOT = Path(__file__).parents[1]


def _fenced(markdown: str, language: str, after: str) -> list[str]:
    """The ``language`` code blocks of a Markdown text, from the heading *after* on."""
    section = markdown[markdown.index(after) :]
    return re.findall(rf"```{language}\n(.*?)```", section, flags=re.S)


def _rst_blocks(rst: str, language: str) -> list[str]:
    """The ``.. code-block:: language`` blocks of a reStructuredText page, dedented."""
    blocks = []
    for match in re.finditer(rf"\.\. code-block:: {language}\n\n((?:   .*\n|\n)+)", rst):
        blocks.append(textwrap.dedent(match.group(1)).strip() + "\n")
    return blocks


def _build(src: Path, *options: str) -> tuple[int, str]:
    import io
    from contextlib import redirect_stderr

    errors = io.StringIO()
    with redirect_stderr(errors):
        status = build_main(
            ["-W", "-q", *options, "-b", "html", str(src), str(src / "_build" / "html")]
        )
    return status, errors.getvalue()


def test_the_readme_example_builds_with_W():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (conf,) = _fenced(readme, "python", "## Use it in your project")
    (page,) = _fenced(readme, "rst", "## Use it in your project")
    assert 'extensions = ["factcheck_ext"]' in conf and ":fc:source:" in page
    assert "sphinx-build -W -b html . _build/html" in readme


def test_following_the_readme_verbatim(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (conf,) = _fenced(readme, "python", "## Use it in your project")
    (page,) = _fenced(readme, "rst", "## Use it in your project")
    src = tmp_path / "report"
    (src / "_articles").mkdir(parents=True)
    (src / "conf.py").write_text(conf, encoding="utf-8")
    (src / "index.rst").write_text(page, encoding="utf-8")
    shutil.copy(SEED, src / "_articles" / "ablyazov.txt")
    status, errors = _build(src)
    assert status == 0, errors
    assert errors == ""
    html = (src / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "application/ld+json" in html and "https://factdesk.example/report/" in html


def test_following_the_tutorial_verbatim(tmp_path):
    tutorial = (ROOT / "docs" / "guide" / "tutorial.rst").read_text(encoding="utf-8")
    src = tmp_path / "report"
    src.mkdir()
    # 1. sphinx-quickstart, as the tutorial runs it, then the lines it adds to conf.py
    command = re.search(r"\$ (sphinx-quickstart .*)", tutorial).group(1)
    arguments = re.findall(r'"[^"]*"|\S+', command)[1:]
    arguments = [a.strip('"') for a in arguments[:-1]] + [str(src)]
    assert quickstart(arguments) == 0
    (python,) = _rst_blocks(tutorial, "python")
    with open(src / "conf.py", "a", encoding="utf-8") as conf:
        conf.write("\n" + python)
    # 2. the article's text; 3-5. the directives, into index.rst in order
    (src / "_articles").mkdir()
    shutil.copy(SEED, src / "_articles" / "ablyazov.txt")
    article, claim, source = _rst_blocks(tutorial, "rst")
    assert article.startswith(".. fc:article::") and claim.startswith(".. fc:claim::")
    assert source.startswith(".. fc:source::")
    with open(src / "index.rst", "a", encoding="utf-8") as index:
        index.write("\n" + "\n".join((article, claim, source)))
    # 6. the build command of the tutorial
    assert "sphinx-build -W -n -b html . _build/html" in tutorial
    status, errors = _build(src, "-n")
    assert status == 0, errors
    assert errors == ""


def test_a_build_without_html_baseurl_that_emits_no_claimreview_does_not_warn(tmp_path):
    """Only in-progress claims and an opinion: no ClaimReview, so nothing to warn about."""
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": (
                "T\n=\n\n.. fc:claim:: Still open\n   :id: open\n   :status: in-progress\n\n"
                ".. fc:claim:: A view\n   :id: view\n   :verdict: opinion\n"
            )
        },
    )
    conf = src / "conf.py"
    conf.write_text(conf.read_text().replace('html_baseurl = "https://t.example/"\n', ""))
    status, errors = _build(src)
    assert status == 0, errors
    # ... and as soon as a check is published, the same build warns
    (src / "index.rst").write_text(
        (src / "index.rst").read_text().replace(":verdict: opinion", ":verdict: unverifiable")
    )
    status, errors = _build(src)
    assert status == 1 and "[factcheck.no-baseurl]" in errors and "index.rst:8" in errors
