extensions = ["factcheck_ext"]
project = "i18n"
exclude_patterns = ["_build", "*.txt"]
html_baseurl = "https://i18n.example/"
locale_dirs = ["locales"]
gettext_compact = False
copyright = "2026, sphinx-factcheck"
version = "1"
