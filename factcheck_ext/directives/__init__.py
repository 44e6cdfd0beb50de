"""Directives of the ``fc`` domain, one module per family."""
