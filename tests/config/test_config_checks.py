"""Config values that need more than a type: database URL, opening hours, printer host, fees."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import config_checks
from kiosk.config import check_config
from kiosk.config_checks import database_url_problem, fee_code_problems, printer_host_problem


def problems_of(tmp_path: Path, body: str, env: dict[str, str] | None = None) -> list[str]:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    _config, problems = check_config(str(path), env=env or {})
    return [f"{problem.key}: {problem.message}" for problem in problems]


def only_problem(tmp_path: Path, body: str, key: str) -> str:
    """The message of the one problem ``body`` has, which must be about ``key``."""
    problems = problems_of(tmp_path, body)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{key}: "), problems
    return problems[0]


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("not a database url at all", "cannot be read as a database URL"),
        ("foo://user@host/db", "not 'foo'"),
        ("mysql://kiosk@10.0.0.2/kiosk", "not 'mysql'"),
        ("postgresql+psycopg2://kiosk@host/kiosk", "not 'postgresql+psycopg2'"),
        ("sqlite://", "names no file"),
        ("sqlite:///:memory:", "names no file"),
        ("postgresql:///kiosk", "names no server"),
        ("postgresql://kiosk@host:notaport/kiosk", "cannot be read as a database URL"),
    ],
)
def test_a_database_url_the_kiosk_cannot_use_is_a_problem_naming_the_key(
    tmp_path: Path, url: str, fragment: str
) -> None:
    assert fragment in only_problem(tmp_path, f'[database]\nurl = "{url}"\n', "database.url")


def test_a_bad_database_url_in_the_environment_names_the_variable(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, "", env={"KIOSK_DATABASE_URL": "garbage"})

    assert problems == [
        "KIOSK_DATABASE_URL: cannot be read as a database URL; expected"
        ' "sqlite:////var/lib/commune-kiosk/kiosk.sqlite3" or "postgresql://kiosk@host/kiosk"'
    ]


def test_a_password_in_a_rejected_url_is_never_repeated() -> None:
    message = database_url_problem("mysql://kiosk:hunter2@host/kiosk")

    assert "hunter2" not in message and "***" in message


@pytest.mark.parametrize(
    "url",
    ["sqlite:////var/lib/k.sqlite3", "postgresql://kiosk:pw@10.0.0.2:5432/kiosk",
     "postgresql+psycopg://kiosk@db/kiosk", "postgres://kiosk@db/kiosk"],
)  # fmt: skip
def test_urls_of_the_two_supported_databases_pass(url: str) -> None:
    assert database_url_problem(url) == ""


@pytest.mark.parametrize(
    ("hours", "fragment"),
    [
        ('["07:00-12:00", "11:00-17:00"]', "'07:00-12:00' and '11:00-17:00' overlap"),
        ('["13:30-17:00", "07:00-14:00"]', "'07:00-14:00' and '13:30-17:00' overlap"),
        ('["07:00-11:30", "07:00-11:30"]', "overlap"),
        ('["07:00-17:00", "08:00-09:00"]', "overlap"),
    ],
)
def test_overlapping_opening_hours_are_a_problem(tmp_path: Path, hours: str, fragment: str) -> None:
    assert fragment in only_problem(tmp_path, f"[site.hours]\nmon = {hours}\n", "site.hours.mon")


def test_ranges_that_touch_do_not_overlap(tmp_path: Path) -> None:
    assert problems_of(tmp_path, '[site.hours]\nmon = ["07:00-11:30", "11:30-17:00"]\n') == []


@pytest.mark.parametrize(
    ("host", "fragment"),
    [
        ("", "empty: a network printer needs"),
        ("999.300.1.1:abc", "write the port in printer.port"),
        ("192.168.1.50:9100", "write the port in printer.port"),
        ("999.300.1.1", "not a valid IP address"),
        ("printer_01.local", "not a valid host name"),
        ("-printer", "not a valid host name"),
        ("a" * 300, "not a valid host name"),
    ],
)
def test_a_network_printer_with_an_empty_or_invalid_host_is_a_problem(
    tmp_path: Path, host: str, fragment: str
) -> None:
    body = f'[printer]\nkind = "network"\nhost = "{host}"\n'
    assert fragment in only_problem(tmp_path, body, "printer.host")


def test_a_network_printer_without_a_host_is_a_problem(tmp_path: Path) -> None:
    assert problems_of(tmp_path, '[printer]\nkind = "network"\n') == [
        "printer.host: empty: a network printer needs its IP address (e.g. 192.168.1.50) or name"
    ]


@pytest.mark.parametrize("host", ["192.168.1.50", "printer-1.local", "[fe80::1]", "::1", "tm88"])
def test_good_printer_hosts_pass(host: str) -> None:
    assert printer_host_problem(host) == ""


def test_the_host_of_a_printer_that_is_not_networked_is_not_checked(tmp_path: Path) -> None:
    assert problems_of(tmp_path, '[printer]\nkind = "spool"\nhost = "999.300.1.1:abc"\n') == []


def test_fees_for_codes_that_are_neither_procedures_nor_guides_are_problems() -> None:
    fees = {"khai-sinh": "x", "ban-sao-trich-luc": "y", "hướng-dẫn-riêng": "z"}

    problems = list(fee_code_problems(fees, ["khai-sinh"], {"hướng-dẫn-riêng"}))

    assert [key for key, _message in problems] == ["fees.ban-sao-trich-luc"]
    assert "no procedure or guide has this code" in problems[0][1]


def test_the_commune_guides_folder_is_a_config_key_with_a_platform_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "config.toml"
    path.write_text("", encoding="utf-8")
    config, _ = check_config(str(path), env={})
    assert config is not None
    assert config.guides_dir == tmp_path / "data" / "commune-kiosk" / "guides"

    path.write_text('[guides]\ndir = "/etc/commune-kiosk/guides"\n', encoding="utf-8")
    config, problems = check_config(str(path), env={})
    assert problems == [] and config is not None
    assert config.guides_dir == Path("/etc/commune-kiosk/guides")


EVERYDAY_URLS = [
    "sqlite:////var/lib/commune-kiosk/kiosk.sqlite3",
    "sqlite:///kiosk.sqlite3",
    "sqlite+pysqlite:////tmp/x.sqlite3",
    "postgresql://kiosk@192.168.1.10/kiosk",
    "postgresql://kiosk:secret@server:5432/kiosk",
    "postgres://server/kiosk",
    "postgresql+psycopg://kiosk@server.local/kiosk",
]
UNUSUAL_URLS = [
    "sqlite:///",
    "sqlite:///:memory:",
    "sqlite://",
    "postgresql:///kiosk",
    "postgresql://kiosk@/kiosk",
    "postgresql://host:port/kiosk",
    "postgresql://[::1]/kiosk",
    "postgresql://host/kiosk?options=-csearch_path%3Dx",
    "mysql://host/kiosk",
    "not a url",
]


@pytest.mark.parametrize("url", EVERYDAY_URLS + UNUSUAL_URLS)
def test_the_quick_url_check_never_accepts_what_the_full_parse_refuses(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The quick path exists so that no program loads SQLAlchemy before its first frame.
    quick = config_checks._plainly_usable(url)
    assert quick is (url in EVERYDAY_URLS)
    monkeypatch.setattr(config_checks, "_plainly_usable", lambda _url: False)
    full = config_checks.database_url_problem(url)
    assert full == "" if quick else True
