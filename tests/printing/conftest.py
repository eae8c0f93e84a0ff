"""Shared fixtures for the printing tests: a site, a fixed time and ready-made tickets."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.views import SiteHeader, TicketView
from printing.ticket import sample_ticket

# 08:30 in Viet Nam.
ISSUED_AT = datetime(2025, 3, 1, 1, 30, tzinfo=UTC)


@pytest.fixture
def tz() -> ZoneInfo:
    return ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def qr_url() -> str:
    return "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=A012-20250301"


@pytest.fixture
def header() -> SiteHeader:
    return SiteHeader("Trung tâm Phục vụ hành chính công", "Xã Tân Phú", "tỉnh Đồng Nai")


@pytest.fixture
def ticket() -> TicketView:
    """The test-print sample: every optional field filled, so the longest ticket there is."""
    return sample_ticket(ISSUED_AT)
