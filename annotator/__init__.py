"""Annotator: a desktop annotation tool for media researchers."""

__version__ = "0.1.0"
