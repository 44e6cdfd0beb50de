extensions = ["factcheck_ext"]
project = "basic"
exclude_patterns = ["_build"]
copyright = "2026, sphinx-factcheck"
version = "1"
html_baseurl = "https://desk.example.org/report/"
factcheck_publisher = {"name": "Basic desk", "url": "https://desk.example.org/"}
