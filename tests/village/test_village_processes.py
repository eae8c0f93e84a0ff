"""Real processes: a village PC offline records 200 visits, is killed with SIGKILL during the
upload, comes back, and the commune ends with exactly 200; the same through an export file.

The commune database is PostgreSQL when KIOSK_TEST_POSTGRES_URL is set, else SQLite.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, select

from kiosk.config import load_config
from kiosk.services.context import CLI_ACTOR, bootstrap
from kiosk.services.helpers import add_helper
from kiosk.services.village_roster import export_roster
from kiosk.services.village_setup import create_key
from kiosk.storage.engine import normalise_url
from kiosk.storage.village_models import (
    VillageRecord,
    VillageRecordHelper,
    VillageRecordOutcome,
)
from tests.conftest import POSTGRES_ENV, write_config
from tests.village.conftest import COMMUNE_BODY, village_body
from tests.village.workers import expected_children

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
VISITS = 200
SYNC = (sys.executable, "-m", "kiosk.cli")
OFFLINE_URL = "postgresql://kiosk@127.0.0.1:9/kiosk"  # nothing listens on port 9


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """A command in its own process, from the repository root."""
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def kiosk(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run("-m", "kiosk.cli", "--config", str(config), *args)


@pytest.fixture
def commune_url(tmp_path: Path) -> Iterator[str]:
    if not os.environ.get(POSTGRES_ENV):
        yield f"sqlite:///{tmp_path / 'commune' / 'kiosk.sqlite3'}"
        return
    yield str(_postgres_schema(tmp_path))


def _postgres_schema(tmp_path: Path) -> str:
    import uuid

    from sqlalchemy import text

    url = os.environ[POSTGRES_ENV]
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(url))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    (tmp_path / "schema").write_text(schema)
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(autouse=True)
def _drop_schema(tmp_path: Path) -> Iterator[None]:
    yield
    marker = tmp_path / "schema"
    if marker.exists():
        from sqlalchemy import text

        admin = create_engine(normalise_url(os.environ[POSTGRES_ENV]))
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{marker.read_text()}" CASCADE'))
        admin.dispose()


def prepare(tmp_path: Path, commune_url: str) -> tuple[Path, Path]:
    """A commune with two volunteers and a key; a village PC set up offline. Config paths."""
    commune_dir, village_dir = tmp_path / "commune", tmp_path / "village"
    commune_dir.mkdir()
    village_dir.mkdir()
    commune_config = write_config(commune_dir, COMMUNE_BODY, url=commune_url)
    ctx = bootstrap(load_config(str(commune_config), env={}))
    for name, role in (("Nguyễn Văn An", "village_head"), ("Trần Thị Bình", "youth_union")):
        add_helper(ctx, name=name, kind="volunteer", role=role, actor=CLI_ACTOR)
    key = create_key(ctx, actor=CLI_ACTOR)
    export_roster(ctx, tmp_path / "roster.kiosk-village", actor=CLI_ACTOR)
    ctx.db.dispose()
    village_config = write_config(village_dir, village_body(OFFLINE_URL, village_dir / "k.key"))
    setup = kiosk(
        village_config,
        "village",
        "setup",
        "--key",
        str(key.path),
        "--roster",
        str(tmp_path / "roster.kiosk-village"),
    )
    assert setup.returncode == 0, setup.stderr
    return commune_config, village_config


def commune_counts(engine: Engine) -> tuple[int, int, int, int]:
    """Records, distinct uids, helper rows and outcome rows in the commune database."""
    with engine.connect() as conn:
        return (
            int(conn.scalar(select(func.count()).select_from(VillageRecord)) or 0),
            int(conn.scalar(select(func.count(func.distinct(VillageRecord.uid)))) or 0),
            int(conn.scalar(select(func.count()).select_from(VillageRecordHelper)) or 0),
            int(conn.scalar(select(func.count()).select_from(VillageRecordOutcome)) or 0),
        )


def go_online(village_config: Path, commune_url: str) -> None:
    text = village_config.read_text(encoding="utf-8")
    village_config.write_text(text.replace(OFFLINE_URL, commune_url), encoding="utf-8")


def sync_killed_midway(village_config: Path, engine: Engine, after: int) -> int:
    """Start a sync, SIGKILL it once the commune holds ``after`` more records; the count then."""
    start = commune_counts(engine)[0]
    process = subprocess.Popen(
        [*SYNC, "--config", str(village_config), "village", "sync", "--batch", "1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while commune_counts(engine)[0] < start + after and time.monotonic() < deadline:
        assert process.poll() is None, "the sync ended before it could be killed"
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    return commune_counts(engine)[0]


def test_a_village_pc_killed_during_upload_ends_with_exactly_its_records_at_the_commune(
    tmp_path: Path, commune_url: str
) -> None:
    _commune_config, village_config = prepare(tmp_path, commune_url)
    recorded = run("-m", "tests.village.workers", "record", str(village_config), str(VISITS))
    assert recorded.returncode == 0, recorded.stderr

    offline = kiosk(village_config, "village", "sync")
    assert offline.returncode == 2
    assert "127.0.0.1:9" in offline.stderr and "stay on this PC" in offline.stderr
    assert "Traceback" not in offline.stderr

    go_online(village_config, commune_url)
    engine = create_engine(normalise_url(commune_url))
    at_kills = [sync_killed_midway(village_config, engine, after=40) for _ in range(2)]
    assert 0 < at_kills[0] < at_kills[1] < VISITS, at_kills

    final = kiosk(village_config, "village", "sync", "--batch", "7")
    assert final.returncode == 0, final.stderr
    helpers, outcomes = expected_children(VISITS)
    assert commune_counts(engine) == (VISITS, VISITS, helpers, outcomes)
    status = kiosk(village_config, "village", "status")
    assert "records waiting for the commune: 0" in status.stdout
    again = kiosk(village_config, "village", "sync")
    assert "Sent 0 record(s)" in again.stdout
    assert commune_counts(engine)[0] == VISITS
    engine.dispose()


def test_an_export_file_imported_twice_adds_200_once_and_damaged_files_add_nothing(
    tmp_path: Path, commune_url: str
) -> None:
    commune_config, village_config = prepare(tmp_path, commune_url)
    recorded = run("-m", "tests.village.workers", "record", str(village_config), str(VISITS))
    assert recorded.returncode == 0, recorded.stderr
    usb = tmp_path / "usb"
    usb.mkdir()
    exported = kiosk(village_config, "village", "export", str(usb))
    assert exported.returncode == 0, exported.stderr
    (path,) = usb.glob("*.kiosk-village")
    engine = create_engine(normalise_url(commune_url))

    data = path.read_bytes()
    for name, damaged, problem in (
        ("tampered", data.replace(b'"guided_only"', b'"vneid_level2"', 1), "changed after export"),
        ("truncated", data[: len(data) // 2], "cut short"),
    ):
        bad = usb / f"{name}.kiosk-village"
        bad.write_bytes(damaged)
        refused = kiosk(commune_config, "village", "import", str(bad))
        assert refused.returncode == 2
        assert problem in refused.stderr and str(bad) in refused.stderr
        assert "Traceback" not in refused.stderr
        assert commune_counts(engine)[0] == 0

    first = kiosk(commune_config, "village", "import", str(path))
    assert first.returncode == 0, first.stderr
    assert f"Added {VISITS} record(s); 0 already imported." in first.stdout
    second = kiosk(commune_config, "village", "import", str(path))
    assert f"Added 0 record(s); {VISITS} already imported." in second.stdout
    helpers, outcomes = expected_children(VISITS)
    assert commune_counts(engine) == (VISITS, VISITS, helpers, outcomes)
    engine.dispose()


def test_a_link_cut_during_the_upload_is_reported_and_the_next_sync_completes(
    tmp_path: Path, postgres_url: str
) -> None:
    """A TCP proxy between the village PC and PostgreSQL drops every connection mid-upload."""
    from sqlalchemy.engine import make_url

    from tests.tcp_proxy import TcpProxy

    commune_url = _postgres_schema(tmp_path)
    _commune_config, village_config = prepare(tmp_path, commune_url)
    recorded = run("-m", "tests.village.workers", "record", str(village_config), "120")
    assert recorded.returncode == 0, recorded.stderr
    real = make_url(commune_url)
    engine = create_engine(normalise_url(commune_url))
    with TcpProxy(real.host or "127.0.0.1", real.port or 5432) as proxy:
        go_online(village_config, proxy.url(commune_url))
        process = subprocess.Popen(
            [*SYNC, "--config", str(village_config), "village", "sync", "--batch", "1"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        while commune_counts(engine)[0] < 30 and time.monotonic() < deadline:
            time.sleep(0.005)
        proxy.cut()
        _out, err = process.communicate(timeout=60)
        assert process.returncode == 2
        assert "Cannot use the commune database" in err and "Traceback" not in err
        assert 30 <= commune_counts(engine)[0] < 120
        proxy.restore()
        final = kiosk(village_config, "village", "sync")
        assert final.returncode == 0, final.stderr
        assert commune_counts(engine)[:2] == (120, 120)
    engine.dispose()
