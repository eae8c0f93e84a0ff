"""The command line keeps PINs off argv and names the operating-system user in the audit log."""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from kiosk.config import load_config
from kiosk.services.context import bootstrap
from kiosk.services.helpers import list_helpers, sign_in
from kiosk.storage.models import AuditEntry
from tests.conftest import write_config

REPO = Path(__file__).resolve().parents[2]


def kiosk(config: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``kiosk`` as a separate process, stdin piped (so never a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "--config", str(config), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def audit_actors(config: Path, action: str) -> list[str]:
    ctx = bootstrap(load_config(str(config), env={}))
    try:
        with ctx.db.read() as session:
            return list(
                session.scalars(select(AuditEntry.actor).where(AuditEntry.action == action))
            )
    finally:
        ctx.db.dispose()


def test_helpers_add_reads_the_pin_from_stdin_and_the_pin_signs_in(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    args = ("helpers", "add", "Lê Văn Quầy", "--kind", "staff", "--role", "desk_officer")

    done = kiosk(config, *args, "--with-pin", stdin="1357\n")

    assert done.returncode == 0, done.stderr
    assert "PIN set" in done.stdout and "1357" not in done.stdout
    ctx = bootstrap(load_config(str(config), env={}))
    try:
        (helper,) = list_helpers(ctx)
        assert sign_in(ctx, helper_id=helper.id, pin="1357").id == helper.id
    finally:
        ctx.db.dispose()


def test_a_pin_on_the_command_line_is_refused_with_what_to_do_instead(tmp_path: Path) -> None:
    config = write_config(tmp_path)

    done = kiosk(config, "helpers", "add", "An", "--kind", "staff", "--pin", "1357")

    assert done.returncode == 2
    assert "--pin is not accepted" in done.stderr and "--with-pin" in done.stderr
    assert "Nothing was added" in done.stderr
    ctx = bootstrap(load_config(str(config), env={}))
    try:
        assert list_helpers(ctx) == []
    finally:
        ctx.db.dispose()


def test_cli_actions_are_audited_with_the_operating_system_user(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    user = pwd.getpwuid(os.geteuid()).pw_name

    kiosk(config, "helpers", "add", "An", "--kind", "volunteer", "--role", "teacher")
    kiosk(config, "helpers", "deactivate", "1")
    kiosk(config, "close-day")

    assert audit_actors(config, "helper_add") == [f"cli:{user}"]
    assert audit_actors(config, "helper_deactivate") == [f"cli:{user}"]
    exports = audit_actors(config, "summary_export")
    assert exports == [f"cli:{user}", f"cli:{user}"]


def test_a_sudo_is_recorded_with_who_ran_it() -> None:
    from kiosk.services.context import cli_actor

    user = pwd.getpwuid(os.geteuid()).pw_name
    label = cli_actor({"SUDO_USER": "lan-it"}).label
    assert label == f"cli:{user} (sudo by lan-it)"
