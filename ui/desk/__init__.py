"""Qt desk package."""
