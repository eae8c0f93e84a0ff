"""Use cases: one transaction per user action, frozen views out."""
