"""``sphinx-factcheck archive`` and ``sphinx-factcheck drift``: evidence that lasts.

:mod:`.fetching` fetches with manners and limits, :mod:`.main_text` extracts what a
page says, :mod:`.backends` captures (a local WACZ, pywb, Save Page Now, perma.cc),
:mod:`.capture_run` captures every address a project cites into its ledger, and
:mod:`.drift` compares the live pages with their captures.  The build itself never
touches the network: it reads the files these write (see ``domain.evidence``).
"""
