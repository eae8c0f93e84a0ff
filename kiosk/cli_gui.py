"""Subcommands that start a Qt window; ``ui`` is imported only when one of them runs."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import cli_printer
from kiosk.config import DATABASE_ENV, Config, default_data_dir

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

DEFAULT_SIZES = ((1920, 1080), (1080, 1920), (1366, 768))
DEMO_DATABASE = "demo.sqlite3"


def register(sub: Any) -> None:
    """Add the GUI subcommands to the parser."""
    p = sub.add_parser(
        "run", help="start the visitor kiosk, fullscreen, on the configured database"
    )
    p.set_defaults(handler=_run)
    p = sub.add_parser(
        "demo",
        help=f"seed a demo database ({DEMO_DATABASE} in the data folder) and start the kiosk",
    )
    p.set_defaults(handler=_demo)
    p = sub.add_parser(
        "screenshots",
        help="render every screen (kiosk, desk, display, manager) to PNG files; no display needed",
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

    config = load_or_exit(args)
    if _no_display("kiosk"):
        return 1
    from ui.kiosk.program import SPEC
    from ui.shell import run_program

    return run_program(SPEC, config)


def demo_config(config: Config, env: dict[str, str] | None = None) -> Config:
    """The config with the demo database, unless a database was chosen explicitly."""
    env = dict(os.environ) if env is None else env
    default_url = f"sqlite:///{default_data_dir() / 'kiosk.sqlite3'}"
    if env.get(DATABASE_ENV) or config.database_url != default_url:
        return config
    return dataclasses.replace(
        config, database_url=f"sqlite:///{default_data_dir() / DEMO_DATABASE}"
    )


def _demo(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    config = demo_config(load_or_exit(args))
    if _no_display("kiosk"):
        return 1
    from kiosk.defaults import DEMO_STAFF_PIN
    from ui.kiosk.program import SPEC
    from ui.shell import run_program

    print(f"Demo database: {config.database_url}")
    print(
        f"To leave the kiosk: hold the {config.kiosk.exit_corner.replace('_', '-')} corner "
        f"for {config.kiosk.exit_hold_s:g} s, then type the demo staff PIN {DEMO_STAFF_PIN}."
    )
    return run_program(SPEC, config, after_open=_seed_demo)


def _seed_demo(ctx: AppContext) -> None:
    """Seed the demo queue once the database is open (on the database thread).

    Imported here, not before the window: the seeding pulls in the whole database layer,
    which would hold up the first frame by more than a second (issue 13, P1).
    """
    from kiosk.services.demo import seed_demo

    seed_demo(ctx)


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

    config = load_or_exit(args)
    if args.counter is not None and _unknown_counter(config, args.counter):
        return 2
    if _no_display("desk"):
        return 1
    from ui.desk.program import spec
    from ui.shell import run_program

    return run_program(spec(args.counter), config)


def _display(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    config = load_or_exit(args)
    if _no_display("display"):
        return 1
    from ui.display.program import SPEC
    from ui.shell import run_program

    return run_program(SPEC, config)


def _rate(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    config = load_or_exit(args)
    if _unknown_counter(config, args.counter):
        return 2
    if _no_display("rate"):
        return 1
    from ui.rating.counter_program import spec
    from ui.shell import run_program

    return run_program(spec(args.counter), config)


def _manager(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    config = load_or_exit(args)
    if _no_display("manager"):
        return 1
    from ui.manager.program import SPEC
    from ui.shell import run_program

    return run_program(SPEC, config)


def _screenshots(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    config = load_or_exit(args)
    # Offscreen unless told otherwise: screenshots need no display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.desk.screenshots import render_desk_and_display_screens
    from ui.screenshots import render_screenshots

    sizes = args.size or list(DEFAULT_SIZES)
    languages = (args.lang,) if args.lang else ("vi", "en")
    written = render_screenshots(
        args.dir, config=config, sizes=sizes, languages=languages, guides=args.guide or ()
    )
    # Desks and TVs are landscape; a portrait size is only for the visitor kiosk.
    landscape = [(w, h) for w, h in sizes if w > h]
    for language in languages if landscape else ():
        written += render_desk_and_display_screens(args.dir, landscape, language, config=config)
    print(f"{len(written)} screenshots in {args.dir}")
    return 0
