"""Dumb reusable widgets: setters in, signals out; looks come from the app stylesheet."""
