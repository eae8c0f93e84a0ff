from pathlib import Path

import pytest

from kiosk.config import ConfigError, check_config, find_config_file, load_config
from kiosk.domain.enums import PriorityMode
from kiosk.resources import data_path


def test_no_file_anywhere_gives_working_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "nothing"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    config = load_config(None, env={})
    assert config.source == "(built-in defaults)"
    assert config.site.desk_name == "Trung tâm Phục vụ hành chính công"
    assert [line.code for line in config.lines] == ["A", "B", "C", "D", "E"]
    assert config.database_url.startswith("sqlite:///")
    assert config.database_url.endswith("kiosk.sqlite3")
    assert config.printer.kind == "spool"
    assert config.queue.policy.mode is PriorityMode.RATIO
    assert config.queue.policy.priority_per_regular == 2
    assert [g.code for g in config.queue.priority_groups] == [
        "elderly",
        "disability",
        "pregnant",
        "small_child",
        "merit",
    ]


def test_the_shipped_example_documents_a_valid_config() -> None:
    config, problems = check_config(str(data_path("config.example.toml")), env={})
    assert problems == []
    assert config is not None and len(config.counters) == 3


def test_lookup_order_is_flag_then_environment_then_platform_folder(tmp_path: Path) -> None:
    flag, env_file = tmp_path / "a.toml", tmp_path / "b.toml"
    assert find_config_file(str(flag), {"KIOSK_CONFIG": str(env_file)}) == flag
    assert find_config_file(None, {"KIOSK_CONFIG": str(env_file)}) == env_file


def test_database_url_from_environment_overrides_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[database]\nurl = "sqlite:///file.db"\n', encoding="utf-8")
    config = load_config(str(path), env={"KIOSK_DATABASE_URL": "postgresql://x@h/db"})
    assert config.database_url == "postgresql://x@h/db"


def test_every_problem_is_reported_at_once_with_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        '[site]\ndesk_nam = "x"\ncommune = 5\ntimezone = "Mars/Base"\n'
        '[queue]\npriority_mode = "fifo"\nmax_recalls = true\n'
        '[[lines]]\ncode = "AA"\nvi = "Hộ tịch"\n'
        '[[counters]]\nnumber = 1\nlines = ["Z"]\n',
        encoding="utf-8",
    )
    _config, problems = check_config(str(path), env={})
    found = {p.key: p.message for p in problems}
    assert all(p.file == str(path) for p in problems)
    assert "expected a text" in found["site.commune"]
    assert "time zone" in found["site.timezone"]
    assert "'strict', 'ratio'" in found["queue.priority_mode"]
    assert "whole number" in found["queue.max_recalls"]
    assert "one capital letter" in found["lines[0].code"]
    assert "unknown line 'Z'" in found["counters[0].lines"]
    assert "did you mean 'site.desk_name'" in found["site.desk_nam"]
    with pytest.raises(ConfigError) as info:
        load_config(str(path), env={})
    assert len(info.value.problems) == len(problems)


def test_a_toml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[site]\ncommune = "Xã A\n', encoding="utf-8")
    _config, problems = check_config(str(path), env={})
    assert len(problems) == 1
    assert problems[0].file == str(path) and "line 2" in problems[0].message


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('[site]\ncommune = "Xã"\n'.encode("utf-16"))
    _config, problems = check_config(str(path), env={})
    assert "UTF-8" in problems[0].message


def test_a_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    _config, problems = check_config(str(tmp_path / "nope.toml"), env={})
    assert problems[0].message == "file not found"


def test_text_is_normalised_to_nfc(tmp_path: Path) -> None:
    path = tmp_path / "nfd.toml"
    path.write_text('[site]\ncommune = "Xa\u0303 Đư\u0301c Phong"\n', encoding="utf-8")
    assert load_config(str(path), env={}).site.commune == "Xã Đức Phong"


def test_opening_hours_are_parsed_and_bad_ranges_named(tmp_path: Path) -> None:
    path = tmp_path / "hours.toml"
    path.write_text(
        '[site.hours]\nmon = ["07:30-11:00", "13:00-16:30"]\ntue = ["12:00-08:00"]\n',
        encoding="utf-8",
    )
    config, problems = check_config(str(path), env={})
    assert config is not None
    assert config.site.hours["mon"] == ((450, 660), (780, 990))
    assert [p.key for p in problems] == ["site.hours.tue"]


def test_counters_need_known_lines_and_unique_numbers(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        '[[counters]]\nnumber = 1\nlines = ["A"]\n[[counters]]\nnumber = 1\nlines = ["B"]\n',
        encoding="utf-8",
    )
    _config, problems = check_config(str(path), env={})
    assert [(p.key, "twice" in p.message) for p in problems] == [("counters[1].number", True)]


def test_fees_accept_text_or_a_table(tmp_path: Path) -> None:
    path = tmp_path / "fees.toml"
    path.write_text(
        '[fees]\n"trich-luc-ho-tich" = "8.000 đồng/bản"\n'
        '"ket-hon" = { vi = "Miễn phí", en = "Free" }\n"khai-tu" = 5\n',
        encoding="utf-8",
    )
    config, problems = check_config(str(path), env={})
    assert config is not None
    assert config.fees["trich-luc-ho-tich"].vi == "8.000 đồng/bản"
    assert config.fees["ket-hon"].en == "Free"
    assert [p.key for p in problems] == ["fees.khai-tu"]
