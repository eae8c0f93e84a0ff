"""A commune database and a village PC set up against it, as a commune IT helper would."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.domain.clock import FixedClock
from kiosk.services.context import CLI_ACTOR, AppContext, bootstrap
from kiosk.services.helpers import add_helper
from kiosk.services.village_roster import export_roster
from kiosk.services.village_setup import create_key, setup_village_point
from tests.conftest import make_config, write_config
from tests.qt_support import ignore_offscreen_noise
from tests.ui.conftest import start_and_wait_ready
from tests.village.village_app import VillageApp
from ui.shell import Env, Runtime
from ui.village.program import build

COMMUNE_BODY = '[site]\ncommune = "Xã Đức Phong"\nprovince = "Tỉnh Quảng Ngãi"\n'
PLACE = "Nhà văn hóa thôn Đông"


def village_body(server_url: str, key_file: Path, extra: str = "") -> str:
    """The [village] section of a village PC's config."""
    return (
        f'[village]\nplace = "{PLACE}"\nserver_url = "{server_url}"\n'
        f'key_file = "{key_file}"\nconnect_timeout_s = 2\n{extra}'
    )


@dataclass(frozen=True)
class Team:
    """Helper ids on the commune database."""

    head: int  # village head (volunteer)
    youth: int  # youth union (volunteer)
    officer: int  # desk officer (staff, not a team member)
    digital: int  # staff in the digital team


@pytest.fixture(params=["sqlite", "postgres"])
def commune_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The commune database: an SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'commune' / 'kiosk.sqlite3'}"
    return str(request.getfixturevalue("postgres_schema_url"))


@pytest.fixture
def commune(tmp_path: Path, clock: FixedClock, commune_url: str) -> Iterator[AppContext]:
    """The commune PC's context, with its signing key made."""
    folder = tmp_path / "commune"
    folder.mkdir(exist_ok=True)
    ctx = bootstrap(make_config(folder, COMMUNE_BODY, url=commune_url), clock=clock)
    create_key(ctx, actor=CLI_ACTOR)
    yield ctx
    ctx.db.dispose()


@pytest.fixture
def team(commune: AppContext) -> Team:
    """Four helpers: two volunteers, a desk officer, a staff member of the digital team."""

    def add(name: str, kind: str, role: str) -> int:
        return add_helper(commune, name=name, kind=kind, role=role, actor=CLI_ACTOR).id

    return Team(
        head=add("Nguyễn Văn An", "volunteer", "village_head"),
        youth=add("Trần Thị Bình", "volunteer", "youth_union"),
        officer=add("Lê Văn Cường", "staff", "desk_officer"),
        digital=add("Phạm Thị Dung", "staff", "digital_team"),
    )


def village_config_path(tmp_path: Path, commune: AppContext, extra: str = "") -> Path:
    """A village PC's config file (its own SQLite database) in tmp_path/village."""
    folder = tmp_path / "village"
    folder.mkdir(exist_ok=True)
    body = village_body(commune.config.database_url, folder / "village.key", extra)
    return write_config(folder, body)


@pytest.fixture
def village(
    tmp_path: Path, clock: FixedClock, commune: AppContext, team: Team
) -> Iterator[AppContext]:
    """A village PC set up with the commune's key and roster file."""
    from kiosk.config import load_config

    roster = tmp_path / "roster.kiosk-village"
    export_roster(commune, roster, actor=CLI_ACTOR)
    path = village_config_path(tmp_path, commune)
    ctx = bootstrap(load_config(str(path), env={}), clock=clock)
    setup_village_point(
        ctx, actor=CLI_ACTOR, key_file=commune.config.village.key_file, roster_file=roster
    )
    yield ctx
    ctx.db.dispose()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    ignore_offscreen_noise(items, Path(__file__).parent)


VillageAppFactory = Callable[..., VillageApp]


@pytest.fixture
def make_village_app(
    qtbot: QtBot, qapp: QApplication, loop: asyncio.AbstractEventLoop, clock: FixedClock
) -> Iterator[VillageAppFactory]:
    """Start the village program over a context: ``make_village_app(ctx, size=(w, h))``."""
    made: list[VillageApp] = []

    def factory(ctx: AppContext, size: tuple[int, int] = (1920, 1080)) -> VillageApp:
        env = Env(app=qapp, config=ctx.config, clock=clock, size=QSize(*size))
        program = build(env)
        runtime = Runtime.over_context(ctx, loop=loop)
        app = VillageApp(program, runtime, ctx, qtbot)
        made.append(app)
        program.window.show()
        start_and_wait_ready(qtbot, program, runtime)
        app.wait_idle()
        return app

    yield factory
    for app in made:
        app.program.close()
        app.runtime.close()
        qtbot.wait_until(app.runtime.runner.is_idle, timeout=10_000)
