"""Announcing calls: queued, never cut off, in order; a recall is announced again."""

from __future__ import annotations

import sys

from kiosk.services import calling
from kiosk.services.tickets import issue_ticket
from tests.desk.conftest import ADMIN
from tests.display.conftest import DisplayFactory, FakeVoice
from ui.display.speech import CommandSpeech, announcement_text, run_process, spoken_number


def _call(display_ctx: object, counter: int) -> str:
    ticket = calling.call_next(display_ctx, counter_number=counter, actor=ADMIN)  # type: ignore[arg-type]
    assert ticket is not None
    return ticket.number


def test_the_sentence_reads_the_letter_then_each_digit_in_vietnamese() -> None:
    assert spoken_number("A012") == "A không một hai"
    assert announcement_text("E105", 3) == "Mời số E một không năm đến quầy số 3"


def test_calls_made_before_the_display_started_are_shown_but_not_announced(
    make_display: DisplayFactory,
) -> None:
    from tests.conftest import make_config  # noqa: F401  # keeps the import graph obvious

    display = make_display()
    issue_ticket(display.ctx, line_code="A")
    display.refresh()
    assert display.voice.spoken == [] and display.voice.chimes == 0


def test_a_new_call_never_cuts_off_the_one_being_spoken(make_display: DisplayFactory) -> None:
    display = make_display()
    for line in ("A", "E"):
        issue_ticket(display.ctx, line_code=line)
    first = _call(display.ctx, 1)
    display.refresh()
    display.wait_spoken(1)
    assert display.voice.is_speaking()

    second = _call(display.ctx, 3)
    display.refresh()
    assert display.voice.spoken == [announcement_text(first, 1)], "the first is not cut off"
    assert display.parts.announcer.pending() == 1
    display.voice.finish()
    display.wait_spoken(2)
    assert display.voice.spoken[1] == announcement_text(second, 3)
    display.voice.finish()
    display.qtbot.wait_until(lambda: not display.parts.announcer.is_busy(), timeout=10_000)
    assert display.voice.chimes == 2


def test_calls_are_announced_in_the_order_they_were_made(make_display: DisplayFactory) -> None:
    display = make_display()
    for line in ("A", "A", "E"):
        issue_ticket(display.ctx, line_code=line)
    numbers = []
    for counter in (2, 1, 3):  # three desks call between two polls
        numbers.append((_call(display.ctx, counter), counter))
        display.ctx.clock.advance(seconds=5)  # type: ignore[attr-defined]
    display.refresh()
    for index in range(3):
        display.wait_spoken(index + 1)
        display.voice.finish()
    assert display.voice.spoken == [announcement_text(n, c) for n, c in numbers]


def test_a_recall_is_announced_again(make_display: DisplayFactory) -> None:
    display = make_display()
    ticket = issue_ticket(display.ctx, line_code="B")
    number = _call(display.ctx, 1)
    display.refresh()
    display.wait_spoken(1)
    display.voice.finish()
    display.ctx.clock.advance(seconds=45)  # type: ignore[attr-defined]
    calling.recall(display.ctx, ticket_id=ticket.id, actor=ADMIN)
    display.refresh()
    display.wait_spoken(2)
    display.voice.finish()
    assert display.voice.spoken == [announcement_text(number, 1)] * 2


def test_a_new_call_lights_its_counter_on_the_board(make_display: DisplayFactory) -> None:
    display = make_display()
    issue_ticket(display.ctx, line_code="E")
    number = _call(display.ctx, 3)
    display.refresh()
    board = display.parts.screen.board
    assert board.lit() == [3]
    assert board.cards[3].number.text() == number
    display.wait_spoken(1)
    display.voice.finish()


def test_without_a_voice_the_call_is_chimed_only(make_display: DisplayFactory) -> None:
    mute = FakeVoice(available=False)
    display = make_display(voice=mute)
    issue_ticket(display.ctx, line_code="A")
    _call(display.ctx, 1)
    display.refresh()
    display.qtbot.wait_until(lambda: mute.chimes == 1, timeout=10_000)
    display.qtbot.wait_until(lambda: not display.parts.announcer.is_busy(), timeout=10_000)
    assert mute.spoken == []


def test_no_voice_program_on_the_path_means_no_voice(monkeypatch: object) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")  # type: ignore[attr-defined]
    assert not CommandSpeech().available


def test_a_voice_program_runs_as_a_child_process_without_blocking(
    qtbot: object, loop: object
) -> None:
    import asyncio

    results: list[bool] = []

    async def run() -> None:
        results.append(await run_process(sys.executable, ["-c", "pass"], timeout_s=20))
        results.append(
            await run_process(sys.executable, ["-c", "raise SystemExit(3)"], timeout_s=20)
        )
        results.append(await run_process("/nonexistent/espeak-ng", ["x"], timeout_s=5))
        results.append(
            await run_process(sys.executable, ["-c", "import time; time.sleep(30)"], timeout_s=0.3)
        )

    task = asyncio.get_event_loop().create_task(run())
    qtbot.wait_until(task.done, timeout=30_000)  # type: ignore[attr-defined]
    assert results == [True, False, False, False]
