"""The calling display as a probe: ``python -m tests.e2e.probe_display CONFIG``.

Prints ``ready``, then ``update`` (each counter's number, waiting per line, the link mark)
after every refresh, ``link`` when the mark comes or goes, and ``announce`` for every sentence
the display would speak.
"""

from __future__ import annotations

import dataclasses
import sys

from tests.e2e.probe_common import Commands, emit, run_probe


class PrintedVoice:
    """A voice that prints what it would say."""

    available = True

    async def say(self, text: str) -> None:
        emit("announce", text=text)

    async def play(self) -> None:
        emit("chime")


def main(config_path: str) -> int:
    from ui.display.program import SPEC, DisplayProgram, build
    from ui.shell import Env, Runtime

    voice = PrintedVoice()

    def on_start(program: DisplayProgram, runtime: Runtime, _commands: Commands) -> None:
        controller, screen = program.controller, program.screen
        assert controller is not None

        def report() -> None:
            snapshot = controller.snapshot()
            assert snapshot is not None
            emit(
                "update",
                counters={
                    str(c.number): c.current.number if c.current else "" for c in snapshot.counters
                },
                waiting={line.code: line.waiting for line in snapshot.lines},
                mark=not screen.link.is_link_up(),
            )

        controller.refreshed.connect(report)
        controller.ready.connect(lambda: emit("ready"))
        runtime.live.link_changed.connect(
            lambda up: emit("link", up=up, mark=not screen.link.is_link_up())
        )

    def build_with_voice(env: Env) -> DisplayProgram:
        return build(env, speech=voice, chime=voice)

    spec = dataclasses.replace(SPEC, build=build_with_voice)
    return run_probe(spec, config_path, on_start)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
