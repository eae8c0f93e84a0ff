"""The composition root of the core: config, database and clock, handed to every use case."""

from __future__ import annotations

import os
import pwd
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from kiosk.config import Config
from kiosk.domain.clock import Clock, system_clock
from kiosk.storage.engine import Database, open_database
from kiosk.storage.migrate import upgrade


@dataclass(frozen=True)
class Actor:
    """Who performs an action: a signed-in helper, or a device such as ``kiosk``."""

    label: str
    helper_id: int | None = None


KIOSK_ACTOR = Actor("kiosk")
CLI_ACTOR = Actor("cli")


def cli_actor(env: Mapping[str, str] | None = None) -> Actor:
    """The command line as an actor, with the operating-system user who ran it.

    The account is looked up from the process's user id, not from $USER, which anyone can
    set; a ``sudo`` adds who ran it. E.g. ``cli:root (sudo by lan)``.
    """
    env = os.environ if env is None else env
    try:
        user = pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:  # a user id with no account name (containers)
        user = f"uid {os.geteuid()}"
    sudo = env.get("SUDO_USER")
    label = f"cli:{user}" if not sudo or sudo == user else f"cli:{user} (sudo by {sudo})"
    return Actor(label[:120])


@dataclass(frozen=True)
class AppContext:
    """What every use case needs; built once by ``bootstrap``."""

    config: Config
    db: Database
    clock: Clock = system_clock

    @property
    def tz(self) -> ZoneInfo:
        """The commune's time zone."""
        return self.config.site.tz


def bootstrap(
    config: Config, *, clock: Clock = system_clock, migrate: bool = True, app_name: str = ""
) -> AppContext:
    """Open the database, apply migrations and sync lines and counters from the config.

    ``app_name`` names the program on a PostgreSQL server (``desk-2@PC-NAME``). When the
    database cannot be reached the error propagates and nothing stays open, so a caller may
    simply try again later.
    """
    from kiosk.services.setup import sync_from_config

    db = open_database(config.database_url, app_name=app_name)
    try:
        if migrate:
            upgrade(db.engine)
        ctx = AppContext(config=config, db=db, clock=clock)
        sync_from_config(ctx)
    except BaseException:
        db.dispose()
        raise
    return ctx
