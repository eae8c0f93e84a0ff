"""Subcommands that start a Qt window; ``ui`` is imported only when one of them runs."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import cli_demo, cli_printer
from kiosk.config import Config, default_data_dir

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from ui.shell import ProgramSpec

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

DEFAULT_SIZES = ((1920, 1080), (1080, 1920), (1366, 768))
# A village PC keeps its own database; its demo too, so it never mixes with the desk's demo.
VILLAGE_DEMO_DATABASE = "village-demo.sqlite3"
VILLAGE_DEMO_PLACE = "Nhà văn hóa thôn 1 (demo)"


def register(sub: Any) -> None:
    """Add the GUI subcommands to the parser."""
    p = sub.add_parser(
        "run", help="start the visitor kiosk, fullscreen, on the configured database"
    )
    p.set_defaults(handler=_run)
    cli_demo.register(sub)
    p = sub.add_parser(
        "screenshots",
        help="render every screen (kiosk, desk, display, manager, village) to PNG files;"
        " no display needed",
    )
    p.add_argument("dir", type=Path, help="folder for the PNG files")
    p.add_argument(
        "--size",
        action="append",
        type=_size,
        metavar="WxH",
        help="screen size, repeatable (default: 1920x1080, 1080x1920 and 1366x768)",
    )
    p.add_argument("--lang", choices=("vi", "en"), help="only this language (default: both)")
    p.add_argument(
        "--guide",
        action="append",
        metavar="ID",
        help="render every step of this guide, repeatable; 'all' for every guide (default: two)."
        " The commune's own guides ([guides] dir) are included",
    )
    p.set_defaults(handler=_screenshots)
    p = sub.add_parser(
        "rate", help="a counter's small rating screen: asks visitors when the counter finishes"
    )
    p.add_argument("--counter", type=int, required=True, metavar="N", help="the counter number")
    p.set_defaults(handler=_rate)
    p = sub.add_parser("manager", help="the manager's summary screen (manager PIN required)")
    p.set_defaults(handler=_manager)
    p = sub.add_parser(
        "desk",
        help="start the desk console: staff sign in with a PIN, call tickets, record who helped",
    )
    p.add_argument(
        "--counter",
        type=int,
        metavar="N",
        help="this PC's counter number (default: staff choose one when signing in)",
    )
    p.set_defaults(handler=_desk)
    p = sub.add_parser(
        "display",
        help="start the calling display on a TV: current numbers, last calls, announcements",
    )
    p.set_defaults(handler=_display)
    cli_printer.register(sub)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        message = f"expected WIDTHxHEIGHT such as 1920x1080, got {text!r}"
        raise argparse.ArgumentTypeError(message) from None
    if not (320 <= width <= 8000 and 320 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"{text}: each side must be 320 to 8000 pixels")
    return width, height


def _no_display(program: str) -> bool:
    """True (after saying why) when no window can open here; else start the program's log."""
    from ui.runtime import display_problem

    problem = display_problem()
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return True
    from kiosk.logs import setup_logging

    setup_logging(program)
    return False


