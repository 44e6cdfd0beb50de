"""Sphinx configuration of the sphinx-factcheck documentation and demo report."""

project = "sphinx-factcheck"
author = "sphinx-factcheck developers"
copyright = "2026, sphinx-factcheck developers"
version = release = "0.1.0"

extensions = ["factcheck_ext"]

exclude_patterns = ["_build", "_articles"]
html_theme = "alabaster"
html_title = "sphinx-factcheck"
nitpicky = True
