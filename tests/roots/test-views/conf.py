extensions = ["factcheck_ext"]
project = "views"
exclude_patterns = ["_build", "*.txt"]
html_baseurl = "https://views.example/"
