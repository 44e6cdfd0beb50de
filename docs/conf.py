"""Sphinx configuration of the sphinx-factcheck documentation and demo report."""

project = "sphinx-factcheck"
author = "sphinx-factcheck developers"
copyright = "2026, sphinx-factcheck developers"
version = release = "0.1.0"

extensions = ["myst_parser", "factcheck_ext"]

exclude_patterns = ["_build", "_articles"]
html_theme = "alabaster"
html_title = "sphinx-factcheck"
nitpicky = True

# Who publishes the fact-checks: the ClaimReview "author" of every check.
factcheck_publisher = {"name": "sphinx-factcheck demo desk"}
# The address the report is published at: ClaimReview, the feed and link previews
# link to it. This demo is not published at an address of its own, so it uses an
# address reserved for examples; a desk writes its real one.
html_baseurl = "https://factdesk.example/sphinx-factcheck/"
# An Atom feed of the published checks (factcheck.atom).
factcheck_feed = True
# Every published check must be signed off by an editor.
factcheck_require_review = True
# Every claim names a registered claimant (with a profile and a scorecard).
factcheck_claimants_required = True
# the desk's published checks: a claim that comes back is recognised (report/followup)
factcheck_catalogues = ["report/back-catalogue.jsonl"]

# PDF (sphinx-build -b latex, then make): pdflatex knows most of the characters the
# report uses; the performance page writes minus signs, and the translation guide
# Russian verdicts (Cyrillic in T2A: apt install texlive-lang-cyrillic cm-super).
latex_elements = {
    "fontenc": r"\usepackage[T2A,T1]{fontenc}",
    "preamble": r"\DeclareUnicodeCharacter{2212}{\ensuremath{-}}",
}

# Translations (docs/guide/translating.rst): the example report in French is built with
#   sphinx-build -b html -D language=fr docs docs/_build/html-fr
# from the catalogs in docs/locales/<language>/LC_MESSAGES.
locale_dirs = ["locales"]
