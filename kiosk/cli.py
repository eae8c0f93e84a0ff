"""``kiosk ...`` subcommands; the only module of the core that starts the GUI (lazily)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__, startup_gc
from kiosk.domain.errors import KioskError

if TYPE_CHECKING:
    from kiosk.config import Config
    from kiosk.services.context import AppContext

Handler = Callable[[argparse.Namespace], int]

DESCRIPTION = """\
Queue tickets, guides and helper records for a commune one-stop desk
(Trung tâm Phục vụ hành chính công xã).

Configuration: --config FILE, else $KIOSK_CONFIG, else config.toml in the platform
config folder; with no file the built-in defaults work. $KIOSK_DATABASE_URL overrides
the database (SQLite by default; postgresql://user@host/db when several PCs share a queue).

Try it on demo data: `kiosk demo` (the visitor kiosk), `kiosk demo desk --counter 1`,
`kiosk demo display`, `kiosk demo rate --counter 1`, `kiosk demo manager`, `kiosk demo
village`; the demo PINs are in `kiosk demo --help`.
"""


# The commands that open a window: parsed without the rest of the tree (``main``).
GUI_COMMANDS = frozenset({"run", "demo", "desk", "display", "rate", "manager"})


def build_parser(*, only_gui: bool = False) -> argparse.ArgumentParser:
    """The whole command tree (``kiosk --help``); with ``only_gui``, the window commands only.

    A window's first frame waits for this parser: the other commands' modules and their ~60
    subparsers are left out when a window command runs (issue 13, P1).
    """
    from kiosk import cli_gui

    parser = argparse.ArgumentParser(
        prog="kiosk",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("--config", metavar="FILE", help="config file to use")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    cli_gui.register(sub)
    if only_gui:
        return parser
    from kiosk import cli_admin, cli_backup, cli_reports, cli_team_report, cli_village

    cli_admin.register(sub)
    cli_reports.register(sub)
    cli_team_report.register(sub)
    cli_village.register(sub)
    cli_backup.register(sub)
    return parser


def _command(argv: Sequence[str]) -> str:
    """The subcommand named in ``argv`` ("" if none), skipping ``--config FILE``."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--config":
            next(tokens, None)
        elif not token.startswith("-"):
            return token
    return ""


def load_or_exit(args: argparse.Namespace) -> Config:
    """The config, or every problem printed and exit code 2."""
    from kiosk.config import ConfigError, load_config

    try:
        return load_config(args.config)
    except ConfigError as exc:
        print("The configuration has problems:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        print("Run `kiosk config check` after fixing them.", file=sys.stderr)
        raise SystemExit(2) from None


@contextmanager
def command_context(args: argparse.Namespace) -> Iterator[AppContext]:
    """The application context of one command; its database is closed when the command ends.

    Closed, not left to the process's exit: tests run commands in one process, and Python 3.13
    warns of every SQLite connection dropped unclosed.
    """
    from kiosk.services.context import bootstrap

    ctx = bootstrap(load_or_exit(args))
    try:
        yield ctx
    finally:
        ctx.db.dispose()


def config_check(args: argparse.Namespace) -> int:
    """Print every problem of the config at once, including fees for unknown procedures."""
    from kiosk.config import ConfigProblem, check_config
    from kiosk.config_checks import commune_setup_note, fee_code_problems

    config, problems = check_config(args.config)
    source = config.source if config else (args.config or "config")
    if config is not None:
        guide_ids = _guide_ids(config.guides_dir)
        problems += [
            ConfigProblem(config.source, key, message)
            for key, message in fee_code_problems(config.fees, config.procedure_codes, guide_ids)
        ]
    if problems:
        print(f"{source}: {len(problems)} problem(s):")
        for problem in problems:
            print(f"  {problem}")
        return 2
    assert config is not None
    print(f"{source}: OK")
    print(f"  database: {_redact(config.database_url)}")
    print(f"  lines: {', '.join(f'{line.code} {line.name.vi}' for line in config.lines)}")
    print(f"  counters: {', '.join(str(c.number) for c in config.counters)}")
    print(f"  printer: {config.printer.kind}, {config.printer.paper_width_mm} mm")
    print(f"  the commune's guides: {config.guides_dir}")
    if note := commune_setup_note(config.site.commune, config.source):
        print(f"  note: {note}")
    return 0


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # never reached after check_config; never a traceback
        return "(not a database URL)"


def _guide_ids(commune: Path) -> set[str]:
    """The ids of the shipped guides and the commune's (folder names; nothing is parsed)."""
    from kiosk.resources import data_path

    ids: set[str] = set()
    for root in (data_path("guides"), commune):
        try:
            ids |= {path.name for path in root.iterdir() if path.is_dir()}
        except OSError:  # no commune folder: only the shipped guides
            continue
    return ids


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kiosk`` console script."""
    argv = sys.argv[1:] if argv is None else list(argv)
    window = _command(argv) in GUI_COMMANDS
    if window:
        startup_gc.hold()  # the shell releases it after the first frame
    try:
        return _handle(build_parser(only_gui=window).parse_args(argv))
    finally:
        if window:
            startup_gc.resume()  # after a window, or when none came (no display...)


def _handle(args: argparse.Namespace) -> int:
    """Run the parsed command; a known failure is one line on stderr and exit code 2."""
    handler: Handler = args.handler
    try:
        return handler(args)
    except KioskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a database folder that cannot be created, a CSV that cannot be read
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2
    except Exception as exc:
        from sqlalchemy.exc import OperationalError

        if not isinstance(exc, OperationalError):
            raise
        # The database server is down or refuses us, or the SQLite file is unusable.
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        print(f"error: cannot use the database: {reason}", file=sys.stderr)
        print("Check [database] url in the config or KIOSK_DATABASE_URL.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
