"""Qt rating screens per counter."""
