extensions = ["factcheck_ext"]
project = "workflow"
exclude_patterns = ["_build", "*.txt", "*.json"]
html_baseurl = "https://workflow.example/"
