"""Configuration: frozen dataclasses read from TOML, with every problem named at once.

Looked up in this order: ``--config``, ``KIOSK_CONFIG``, then ``config.toml`` in the platform
config directory; with no file the built-in defaults make a working single-PC kiosk.
``KIOSK_DATABASE_URL`` overrides the database URL. data/config.example.toml documents every key.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import platformdirs

from kiosk import defaults
from kiosk.config_checks import database_url_problem, printer_host_problem
from kiosk.config_parse import Reader, key_paths, parse_hours, unknown_keys
from kiosk.config_village import (
    SummaryReportConfig,
    TeamReportConfig,
    VillageConfig,
    parse_summary_report,
    parse_team_report,
    parse_village,
)
from kiosk.domain.enums import PriorityMode
from kiosk.domain.priority import PriorityPolicy
from kiosk.domain.views import LocalText, SiteHeader
from kiosk.resources import data_path
from printing.settings import PrinterSettings

APP_NAME = "commune-kiosk"
CONFIG_ENV = "KIOSK_CONFIG"
DATABASE_ENV = "KIOSK_DATABASE_URL"

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Tables whose keys are the commune's own (procedure codes, weekdays checked separately).
FREE_TABLES = ("fees", "site.hours")
DEFAULTS_LABEL = "(built-in defaults)"


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """One thing wrong in a config file: where, which key, what was expected."""

    file: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}"


class ConfigError(Exception):
    """The config cannot be used; ``problems`` lists everything wrong, not just the first."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The desk and the commune as printed on tickets and reports."""

    desk_name: str = defaults.DESK_NAME
    commune: str = ""
    province: str = ""
    timezone: str = "Asia/Ho_Chi_Minh"
    # weekday -> ((start_minute, end_minute), ...), minutes after local midnight
    hours: Mapping[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)

    @property
    def tz(self) -> ZoneInfo:
        """The commune's time zone."""
        return ZoneInfo(self.timezone)

    @property
    def header(self) -> SiteHeader:
        """What tickets and reports print at the top."""
        return SiteHeader(self.desk_name, self.commune, self.province)


@dataclass(frozen=True, slots=True)
class ProcedureConfig:
    """A procedure offered on a line; ``code`` matches a guide folder when there is a guide."""

    code: str
    name: LocalText


@dataclass(frozen=True, slots=True)
class LineConfig:
    """A queue with a one-letter prefix."""

    code: str
    name: LocalText
    procedures: tuple[ProcedureConfig, ...] = ()


@dataclass(frozen=True, slots=True)
class CounterConfig:
    """A desk and the lines it serves."""

    number: int
    name: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PriorityGroupConfig:
    """A group of visitors served with priority."""

    code: str
    name: LocalText


@dataclass(frozen=True, slots=True)
class QueueConfig:
    """Queue rules."""

    policy: PriorityPolicy = field(default_factory=PriorityPolicy)
    max_recalls: int = 3
    default_service_minutes: float = 8.0
    priority_groups: tuple[PriorityGroupConfig, ...] = ()


@dataclass(frozen=True, slots=True)
class KioskScreenConfig:
    """The visitor touchscreen."""

    language: str = "vi"
    idle_timeout_s: int = 60
    ticket_screen_s: int = 20
    printer_trouble_screen_s: int = 45
    screen_diagonal_inch: float = 21.5
    show_cursor: bool = False
    exit_corner: str = "top_right"
    exit_hold_s: float = 5.0


@dataclass(frozen=True, slots=True)
class DeskConfig:
    """The desk console."""

    auto_sign_out_min: int = 15


@dataclass(frozen=True, slots=True)
class DisplayConfig:
    """The calling display on a TV."""

    notice: str = ""
    # Today's public figures (served, median wait, satisfied, online with help); never a name.
    public_figures: bool = False


