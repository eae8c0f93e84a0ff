"""Reading a step aloud with an offline voice of the visitor's language, when there is one.

``find_voices`` probes ``espeak-ng`` then ``spd-say`` (Speech Dispatcher) for a Vietnamese and
an English voice; it blocks for a moment, so the kiosk calls it once, off the UI thread, at
start-up. A language without a voice gets no "read aloud" button: English words read with
the Vietnamese voice were nonsense. ``Speaker`` runs the engine through QProcess: the UI never
waits for it.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, QProcess

logger = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 3.0
STOP_WAIT_MS = 1000


@dataclass(frozen=True, slots=True)
class VoiceEngine:
    """How to speak a text: ``program`` with ``arguments`` followed by the text."""

    program: str
    arguments: tuple[str, ...]
    stop_arguments: tuple[str, ...] | None = None  # a second call that silences a daemon

    def command(self, text: str) -> list[str]:
        """The arguments that read ``text``."""
        return [*self.arguments, text]


def _output(command: list[str]) -> str:
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        logger.info("voice probe %s failed: %s", command[0], exc)
        return ""
    return done.stdout if done.returncode == 0 else ""


# Languages the guides are written in (Vietnamese, English).
VOICE_LANGUAGES = ("vi", "en")


def find_voice(
    language: str, which: Callable[[str], str | None] = shutil.which
) -> VoiceEngine | None:
    """The first engine on PATH with a voice for ``language``, or None (blocking)."""
    espeak = which("espeak-ng")
    # "espeak-ng --voices=vi" lists a header line, then one line per voice of the language.
    if espeak and len(_output([espeak, f"--voices={language}"]).strip().splitlines()) > 1:
        return VoiceEngine(espeak, ("-v", language, "-s", "130"))
    spd = which("spd-say")
    if spd:
        # "spd-say -L": NAME LANGUAGE VARIANT per voice of the default output module.
        for line in _output([spd, "-L"]).splitlines()[1:]:
            parts = line.split()
            if len(parts) > 1 and parts[1].lower().startswith(language):
                return VoiceEngine(spd, ("-w", "-l", language, "-r", "-20"), ("-C",))
    return None


def find_voices(which: Callable[[str], str | None] = shutil.which) -> dict[str, VoiceEngine]:
    """A voice per guide language that has one (blocking: run it off the UI thread)."""
    found = {language: find_voice(language, which) for language in VOICE_LANGUAGES}
    return {language: engine for language, engine in found.items() if engine is not None}


def find_vietnamese_voice(which: Callable[[str], str | None] = shutil.which) -> VoiceEngine | None:
    """The first engine on PATH with a Vietnamese voice, or None (blocking: run it off the UI)."""
    return find_voice("vi", which)


class Voice(Protocol):
    """What the guide screens need from a voice (tests pass a fake)."""

    def available(self, language: str = "vi") -> bool:
        """True when there is a voice to read ``language`` with."""

    def say(self, text: str, language: str = "vi") -> None:
        """Start reading ``text`` in ``language``, stopping any reading first; returns at once."""

    def stop(self) -> None:
        """Stop reading now."""

    def close(self) -> None:
        """Stop, and wait for the engine process to end (at shut-down)."""


class Speaker(QObject):
    """One engine process at a time; a new text or ``stop`` ends the reading before."""

    def __init__(self, engine: VoiceEngine | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engines: dict[str, VoiceEngine] = {"vi": engine} if engine is not None else {}
        self._engine: VoiceEngine | None = None  # the one reading now
        self._process: QProcess | None = None

    def set_engines(self, engines: dict[str, VoiceEngine]) -> None:
        """Use these engines, one per language (from ``find_voices`` on another thread)."""
        self._engines = dict(engines)
        logger.info("read-aloud voices: %s", ", ".join(sorted(engines)) or "none")

    def set_engine(self, engine: VoiceEngine | None) -> None:
        """Read Vietnamese with this engine, and nothing else (a test's)."""
        self.set_engines({"vi": engine} if engine is not None else {})

    def available(self, language: str = "vi") -> bool:
        """True when there is a voice to read ``language`` with."""
        return language in self._engines

    def say(self, text: str, language: str = "vi") -> None:
        """Start reading ``text`` in ``language``, stopping any reading first; returns at once."""
        engine = self._engines.get(language)
        if engine is None:
            return
        self.stop()
        self._engine = engine
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.setStandardOutputFile(QProcess.nullDevice())
        process.start(engine.program, engine.command(text))
        self._process = process

    def is_speaking(self) -> bool:
        """True while the engine process runs."""
        process = self._process
        return process is not None and process.state() != QProcess.ProcessState.NotRunning

    def stop(self) -> None:
        """Stop reading now (kills the engine; a speech daemon is told to be quiet too)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            if self._engine is not None and self._engine.stop_arguments is not None:
                QProcess.startDetached(self._engine.program, list(self._engine.stop_arguments))
            # WORKAROUND: deleting a QProcess that still runs logs a Qt warning; let it end.
            process.finished.connect(process.deleteLater)
        else:
            process.deleteLater()

    def close(self) -> None:
        """Stop, and wait for the engine process to end (at shut-down)."""
        process = self._process
        self.stop()
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.waitForFinished(STOP_WAIT_MS)
