"""``sphinx-factcheck import``: fact-checks published elsewhere, as report pages.

One module per input shape reads files into :class:`~.record.ImportedReview`
records (:mod:`.jsonld` for ClaimReview JSON-LD in HTML or JSON, DataFeeds
included; :mod:`.factcheck_api` for Google's Fact Check Tools API), :mod:`.ratings`
maps their ratings onto the project's verdict scale, :mod:`.plan` turns them into
the report's own models (articles, claims, sources, claimants) grouped into pages,
and one writer per output format (:mod:`.write_rst`, :mod:`.write_myst`) writes
them, escaping every imported string.  :mod:`.run` ties the steps together.
"""
