"""What makes a config the demo's: its own database, a commune clearly named as sample data.

``kiosk demo`` (what ``make run`` starts) and ``kiosk demo desk|display|rate|manager`` all open
the same demo database with the same config, so the programs see each other's tickets.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping

from kiosk.config import DATABASE_ENV, Config, default_data_dir
from kiosk.config_village import team_report_frame

DEMO_DATABASE = "demo.sqlite3"
# Shown everywhere the commune's name is (tickets, the PDF header): never taken for real data.
DEMO_COMMUNE = "Xã Minh Họa (dữ liệu mẫu)"
# The demo staff member's PIN: the desk, and leaving the kiosk or the rating screen.
DEMO_STAFF_PIN = "2468"
# The demo manager's PIN (managers need 6 to 8 digits): ``kiosk demo manager``.
DEMO_MANAGER_PIN = "246802"


def demo_config(config: Config, env: Mapping[str, str] | None = None) -> Config:
    """The config with the demo database and, when none is set, the demo commune's name.

    ``[database] url`` is the commune's real queue, so the demo never uses it: demo helpers and
    tickets stay in their own file. Only ``KIOSK_DATABASE_URL``, set for this run, overrides.
    """
    env = os.environ if env is None else env
    if not config.site.commune:
        config = named_commune(config, DEMO_COMMUNE)
    if env.get(DATABASE_ENV):
        return config
    return dataclasses.replace(
        config, database_url=f"sqlite:///{default_data_dir() / DEMO_DATABASE}"
    )


def named_commune(config: Config, commune: str) -> Config:
    """The config with ``commune`` as the site's name, and the report frame derived from it."""
    site = dataclasses.replace(config.site, commune=commune)
    return dataclasses.replace(
        config, site=site, team_report=team_report_frame(config.team_report, commune)
    )
