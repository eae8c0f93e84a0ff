"""The ``kiosk`` command as an IT helper uses it: clear messages, exit codes, no tracebacks."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.pool import Pool

from kiosk.cli import main
from kiosk.storage.migrate import head_revision
from tests.conftest import write_config


@pytest.fixture
def config_path(tmp_path: Path) -> str:
    return str(write_config(tmp_path))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse and load_or_exit
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("db", "config", "lines", "helpers", "close-day", "doctor"):
        assert command in out


def test_db_upgrade_reports_the_revision(
    capsys: pytest.CaptureFixture[str], config_path: str
) -> None:
    code, out, _ = run(capsys, "--config", config_path, "db", "upgrade")
    assert code == 0 and f"empty -> {head_revision()}" in out
    code, out, _ = run(capsys, "--config", config_path, "db", "upgrade")
    assert f"{head_revision()} -> {head_revision()}" in out


def test_config_check_prints_all_problems_and_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[queue]\npriority_mode = "x"\n[kiosk]\nidle_timeout_s = 1\n', encoding="utf-8")
    code, out, _ = run(capsys, "--config", str(bad), "config", "check")
    assert code == 2
    assert "2 problem(s)" in out
    assert "queue.priority_mode" in out and "kiosk.idle_timeout_s" in out


def test_a_broken_config_stops_other_commands_with_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[counters]]\nnumber = 0\nlines = []\n", encoding="utf-8")
    code, _, err = run(capsys, "--config", str(bad), "lines", "list")
    assert code == 2
    assert "counters[0].number" in err and "Traceback" not in err


def test_helpers_add_list_deactivate(capsys: pytest.CaptureFixture[str], config_path: str) -> None:
    code, out, _ = run(
        capsys,
        "--config",
        config_path,
        "helpers",
        "add",
        "Nguyễn Thị Hoa",
        "--role",
        "youth_union",
        "--affiliation",
        "Thôn 3",
    )
    assert code == 0 and "Nguyễn Thị Hoa" in out
    code, out, _ = run(capsys, "--config", config_path, "helpers", "list", "--search", "hoa")
    assert "Thôn 3" in out
    helper_id = out.split()[0]
    code, out, _ = run(capsys, "--config", config_path, "helpers", "deactivate", helper_id)
    assert "(inactive)" in out
    _, out, _ = run(capsys, "--config", config_path, "helpers", "list")
    assert "Nguyễn Thị Hoa" not in out
    _, out, _ = run(capsys, "--config", config_path, "helpers", "list", "--all")
    assert "Nguyễn Thị Hoa" in out


def test_user_mistakes_give_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], config_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    code, _, err = run(capsys, "--config", config_path, "helpers", "deactivate", "77")
    assert code == 2 and "no helper with id 77" in err and "Traceback" not in err
    code, _, err = run(
        capsys,
        "--config",
        config_path,
        "helpers",
        "add",
        "X",
        "--kind",
        "volunteer",
        "--with-pin",
    )
    assert code == 2 and "only staff get a PIN" in err


def test_helpers_import_reports_bad_rows_by_line(
    capsys: pytest.CaptureFixture[str], config_path: str, tmp_path: Path
) -> None:
    csv = tmp_path / "h.csv"
    csv.write_text(
        "name,kind,role,affiliation\nA,volunteer,teacher,\nB,robot,teacher,\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "--config", config_path, "helpers", "import", str(csv))
    assert code == 2 and f"{csv}:3" in out and "robot" in out


def test_lines_list_shows_lines_counters_and_procedures(
    capsys: pytest.CaptureFixture[str], config_path: str
) -> None:
    code, out, _ = run(capsys, "--config", config_path, "lines", "list")
    assert code == 0
    assert "A  Hộ tịch / Civil status" in out and "counters: 1, 2" in out and "khai-sinh" in out


def test_close_day_counts_the_tickets_it_closed(
    capsys: pytest.CaptureFixture[str], config_path: str
) -> None:
    from kiosk.config import load_config
    from kiosk.services.context import bootstrap
    from kiosk.services.tickets import issue_ticket

    ctx = bootstrap(load_config(config_path, env={}))
    issue_ticket(ctx, line_code="A")
    ctx.db.dispose()
    code, out, _ = run(capsys, "--config", config_path, "close-day")
    assert code == 0 and "1 waiting ticket(s)" in out


def test_doctor_names_debian_packages_for_missing_libraries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kiosk import doctor

    fake = (
        "\tlibxkbcommon.so.0 => not found\n\tlibEGL.so.1 => not found\n"
        "\tlibc.so.6 => /lib/libc.so.6 (0x1)\n"
    )

    class Result:
        stdout = fake

    monkeypatch.setattr(doctor.subprocess, "run", lambda *a, **k: Result())
    code, lines = doctor.report()
    text = "\n".join(lines)
    assert code == 1
    assert "libxkbcommon0" in text and "libegl1" in text
    assert "apt-get install libegl1 libxkbcommon0" in text


def test_doctor_on_this_machine_finds_qt_complete(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "doctor")
    assert code == 0 and "all present" in out


def test_an_unreachable_database_is_named_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = write_config(tmp_path, url="postgresql://nobody@127.0.0.1:1/none")
    code, _, err = run(capsys, "--config", str(config), "lines", "list")
    assert code == 2
    assert "cannot use the database" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["run"],
        ["--config", "x.toml", "demo"],
        ["--config=x.toml", "desk", "--counter", "2"],
        ["display"],
        ["rate", "--counter", "1"],
        ["manager"],
    ],
)
def test_a_window_command_parses_the_same_without_the_rest_of_the_tree(argv: list[str]) -> None:
    # kiosk.cli.main builds the short tree for these, so their first frame comes sooner.
    from kiosk.cli import GUI_COMMANDS, _command, build_parser

    assert _command(argv) in GUI_COMMANDS
    short = build_parser(only_gui=True).parse_args(argv)
    assert vars(short) == vars(build_parser().parse_args(argv))
    assert _commands(build_parser(only_gui=True)) < _commands(build_parser())


def test_other_commands_still_get_the_whole_tree() -> None:
    from kiosk.cli import GUI_COMMANDS, _command, build_parser

    assert _command(["--config", "run", "summary"]) == "summary"
    assert _command(["--version"]) == ""
    assert "summary" in _commands(build_parser())
    assert not {"summary", "backup", "helper"} & GUI_COMMANDS


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(actions[0].choices)


@pytest.mark.parametrize(
    "command",
    [
        ("lines", "list"),
        ("helpers", "list"),
        ("helpers", "add", "Nguyễn Văn An", "--kind", "volunteer", "--role", "village_head"),
        ("close-day",),
        ("summary",),
        ("db", "upgrade"),
    ],
    ids=" ".join,
)
def test_a_command_closes_every_database_connection_it_opened(
    capsys: pytest.CaptureFixture[str], config_path: str, command: tuple[str, ...]
) -> None:
    # A command ends with its database closed, not left for the garbage collector: tests run
    # commands in one process, and Python 3.13 warns (an error here) of every SQLite
    # connection dropped unclosed.
    opened: list[object] = []
    closed: list[object] = []

    def on_connect(connection: object, _record: object) -> None:
        opened.append(connection)

    def on_close(connection: object, _record: object) -> None:
        closed.append(connection)

    event.listen(Pool, "connect", on_connect)
    event.listen(Pool, "close", on_close)
    try:
        code, _, err = run(capsys, "--config", config_path, *command)
    finally:
        event.remove(Pool, "connect", on_connect)
        event.remove(Pool, "close", on_close)
    assert code == 0, err
    assert opened, "the command opened the database"
    assert len(closed) == len(opened)
