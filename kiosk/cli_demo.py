"""``kiosk demo [desk|display|rate|manager|village]``: every program on demo data."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from kiosk.demo import DEMO_DATABASE, DEMO_MANAGER_PIN, DEMO_STAFF_PIN, demo_config

if TYPE_CHECKING:
    from kiosk.cli_gui import Launch
    from kiosk.config import Config

DESCRIPTION = f"""\
Open a program on the demo database ({DEMO_DATABASE} in the data folder, never the one the
config names), seeded with demo staff, volunteers, a manager and a queue of waiting tickets.
With no PROGRAM it starts the visitor kiosk (what `make run` starts). Every program sees the
same demo data, so a ticket taken at the kiosk shows on the desk and the display.

Demo PINs:
  {DEMO_STAFF_PIN}     the desk staff member "[DEMO] Cán bộ Một Cửa"; also leaves the kiosk
           (hold its top-right corner for 5 s first)
  {DEMO_MANAGER_PIN}   the manager "[DEMO] Lãnh Đạo Xã" (`kiosk demo manager`)

Ctrl+C in the terminal stops any of them.
"""


def register(sub: Any) -> None:
    """Add ``demo`` and its programs to the parser."""
    demo = sub.add_parser(
        "demo",
        help="the kiosk, desk, display, rating screen, manager's summary or village program on"
        " demo data",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    demo.set_defaults(handler=_demo, demo_program=None, counter=None)
    programs = demo.add_subparsers(dest="demo_program", metavar="PROGRAM")
    p = programs.add_parser(
        "desk", help=f"the desk console (staff PIN {DEMO_STAFF_PIN}) on the demo data"
    )
    p.add_argument("--counter", type=int, metavar="N", help="this PC's counter number")
    programs.add_parser("display", help="the calling display on the demo data")
    p = programs.add_parser("rate", help="a counter's rating screen on the demo data")
    p.add_argument("--counter", type=int, required=True, metavar="N", help="the counter number")
    programs.add_parser(
        "manager", help=f"the manager's summary (PIN {DEMO_MANAGER_PIN}) on the demo data"
    )
    programs.add_parser(
        "village",
        help="a village point's program on its own demo database (village-demo.sqlite3)",
    )


def demo_launch(args: argparse.Namespace, config: Config) -> Launch:
    """What ``kiosk demo ...`` opens: the program named (the kiosk by default), demo config."""
    from kiosk.cli_gui import Launch

    return Launch(
        program=args.demo_program or "kiosk",
        config=demo_config(config),
        counter=args.counter,
        demo=True,
    )


def _demo(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit
    from kiosk.cli_gui import launch
    from kiosk.config_checks import commune_setup_note

    given = load_or_exit(args)
    if args.demo_program == "village":
        from kiosk.cli_gui import village_demo

        return village_demo(given)
    plan = demo_launch(args, given)
    config = plan.config
    print(f"Demo database: {config.database_url}")
    if note := commune_setup_note(given.site.commune, given.source):
        print(f'The demo calls the commune "{config.site.commune}". For your own: {note}')
    if plan.program == "kiosk":
        corner = config.kiosk.exit_corner.replace("_", "-")
        print(
            f"To leave: hold the {corner} corner for {config.kiosk.exit_hold_s:g} s, then type"
            f" the demo staff PIN {DEMO_STAFF_PIN}; or press Ctrl+C here."
        )
    elif plan.program in ("display", "rate"):
        print("Full screen, with no exit on it: Ctrl+C here stops it.")
    elif plan.program == "desk":
        print(f"Demo staff PIN: {DEMO_STAFF_PIN}. Ctrl+C here stops it.")
    elif plan.program == "manager":
        print(f"Demo manager PIN: {DEMO_MANAGER_PIN}. Ctrl+C here stops it.")
    return launch(plan)
