extensions = ["factcheck_ext"]
project = "basic"
exclude_patterns = ["_build"]
