"""Icons are painted once per size and colour, and the cache does not grow with every size."""

from pytestqt.qtbot import QtBot

from ui.widgets.icons import ICON_CACHE_SIZE, icon_pixmap


def test_icon_sizes_asked_over_a_day_do_not_pile_up(qtbot: QtBot) -> None:
    icon_pixmap.cache_clear()
    for size_px in range(20, 20 + ICON_CACHE_SIZE * 2):  # a layout fitting icons to its space
        icon_pixmap("check", size_px, "#0b2540")
    assert icon_pixmap.cache_info().currsize == ICON_CACHE_SIZE
    newest = icon_pixmap("check", 20 + ICON_CACHE_SIZE * 2 - 1, "#0b2540")
    assert icon_pixmap.cache_info().hits == 1, "the newest size is still cached"
    assert newest.width() == 20 + ICON_CACHE_SIZE * 2 - 1
    icon_pixmap.cache_clear()
