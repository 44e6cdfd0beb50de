extensions = ["factcheck_ext"]
project = "basic"
exclude_patterns = ["_build"]
copyright = "2026, sphinx-factcheck"
version = "1"
