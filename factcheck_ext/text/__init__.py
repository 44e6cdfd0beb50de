"""Pure text helpers, no Sphinx: quote folding and matching, the start of an
analysis, texts that keep their links, BibTeX and CSL-JSON files."""
