extensions = ["factcheck_ext"]
project = "views"
exclude_patterns = ["_build", "*.txt"]
