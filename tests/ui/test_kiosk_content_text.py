"""Content on the kiosk: plain text everywhere, hard words explained, the commune's own guides."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.domain.views import LocalText
from tests.ui.conftest import Kiosk, KioskFactory
from ui.kiosk.guide_screen import GuidesScreen

MARKUP = '<b>Đậm</b> <img src="file:///etc/passwd"> <a href="https://example.com">link</a>'
SAMPLE = Path(__file__).resolve().parents[1] / "content" / "good" / "mau"


def guides(kiosk: Kiosk) -> GuidesScreen:
    screen = kiosk.window.tile_screen("guides")
    assert isinstance(screen, GuidesScreen)
    return screen


def labels_with_text(kiosk: Kiosk) -> list[QLabel]:
    return [label for label in kiosk.window.findChildren(QLabel) if label.text()]


def test_text_from_guides_is_drawn_as_plain_text_on_every_guide_screen(kiosk: Kiosk) -> None:
    kiosk.tap(kiosk.window.home.buttons["guides"])
    screen = guides(kiosk)
    marked = LocalText(MARKUP, MARKUP)
    original = screen.guide("khai-sinh")
    assert original is not None
    step = dataclasses.replace(original.steps[0], text=marked, explained=marked)
    guide = dataclasses.replace(
        original,
        title=marked,
        summary=marked,
        steps=(step, *original.steps[1:]),
        fee=dataclasses.replace(original.fee, text=marked),
        info_explained=marked,
    )
    line_names = {line.code: line.name for line in kiosk.ctx.config.lines}
    screen.set_guides([guide], line_names)

    screen.step.show_guide(guide)
    kiosk.qtbot.wait_until(lambda: screen.step.text.text() == MARKUP)
    assert screen.step.explained.text() == MARKUP and screen.step.title.text() == MARKUP
    screen.info.show_guide(guide)
    assert screen.info.fee.text() == MARKUP and screen.info.explained.text() == MARKUP
    button = screen.list.guide_buttons["khai-sinh"]
    assert [label.text() for label in button.findChildren(QLabel) if label.text()] == [
        MARKUP,
        MARKUP,
    ]
    for label in labels_with_text(kiosk):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()[:40]


def test_every_label_the_kiosk_fills_with_text_is_plain_text(kiosk: Kiosk) -> None:
    window = kiosk.window
    for key in ("take_number", "guides", "rate"):
        window.show_home()
        kiosk.tap(window.home.buttons[key])
    window.show_home()

    shown = labels_with_text(kiosk)

    assert len(shown) > 20
    assert [
        label.text()[:30] for label in shown if label.textFormat() != Qt.TextFormat.PlainText
    ] == []


def test_a_hard_word_is_explained_under_the_step_that_first_uses_it(kiosk: Kiosk) -> None:
    kiosk.tap(kiosk.window.home.buttons["guides"])
    screen = guides(kiosk)
    kiosk.tap(screen.list.guide_buttons["lien-thong-khai-tu"])

    assert screen.step.explained.isVisible()
    assert screen.step.explained.text().startswith("Liên thông: làm nhiều thủ tục cùng một lúc")
    screen.step.show_step(1)
    assert not screen.step.explained.isVisible()


def test_read_aloud_includes_the_explanation(kiosk: Kiosk) -> None:
    kiosk.tap(kiosk.window.home.buttons["guides"])
    screen = guides(kiosk)
    kiosk.tap(screen.list.guide_buttons["lien-thong-khai-tu"])
    said: list[str] = []
    screen.step.read_aloud_clicked.connect(said.append)

    screen.step.read_aloud.click()

    assert said and "Liên thông: làm nhiều thủ tục" in said[0]


def test_the_communes_own_guides_are_shown_and_replace_shipped_ones(
    make_kiosk: KioskFactory, tmp_path: Path
) -> None:
    commune = tmp_path / "commune-guides"  # the [guides] dir of the test config
    for guide_id, title in (
        ("giay-phep-rieng", "Thủ tục riêng của xã"),
        ("khai-sinh", "Khai sinh (bản của xã)"),
    ):
        shutil.copytree(SAMPLE, commune / guide_id)
        path = commune / guide_id / "guide.toml"
        text = path.read_text(encoding="utf-8").replace('id = "mau"', f'id = "{guide_id}"')
        path.write_text(text.replace('vi = "Thủ tục mẫu"', f'vi = "{title}"'), encoding="utf-8")

    kiosk = make_kiosk()
    kiosk.tap(kiosk.window.home.buttons["guides"])
    screen = guides(kiosk)

    assert "giay-phep-rieng" in screen.list.guide_ids()
    assert screen.guide("khai-sinh") is not None
    assert screen.guide("khai-sinh").title.vi == "Khai sinh (bản của xã)"


def test_screenshots_render_every_step_of_a_communes_own_guide(
    qapp: QApplication, tmp_path: Path
) -> None:
    from kiosk.config import load_config
    from kiosk.domain.errors import NotFoundError
    from tests.conftest import write_config
    from ui.screenshots import render_screenshots

    commune = tmp_path / "xa"
    shutil.copytree(SAMPLE, commune / "giay-phep-rieng")
    path = commune / "giay-phep-rieng" / "guide.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('id = "mau"', 'id = "giay-phep-rieng"'),
        encoding="utf-8",
    )
    config = load_config(str(write_config(tmp_path, guides=commune)), env={})

    written = render_screenshots(
        tmp_path / "shots",
        config=config,
        sizes=[(1080, 1920)],
        languages=("vi",),
        guides=("giay-phep-rieng",),
    )

    names = {shot.name for shot in written}
    assert {f"1080x1920-vi-21-guide-01-giay-phep-rieng-step-{n}.png" for n in (1, 2, 3)} <= names
    assert "1080x1920-vi-21-guide-01-giay-phep-rieng-bring.png" in names
    with pytest.raises(NotFoundError, match="No guide khong-co"):
        render_screenshots(
            tmp_path / "more", config=config, sizes=[(1080, 1920)], languages=("vi",),
            guides=("khong-co",),
        )  # fmt: skip
