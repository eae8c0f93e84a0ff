"""Qt display package."""
