extensions = ["factcheck_ext"]
project = "claimants"
exclude_patterns = ["_build"]
html_baseurl = "https://claimants.example/"
copyright = "2026, sphinx-factcheck"
version = "1"
