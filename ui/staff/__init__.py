"""Texts, language and look shared by the staff programs: the desk console and the TV display."""
