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
# A published report sets html_baseurl to its address so that ClaimReview URLs are
# absolute. This demo is not published anywhere, so we accept relative URLs.
suppress_warnings = ["factcheck.no-baseurl"]
# Every published check must be signed off by an editor.
factcheck_require_review = True
# Every claim names a registered claimant (with a profile and a scorecard).
factcheck_claimants_required = True
