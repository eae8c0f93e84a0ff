"""The ``[village]`` and ``[team_report]`` config sections: village points and the team report.

Kept apart from config.py so the village feature's keys, defaults and checks sit together.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.config_parse import Reader
from kiosk.domain.views import LocalText
from kiosk.domain.village import FormChoice, Measure, VillageForm

KEY_FILE_NAME = "village.key"

# The seed's village work (issue 15): VNeID, online dossiers and payments, other public apps.
DEFAULT_NEEDS: list[dict[str, Any]] = [
    {"code": "vneid", "vi": "Tài khoản định danh điện tử VNeID", "en": "VNeID account"},
    {"code": "online_dossier", "vi": "Nộp hồ sơ trực tuyến", "en": "Submit a dossier online"},
    {"code": "online_payment", "vi": "Thanh toán trực tuyến", "en": "Pay online"},
    {"code": "other_app", "vi": "Ứng dụng số khác", "en": "Another public app"},
    {"code": "information", "vi": "Hỏi thông tin, thủ tục", "en": "Information on a procedure"},
]
DEFAULT_OUTCOMES: list[dict[str, Any]] = [
    {"code": "vneid_installed", "vi": "Đã cài đặt ứng dụng VNeID", "en": "VNeID app installed"},
    {
        "code": "vneid_level2",
        "vi": "Đã kích hoạt tài khoản VNeID mức 2",
        "en": "VNeID account activated to level 2",
        "counts_as": "vneid_activated",
    },
    {"code": "vneid_used", "vi": "Đã hướng dẫn sử dụng VNeID", "en": "Shown how to use VNeID"},
    {
        "code": "submitted_online",
        "vi": "Đã nộp hồ sơ trực tuyến có hỗ trợ",
        "en": "Dossier submitted online with help",
        "counts_as": "submitted_online",
    },
    {
        "code": "paid_online",
        "vi": "Đã thanh toán trực tuyến",
        "en": "Online payment made",
        "counts_as": "paid_online",
    },
    {"code": "app_health_book", "vi": "Cài đặt, dùng Sổ sức khỏe điện tử", "en": "Health book app"},
    {"code": "app_social_insurance", "vi": "Cài đặt, dùng VssID (BHXH)", "en": "VssID app"},
    {"code": "app_etax", "vi": "Cài đặt, dùng eTax Mobile", "en": "eTax Mobile app"},
    {
        "code": "app_bank_wallet",
        "vi": "Cài đặt, dùng ứng dụng ngân hàng hoặc ví điện tử",
        "en": "Bank or e-wallet app",
    },
    {"code": "guided_only", "vi": "Chỉ hướng dẫn", "en": "Guided only"},
    {
        "code": "referred",
        "vi": "Chuyển đến Trung tâm Phục vụ hành chính công xã",
        "en": "Referred to the commune desk",
        "needs_procedure": True,
    },
]
# Only the archive copy is certain; each commune lists who receives its summary.
SUMMARY_RECIPIENTS = ("Lưu: VT",)
DEFAULT_RECIPIENTS = ("Sở Khoa học và Công nghệ tỉnh", "Thường trực Đảng ủy xã", "Lưu: VT")


@dataclass(frozen=True, slots=True)
class VillageConfig:
    """A village point (``place`` set) and where its records go; the commune's form."""

    place: str = ""
    server_url: str = ""
    key_file: Path = Path(KEY_FILE_NAME)
    connect_timeout_s: float = 10.0
    form: VillageForm = field(default_factory=lambda: VillageForm((), ()))

    @property
    def is_village_point(self) -> bool:
        """True on a village PC: records are made here and travel to the commune."""
        return bool(self.place)


@dataclass(frozen=True, slots=True)
class TeamReportConfig:
    """The administrative header and footer of the team's report (Nghị định 30/2020)."""

    issuer: tuple[str, ...] = ("ỦY BAN NHÂN DÂN",)
    parent_issuer: str = ""
    number_symbol: str = "BC-UBND"
    place_name: str = ""
    signer_authority: str = "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
    recipients: tuple[str, ...] = DEFAULT_RECIPIENTS
    team_name: str = "Tổ công nghệ số cộng đồng"


@dataclass(frozen=True, slots=True)
class SummaryReportConfig:
    """What the summary's PDF adds to the committee's frame (``[team_report]``)."""

    number_symbol: str = ""  # empty: [team_report] number_symbol
    recipients: tuple[str, ...] = SUMMARY_RECIPIENTS


def parse_summary_report(r: Reader) -> SummaryReportConfig:
    """The ``[summary_report]`` section."""
    return SummaryReportConfig(
        number_symbol=r.text("summary_report.number_symbol", ""),
        recipients=tuple(_lines(r, "summary_report.recipients", list(SUMMARY_RECIPIENTS))),
    )