def _run(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    return launch(Launch(program="kiosk", config=load_or_exit(args)))


@dataclass(frozen=True, slots=True)
class Launch:
    """Which program to open, on which config; ``demo``: seed the demo data once it opens."""

    program: str  # one of PROGRAMS
    config: Config
    counter: int | None = None
    demo: bool = False


PROGRAMS = ("kiosk", "desk", "display", "rate", "manager")


def launch(plan: Launch) -> int:
    """Check the counter and the display, then run the program until it quits."""
    if plan.counter is not None and _unknown_counter(plan.config, plan.counter):
        return 2
    if _no_display(plan.program):
        return 1
    from ui.shell import run_program

    after_open = None
    if plan.demo:
        after_open = _seed_demo
    return run_program(program_spec(plan), plan.config, after_open=after_open)


def _seed_demo(ctx: AppContext) -> None:
    """Seed the demo data once the database is open (on the database thread).

    Imported here, not before the window: the seeding pulls in the whole database layer,
    which would hold up the first frame by more than a second (issue 13, P1).
    """
    from kiosk.services.demo import seed_demo

    seed_demo(ctx)


def program_spec(plan: Launch) -> ProgramSpec:
    """The shell's spec of the program a launch names (imports ``ui`` lazily)."""
    if plan.program == "desk":
        from ui.desk.program import spec as desk_spec

        return desk_spec(plan.counter)
    if plan.program == "rate":
        from ui.rating.counter_program import spec as rate_spec

        assert plan.counter is not None  # argparse requires --counter
        return rate_spec(plan.counter)
    if plan.program == "display":
        from ui.display.program import SPEC as DISPLAY

        return DISPLAY
    if plan.program == "manager":
        from ui.manager.program import SPEC as MANAGER

        return MANAGER
    if plan.demo:
        from kiosk.demo import DEMO_STAFF_PIN
        from ui.kiosk.program import demo_spec

        return demo_spec(DEMO_STAFF_PIN)
    from ui.kiosk.program import SPEC as KIOSK

    return KIOSK


def _unknown_counter(config: Config, number: int) -> bool:
    """True (after saying so) when ``number`` is not a configured counter."""
    numbers = [counter.number for counter in config.counters]
    if number in numbers:
        return False
    known = ", ".join(str(n) for n in numbers)
    print(f"error: there is no counter {number}; the config has {known}", file=sys.stderr)
    return True


def _desk(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    return launch(Launch(program="desk", config=load_or_exit(args), counter=args.counter))


def _display(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    return launch(Launch(program="display", config=load_or_exit(args)))


def _rate(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    return launch(Launch(program="rate", config=load_or_exit(args), counter=args.counter))


def _manager(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    return launch(Launch(program="manager", config=load_or_exit(args)))


def village_demo_config(config: Config) -> Config:
    """A village point on its own demo database, asking every optional question."""
    village = config.village
    form = dataclasses.replace(village.form, record_age_band=True, record_sex=True)
    village = dataclasses.replace(
        village, place=village.place or VILLAGE_DEMO_PLACE, server_url="", form=form
    )
    url = f"sqlite:///{default_data_dir() / VILLAGE_DEMO_DATABASE}"
    return dataclasses.replace(config, database_url=url, village=village)


def village_demo(config: Config) -> int:
    """``kiosk demo village``: the village point's program on its own demo database."""
    config = village_demo_config(config)
    if _no_display("village"):
        return 1
    from kiosk.services.demo import seed_village_demo
    from ui.shell import run_program
    from ui.village.program import SPEC

    print(f"Demo village point: {config.village.place}")
    print(f"Demo database: {config.database_url} (records stay on it: no server_url)")
    return run_program(SPEC, config, after_open=seed_village_demo)


def run_village(args: argparse.Namespace) -> int:
    """``kiosk village`` without an action: the village point's touch program."""
    from kiosk.cli import load_or_exit

    config = load_or_exit(args)
    if not config.village.place:
        print(
            f"error: this PC is not a village point: set [village] place in {config.source}"
            " (see kiosk village --help)",
            file=sys.stderr,
        )
        return 2
    if _no_display("village"):
        return 1
    from ui.shell import run_program
    from ui.village.program import SPEC

    return run_program(SPEC, config)


def _screenshots(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    config = load_or_exit(args)
    # Offscreen unless told otherwise: screenshots need no display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.desk.screenshots import render_desk_and_display_screens
    from ui.screenshots import render_screenshots
    from ui.village.screenshots import render_village_screens

    sizes = args.size or list(DEFAULT_SIZES)
    languages = (args.lang,) if args.lang else ("vi", "en")
    written = render_screenshots(
        args.dir, config=config, sizes=sizes, languages=languages, guides=args.guide or ()
    )
    # Desks and TVs are landscape; a portrait size is only for the visitor kiosk.
    landscape = [(w, h) for w, h in sizes if w > h]
    for language in languages if landscape else ():
        written += render_desk_and_display_screens(args.dir, landscape, language, config=config)
        written += render_village_screens(args.dir, landscape, language, config=config)
    print(f"{len(written)} screenshots in {args.dir}")
    return 0
