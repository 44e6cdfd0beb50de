extensions = ["myst_parser", "factcheck_ext"]
project = "twin"
exclude_patterns = ["_build", "*.txt"]
html_baseurl = "https://twin.example/"