def parse_village(r: Reader, *, key_dir: Path) -> VillageConfig:
    """The ``[village]`` section; problems go to ``r``."""
    key_file = r.path("village.key_file", key_dir / KEY_FILE_NAME)
    return VillageConfig(
        place=r.text("village.place", ""),
        server_url=r.text("village.server_url", ""),
        key_file=key_file,
        connect_timeout_s=r.number("village.connect_timeout_s", 10.0, low=1, high=120),
        form=VillageForm(
            needs=_choices(r, "village.needs", DEFAULT_NEEDS),
            outcomes=_choices(r, "village.outcomes", DEFAULT_OUTCOMES),
            record_age_band=r.boolean("village.record_age_band", False),
            record_sex=r.boolean("village.record_sex", False),
        ),
    )


def _choices(r: Reader, key: str, default: Sequence[Mapping[str, Any]]) -> tuple[FormChoice, ...]:
    choices: list[FormChoice] = []
    for i, item in enumerate(r.table_list(key, default)):
        ikey = f"{key}[{i}]"
        code = r.slug(item, f"{ikey}.code")
        if any(c.code == code for c in choices):
            r.problem(f"{ikey}.code", f"{code!r} is listed twice")
        label = LocalText(
            r.text_in(item, f"{ikey}.vi", required=True), r.text_in(item, f"{ikey}.en")
        )
        choices.append(
            FormChoice(
                code=code,
                label=label,
                measure=_measure(r, item, f"{ikey}.counts_as"),
                needs_procedure=_flag(r, item, f"{ikey}.needs_procedure"),
            )
        )
    if not choices:
        r.problem(key, "at least one is needed")
    return tuple(choices)


def _measure(r: Reader, item: Mapping[str, Any], key: str) -> Measure | None:
    value = item.get("counts_as", "")
    if value == "":
        return None
    try:
        return Measure(value)
    except ValueError:
        options = ", ".join(repr(m.value) for m in Measure)
        r.problem(key, f'expected "" or one of {options}, got {value!r}')
        return None


def _flag(r: Reader, item: Mapping[str, Any], key: str) -> bool:
    value = item.get("needs_procedure", False)
    if not isinstance(value, bool):
        r.problem(key, f"expected true or false, got {value!r}")
        return False
    return value


def parse_team_report(r: Reader, *, commune: str) -> TeamReportConfig:
    """The ``[team_report]`` section; the committee's name and place default from the commune."""
    default_issuer = _default_issuer(commune)
    issuer = _lines(r, "team_report.issuer", default_issuer)
    return TeamReportConfig(
        issuer=tuple(issuer),
        parent_issuer=r.text("team_report.parent_issuer", ""),
        number_symbol=r.text("team_report.number_symbol", "BC-UBND", required=True),
        place_name=r.text("team_report.place_name", "") or place_name_of(commune),
        signer_authority=r.text("team_report.signer_authority", "TM. ỦY BAN NHÂN DÂN"),
        signer_title=r.text("team_report.signer_title", "CHỦ TỊCH", required=True),
        signer_name=r.text("team_report.signer_name", ""),
        recipients=tuple(_lines(r, "team_report.recipients", list(DEFAULT_RECIPIENTS))),
        team_name=r.text("team_report.team_name", "Tổ công nghệ số cộng đồng", required=True),
    )


def team_report_frame(frame: TeamReportConfig, commune: str) -> TeamReportConfig:
    """``frame`` for a commune named only now (the demo's): what defaulted from it follows."""
    unnamed = _default_issuer("")
    issuer = tuple(_default_issuer(commune)) if list(frame.issuer) == unnamed else frame.issuer
    place_name = frame.place_name or place_name_of(commune)
    return dataclasses.replace(frame, issuer=issuer, place_name=place_name)


def _default_issuer(commune: str) -> list[str]:
    return ["ỦY BAN NHÂN DÂN", commune.upper()] if commune else ["ỦY BAN NHÂN DÂN"]


def _lines(r: Reader, key: str, default: list[str]) -> list[str]:
    """A list of texts at ``key`` (top level), the default when absent."""
    section, name = key.split(".", 1)
    table = r.table(section)
    if name not in table:
        return default
    lines = [r.nfc_text(key, line) for line in r.string_list_in(table, key)]
    return [line for line in lines if line] or default


def place_name_of(commune: str) -> str:
    """The địa danh of the date line: the commune's name without its kind (``Xã Đức Phong``)."""
    for kind in ("xã ", "phường ", "đặc khu ", "thị trấn "):
        if commune.lower().startswith(kind):
            return commune[len(kind) :].strip()
    return commune
