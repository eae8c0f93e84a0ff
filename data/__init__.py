"""Shipped data (guides, illustrations, fonts, sounds, translations, example config).

Installed as the package ``kiosk_data``; code finds files through ``kiosk.resources``.
"""
