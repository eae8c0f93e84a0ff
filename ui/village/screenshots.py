"""Render the village program to PNG, offscreen, by tapping through a visit on demo data.

``kiosk screenshots`` calls ``render_village_screens`` for its landscape sizes (a village
point is a laptop or a small landscape touchscreen). Each size gets a fresh temporary SQLite
database with the demo village team, at the screenshots' fixed clock.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.config import Config, load_config
from kiosk.domain.clock import FixedClock

# The place shown when the config names none (the screenshots are of a demo village point).
EXAMPLE_PLACE = "Nhà văn hóa thôn Đông"


def render_village_screens(
    out_dir: Path,
    sizes: Sequence[tuple[int, int]],
    language: str = "vi",
    *,
    config: Config | None = None,
) -> list[Path]:
    """Write the village program's steps as PNG files; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync

    from ui.screenshots import quiet_offscreen_warnings

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with quiet_offscreen_warnings():
        loop = qasync.QEventLoop(app, already_running=True)
        asyncio.set_event_loop(loop)
        try:
            for width, height in sizes:
                prefix = out_dir / f"{width}x{height}-{language}"
                with tempfile.TemporaryDirectory() as tmp:
                    written += _render_size(
                        app, loop, config, Path(tmp), QSize(width, height), language, prefix
                    )
        finally:
            asyncio.events._set_running_loop(None)  # WORKAROUND: qasync has no "stop" here
    return written


def _village_config(config: Config | None, folder: Path) -> Config:
    from ui.screenshots import screenshot_config

    if config is None:
        path = folder / "config.toml"
        path.write_text("", encoding="utf-8")
        config = load_config(str(path), env={})
    shot = screenshot_config(config, folder)
    # Every optional question asked, no network: the steps a commune may turn on are shown.
    form = dataclasses.replace(shot.village.form, record_age_band=True, record_sex=True)
    village = dataclasses.replace(
        shot.village, place=shot.village.place or EXAMPLE_PLACE, server_url="", form=form
    )
    return dataclasses.replace(shot, village=village)


def _render_size(
    app: QApplication,
    loop: asyncio.AbstractEventLoop,
    config: Config | None,
    folder: Path,
    size: QSize,
    language: str,
    prefix: Path,
) -> list[Path]:
    from kiosk.services.context import bootstrap
    from kiosk.services.demo import seed_village_demo
    from ui.screenshots import SCREENSHOT_TIME, spin_until
    from ui.shell import Env, Runtime
    from ui.village.program import build

    clock = FixedClock(SCREENSHOT_TIME)
    ctx = bootstrap(_village_config(config, folder), clock=clock)
    seed_village_demo(ctx)
    program = build(Env(app=app, config=ctx.config, clock=clock, size=size))
    runtime = Runtime.over_context(ctx, loop=loop)
    written: list[Path] = []
    try:
        program.i18n.set_language(language)
        program.window.show()
        ready: list[bool] = []
        program.start(runtime)
        assert program.controller is not None
        program.controller.ready.connect(lambda: ready.append(True))
        spin_until(lambda: bool(ready))

        def shot(name: str) -> None:
            spin_until(runtime.runner.is_idle)
            QApplication.processEvents()
            path = prefix.with_name(f"{prefix.name}-village-{name}.png")
            program.window.grab().save(str(path))
            written.append(path)

        def tap(button: QPushButton) -> None:
            button.click()
            spin_until(runtime.runner.is_idle)

        _steps(program.window, tap, shot)
    finally:
        program.close()
        runtime.close()
        spin_until(runtime.runner.is_idle)
        ctx.db.dispose()
    return written


def _steps(w: object, tap: Callable[[QPushButton], None], shot: Callable[[str], None]) -> None:
    """A help session started, then one visit recorded, each step photographed."""
    from ui.village.window import VillageWindow

    assert isinstance(w, VillageWindow)
    names = w.start.grid.keys()
    tap(w.start.session_button)
    for key in names[:3]:
        tap(w.members.grid.button(key))
    tap(w.members.next)
    for key in (names[1], names[4] if len(names) > 4 else names[0]):
        tap(w.start.grid.button(key))
    shot("01-helpers")
    tap(w.start.next)
    shot("02-need")
    tap(w.need.grid.button(w.need.grid.keys()[0]))
    for key in w.outcomes.grid.keys()[:2]:
        tap(w.outcomes.grid.button(key))
    shot("03-outcomes")
    tap(w.outcomes.next)
    shot("04-age")
    tap(w.age.grid.button(w.age.grid.keys()[3]))
    tap(w.sex.grid.button(w.sex.grid.keys()[1]))
    shot("05-note")
    tap(w.note.save)
    shot("06-saved")