@dataclass(frozen=True, slots=True)
class RatingConfig:
    """The satisfaction scale: 3 (default) or 5 levels; and whether a QR scanner is at the kiosk.

    With ``scanner`` the tickets carry a QR code of their number and the kiosk's rating screen
    says a ticket can be scanned (a USB barcode scanner types the code like a keyboard).
    """

    levels: int = 3
    scanner: bool = False


@dataclass(frozen=True, slots=True)
class BackupConfig:
    """Daily database backups: where (a USB stick's folder will do) and how many days to keep.

    ``dir`` None means the "backups" folder beside the default database.
    """

    dir: Path | None = None
    keep_days: int = 14


@dataclass(frozen=True, slots=True)
class Config:
    """Everything the kiosk reads from its config file."""

    source: str
    site: SiteConfig
    database_url: str
    lines: tuple[LineConfig, ...]
    counters: tuple[CounterConfig, ...]
    queue: QueueConfig
    printer: PrinterSettings
    kiosk: KioskScreenConfig
    desk: DeskConfig
    display: DisplayConfig
    ratings: RatingConfig
    fees: Mapping[str, LocalText]
    reports_dir: Path
    # The commune's own guides: added to the shipped ones, replacing any with the same id.
    guides_dir: Path = field(default_factory=lambda: default_guides_dir())
    # Village points and the team report (kiosk/config_village.py).
    village: VillageConfig = field(default_factory=VillageConfig)
    team_report: TeamReportConfig = field(default_factory=TeamReportConfig)
    summary_report: SummaryReportConfig = field(default_factory=SummaryReportConfig)
    backup: BackupConfig = field(default_factory=BackupConfig)

    @property
    def procedure_codes(self) -> tuple[str, ...]:
        """Every procedure code of every line."""
        return tuple(proc.code for line in self.lines for proc in line.procedures)

    def line(self, code: str) -> LineConfig:
        """The line with this prefix; ``KeyError`` when there is none."""
        for line in self.lines:
            if line.code == code:
                return line
        raise KeyError(code)


def default_config_path() -> Path:
    """``config.toml`` in the platform config directory (e.g. ~/.config/commune-kiosk)."""
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_data_dir() -> Path:
    """The platform data directory: the SQLite database, spool and reports live here."""
    return Path(platformdirs.user_data_dir(APP_NAME))


def default_guides_dir() -> Path:
    """Where a commune keeps its own guides unless ``[guides] dir`` says otherwise."""
    return default_data_dir() / "guides"


@cache
def _documented_keys() -> set[str]:
    """Every key data/config.example.toml documents: anything else is a typo."""
    example = tomllib.loads(data_path("config.example.toml").read_text(encoding="utf-8"))
    return key_paths(example)


def find_config_file(explicit: str | None, env: Mapping[str, str]) -> Path | None:
    """The file to read, or ``None`` to run on defaults (no file anywhere)."""
    if explicit:
        return Path(explicit)
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV])
    path = default_config_path()
    return path if path.exists() else None


