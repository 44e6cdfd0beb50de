"""Verdict colours in LaTeX/PDF output, generated from the verdict scale.

Sphinx's LaTeX writer turns an inline node with classes into nested ``\\DUrole``
calls, outer class first: a badge is ``\\DUrole{fc-badge}{\\DUrole{fc-verdict-true}{True}}``,
a marked quote ``\\DUrole{fc-mark}{\\DUrole{fc-verdict-true}{...}}``.  The package
written here defines those roles: ``fc-badge`` and ``fc-mark`` say what is being set,
and each verdict's style sets it in the verdict's colours: a coloured box with the
label for a badge, a coloured underline (ulem, which breaks across lines) for a
quote.  Colours come from the scale, custom scales included, as on the web.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ..domain import get_domain
from ..models import Scale

PACKAGE = "sphinxfactcheck"

_PREAMBLE = r"""\NeedsTeXFormat{LaTeX2e}
\ProvidesPackage{sphinxfactcheck}[2026/11/28 verdict colours, made by sphinx-factcheck]
\RequirePackage{xcolor}
\RequirePackage[normalem]{ulem}
% what is being set: a badge, a marked quote, or (outside both) plain text
\def\fc@badge{badge}\def\fc@mark{mark}\let\fc@kind\relax
\expandafter\def\csname DUrolefc-badge\endcsname#1{\begingroup\let\fc@kind\fc@badge#1\endgroup}
\expandafter\def\csname DUrolefc-mark\endcsname#1{\begingroup\let\fc@kind\fc@mark#1\endgroup}
\expandafter\def\csname DUrolefc-marker\endcsname#1{#1}
% \fc@styled{background}{text colour}{frame colour}{content}
\def\fc@styled#1#2#3#4{%
  \ifx\fc@kind\fc@badge\fcbadgebox{#1}{#2}{#3}{#4}%
  \else\ifx\fc@kind\fc@mark\fcmarkline{#3}{#4}%
  \else#4\fi\fi}
\providecommand\fcbadgebox[4]{{\setlength{\fboxsep}{1.2pt}\setlength{\fboxrule}{0.4pt}%
  \fcolorbox{#3}{#1}{\textcolor{#2}{\sffamily\bfseries\small\strut#4}}}}
\providecommand\fcmarkline[2]{\bgroup
  \markoverwith{\textcolor{#1}{\rule[-0.6ex]{1pt}{0.45ex}}}\ULon{#2}}
% a bar of the summary table: \fcbar{colour}{length}
\providecommand\fcbar[2]{\hspace{0.5em}\textcolor{#1}{\rule{#2}{1.4ex}}}
% checking statuses: a white box with a grey frame
\definecolor{fcstatusframe}{HTML}{57606A}
\definecolor{fcstatustext}{HTML}{24292F}
\expandafter\def\csname DUrolefc-status\endcsname#1{%
  \fc@styled{white}{fcstatustext}{fcstatusframe}{#1}}
"""


def colour_name(position: int) -> str:
    """The xcolor name of the verdict at *position* in the scale."""
    return f"fcverdict{position}"


def scale_package(scale: Scale) -> str:
    """The package's text: the fixed roles, then a colour and a role per verdict."""
    lines = [_PREAMBLE, "% the verdict scale"]
    for position, verdict in enumerate(scale.verdicts):
        name = colour_name(position)
        text = "white" if verdict.text_colour == "#ffffff" else "black"
        lines.append(f"\\definecolor{{{name}}}{{HTML}}{{{verdict.colour[1:].upper()}}}")
        lines.append(
            f"\\expandafter\\def\\csname DUrole{verdict.style}\\endcsname#1{{%\n"
            f"  \\fc@styled{{{name}}}{{{text}}}{{{name}}}{{#1}}}}"
        )
    return "\n".join(lines) + "\n\\endinput\n"


def add_latex_package(app: Sphinx) -> None:
    """``builder-inited``: write the package next to the .tex files and load it."""
    if app.builder.format != "latex":
        return
    outdir = Path(app.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / f"{PACKAGE}.sty"
    text = scale_package(get_domain(app.env).scale)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    app.add_latex_package(PACKAGE)


def summary_bar(position: int, share: float) -> str:
    """LaTeX for the bar of the summary row of the verdict at *position* in the scale
    (*share*: its count over the largest count, 0 to 1)."""
    return f"\\fcbar{{{colour_name(position)}}}{{{3.5 * share:.2f}cm}}"
