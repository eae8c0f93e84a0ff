"""Guides on the kiosk: browse, step, swipe, read aloud, print the checklist, take a number."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from kiosk.storage.models import Procedure, Ticket
from printing.checklist import BUDGET_BYTES
from tests.ui.conftest import Kiosk, KioskFactory
from ui.kiosk.guide_screen import GuidesScreen
from ui.kiosk.guide_speech import Speaker, VoiceEngine, find_voices


class FakeVoice:
    """A voice (for ``languages``) that records what it was asked to read."""

    def __init__(self, languages: frozenset[str] = frozenset({"vi"})) -> None:
        self.languages = languages
        self.said: list[str] = []
        self.said_in: list[str] = []
        self.stops = 0

    def available(self, language: str = "vi") -> bool:
        return language in self.languages

    def say(self, text: str, language: str = "vi") -> None:
        self.said.append(text)
        self.said_in.append(language)

    def stop(self) -> None:
        self.stops += 1

    def close(self) -> None:
        self.stop()


def guides(kiosk: Kiosk) -> GuidesScreen:
    screen = kiosk.window.tile_screen("guides")
    assert isinstance(screen, GuidesScreen)
    return screen


def open_guide(kiosk: Kiosk, guide_id: str) -> GuidesScreen:
    kiosk.tap(kiosk.window.home.buttons["guides"])
    screen = guides(kiosk)
    kiosk.tap(screen.list.guide_buttons[guide_id])
    return screen


def test_two_taps_from_home_reach_the_first_step_of_a_guide(kiosk: Kiosk) -> None:
    kiosk.tap(kiosk.window.home.buttons["guides"])
    screen = guides(kiosk)
    assert kiosk.window.current_screen() is screen
    ids = screen.list.guide_ids()
    assert ids[:2] == ["khai-sinh", "ket-hon"]  # grouped by line, commonest first
    assert {"A", "B", "E"} <= set(screen.list.headers)
    kiosk.tap(screen.list.guide_buttons["khai-sinh"])
    assert screen.current() is screen.step
    assert screen.step.index() == 0
    assert screen.step.counter.text().startswith("Bước 1 / ")
    assert screen.step.picture.path() is not None and screen.step.picture.path().exists()


def test_stepping_with_buttons_ends_on_what_to_bring(kiosk: Kiosk) -> None:
    screen = open_guide(kiosk, "kich-hoat-vneid")
    guide = screen.step.guide()
    assert guide is not None
    assert not screen.step.previous.isEnabled()
    for number in range(2, len(guide.steps) + 1):
        kiosk.tap(screen.step.next)
        assert screen.step.counter.text() == f"Bước {number} / {len(guide.steps)}"
    kiosk.tap(screen.step.previous)
    assert screen.step.index() == len(guide.steps) - 2
    kiosk.tap(screen.step.next)
    kiosk.tap(screen.step.next)
    assert screen.current() is screen.info
    assert guide.papers[0].name.vi in screen.info.papers.text()
    assert screen.info.links and not screen.info.links[0][0].pixmap().isNull()  # a QR code
    kiosk.tap(screen.info.back)
    assert screen.current() is screen.step


def test_what_to_bring_is_reachable_from_every_step(kiosk: Kiosk) -> None:
    screen = open_guide(kiosk, "khai-sinh")
    kiosk.tap(screen.step.next)
    kiosk.tap(screen.step.info)
    assert screen.current() is screen.info
    kiosk.tap(screen.info.back)
    assert screen.step.index() == 1


def drag(widget, dx: int) -> None:  # type: ignore[no-untyped-def]
    start = QPoint(widget.width() // 2, widget.height() // 2)
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    end = start + QPoint(dx, 10)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_a_sideways_drag_turns_the_page_and_a_short_one_does_not(kiosk: Kiosk) -> None:
    screen = open_guide(kiosk, "khai-sinh")
    body = screen.step.body
    drag(body, -body.width() // 3)
    assert screen.step.index() == 1
    drag(body, body.width() // 3)
    assert screen.step.index() == 0
    drag(body, -20)
    assert screen.step.index() == 0


def test_guide_buttons_loaded_after_start_have_their_picture_and_padding(kiosk: Kiosk) -> None:
    screen = open_guide(kiosk, "khai-sinh")
    kiosk.tap(screen.step.back)
    for guide_id, button in screen.list.guide_buttons.items():
        layout = button.layout()
        assert layout is not None and layout.contentsMargins().left() > 0, guide_id
        pictures = [label for label in button.findChildren(QLabel) if not label.pixmap().isNull()]
        assert pictures and pictures[0].isVisibleTo(button), guide_id


def test_without_a_voice_there_is_no_read_aloud_button(kiosk: Kiosk) -> None:
    assert kiosk.parts.guides is not None
    kiosk.parts.guides.use_voice(Speaker(None))
    screen = open_guide(kiosk, "khai-sinh")
    assert not screen.step.read_aloud.isVisible()


def test_read_aloud_reads_the_step_and_stops_on_the_next_step(kiosk: Kiosk) -> None:
    voice = FakeVoice()
    assert kiosk.parts.guides is not None
    kiosk.parts.guides.use_voice(voice)
    screen = open_guide(kiosk, "khai-sinh")
    kiosk.tap(screen.step.read_aloud)
    guide = screen.step.guide()
    assert guide is not None
    step = guide.steps[0]
    assert voice.said == [f"Bước 1. {step.text.vi} {step.explained.vi}"]  # with the hard word
    stops = voice.stops
    kiosk.tap(screen.step.next)
    assert voice.stops > stops
    kiosk.tap(screen.step.back)  # to the list
    kiosk.tap(screen.list.back)  # home
    assert kiosk.window.current_screen() is kiosk.window.home


def test_in_english_the_english_voice_reads_the_english_words(kiosk: Kiosk) -> None:
    voice = FakeVoice(frozenset({"vi", "en"}))
    assert kiosk.parts.guides is not None
    kiosk.parts.guides.use_voice(voice)
    kiosk.parts.i18n.set_language("en")
    screen = open_guide(kiosk, "khai-sinh")
    kiosk.tap(screen.step.read_aloud)
    guide = screen.step.guide()
    assert guide is not None
    assert voice.said_in == ["en"]
    assert guide.steps[0].text.en in voice.said[0]


def test_without_an_english_voice_read_aloud_is_hidden_in_english_only(kiosk: Kiosk) -> None:
    voice = FakeVoice(frozenset({"vi"}))
    assert kiosk.parts.guides is not None
    kiosk.parts.guides.use_voice(voice)
    screen = open_guide(kiosk, "khai-sinh")
    assert screen.step.read_aloud.isVisible()
    kiosk.parts.i18n.set_language("en")
    assert not screen.step.read_aloud.isVisible()
    kiosk.parts.i18n.set_language("vi")
    assert screen.step.read_aloud.isVisible()
    kiosk.tap(screen.step.read_aloud)
    assert voice.said_in == ["vi"]


def test_the_voices_are_found_per_language_as_espeak_ng_lists_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sys

    # An espeak-ng that has a Vietnamese voice and no English one.
    espeak = tmp_path / "espeak-ng"
    espeak.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "print('Pty Language Age/Gender VoiceName File Other Languages')\n"
        "if sys.argv[1] == '--voices=vi':\n"
        "    print(' 5  vi --/M Vietnamese_(Northern) aav/vi')\n"
    )
    espeak.chmod(0o755)

    def which(name: str) -> str | None:
        return str(espeak) if name == "espeak-ng" else None

    found = find_voices(which)
    assert list(found) == ["vi"]
    assert found["vi"].command("Xin chào") == ["-v", "vi", "-s", "130", "Xin chào"]


def test_the_speaker_runs_the_engine_with_the_text_without_blocking(kiosk: Kiosk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sys

    out = tmp_path / "said.txt"
    script = "import sys, pathlib; pathlib.Path(sys.argv[1]).write_text(sys.argv[2])"
    speaker = Speaker(VoiceEngine(sys.executable, ("-c", script, str(out))))
    speaker.say("Bước 1. Xin chào")
    kiosk.qtbot.wait_until(lambda: out.exists() and out.read_text() == "Bước 1. Xin chào")
    kiosk.qtbot.wait_until(lambda: not speaker.is_speaking())
    speaker.close()


def test_print_the_checklist_sends_a_raster_slip_with_a_cut(kiosk: Kiosk) -> None:
    screen = open_guide(kiosk, "khai-sinh")
    kiosk.tap(screen.step.info)
    before = len(kiosk.device.output)
    kiosk.tap(screen.info.print)
    kiosk.wait_idle()
    data = bytes(kiosk.device.output)[before:]
    assert b"\x1dv0" in data and b"\x1dV" in data
    assert len(data) <= BUDGET_BYTES
    assert screen.info.print_state.text() == "Mời bạn lấy phiếu ở khe máy in."


def test_take_a_number_from_a_guide_records_the_procedure(kiosk: Kiosk) -> None:
    screen = open_guide(kiosk, "khai-sinh")
    kiosk.tap(screen.step.info)
    kiosk.tap(screen.info.take_number)
    kiosk.wait_idle()
    window = kiosk.window
    assert window.current_screen() is window.ticket
    shown = window.ticket.ticket()
    assert shown is not None and shown.number.startswith("A")
    with kiosk.ctx.db.read() as session:
        ticket = session.scalar(select(Ticket).where(Ticket.id == shown.id))
        assert ticket is not None and ticket.procedure_id is not None
        procedure = session.get(Procedure, ticket.procedure_id)
        assert procedure is not None and procedure.code == "khai-sinh"


def test_a_guide_whose_procedure_is_not_configured_issues_on_its_line(
    make_kiosk: KioskFactory,
) -> None:
    body = '[[lines]]\ncode = "A"\nvi = "Hộ tịch"\n[[lines]]\ncode = "B"\nvi = "Chứng thực"\n'
    body += '[[lines]]\ncode = "E"\nvi = "VNeID"\n'
    body += '[[counters]]\nnumber = 1\nname = "Quầy 1"\nlines = ["A", "B", "E"]\n'
    kiosk = make_kiosk(body)
    screen = open_guide(kiosk, "khai-sinh")
    kiosk.tap(screen.step.info)
    kiosk.tap(screen.info.take_number)
    kiosk.wait_idle()
    shown = kiosk.window.ticket.ticket()
    assert shown is not None and shown.number.startswith("A") and shown.procedure is None


def test_home_rotates_tips_from_the_guides_only_while_shown(kiosk: Kiosk) -> None:
    home = kiosk.window.home
    assert home.tip_panel.isVisible()
    assert home.tip_timer_active()
    first = home.tip.text()
    home.show_next_tip()
    assert home.tip.text() != first and home.tip_index() == 1
    kiosk.parts.i18n.set_language("en")
    assert home.tip.text().startswith("Did you know?")
    kiosk.tap(home.buttons["guides"])
    assert not home.tip_timer_active()


def test_the_what_to_bring_page_goes_home_in_one_tap(kiosk: Kiosk) -> None:
    screen = open_guide(kiosk, "khai-sinh")
    kiosk.tap(screen.step.info)
    assert screen.current() is screen.info

    kiosk.tap(screen.info.home)

    assert kiosk.window.stack.currentWidget() is kiosk.window.home
    kiosk.tap(kiosk.window.home.buttons["guides"])  # the next visitor starts at the list
    assert screen.current() is screen.list
