"""The [village] and [team_report] sections: defaults, the documented example, clear problems."""

from __future__ import annotations

from pathlib import Path

from kiosk.config import check_config, load_config
from kiosk.domain.village import Measure
from kiosk.resources import data_path


def write(tmp_path: Path, body: str) -> str:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return str(path)


def test_the_example_documents_the_default_form_and_report_settings(tmp_path: Path) -> None:
    example = load_config(str(data_path("config.example.toml")), env={})
    defaults = load_config(write(tmp_path, ""), env={})
    assert example.village.form == defaults.village.form
    assert example.team_report == defaults.team_report
    measures = {c.code: c.measure for c in defaults.village.form.outcomes}
    assert measures["vneid_level2"] is Measure.VNEID_ACTIVATED
    assert measures["submitted_online"] is Measure.SUBMITTED_ONLINE
    assert measures["paid_online"] is Measure.PAID_ONLINE
    assert [c.code for c in defaults.village.form.outcomes if c.needs_procedure] == ["referred"]
    assert not defaults.village.is_village_point
    assert defaults.village.key_file == tmp_path / "village.key"


def test_the_report_header_follows_the_commune(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[site]\ncommune = "Xã Đức Phong"\n'), env={})
    assert config.team_report.issuer == ("ỦY BAN NHÂN DÂN", "XÃ ĐỨC PHONG")
    assert config.team_report.place_name == "Đức Phong"


def test_a_village_pc_config_is_read(tmp_path: Path) -> None:
    body = (
        '[village]\nplace = "Nhà văn hóa thôn Đông"\n'
        'server_url = "postgresql://kiosk@192.168.1.10/kiosk"\nkey_file = "~/k.key"\n'
        "record_age_band = true\n"
    )
    config = load_config(write(tmp_path, body), env={})
    assert config.village.is_village_point and config.village.place == "Nhà văn hóa thôn Đông"
    assert config.village.key_file == Path("~/k.key").expanduser()
    assert config.village.form.record_age_band and not config.village.form.record_sex


def test_every_problem_in_the_village_sections_is_named(tmp_path: Path) -> None:
    body = (
        '[village]\nconnect_timeout_s = 0\nrecord_sex = "yes"\n'
        '[[village.needs]]\ncode = "Bad Code"\nvi = "X"\n'
        '[[village.outcomes]]\ncode = "a"\nvi = "A"\ncounts_as = "money"\n'
        '[[village.outcomes]]\ncode = "a"\nvi = ""\nneeds_procedure = "no"\n'
        '[team_report]\nsigner_title = ""\nrecipients = "Lưu: VT"\nsigner_nam = "x"\n'
    )
    _config, problems = check_config(write(tmp_path, body), env={})
    found = {p.key: p.message for p in problems}
    assert "village.connect_timeout_s" in found
    assert "village.record_sex" in found
    assert "lower-case" in found["village.needs[0].code"]
    assert "vneid_activated" in found["village.outcomes[0].counts_as"]
    assert "listed twice" in found["village.outcomes[1].code"]
    assert found["village.outcomes[1].vi"] == "must not be empty"
    assert "true or false" in found["village.outcomes[1].needs_procedure"]
    assert found["team_report.signer_title"] == "must not be empty"
    assert "list" in found["team_report.recipients"]
    assert "signer_name" in found["team_report.signer_nam"]
    assert all(str(tmp_path) in str(p) for p in problems)
