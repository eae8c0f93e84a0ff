"""Qt manager package."""