def load_config(explicit: str | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read and check the config; raises ``ConfigError`` listing every problem."""
    config, problems = check_config(explicit, env)
    if config is None or problems:
        raise ConfigError(problems)
    return config


def check_config(
    explicit: str | None = None, env: Mapping[str, str] | None = None
) -> tuple[Config | None, list[ConfigProblem]]:
    """Read the config and return it with every problem found (the config is None if fatal)."""
    env = os.environ if env is None else env
    path = find_config_file(explicit, env)
    label = str(path) if path else DEFAULTS_LABEL
    raw: dict[str, Any] = {}
    if path is not None:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None, [ConfigProblem(label, "-", "file not found")]
        except UnicodeDecodeError as exc:
            return None, [ConfigProblem(label, "-", f"not UTF-8 text ({exc.reason})")]
        except tomllib.TOMLDecodeError as exc:
            return None, [ConfigProblem(label, "-", f"not valid TOML: {exc}")]
    reader = Reader(label, raw)
    config = _build(reader, label, env)
    reader.problems.extend(unknown_keys(raw, _documented_keys(), FREE_TABLES))
    problems = [ConfigProblem(label, key, message) for key, message in reader.problems]
    return config, problems


def _build(r: Reader, label: str, env: Mapping[str, str]) -> Config:
    data_dir = default_data_dir()
    site = SiteConfig(
        desk_name=r.text("site.desk_name", defaults.DESK_NAME, required=True),
        commune=r.text("site.commune", ""),
        province=r.text("site.province", ""),
        timezone=r.timezone("site.timezone", "Asia/Ho_Chi_Minh"),
        hours=parse_hours(r, "site.hours", defaults.OPENING_HOURS, WEEKDAYS),
    )
    url = env.get(DATABASE_ENV) or r.text("database.url", "")
    if url and (problem := database_url_problem(url)):
        r.problem(DATABASE_ENV if env.get(DATABASE_ENV) else "database.url", problem)
    if not url:
        url = f"sqlite:///{data_dir / 'kiosk.sqlite3'}"
    lines = _lines(r)
    line_codes = {line.code for line in lines}
    return Config(
        source=label,
        site=site,
        database_url=url,
        lines=lines,
        counters=_counters(r, line_codes),
        queue=_queue(r),
        printer=_printer(r, data_dir),
        kiosk=_kiosk(r),
        desk=DeskConfig(auto_sign_out_min=r.integer("desk.auto_sign_out_min", 15, low=1)),
        display=DisplayConfig(
            notice=r.text("display.notice", ""),
            public_figures=r.boolean("display.public_figures", False),
        ),
        ratings=RatingConfig(
            levels=r.choice("ratings.levels", 3, (3, 5)),
            scanner=r.boolean("ratings.scanner", False),
        ),
        fees=_fees(r),
        reports_dir=r.path("reports.dir", data_dir / "reports"),
        guides_dir=r.path("guides.dir", data_dir / "guides"),
        village=parse_village(r, key_dir=_config_dir(label)),
        team_report=parse_team_report(r, commune=site.commune),
        summary_report=parse_summary_report(r),
        backup=BackupConfig(
            dir=r.path("backup.dir", data_dir / "backups"),
            keep_days=r.integer("backup.keep_days", 14, low=1, high=3650),
        ),
    )


def _config_dir(label: str) -> Path:
    """The folder of the config file in use (the platform's when running on defaults)."""
    return default_config_path().parent if label == DEFAULTS_LABEL else Path(label).parent


def _local(r: Reader, key: str, item: Mapping[str, Any]) -> LocalText:
    vi = r.text_in(item, f"{key}.vi", required=True)
    return LocalText(vi, r.text_in(item, f"{key}.en"))


def _lines(r: Reader) -> tuple[LineConfig, ...]:
    items = r.table_list("lines", defaults.LINES)
    lines: list[LineConfig] = []
    seen_procedures: set[str] = set()
    for i, item in enumerate(items):
        key = f"lines[{i}]"
        code = r.line_code(item, f"{key}.code")
        if any(line.code == code for line in lines):
            r.problem(f"{key}.code", f"line {code!r} is defined twice")
        procedures: list[ProcedureConfig] = []
        for j, proc in enumerate(r.list_in(item, f"{key}.procedures")):
            pkey = f"{key}.procedures[{j}]"
            pcode = r.slug(proc, f"{pkey}.code")
            if pcode in seen_procedures:
                r.problem(f"{pkey}.code", f"procedure {pcode!r} is defined twice")
            seen_procedures.add(pcode)
            procedures.append(ProcedureConfig(pcode, _local(r, pkey, proc)))
        lines.append(LineConfig(code, _local(r, key, item), tuple(procedures)))
    if not lines:
        r.problem("lines", "at least one line is needed")
    return tuple(lines)


def _counters(r: Reader, line_codes: set[str]) -> tuple[CounterConfig, ...]:
    counters: list[CounterConfig] = []
    for i, item in enumerate(r.table_list("counters", defaults.COUNTERS)):
        key = f"counters[{i}]"
        number = r.integer_in(item, f"{key}.number", low=1, high=99)
        if any(c.number == number for c in counters):
            r.problem(f"{key}.number", f"counter {number} is defined twice")
        served = tuple(r.string_list_in(item, f"{key}.lines"))
        for code in served:
            if code not in line_codes:
                known = ", ".join(sorted(line_codes))
                r.problem(f"{key}.lines", f"unknown line {code!r}; expected one of {known}")
        name = r.text_in(item, f"{key}.name") or f"Quầy {number}"
        counters.append(CounterConfig(number, name, served))
    if not counters:
        r.problem("counters", "at least one counter is needed")
    return tuple(counters)


def _queue(r: Reader) -> QueueConfig:
    mode = r.choice("queue.priority_mode", "ratio", tuple(m.value for m in PriorityMode))
    ratio = r.integer("queue.priority_per_regular", 2, low=1, high=20)
    groups = tuple(
        PriorityGroupConfig(
            r.slug(item, f"queue.priority_groups[{i}].code"),
            _local(r, f"queue.priority_groups[{i}]", item),
        )
        for i, item in enumerate(r.table_list("queue.priority_groups", defaults.PRIORITY_GROUPS))
    )
    return QueueConfig(
        policy=PriorityPolicy(PriorityMode(mode), ratio),
        max_recalls=r.integer("queue.max_recalls", 3, low=0, high=10),
        default_service_minutes=r.number("queue.default_service_minutes", 8.0, low=1, high=240),
        priority_groups=groups,
    )


def _printer(r: Reader, data_dir: Path) -> PrinterSettings:
    kinds = ("spool", "usb", "serial", "network", "file", "dummy")
    kind = r.choice("printer.kind", "spool", kinds)
    host = r.text("printer.host", "")
    if kind == "network" and (problem := printer_host_problem(host)):
        r.problem("printer.host", problem)
    return PrinterSettings(
        kind=kind,
        paper_width_mm=r.choice("printer.paper_width_mm", 80, (58, 80)),
        spool_dir=r.path("printer.spool_dir", data_dir / "spool"),
        vendor_id=r.hex_integer("printer.usb_vendor_id"),
        product_id=r.hex_integer("printer.usb_product_id"),
        device=r.text("printer.serial_device", "/dev/ttyUSB0"),
        baudrate=r.integer("printer.baudrate", 115200, low=1200, high=921600),
        host=host,
        port=r.integer("printer.port", 9100, low=1, high=65535),
        device_path=r.text("printer.device_path", "/dev/usb/lp0"),
        timeout_s=r.number("printer.timeout_s", 5.0, low=0.5, high=120),
        profile=r.text("printer.profile", "") or None,
    )


def _kiosk(r: Reader) -> KioskScreenConfig:
    corners = ("top_left", "top_right", "bottom_left", "bottom_right")
    return KioskScreenConfig(
        language=r.choice("kiosk.language", "vi", ("vi", "en")),
        idle_timeout_s=r.integer("kiosk.idle_timeout_s", 60, low=10, high=3600),
        ticket_screen_s=r.integer("kiosk.ticket_screen_s", 20, low=5, high=300),
        printer_trouble_screen_s=r.integer("kiosk.printer_trouble_screen_s", 45, low=5, high=600),
        screen_diagonal_inch=r.number("kiosk.screen_diagonal_inch", 21.5, low=7, high=100),
        show_cursor=r.boolean("kiosk.show_cursor", False),
        exit_corner=r.choice("kiosk.exit_corner", "top_right", corners),
        exit_hold_s=r.number("kiosk.exit_hold_s", 5.0, low=1, high=30),
    )


def _fees(r: Reader) -> dict[str, LocalText]:
    fees: dict[str, LocalText] = {}
    for code, item in r.table("fees").items():
        key = f"fees.{code}"
        if isinstance(item, str):
            fees[code] = LocalText(r.nfc_text(key, item))
        elif isinstance(item, dict):
            fees[code] = _local(r, key, item)
        else:
            r.problem(key, "expected a text or a table with vi and en")
    return fees
