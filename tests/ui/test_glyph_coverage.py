"""Every character a screen, a ticket or a PDF draws is in the shipped fonts.

A character the fonts lack is drawn by whatever system font the machine has (other metrics,
other shapes) or as a box: the screens then differ from machine to machine.
"""

from __future__ import annotations

from tests.glyphs import FONTS, drawn_by_every_font, font_code_points, uncovered, visible_texts


def test_the_font_reader_finds_vietnamese_and_not_what_noto_sans_lacks() -> None:
    for path in FONTS:
        points = font_code_points(path)
        assert all(ord(char) in points for char in "ẠạẮắỆệỖỗỰựĐđ‹›…•·"), path.name
        assert not {0x25B6, 0x25C0, 0x2605, 0x2192} & points, path.name  # ▶ ◀ ★ →


def test_the_texts_come_from_translations_sources_guides_and_config() -> None:
    texts = visible_texts()
    wheres = " ".join(texts)
    for source in ("kiosk_en.ts", "desk_en.ts", "ui/kiosk/", "printing/", "guide.toml"):
        assert source in wheres, source
    assert "config.example.toml" in wheres
    assert any("<text>" in where for where in texts)  # words drawn inside the guide pictures
    assert "Bước tiếp ›" in texts.values()
    assert "Next step ›" in texts.values()


def test_every_visible_text_is_covered_by_the_shipped_fonts() -> None:
    problems = uncovered(visible_texts(), drawn_by_every_font())
    assert not problems, "\n".join(problems)


def test_a_text_with_an_arrow_the_fonts_lack_is_named_with_where_it_is() -> None:
    texts = {**visible_texts(), "ui/kiosk/new_screen.py:12": "Tiếp tục ▶"}
    problems = uncovered(texts, drawn_by_every_font())
    assert problems == [
        "ui/kiosk/new_screen.py:12: '▶' U+25B6 BLACK RIGHT-POINTING TRIANGLE in 'Tiếp tục ▶'"
    ]
