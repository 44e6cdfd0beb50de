"""``sphinx-factcheck init DIR``: a new report project that builds with ``-W`` as made.

Like ``sphinx-quickstart`` it asks, in a terminal, for what it is not given
(the report's name, the publisher, the address it will be published at), and
takes them as options in scripts.  It writes ``conf.py`` with the extension, an
example page holding an article (with its text, so that the quote is checked), a
claim and a source, a claims page, a bibliography page, the root page with the
toctree, and ``.gitignore``.  A directory that is not empty is refused unless
``force`` is given; no file is ever overwritten.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

DEFAULT_PROJECT = "Fact-check report"
DEFAULT_URL = "https://factdesk.example/report/"

ARTICLE_TEXT = """\
City to raise bus fares in March

The city council said on Monday that bus fares will rise by 10 percent in March, the \
first increase in five years.

Council leader Jane Doe said the rise was needed to keep the buses running.
"""

CONF = '''\
"""Configuration of {project}: a sphinx-factcheck report."""

project = {project!r}
author = {publisher!r}
extensions = [{extensions}]
exclude_patterns = ["_build", "_articles"]

# Who publishes the fact-checks: the author of every ClaimReview.
factcheck_publisher = {{"name": {publisher!r}}}
# The address the report is published at: ClaimReview, the feed and link previews
# need absolute links.
html_baseurl = {url!r}
'''

GITIGNORE = "_build/\n"


def _pages_rst(project: str) -> dict[str, str]:
    title = "=" * len(project)
    return {
        "index.rst": f"""{title}
{project}
{title}

.. toctree::
   :maxdepth: 1

   example
   claims
   bibliography
""",
        "example.rst": """An example check
================

.. fc:article:: City to raise bus fares in March
   :id: bus-fares
   :publisher: The Example Times
   :published: 2026-01-12
   :text: _articles/bus-fares.txt

   Why we checked this article: replace this page with your own.

.. fc:claim:: Bus fares have not risen for five years.
   :id: five-years
   :quote: the first increase in five years
   :claimant: The city council
   :verdict: unverifiable

   Say what you found, and cite your sources with :fc:source:`council-minutes`.

.. fc:source:: Council meeting minutes
   :id: council-minutes
   :url: https://example.org/council/minutes
   :publisher: City council
   :date: 2026-01-12
   :kind: official
""",
        "claims.rst": """Claims
======

.. fc:summary::

.. fc:claims::
   :columns: claim, claimant, date, verdict
""",
        "bibliography.rst": """Sources
=======

.. fc:sources::
""",
    }


def _pages_md(project: str) -> dict[str, str]:
    return {
        "index.md": f"""# {project}

```{{toctree}}
:maxdepth: 1

example
claims
bibliography
```
""",
        "example.md": """# An example check

```{fc:article} City to raise bus fares in March
:id: bus-fares
:publisher: The Example Times
:published: 2026-01-12
:text: _articles/bus-fares.txt

Why we checked this article: replace this page with your own.
```

```{fc:claim} Bus fares have not risen for five years.
:id: five-years
:quote: the first increase in five years
:claimant: The city council
:verdict: unverifiable

Say what you found, and cite your sources with {fc:source}`council-minutes`.
```

```{fc:source} Council meeting minutes
:id: council-minutes
:url: https://example.org/council/minutes
:publisher: City council
:date: 2026-01-12
:kind: official
```
""",
        "claims.md": """# Claims

```{fc:summary}
```

```{fc:claims}
:columns: claim, claimant, date, verdict
```
""",
        "bibliography.md": """# Sources

```{fc:sources}
```
""",
    }


def _ask(question: str, default: str, given: str | None, stdin: TextIO, stdout: TextIO) -> str:
    if given is not None:
        return given.strip() or default
    if not stdin.isatty():
        return default
    stdout.write(f"{question} [{default}]: ")
    stdout.flush()
    answer = stdin.readline().strip()
    return answer or default


def project_files(project: str, publisher: str, url: str, output_format: str) -> dict[str, str]:
    """The files of a new project, by path relative to its directory."""
    extensions = '"myst_parser", "factcheck_ext"' if output_format == "md" else '"factcheck_ext"'
    url = url if url.endswith("/") else url + "/"
    files = {
        "conf.py": CONF.format(
            project=project, publisher=publisher, url=url, extensions=extensions
        ),
        ".gitignore": GITIGNORE,
        "_articles/bus-fares.txt": ARTICLE_TEXT,
    }
    files.update(_pages_md(project) if output_format == "md" else _pages_rst(project))
    return files


def scaffold(
    directory: Path,
    *,
    project: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    output_format: str = "rst",
    force: bool = False,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    stderr: TextIO = sys.stderr,
) -> int:
    """Write a new report project into *directory*; the exit status."""
    if directory.exists() and any(directory.iterdir()) and not force:
        print(
            f"error: {directory} is not empty; choose an empty directory, or give "
            "--force to add the report's files to it",
            file=stderr,
        )
        return 2
    project = _ask("Name of the report", DEFAULT_PROJECT, project, stdin, stdout)
    publisher = _ask("Who publishes the fact-checks", project, publisher, stdin, stdout)
    url = _ask("Address the report will be published at", DEFAULT_URL, url, stdin, stdout)
    if not url.lower().startswith(("http://", "https://")):
        print(f"error: {url!r} is not an http(s) address", file=stderr)
        return 2
    files = project_files(project, publisher, url, output_format)
    existing = sorted(name for name in files if (directory / name).exists())
    if existing:
        print(
            f"error: {directory} already holds {', '.join(existing)}; nothing was written",
            file=stderr,
        )
        return 2
    for name, content in files.items():
        target = directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    print(
        f"A new report is in {directory}. Build it with:\n\n"
        f"    sphinx-build -W -b html {directory} {directory / '_build' / 'html'}\n",
        file=stdout,
    )
    return 0
