"""Picture icons drawn as SVG in code (no image files to ship), painted in any theme colour.

Each icon is a 64x64 drawing with ``{c}`` where its colour goes; simple, bold shapes that read
at a glance from a metre away.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

_STROKE = (
    'fill="none" stroke="{c}" stroke-width="4.5" stroke-linecap="round" stroke-linejoin="round"'
)

_ICONS: dict[str, str] = {
    "ticket": (
        '<path d="M8 18h48v8a6 6 0 0 0 0 12v8H8v-8a6 6 0 0 0 0-12z" {s}/>'
        '<path d="M22 26h20M22 32h20M22 38h12" {s}/>'
    ),
    "priority": (
        '<circle cx="26" cy="11" r="6" fill="{c}"/>'
        '<path d="M26 19c-6 4-8 12-8 20M26 19l4 14 8 4M18 39l-4 19M24 39l6 19" {s}/>'
        '<path d="M40 30v28" {s}/><path d="M36 30h8" {s}/>'
        '<path d="M50 8l2.5 5 5.5.8-4 3.9 1 5.5-5-2.6-5 2.6 1-5.5-4-3.9 5.5-.8z" fill="{c}"/>'
    ),
    "help": (
        '<circle cx="32" cy="14" r="7" fill="{c}"/>'
        '<path d="M20 58V36a12 12 0 0 1 24 0v22M32 44v14" {s}/>'
        '<path d="M44 34l8-14 4-10" {s}/><path d="M12 44l8-8" {s}/>'
    ),
    "guide": (
        '<path d="M32 16c-6-5-14-6-24-5v38c10-1 18 0 24 5 6-5 14-6 24-5V11c-10-1-18 0-24 5z" {s}/>'
        '<path d="M32 16v38M15 22h10M15 30h10M39 22h10M39 30h10" {s}/>'
    ),
    "rating": (
        '<path d="M32 6l8 16 18 2.6-13 12.7 3 17.7L32 46.6 16 55l3-17.7L6 24.6 24 22z" {s}/>'
    ),
    "elderly": (
        '<circle cx="28" cy="10" r="6" fill="{c}"/>'
        '<path d="M28 18c-5 5-8 12-8 20M28 18l4 14 8 4M20 38l-4 20M26 38l6 20" {s}/>'
        '<path d="M44 34v24M40 34h6" {s}/>'
    ),
    "disability": (
        '<circle cx="26" cy="9" r="6" fill="{c}"/>'
        '<path d="M26 17v18h16l6 16h6M26 25h14" {s}/>'
        '<path d="M20 28a15 15 0 1 0 22 18" {s}/>'
    ),
    "pregnant": (
        '<circle cx="30" cy="9" r="6" fill="{c}"/>'
        '<path d="M28 17c-4 6-4 12 0 16 8 0 14 6 12 12-2 5-8 6-12 5M28 50v9M34 50v9" {s}/>'
        '<path d="M28 22l-6 12" {s}/>'
    ),
    "small_child": (
        '<circle cx="22" cy="9" r="6" fill="{c}"/><circle cx="46" cy="27" r="5" fill="{c}"/>'
        '<path d="M22 17v22M22 39l-6 19M22 39l6 19M22 24l-8 12M22 24l12 10 6 4" {s}/>'
        '<path d="M46 34v12M46 46l-4 12M46 46l4 12M40 38l6-2" {s}/>'
    ),
    "merit": (
        '<path d="M22 6l10 18 10-18" {s}/><circle cx="32" cy="40" r="16" {s}/>'
        '<path d="M32 31l3 6 6.5 1-4.7 4.5 1.1 6.5L32 46l-5.9 3 1.1-6.5L22.5 38l6.5-1z"'
        ' fill="{c}"/>'
    ),
    "person": (
        '<circle cx="32" cy="14" r="8" fill="{c}"/><path d="M16 58V40a16 16 0 0 1 32 0v18" {s}/>'
    ),
    "family": (
        '<circle cx="18" cy="12" r="6" fill="{c}"/><circle cx="46" cy="12" r="6" fill="{c}"/>'
        '<circle cx="32" cy="34" r="5" fill="{c}"/>'
        '<path d="M8 50V30a10 10 0 0 1 20 0M36 30a10 10 0 0 1 20 0v20" {s}/>'
        '<path d="M24 58V48a8 8 0 0 1 16 0v10" {s}/>'
    ),
    "stamp": (
        '<path d="M25 32c0-6-5-8-5-14a12 12 0 0 1 24 0c0 6-5 8-5 14z" {s}/>'
        '<path d="M10 32h44v11H10zM14 54h36" {s}/>'
    ),
    "land": (
        '<path d="M6 30L26 14l20 16M12 26v18h28V26M22 44V34h8v10" {s}/>'
        '<path d="M4 56c10-6 22-6 28 0s18 6 28 0M48 20c4 0 8 4 8 10M50 44V30" {s}/>'
    ),
    "social": (
        '<path d="M32 30c-8-9-20-4-16 6 2 5 16 14 16 14s14-9 16-14c4-10-8-15-16-6z" fill="{c}"/>'
        '<path d="M4 46l12 10h22l14-12c3-3-1-7-4-5l-8 5H28M4 40l8-2c6-1 10 2 14 6h10" {s}/>'
    ),
    "phone": (
        '<rect x="18" y="4" width="28" height="56" rx="5" {s}/>'
        '<circle cx="32" cy="26" r="6" {s}/><path d="M24 42a8 8 0 0 1 16 0M28 53h8" {s}/>'
    ),
    "document": (
        '<path d="M14 6h26l12 12v40H14z" {s}/>'
        '<path d="M40 6v12h12M22 30h22M22 38h22M22 46h14" {s}/>'
    ),
    "back": '<path d="M40 10L18 32l22 22" {s}/>',
    "printer": (
        '<path d="M18 24V6h28v18M18 48H8V24h48v24H46" {s}/><path d="M18 38h28v20H18z" {s}/>'
        '<path d="M24 46h16M24 52h10" {s}/>'
    ),
    "check": '<circle cx="32" cy="32" r="26" {s}/><path d="M20 33l8 8 16-18" {s}/>',
    "warning": (
        '<path d="M32 6L4 56h56z" {s}/><path d="M32 24v16" {s}/>'
        '<circle cx="32" cy="48" r="3" fill="{c}"/>'
    ),
    "globe": (
        '<circle cx="32" cy="32" r="26" {s}/>'
        '<path d="M6 32h52M32 6c-14 16-14 36 0 52M32 6c14 16 14 36 0 52" {s}/>'
    ),
    "text_size": ('<path d="M6 54L20 14h4l14 40M11 40h22" {s}/><path d="M42 32h18M51 23v18" {s}/>'),
    "people": (
        '<circle cx="22" cy="16" r="7" fill="{c}"/><circle cx="44" cy="18" r="6" fill="{c}"/>'
        '<path d="M8 56V42a14 14 0 0 1 28 0v14M38 30a12 12 0 0 1 20 10v14" {s}/>'
    ),
    "clock": '<circle cx="32" cy="32" r="26" {s}/><path d="M32 16v16l11 8" {s}/>',
    "counter": (
        '<path d="M6 34h52M10 34v24M54 34v24" {s}/><circle cx="32" cy="14" r="7" fill="{c}"/>'
        '<path d="M20 34a12 12 0 0 1 24 0" {s}/>'
    ),
    "face_very_happy": (
        '<circle cx="32" cy="32" r="27" {s}/><circle cx="22" cy="25" r="3.5" fill="{c}"/>'
        '<circle cx="42" cy="25" r="3.5" fill="{c}"/><path d="M17 36c4 12 26 12 30 0z" {s}/>'
    ),
    "face_happy": (
        '<circle cx="32" cy="32" r="27" {s}/><circle cx="22" cy="25" r="3.5" fill="{c}"/>'
        '<circle cx="42" cy="25" r="3.5" fill="{c}"/><path d="M20 39c6 7 18 7 24 0" {s}/>'
    ),
    "face_neutral": (
        '<circle cx="32" cy="32" r="27" {s}/><circle cx="22" cy="25" r="3.5" fill="{c}"/>'
        '<circle cx="42" cy="25" r="3.5" fill="{c}"/><path d="M21 41h22" {s}/>'
    ),
    "face_sad": (
        '<circle cx="32" cy="32" r="27" {s}/><circle cx="22" cy="25" r="3.5" fill="{c}"/>'
        '<circle cx="42" cy="25" r="3.5" fill="{c}"/><path d="M20 45c6-7 18-7 24 0" {s}/>'
    ),
    "face_very_sad": (
        '<circle cx="32" cy="32" r="27" {s}/><path d="M17 22l9 4M47 22l-9 4" {s}/>'
        '<path d="M18 47c6-10 22-10 28 0" {s}/>'
    ),
    "key": ('<circle cx="20" cy="32" r="12" {s}/><path d="M32 32h26M50 32v10M42 32v8" {s}/>'),
}

ICON_NAMES = frozenset(_ICONS)


def icon_svg(name: str, colour: str) -> str:
    """The SVG text of an icon in a colour (``KeyError`` for an unknown name)."""
    body = _ICONS[name].replace("{s}", _STROKE).replace("{c}", colour)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">{body}</svg>'


# Icons shrink to fit the space a layout gives them (tiles with long captions, a rating screen
# with more or fewer visits), so the sizes asked for are many over a day. Only the newest few
# are kept: a label keeps its own copy of the picture, so a dropped one costs only a repaint
# of the SVG when a screen asks again. Unbounded, the soak saw a 270 kB picture kept for each
# new size (~2 MB a day of 100 visitors).
ICON_CACHE_SIZE = 32


@lru_cache(maxsize=ICON_CACHE_SIZE)
def icon_pixmap(name: str, size_px: int, colour: str, device_pixel_ratio: float = 1.0) -> QPixmap:
    """The icon painted into a square transparent pixmap (the newest sizes cached)."""
    renderer = QSvgRenderer(QByteArray(icon_svg(name, colour).encode()))
    side = max(1, round(size_px * device_pixel_ratio))
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap
