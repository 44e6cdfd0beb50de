extensions = ["factcheck_ext"]
project = "desk"
exclude_patterns = ["_build"]
html_baseurl = "https://desk.example/"
factcheck_publisher = {"name": "Example Checks", "url": "https://desk.example/"}
