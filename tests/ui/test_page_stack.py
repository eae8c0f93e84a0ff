"""A page stack asks only the page on view for its height: the hidden pages' words are not
laid out again at every page change (the kiosk's tap did that for all of its screens)."""

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.page_stack import PageStack

WORDS = "Thủ tục đăng ký khai sinh, kết hôn, khai tử và chứng thực bản sao tại xã. " * 6


class CountingPage(QWidget):
    """A page of wrapped words that counts how often it is asked for its height at a width."""

    def __init__(self, words: str) -> None:
        super().__init__()
        self.asked = 0
        label = QLabel(words)
        label.setWordWrap(True)
        QVBoxLayout(self).addWidget(label)

    def heightForWidth(self, width: int) -> int:
        self.asked += 1
        return super().heightForWidth(width)


def shown_window(qtbot: QtBot, pages: list[CountingPage]) -> tuple[QWidget, PageStack]:
    window = QWidget()
    qtbot.addWidget(window)
    stack = PageStack()
    for page in pages:
        stack.addWidget(page)
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Xã Hòa Bình"))
    layout.addWidget(stack, 1)
    window.resize(800, 600)
    window.show()
    qtbot.wait_exposed(window)
    QApplication.processEvents()
    return window, stack


def test_a_page_change_asks_no_hidden_page_for_its_height(qtbot: QtBot) -> None:
    pages = [CountingPage(WORDS) for _ in range(4)]
    _window, stack = shown_window(qtbot, pages)
    for target in (2, 0, 3, 1):
        for page in pages:
            page.asked = 0
        stack.setCurrentIndex(target)
        QApplication.processEvents()
        hidden = {index: page.asked for index, page in enumerate(pages) if index != target}
        assert hidden == dict.fromkeys(hidden, 0), f"page {target} shown, hidden pages asked"


def test_the_page_on_view_fills_the_stack_with_all_its_words(qtbot: QtBot) -> None:
    short, tall = CountingPage("Hộ tịch"), CountingPage(WORDS * 2)
    window, stack = shown_window(qtbot, [short, tall])
    label = tall.findChild(QLabel)
    assert label is not None
    # Room for the words at the fonts of the whole run (other tests set the app's fonts).
    window.resize(800, 2 * label.heightForWidth(800) + 200)
    stack.setCurrentWidget(tall)
    QApplication.processEvents()
    assert tall.geometry() == stack.contentsRect()
    assert stack.geometry().bottom() < window.height()
    assert label.height() >= label.heightForWidth(label.width()), "the words fit, none cut"
