"""Administration subcommands: database, config, helpers, lines, closing the day."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.cli import command_context as _context
from kiosk.domain.enums import HelperKind, HelperRole

PIN_ON_COMMAND_LINE = """\
error: --pin is not accepted: a PIN on the command line can be read by every user of this PC
(in the process list) and stays in the shell history. Nothing was added. Instead:
  kiosk helpers add NAME --kind staff --role desk_officer --with-pin   (asks for it twice)
  printf '%s\\n' "$PIN" | kiosk helpers add NAME ... --with-pin       (reads it from stdin)"""


def register(sub: Any) -> None:
    """Add the admin subcommands to the parser."""
    db = sub.add_parser("db", help="database maintenance").add_subparsers(
        dest="db_command", metavar="ACTION", required=True
    )
    p = db.add_parser("upgrade", help="apply database migrations (also done at every start)")
    p.set_defaults(handler=_db_upgrade)

    cfg = sub.add_parser("config", help="configuration").add_subparsers(
        dest="config_command", metavar="ACTION", required=True
    )
    p = cfg.add_parser("check", help="check the config file and print every problem")
    p.set_defaults(handler=_config_check)

    lines = sub.add_parser("lines", help="queue lines").add_subparsers(
        dest="lines_command", metavar="ACTION", required=True
    )
    p = lines.add_parser("list", help="list lines with their procedures and counters")
    p.set_defaults(handler=_lines_list)

    _register_helpers(sub)

    guides = sub.add_parser("guides", help="procedure guides").add_subparsers(
        dest="guides_command", metavar="ACTION", required=True
    )
    p = guides.add_parser(
        "check",
        help="check the shipped guides together with the commune's own; every problem names"
        " file, line and field",
    )
    p.add_argument(
        "dir",
        nargs="?",
        type=Path,
        help="the commune's guides folder to check with the shipped ones (default: [guides] dir"
        " of the config)",
    )
    p.set_defaults(handler=_guides_check)

    p = sub.add_parser(
        "close-day",
        help="close the queue now: waiting tickets become 'not served at closing' and the day's"
        " PDF and CSV are written to the reports folder (the kiosk does this at closing time)",
    )
    p.add_argument("--reason", default="Hết giờ làm việc", help="reason kept on each ticket")
    p.set_defaults(handler=_close_day)

    p = sub.add_parser(
        "doctor",
        help="check that the system libraries Qt needs are installed and that the code is"
        " compiled; show the last problems the kiosk programs logged",
    )
    p.add_argument(
        "--quiet",
        action="store_true",
        help="print only what needs fixing: missing libraries, stale compiled code"
        " (for ExecStartPre)",
    )
    p.set_defaults(handler=_doctor)


def _register_helpers(sub: Any) -> None:
    helpers = sub.add_parser("helpers", help="staff and volunteers").add_subparsers(
        dest="helpers_command", metavar="ACTION", required=True
    )
    p = helpers.add_parser("add", help="add a staff member or volunteer")
    p.add_argument("name")
    p.add_argument("--kind", choices=[k.value for k in HelperKind], default="volunteer")
    p.add_argument("--role", choices=[r.value for r in HelperRole], default="digital_team")
    p.add_argument("--affiliation", default="", help="village, school or union")
    p.add_argument(
        "--with-pin",
        action="store_true",
        help="staff: ask for the PIN (4-8 digits, managers 6-8), or read it from stdin",
    )
    p.add_argument("--pin", help=argparse.SUPPRESS)  # refused with a message, see _helpers_add
    p.set_defaults(handler=_helpers_add)

    p = helpers.add_parser("list", help="list helpers")
    p.add_argument("--all", action="store_true", help="include deactivated helpers")
    p.add_argument("--search", default="", help="accent-insensitive name search")
    p.set_defaults(handler=_helpers_list)

    p = helpers.add_parser("deactivate", help="deactivate a helper (their past visits stay)")
    p.add_argument("id", type=int)
    p.set_defaults(handler=_helpers_deactivate)

    p = helpers.add_parser("activate", help="reactivate a helper")
    p.add_argument("id", type=int)
    p.set_defaults(handler=_helpers_activate)

    p = helpers.add_parser(
        "set-pin", help="set or reset a staff PIN (asks for it twice, or reads it from stdin)"
    )
    p.add_argument("id", type=int)
    p.set_defaults(handler=_helpers_set_pin)

    p = helpers.add_parser("import", help="import helpers from a UTF-8 CSV file")
    p.add_argument("csv", type=Path, help="columns: name,kind,role,affiliation[,pin]")
    p.set_defaults(handler=_helpers_import)


def _db_upgrade(args: argparse.Namespace) -> int:
    from kiosk.cli import _redact, load_or_exit
    from kiosk.storage.engine import open_database
    from kiosk.storage.migrate import upgrade

    config = load_or_exit(args)
    db = open_database(config.database_url)
    before, after = upgrade(db.engine)
    print(f"{_redact(config.database_url)}: {before or 'empty'} -> {after}")
    db.dispose()
    return 0


def _config_check(args: argparse.Namespace) -> int:
    from kiosk.cli import config_check

    return config_check(args)


def _lines_list(args: argparse.Namespace) -> int:
    from kiosk.services.queue_read import list_lines

    with _context(args) as ctx:
        lines = list_lines(ctx)
    for line in lines:
        counters = ", ".join(str(n) for n in line.counters) or "none"
        print(f"{line.code}  {line.name.vi} / {line.name.en}")
        print(f"   counters: {counters}; waiting now: {line.waiting}")
        for proc in line.procedures:
            print(f"   - {proc.code}: {proc.name.vi}")
    return 0


def _actor() -> Any:
    from kiosk.services.context import cli_actor

    return cli_actor()


def _print_helper(h: Any) -> None:
    state = "" if h.active else "  (inactive)"
    pin = "  PIN set" if h.has_pin else ""
    print(
        f"{h.id:>4}  {h.name:<30} {h.kind.value:<9} {h.role.value:<16} {h.affiliation}{pin}{state}"
    )


def _helpers_add(args: argparse.Namespace) -> int:
    from kiosk.services.helpers import add_helper

    if args.pin is not None:
        print(PIN_ON_COMMAND_LINE, file=sys.stderr)
        return 2
    pin = _read_pin() if args.with_pin else None
    if args.with_pin and pin is None:
        return 2
    with _context(args) as ctx:
        helper = add_helper(
            ctx,
            name=args.name,
            kind=args.kind,
            role=args.role,
            affiliation=args.affiliation,
            pin=pin,
            actor=_actor(),
        )
    print("Added:")
    _print_helper(helper)
    return 0


def _helpers_list(args: argparse.Namespace) -> int:
    from kiosk.services.helpers import list_helpers

    with _context(args) as ctx:
        helpers = list_helpers(ctx, include_inactive=args.all, query=args.search)
    for helper in helpers:
        _print_helper(helper)
    if not helpers:
        print("No helpers yet. Add one with:")
        print("  kiosk helpers add NAME --kind staff --role desk_officer")
    return 0


def _helpers_deactivate(args: argparse.Namespace) -> int:
    from kiosk.services.helpers import set_active

    with _context(args) as ctx:
        helper = set_active(ctx, helper_id=args.id, active=False, actor=_actor())
    _print_helper(helper)
    return 0


def _helpers_activate(args: argparse.Namespace) -> int:
    from kiosk.services.helpers import set_active

    with _context(args) as ctx:
        helper = set_active(ctx, helper_id=args.id, active=True, actor=_actor())
    _print_helper(helper)
    return 0


def _helpers_set_pin(args: argparse.Namespace) -> int:
    from kiosk.services.helpers import set_pin

    with _context(args) as ctx:
        pin = _read_pin()
        if pin is None:
            return 2
        helper = set_pin(ctx, helper_id=args.id, pin=pin, actor=_actor())
    _print_helper(helper)
    return 0


def _read_pin() -> str | None:
    """The PIN typed twice at a hidden prompt, or the first line of stdin when it is piped."""
    import getpass

    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass("New PIN (4-8 digits; 6-8 for a manager): ")
    if getpass.getpass("Repeat the PIN: ") != first:
        print("error: the two PINs differ; nothing changed.", file=sys.stderr)
        return None
    return first


def _helpers_import(args: argparse.Namespace) -> int:
    from kiosk.services.helpers import import_csv

    with _context(args) as ctx:
        result = import_csv(ctx, args.csv, actor=_actor())
    if result.problems:
        print(f"Nothing imported: {len(result.problems)} row(s) need fixing:")
        for problem in result.problems:
            print(f"  {problem}")
        return 2
    print(f"Imported {len(result.added)} helper(s):")
    for helper in result.added:
        _print_helper(helper)
    return 0


def _guides_check(args: argparse.Namespace) -> int:
    from kiosk.cli import load_or_exit
    from kiosk.content import run_check
    from kiosk.resources import data_path

    config = load_or_exit(args)
    line_codes = [line.code for line in config.lines]
    commune = args.dir or config.guides_dir
    code, lines = run_check(data_path("guides"), line_codes, commune=commune)
    print("\n".join(lines))
    return code


def _close_day(args: argparse.Namespace) -> int:
    from kiosk.services.closing import close_now

    with _context(args) as ctx:
        result = close_now(ctx, reason=args.reason, actor=_actor())
    print(f"{result.closed_tickets} waiting ticket(s) marked 'not served at closing'.")
    print(f"Reports: {result.pdf}")
    print(f"         {result.csv}")
    return 0


def _print_setup_notes(args: argparse.Namespace) -> None:
    """First-day settings still missing from the config (a broken config is for config check)."""
    from kiosk.config import check_config
    from kiosk.config_checks import commune_setup_note

    config, _problems = check_config(args.config)
    note = commune_setup_note(config.site.commune, config.source) if config else ""
    if note:
        print(f"Setup: {note}")


def _doctor(args: argparse.Namespace) -> int:
    from kiosk import bytecode
    from kiosk.doctor import report
    from kiosk.logs import last_problems, logs_dir

    code, lines = report()
    if code or not args.quiet:
        print("\n".join(lines))
    # A slower start, not a failure: the exit code stays what Qt's libraries decide.
    stale = bytecode.compiled_at_every_start()
    if stale or not args.quiet:
        print("\n".join(bytecode.report_lines(stale)))
    if not args.quiet:
        _print_setup_notes(args)
        problems = last_problems()
        print(f"Last problems logged ({logs_dir()}):" if problems else "No problems logged.")
        for line in problems:
            print(f"  {line}")
        print("Under systemd the full log is in: journalctl -u commune-kiosk")
    return code
