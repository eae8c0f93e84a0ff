"""The manager screen's use cases as blocking calls for the database thread (``run_db``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.clock import service_day
from kiosk.domain.enums import HelperRole
from kiosk.domain.errors import AuthError, ErrorCode
from kiosk.domain.summary import Period

if TYPE_CHECKING:
    from kiosk.domain.summary_views import Summary
    from kiosk.domain.views import HelperView

from ui.backend_base import DatabaseBackend


@dataclass(frozen=True, slots=True)
class ExportResult:
    """Where an export went."""

    pdf: Path
    csv: Path


class ManagerBackend(DatabaseBackend):
    """Opens the database on first use; every method blocks and belongs on the DB thread."""

    def today(self) -> date:
        """Today's service day at the commune (no database needed)."""
        return service_day(self.clock(), self.config.site.tz)

    def managers(self) -> list[HelperView]:
        """Active managers with a PIN, by name."""
        from kiosk.services.helpers import list_helpers

        return [h for h in list_helpers(self.ctx) if h.role == HelperRole.MANAGER and h.has_pin]

    def sign_in(self, helper_id: int, pin: str) -> HelperView:
        """Check a manager's PIN; ``AuthError`` for a wrong PIN or someone not a manager."""
        from kiosk.services.helpers import sign_in

        helper = sign_in(self.ctx, helper_id=helper_id, pin=pin)
        if helper.role != HelperRole.MANAGER:
            raise AuthError("Only a manager can read the summary.", code=ErrorCode.NOT_A_MANAGER)
        return helper

    def summary(self, period: Period) -> Summary:
        """The summary of a period against the previous one."""
        from kiosk.services.summary import build_summary

        return build_summary(self.ctx, period)

    def export(self, period: Period, helper: HelperView) -> ExportResult:
        """Write the period's PDF and CSV to the reports folder (audited as ``helper``)."""
        from kiosk.services.context import Actor
        from kiosk.services.reports import export_summary

        folder = self.config.reports_dir
        folder.mkdir(parents=True, exist_ok=True)
        name = f"tong-hop-{period.slug()}"
        result = ExportResult(folder / f"{name}.pdf", folder / f"{name}.csv")
        actor = Actor(helper.name, helper.id)
        export_summary(self.ctx, period, pdf=result.pdf, csv=result.csv, actor=actor)
        return result

    def close(self) -> None:
        """Close pooled database connections."""
        if self._ctx is not None:
            self._ctx.db.dispose()
