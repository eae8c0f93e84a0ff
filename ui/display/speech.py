"""Announcing calls: a chime, then "Mời số A012 đến quầy số 2" in an offline Vietnamese voice.

PySide6-Essentials has neither QtTextToSpeech nor QtMultimedia, so both run as child
processes (``QProcess``, never blocking the UI): ``spd-say -w -l vi`` or ``espeak-ng -v vi``
for the voice, ``pw-play``/``paplay``/``aplay`` for the chime. Whatever is missing is
skipped and logged once: a display without a voice still chimes, one without audio is silent.

Calls are queued: a new call never cuts off the one being spoken, and a recall is announced
again as a call of its own.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QProcess, Signal

from kiosk.resources import data_path
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

# (program, arguments before the text); the first one found on PATH speaks.
VOICES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("spd-say", ("-w", "-l", "vi")),
    ("espeak-ng", ("-v", "vi", "-s", "140")),
)
PLAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pw-play", ()),
    ("paplay", ()),
    ("aplay", ("-q",)),
)
SPEECH_TIMEOUT_S = 20.0
CHIME_TIMEOUT_S = 5.0
DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def chime_path() -> Path:
    """The shipped chime (made by data/sounds/make_chime.py)."""
    return data_path("sounds", "chime.wav")


def spoken_number(number: str) -> str:
    """``A012`` as a voice should read it: the letter, then each digit as a word."""
    return " ".join(DIGIT_WORDS[int(ch)] if ch.isdigit() else ch for ch in number)


def announcement_text(number: str, counter_number: int) -> str:
    """The Vietnamese sentence: ``Mời số A không một hai đến quầy số 2``."""
    return f"Mời số {spoken_number(number)} đến quầy số {counter_number}"


class SpeechEngine(Protocol):
    """Something that speaks a sentence and says when it has finished."""

    @property
    def available(self) -> bool:
        """False when there is no voice (then only the chime plays)."""

    async def say(self, text: str) -> None:
        """Speak; returns when the sentence has been spoken (or given up on)."""


class Chime(Protocol):
    """Something that plays the call chime."""

    @property
    def available(self) -> bool:
        """False when no player was found."""

    async def play(self) -> None:
        """Play; returns when the chime has finished."""


async def run_process(program: str, args: Sequence[str], *, timeout_s: float) -> bool:
    """Run a program to its end without blocking the UI; False if it failed or was killed."""
    process = QProcess()
    done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def finished(code: int, status: QProcess.ExitStatus) -> None:
        if not done.done():
            done.set_result(status == QProcess.ExitStatus.NormalExit and code == 0)

    def failed(error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not done.done():
            done.set_result(False)

    process.finished.connect(finished)
    process.errorOccurred.connect(failed)
    process.start(program, list(args))
    try:
        return await asyncio.wait_for(done, timeout_s)
    except TimeoutError:
        logger.warning("%s took longer than %.0f s; stopped", program, timeout_s)
        process.kill()
        process.waitForFinished(1000)
        return False


def _find(candidates: Sequence[tuple[str, tuple[str, ...]]]) -> tuple[str, tuple[str, ...]] | None:
    for program, args in candidates:
        path = shutil.which(program)
        if path is not None:
            return path, args
    return None


class CommandSpeech:
    """Speaks with the first of ``spd-say`` and ``espeak-ng`` found on PATH."""

    def __init__(self, found: tuple[str, tuple[str, ...]] | None = None) -> None:
        self._command = found if found is not None else _find(VOICES)
        if self._command is None:
            logger.info("no offline voice (spd-say, espeak-ng): calls are chimed, not spoken")

    @property
    def available(self) -> bool:
        """True when a voice program was found."""
        return self._command is not None

    async def say(self, text: str) -> None:
        """Speak the text; a failing voice is logged and skipped."""
        if self._command is None:
            return
        program, args = self._command
        if not await run_process(program, [*args, text], timeout_s=SPEECH_TIMEOUT_S):
            logger.warning("the voice %s did not finish cleanly", program)


class CommandChime:
    """Plays the chime WAV with the first of ``pw-play``, ``paplay`` and ``aplay`` found."""

    def __init__(self, wav: Path | None = None) -> None:
        self._wav = wav or chime_path()
        self._command = _find(PLAYERS)
        if self._command is None:
            logger.info("no audio player (pw-play, paplay, aplay): the display is silent")

    @property
    def available(self) -> bool:
        """True when a player was found."""
        return self._command is not None

    async def play(self) -> None:
        """Play the chime once; trouble is logged and skipped."""
        if self._command is None:
            return
        program, args = self._command
        if not await run_process(program, [*args, str(self._wav)], timeout_s=CHIME_TIMEOUT_S):
            logger.warning("the player %s did not finish cleanly", program)


class Silence:
    """No voice and no chime (screenshots, a display without speakers)."""

    available = False

    async def say(self, text: str) -> None:
        """Say nothing."""

    async def play(self) -> None:
        """Play nothing."""


@dataclass(frozen=True, slots=True)
class Announcement:
    """One call to announce: the ticket number and the counter."""

    number: str
    counter_number: int

    @property
    def text(self) -> str:
        """The sentence spoken."""
        return announcement_text(self.number, self.counter_number)


class Announcer(QObject):
    """Plays announcements one after another, never two at once, in the order they came.

    Signals:
        started(object): an ``Announcement`` begins (chime first).
        finished(object): an ``Announcement`` was chimed and spoken.
    """

    started = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        *,
        runner: TaskRunner,
        speech: SpeechEngine,
        chime: Chime,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._speech = speech
        self._chime = chime
        self._queue: deque[Announcement] = deque()
        self._running = False

    def announce(self, announcement: Announcement) -> None:
        """Queue an announcement; it plays when those before it have finished."""
        self._queue.append(announcement)
        if not self._running:
            self._running = True
            self._runner.start(self._drain(), owner=self)

    def pending(self) -> int:
        """Announcements waiting behind the current one."""
        return len(self._queue)

    def is_busy(self) -> bool:
        """True while an announcement plays."""
        return self._running

    def stop(self) -> None:
        """Drop what waits and stop the current one."""
        self._queue.clear()
        self._runner.cancel(self)
        self._running = False

    async def _drain(self) -> None:
        try:
            while self._queue:
                announcement = self._queue.popleft()
                self.started.emit(announcement)
                try:
                    await self._chime.play()
                    if self._speech.available:
                        await self._speech.say(announcement.text)
                except Exception:
                    logger.exception("announcing %s failed", announcement.number)
                self.finished.emit(announcement)
        finally:
            self._running = False
