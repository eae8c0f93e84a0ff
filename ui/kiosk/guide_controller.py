"""What the guides do beyond navigation: load them, print a checklist, read aloud, take a number.

Guides load once, in the background, after the first frame (``start``); broken ones are left
out with a warning in the log and the kiosk runs on. The voice probe runs there too.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.config import Config
from kiosk.content import GuideLoad
from ui.i18n import I18n, translate
from ui.kiosk.guide_screen import GuidesScreen
from ui.kiosk.guide_speech import VOICE_LANGUAGES, Speaker, Voice, find_voices
from ui.kiosk.home_screen import HomeScreen
from ui.kiosk.print_state import FAILED, PRINTED, PRINTING
from ui.tasks import TaskRunner
from ui.ticket_printing import TicketPrinter

if TYPE_CHECKING:
    from printing.checklist import ChecklistLabels

logger = logging.getLogger(__name__)


def load_kiosk_guides(config: Config) -> GuideLoad:
    """The shipped guides and the commune's own, for its lines and fees (blocking: reads files)."""
    from kiosk.content import load_guides
    from kiosk.resources import data_path

    return load_guides(
        data_path("guides"),
        line_codes=[line.code for line in config.lines],
        fee_overrides=config.fees,
        commune=config.guides_dir,
    )


class GuideController(QObject):
    """Connects the guides screen to files, the printer, the voice and the queue.

    Signals:
        take_number_requested(str, str): a ticket for (line code, procedure code) is wanted.
        loaded: the guides (and the voice probe) are ready.
    """

    take_number_requested = Signal(str, str)
    loaded = Signal()

    def __init__(
        self,
        *,
        screen: GuidesScreen,
        home: HomeScreen,
        runner: TaskRunner,
        printer: TicketPrinter,
        config: Config,
        i18n: I18n,
        voice: Voice | None = None,
    ) -> None:
        super().__init__(screen)
        self._screen = screen
        self._home = home
        self._runner = runner
        self._printer = printer
        self._config = config
        self._i18n = i18n
        self._voice: Voice = voice if voice is not None else Speaker(parent=self)
        screen.print_requested.connect(self._on_screen_print_requested)
        screen.take_number_requested.connect(self._on_screen_take_number_requested)
        screen.read_aloud_requested.connect(self._on_screen_read_aloud_requested)
        screen.speech_stop_requested.connect(self._on_screen_speech_stop_requested)

    @property
    def voice(self) -> Voice:
        """The voice steps are read with."""
        return self._voice

    def use_voice(self, voice: Voice) -> None:
        """Read with another voice (a test's fake); the button follows its availability."""
        self._voice.stop()
        self._voice = voice
        self._show_voices()

    def start(self) -> None:
        """Load the guides and probe the voice in the background."""
        self._runner.start(self._load(), owner=self)

    def stop(self) -> None:
        """Cancel this controller's tasks and silence the voice."""
        self._runner.cancel(self)
        self._voice.close()

    async def _load(self) -> None:
        load = await self._runner.run_db(load_kiosk_guides, self._config)
        for problem in load.problems:
            logger.warning("guide skipped: %s", problem)
        names = {line.code: line.name for line in self._config.lines}
        self._screen.set_guides(load.guides, names)
        from kiosk.content import tips

        self._home.set_tips(tips(load.guides))
        if isinstance(self._voice, Speaker):
            engines = await self._runner.run_db(find_voices)
            self._voice.set_engines(engines)
        self._show_voices()
        self.loaded.emit()

    def _show_voices(self) -> None:
        voice = self._voice
        languages = frozenset(lang for lang in VOICE_LANGUAGES if voice.available(lang))
        self._screen.step.set_voice_languages(languages)

    async def _print(self, guide_id: str) -> None:
        from printing.checklist import fitted_checklist_blocks

        guide = self._screen.guide(guide_id)
        if guide is None:
            return
        info = self._screen.info
        info.set_print_state(PRINTING)
        state = FAILED
        try:
            labels = self._labels()
            blocks = await self._runner.run_db(
                fitted_checklist_blocks,
                guide,
                self._config.site.header,
                labels,
                width_dots=self._config.printer.width_dots,
            )
            future = self._printer.submit_slip(f"checklist-{guide_id}", blocks)
            await self._runner.wait_future(future, timeout_s=self._printer.timeout_s)
            state = PRINTED
        except Exception as exc:  # printer trouble is shown, never raised at a visitor
            logger.warning("checklist %s was not printed: %s", guide_id, exc)
        finally:
            info.set_print_state(state)

    def _labels(self) -> ChecklistLabels:
        from printing.checklist import ChecklistLabels

        return ChecklistLabels(
            heading=translate("Checklist", "Danh sách giấy tờ cần mang"),
            papers=translate("Checklist", "Giấy tờ"),
            fee=translate("Checklist", "Lệ phí"),
            time=translate("Checklist", "Thời gian giải quyết"),
            more_papers=translate("Checklist", "Và giấy tờ khác: vui lòng hỏi tại quầy."),
            language=self._i18n.language,
        )

    @Slot(str)
    def _on_screen_print_requested(self, guide_id: str) -> None:
        self._runner.start(self._print(guide_id), owner=self)

    @Slot(str)
    def _on_screen_take_number_requested(self, guide_id: str) -> None:
        guide = self._screen.guide(guide_id)
        if guide is not None:
            self._voice.stop()
            self.take_number_requested.emit(guide.line, guide.id)

    @Slot(str)
    def _on_screen_read_aloud_requested(self, text: str) -> None:
        self._voice.say(text, self._i18n.language)

    @Slot()
    def _on_screen_speech_stop_requested(self) -> None:
        self._voice.stop()
