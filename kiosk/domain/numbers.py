"""The one way numbers are written for people: ``1.234`` and ``7,5`` in Vietnamese.

Vietnamese groups thousands with a dot and writes a decimal comma; English is the other way
round. The screens, the PDF and the CLI all go through ``format_number``.
"""

from __future__ import annotations

GROUP_AND_DECIMAL = {"vi": (".", ","), "en": (",", ".")}


def format_number(value: float, *, decimals: int = 0, language: str = "vi") -> str:
    """``1234.5`` with one decimal: ``1.234,5`` (vi) or ``1,234.5`` (en)."""
    group, decimal = GROUP_AND_DECIMAL.get(language, GROUP_AND_DECIMAL["vi"])
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)
