"""Checks of config values that need more than a type: database URL, printer host, fee codes.

Each returns the problems as ``(key, message)`` pairs, like ``config_parse.Reader.problems``.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Collection, Iterable, Mapping

# The databases the kiosk is built and tested for, by SQLAlchemy driver name.
DATABASE_DRIVERS = ("sqlite", "sqlite+pysqlite", "postgresql", "postgres", "postgresql+psycopg")
URL_EXAMPLES = '"sqlite:////var/lib/commune-kiosk/kiosk.sqlite3" or "postgresql://kiosk@host/kiosk"'
_HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")


def database_url_problem(url: str) -> str:
    """Why ``url`` cannot be the kiosk's database ("" if it can).

    The URL is never repeated in the message when it cannot be read: it may hold a password.
    """
    if _plainly_usable(url):
        return ""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return f"cannot be read as a database URL; expected {URL_EXAMPLES}"
    shown = parsed.render_as_string(hide_password=True)
    if parsed.drivername not in DATABASE_DRIVERS:
        return (
            f"{shown}: the kiosk works with SQLite or PostgreSQL (driver psycopg), not"
            f" {parsed.drivername!r}; expected {URL_EXAMPLES}"
        )
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        return f"{shown}: names no file, so every ticket would be lost at the next start"
    if parsed.get_backend_name() != "sqlite" and not parsed.host:
        return f"{shown}: names no server; expected {URL_EXAMPLES}"
    return ""


def _plainly_usable(url: str) -> bool:
    """True for the everyday URLs that need no full parse: an SQLite file or a server.

    Every program reads its config before its first frame, and SQLAlchemy's URL parser costs
    0.2-0.5 s to import (issue 13, P1). Anything unusual still goes to the full check.
    """
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in DATABASE_DRIVERS or any(c in url for c in "?#%\\ "):
        return False
    if scheme.startswith("sqlite"):
        # sqlite:///relative or sqlite:////absolute: the file is what follows the third /.
        return rest.startswith("/") and rest[1:] not in ("", ":memory:")
    authority, _, database = rest.partition("/")
    host = authority.rpartition("@")[2]
    name, _, port = host.partition(":")
    return bool(name) and (port == "" or port.isdigit()) and "/" not in database


def printer_host_problem(host: str) -> str:
    """Why ``host`` cannot be a network printer's address ("" if it can)."""
    if not host:
        return "empty: a network printer needs its IP address (e.g. 192.168.1.50) or name"
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        ipaddress.ip_address(bare)
        return ""
    except ValueError:
        pass
    if ":" in host:
        return f"{host!r} is not an address: write the port in printer.port, not in the host"
    if re.fullmatch(r"[0-9.]+", host):
        return f"{host!r} is not a valid IP address (four numbers from 0 to 255)"
    labels = host.rstrip(".").split(".")
    if len(host) > 253 or not all(_HOST_LABEL.match(label) for label in labels):
        return f"{host!r} is not a valid host name (letters, digits, - and . only)"
    return ""


def fee_code_problems(
    fees: Mapping[str, object], procedures: Collection[str], guide_ids: Collection[str]
) -> Iterable[tuple[str, str]]:
    """``[fees]`` entries for a code that is neither a configured procedure nor a guide."""
    known = set(procedures) | set(guide_ids)
    for code in sorted(set(fees) - known):
        yield (
            f"fees.{code}",
            "no procedure or guide has this code: check the spelling (see `kiosk lines list`"
            " and `kiosk guides check`)",
        )


def commune_setup_note(commune: str, source: str) -> str:
    """What to do when the config names no commune ("" when it does): the first-run hint.

    Args:
        commune: ``[site] commune`` as loaded.
        source: The config file in use, or the label of the built-in defaults.
    """
    if commune:
        return ""
    from kiosk.config import DEFAULTS_LABEL, default_config_path

    if source == DEFAULTS_LABEL:
        where = f"{default_config_path()} (copy data/config.example.toml there)"
    else:
        where = source
    return (
        "The commune's name is not set: tickets and reports print no commune or place."
        f' Set [site] commune = "Xã ..." and province in {where},'
        " then run `kiosk config check`."
    )
