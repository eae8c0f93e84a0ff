"""The calling display as a program of the shell: fullscreen on the TV, live from the database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.display.display_screen import DisplayScreen
from ui.fonts import register_fonts, use_app_font
from ui.shell import TV, Env, ProgramBase, ProgramSpec, Runtime
from ui.staff.i18n import DeskI18n
from ui.staff.look import display_stylesheet, display_theme

if TYPE_CHECKING:
    from ui.display.controller import DisplayController
    from ui.display.speech import Announcer, Chime, SpeechEngine


class DisplayProgram(ProgramBase[DisplayScreen]):
    """The TV picture, and once started its controller and announcer."""

    def __init__(
        self,
        screen: DisplayScreen,
        i18n: DeskI18n,
        voices: tuple[SpeechEngine | None, Chime | None] = (None, None),
    ) -> None:
        super().__init__(screen, i18n=i18n)
        self.screen = screen
        self._voices = voices
        self.controller: DisplayController | None = None
        self.announcer: Announcer | None = None

    def _start(self, runtime: Runtime) -> None:
        from ui.display.controller import DisplayController
        from ui.display.speech import Announcer, CommandChime, CommandSpeech

        speech, chime = self._voices
        self.announcer = Announcer(
            runner=runtime.runner,
            speech=speech if speech is not None else CommandSpeech(),
            chime=chime if chime is not None else CommandChime(),
            parent=self.screen,
        )
        self.controller = DisplayController(
            screen=self.screen, runtime=runtime, announcer=self.announcer, i18n=self.i18n
        )
        self.controller.ready.connect(runtime.ready)
        self.controller.start()

    def _stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()


def build(
    env: Env, *, speech: SpeechEngine | None = None, chime: Chime | None = None
) -> DisplayProgram:
    """The display for a TV size; nothing touches the database until it starts.

    ``speech`` and ``chime`` default to the system's voice and chime; tests give fakes.
    """
    theme = display_theme(env.size.width(), env.size.height())
    use_app_font(env.app, register_fonts(), theme.font_px(theme.sizes.text_body))
    env.app.setStyleSheet(display_stylesheet(theme))
    i18n = DeskI18n(default_language=env.config.kiosk.language)
    screen = DisplayScreen()
    screen.setWindowTitle(env.config.site.desk_name)
    screen.apply_theme(theme)
    screen.resize(env.size)
    return DisplayProgram(screen, i18n, (speech, chime))


# A TV: fullscreen, no cursor, no blanking. Unlike the kiosk nobody touches it, so Ctrl+Q on a
# keyboard plugged in for maintenance may close it (systemd restarts it otherwise).
SPEC = ProgramSpec(name="display", policy=TV, build=build, preload=("ui.display.controller",))
