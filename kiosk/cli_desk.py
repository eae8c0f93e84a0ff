"""``kiosk desk`` and ``kiosk display``: the desk console and the calling display (Qt, lazily)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    """Add the desk and display subcommands to the parser."""
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


def _display_or_exit() -> None:
    from ui.runtime import display_problem

    problem = display_problem()
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        raise SystemExit(1)


def _desk(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    config = load_or_exit(args)
    numbers = [counter.number for counter in config.counters]
    if args.counter is not None and args.counter not in numbers:
        listed = ", ".join(str(n) for n in numbers)
        print(
            f"error: there is no counter {args.counter}; the config has {listed}", file=sys.stderr
        )
        return 2
    _display_or_exit()
    from ui.desk.app import run_desk

    return run_desk(config, counter=args.counter)


def _display(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit

    config = load_or_exit(args)
    _display_or_exit()
    from ui.display.app import run_display

    return run_display(config)
