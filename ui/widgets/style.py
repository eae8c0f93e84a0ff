"""Style properties: widgets pick their look from the app stylesheet by property, never inline."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_style(widget: QWidget, **properties: str | bool) -> None:
    """Set stylesheet properties (``kind``, ``tone``, ``textStyle``, ``panel``...) and repolish.

    Qt applies a changed property only after the style re-polishes the widget and its children.
    """
    changed = False
    for name, value in properties.items():
        if widget.property(name) != value:
            widget.setProperty(name, value)
            changed = True
    if changed:
        repolish(widget)


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet to a widget and everything inside it."""
    style = widget.style()
    for child in [widget, *widget.findChildren(QWidget)]:
        style.unpolish(child)
        style.polish(child)
    widget.update()
