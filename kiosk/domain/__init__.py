"""Plain-Python rules of the one-stop desk; imports only the standard library."""
