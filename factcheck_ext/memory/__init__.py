"""A desk's memory: earlier checks recognised when a claim comes back.

:mod:`.words` folds text into the words matching compares, :mod:`.catalogue` reads
catalogue files into entries, :mod:`.index` keeps them (and the project's claims) in
SQLite with FTS5 and ranks candidates, :mod:`.suggestions` matches every claim
during the build and hands the results to the domain (which warns and renders), and
:mod:`.command` is ``sphinx-factcheck match``: the same matcher from the command line.
"""
