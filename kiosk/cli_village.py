"""``kiosk village ...``: village points, their records, roster and signing key."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.cli import command_context as _context
from kiosk.domain.json_fields import JsonFieldError
from kiosk.domain.signed_file import SignedFileError
from kiosk.domain.village import TransferError

EPILOG = """\
Without an ACTION, `kiosk village` opens the village point's touch program (a maximized
window): a volunteer taps who helped, what the visitor needed and what came of it (and the
age band and sex when [village] record_age_band / record_sex are on), optionally types a note,
and the visit is saved on this PC. It can start and end a help session ("buổi hỗ trợ") with
the members present; visits recorded during it belong to it. The strip at the bottom shows the
records waiting for the commune; with [village] server_url set it sends them in the
background every minute and after each save. `kiosk demo village` opens it on demo data.

On the commune PC (once): `kiosk village key create`, then `kiosk village roster export FILE`
and copy FILE and the key file to each village PC.
On a village PC: set [village] place (and server_url when the commune database can be
reached) in the config, then `kiosk village setup --key KEYFILE --roster FILE`.
Records travel by `kiosk village sync` (network) or `kiosk village export` on a USB stick,
then `kiosk village import FILE` on the commune PC. Sending or importing twice adds nothing.
"""


# What is wrong inside a file: the message gets the file's name in front.
FILE_CONTENT_ERRORS = (SignedFileError, TransferError, JsonFieldError)


def register(sub: Any) -> None:
    """Add the ``village`` subcommands to the parser."""
    from kiosk.cli_gui import run_village

    parser = sub.add_parser(
        "village",
        help="village points: the touch program, records, sync, export/import, roster, key",
        description="Village points of the Tổ công nghệ số cộng đồng (see README).",
        usage="kiosk village [-h] [ACTION ...]",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=run_village)  # no ACTION: the touch program
    village = parser.add_subparsers(dest="village_command", metavar="ACTION", required=False)

    p = village.add_parser("setup", help="make this PC a village point (key, roster)")
    p.add_argument("--key", type=Path, metavar="FILE", help="the commune's key file")
    p.add_argument("--roster", type=Path, metavar="FILE", help="a roster file to install")
    p.add_argument("--replace-key", action="store_true", help="install a new commune key")
    p.set_defaults(handler=_setup)

    p = village.add_parser("status", help="this village PC: key, roster, records waiting, sync")
    p.set_defaults(handler=_status)

    p = village.add_parser("sync", help="send waiting records to the commune, pull the roster")
    p.add_argument("--batch", type=int, default=100, metavar="N", help="records per transaction")
    p.set_defaults(handler=_sync)

    p = village.add_parser("export", help="write waiting records to a signed file (USB stick)")
    p.add_argument("file", nargs="?", type=Path, help="file or folder (default: this folder)")
    p.add_argument("--all", action="store_true", help="also records the commune confirmed")
    p.set_defaults(handler=_export)

    p = village.add_parser("import", help="on the commune PC: add the records of a village file")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_import)

    roster = village.add_parser("roster", help="the helper roster and form on village PCs")
    actions = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    p = actions.add_parser("export", help="on the commune PC: write the signed roster file")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_roster_export)
    p = actions.add_parser("import", help="on a village PC: install a roster file")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_roster_import)
    p = actions.add_parser(
        "publish", help="on the commune PC: let syncing village PCs pull the config's form"
    )
    p.set_defaults(handler=_roster_publish)

    key = village.add_parser("key", help="the commune's signing key for village files")
    actions = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    p = actions.add_parser("create", help="on the commune PC: make the key (once)")
    p.add_argument("--replace", action="store_true", help="replace a lost or leaked key")
    p.set_defaults(handler=_key_create)


def _actor() -> Any:
    from kiosk.services.context import cli_actor

    return cli_actor()


def _when(moment: Any, ctx: Any) -> str:
    return "never" if moment is None else f"{moment.astimezone(ctx.tz):%d/%m/%Y %H:%M}"


def _print_status(ctx: Any, status: Any) -> None:
    print(f"Village point: {status.place}")
    print(f"  set up: {'yes' if status.set_up else 'no (run kiosk village setup)'}")
    print(f"  device: {status.device_id}")
    print(f"  key: {status.key_id or 'missing'} ({ctx.config.village.key_file})")
    print(f"  roster of: {_when(status.roster_published_at, ctx)}")
    print(f"  active helpers: {status.active_helpers}")
    print(f"  records waiting for the commune: {status.pending_records}")
    print(f"  help sessions waiting: {status.pending_sessions}")
    result = "" if status.last_sync_ok is None else " (ok)" if status.last_sync_ok else " (failed)"
    print(f"  last sync: {_when(status.last_sync_at, ctx)}{result} {status.last_sync_message}")
    print(f"  last record sent: {_when(status.last_sent_at, ctx)}")


def _setup(args: argparse.Namespace) -> int:
    from kiosk.services.village_setup import setup_village_point

    with _context(args) as ctx:
        status = setup_village_point(
            ctx,
            actor=_actor(),
            key_file=args.key,
            roster_file=args.roster,
            replace_key=args.replace_key,
        )
        _print_status(ctx, status)
    if status.roster_published_at is None:
        print("Next: kiosk village roster import FILE, or kiosk village sync.")
    return 0


def _status(args: argparse.Namespace) -> int:
    from kiosk.services.village_setup import village_status

    with _context(args) as ctx:
        _print_status(ctx, village_status(ctx))
    return 0


def _sync(args: argparse.Namespace) -> int:
    from kiosk.services.village_sync import sync_village

    with _context(args) as ctx:
        result = sync_village(ctx, actor=_actor(), batch_size=args.batch)
    print(f"Sent {result.records_sent} record(s) and {result.sessions_sent} help session(s).")
    if result.records_already_there:
        print(f"{result.records_already_there} record(s) were already at the commune.")
    print("Roster updated." if result.roster_changed else "Roster unchanged.")
    print(f"Waiting: {result.pending}.")
    return 0


def _export(args: argparse.Namespace) -> int:
    from kiosk.services.village_files import default_export_path, export_records

    with _context(args) as ctx:
        target: Path = args.file or Path.cwd()
        if target.is_dir():
            target = default_export_path(ctx, target)
        result = export_records(ctx, target, actor=_actor(), include_sent=args.all)
    print(f"Written: {result.path}")
    print(f"{result.records} record(s), {result.sessions} help session(s).")
    print("Import it on the commune PC: kiosk village import FILE")
    return 0


def _import(args: argparse.Namespace) -> int:
    from kiosk.services.village_files import import_records

    with _context(args) as ctx:
        try:
            result = import_records(ctx, args.file, actor=_actor())
        except FILE_CONTENT_ERRORS as exc:
            print(f"error: {args.file}: {exc}", file=sys.stderr)
            print("Nothing was imported.", file=sys.stderr)
            return 2
    print(f"{args.file}: {result.place}")
    print(f"Added {result.records_added} record(s); {result.records_known} already imported.")
    print(f"Help sessions: {result.sessions_added} new, {result.sessions_updated} updated.")
    return 0


def _roster_export(args: argparse.Namespace) -> int:
    from kiosk.services.village_roster import export_roster

    with _context(args) as ctx:
        result = export_roster(ctx, args.file, actor=_actor())
    print(f"Written: {result.path} ({result.helpers} helper(s), key {result.key_id})")
    return 0


def _roster_import(args: argparse.Namespace) -> int:
    from kiosk.services.village_roster import import_roster

    with _context(args) as ctx:
        try:
            changed = import_roster(ctx, args.file, actor=_actor())
        except FILE_CONTENT_ERRORS as exc:
            print(f"error: {args.file}: {exc}", file=sys.stderr)
            return 2
    print("Roster installed." if changed else "This roster is already installed.")
    return 0


def _roster_publish(args: argparse.Namespace) -> int:
    from kiosk.services.village_roster import publish_form

    with _context(args) as ctx:
        published = publish_form(ctx, actor=_actor())
        print(f"Form published ({_when(published, ctx)}); village PCs get it at their next sync.")
    return 0


def _key_create(args: argparse.Namespace) -> int:
    from kiosk.services.village_setup import create_key

    with _context(args) as ctx:
        key = create_key(ctx, actor=_actor(), replace=args.replace)
    print(f"Key {key.key_id} written to {key.path} (readable by this user only).")
    print("Copy it with the roster file to each village PC: kiosk village setup --key FILE")
    return 0
