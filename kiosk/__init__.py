"""Commune one-stop kiosk: queue, guides, helper attribution and summaries (Qt-free core)."""

__version__ = "0.1.0"
