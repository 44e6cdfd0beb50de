"""Builders added by sphinx-factcheck."""
