"""Read side of the team report: a period's desk visits, village records and help sessions.

Desk visits are read by the local day they started (as the manager summary does), village
records by the local day they were recorded, sessions by their day. The counting rules are in
``kiosk.domain.team_report``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kiosk.domain.clock import local_day_bounds
from kiosk.domain.enums import OUTCOME_LABELS, Channel
from kiosk.domain.team_report import (
    DESK_MEASURES,
    DeskFact,
    ReportPeriod,
    SessionFact,
    TeamReport,
    TeamTally,
    VillageFact,
    tally_team,
)
from kiosk.domain.village import Measure, VillageForm
from kiosk.services.context import AppContext
from kiosk.storage.models import Helper, Visit, VisitHelper, VisitOutcome
from kiosk.storage.village_models import (
    HelpSession,
    HelpSessionMember,
    VillageRecord,
    VillageRecordHelper,
    VillageRecordOutcome,
)


@dataclass(frozen=True, slots=True)
class ReportRange:
    """A period as UTC moments (visits, records) and local days (sessions)."""

    period: ReportPeriod
    start: datetime
    end: datetime
    place: str | None


def report_range(ctx: AppContext, period: ReportPeriod, place: str | None) -> ReportRange:
    """The period's UTC bounds in the commune's time zone."""
    start = local_day_bounds(period.first, ctx.tz)[0]
    end = local_day_bounds(period.last, ctx.tz)[1]
    return ReportRange(period, start, end, place)


def build_team_report(
    ctx: AppContext, *, period: ReportPeriod, place: str | None = None
) -> TeamReport:
    """The team report of ``period`` against the previous period.

    Args:
        ctx: The application context (on the commune database).
        period: A calendar month, quarter or year.
        place: One village point only (the desk's figures are then left out).

    Returns:
        A frozen ``TeamReport``; no ORM object escapes.
    """
    form = ctx.config.village.form
    with ctx.db.read() as session:
        helpers = {
            h.id: (h.kind, h.role)
            for h in session.execute(select(Helper.id, Helper.kind, Helper.role))
        }
        now = _tally(session, report_range(ctx, period, place), form, helpers)
        before = _tally(session, report_range(ctx, period.previous(), place), form, helpers)
    places = sorted(set(now.village_helped) | set(before.village_helped) | set(now.sessions))
    return TeamReport(
        period=period,
        current=now,
        before=before,
        place=place,
        places=tuple(places),
        need_labels={c.code: c.label.vi for c in form.needs},
        outcome_labels=outcome_labels(form),
        commune=ctx.config.site.commune,
        desk_name=ctx.config.site.desk_name,
        team_name=ctx.config.team_report.team_name,
        generated_at=ctx.clock().astimezone(ctx.tz),
    )


def outcome_labels(form: VillageForm) -> dict[str, str]:
    """Labels of the desk's outcomes and the form's, by code."""
    labels = {c.code: c.label.vi for c in form.outcomes}
    for outcome, (vi, _en) in OUTCOME_LABELS.items():
        labels.setdefault(outcome.value, vi)
    return labels


def _tally(
    session: Session, r: ReportRange, form: VillageForm, helpers: Mapping[int, tuple[str, str]]
) -> TeamTally:
    measures = {c.code: c.measure for c in form.outcomes if c.measure is not None}
    desk = [] if r.place else list(desk_facts(session, r))
    villages = [*village_facts(session, r, measures), *_village_point_visits(session, r)]
    sessions = list(session_facts(session, r))
    return tally_team(desk, villages, sessions, helpers)


def grouped(session: Session, stmt: Select[*tuple[Any, ...]]) -> dict[int, list[Any]]:
    """(parent id, value) rows grouped by parent; joined on the range, never an IN list."""
    found: dict[int, list[Any]] = defaultdict(list)
    for parent, *values in session.execute(stmt):
        found[parent].append(values[0] if len(values) == 1 else tuple(values))
    return found


def _visit_facts(session: Session, r: ReportRange, channel: Channel) -> list[_Parent]:
    """Visits of a channel that started in the range, with their outcomes and helpers."""
    where = [Visit.started_at >= r.start, Visit.started_at < r.end, Visit.channel == channel.value]
    if r.place is not None:
        where.append(Visit.place == r.place)
    rows = session.execute(select(Visit.id, Visit.place).where(*where)).all()
    outcomes = grouped(
        session, select(VisitOutcome.visit_id, VisitOutcome.outcome).join(Visit).where(*where)
    )
    helpers = grouped(
        session, select(VisitHelper.visit_id, VisitHelper.helper_id).join(Visit).where(*where)
    )
    return [
        _Parent(row.id, row.place, frozenset(outcomes[row.id]), tuple(helpers[row.id]))
        for row in rows
    ]


@dataclass(frozen=True, slots=True)
class _Parent:
    """A visit or record with its outcome codes and helper ids."""

    id: int
    place: str
    outcomes: frozenset[str]
    helper_ids: tuple[int, ...]


def desk_facts(session: Session, r: ReportRange) -> Iterable[DeskFact]:
    """Visits at the desk (tickets and walk-ins) that started in the range."""
    for visit in _visit_facts(session, r, Channel.DESK):
        yield DeskFact(visit.outcomes, visit.helper_ids)


def _village_point_visits(session: Session, r: ReportRange) -> Iterable[VillageFact]:
    """Walk-ins recorded at the desk for a village place count as village help."""
    for visit in _visit_facts(session, r, Channel.VILLAGE_POINT):
        yield VillageFact(
            place=visit.place,
            need="",
            outcomes=visit.outcomes,
            measures=frozenset(DESK_MEASURES[c] for c in visit.outcomes if c in DESK_MEASURES),
            helper_ids=visit.helper_ids,
            age_band="",
            sex="",
        )


def village_facts(
    session: Session, r: ReportRange, measures: Mapping[str, Measure]
) -> Iterable[VillageFact]:
    """Village records made in the range (at one place when ``r.place`` is set)."""
    where = [VillageRecord.recorded_at >= r.start, VillageRecord.recorded_at < r.end]
    if r.place is not None:
        where.append(VillageRecord.place == r.place)
    rows = session.execute(
        select(
            VillageRecord.id,
            VillageRecord.place,
            VillageRecord.need,
            VillageRecord.age_band,
            VillageRecord.sex,
        ).where(*where)
    ).all()
    outcomes, helpers = record_children(session, where)
    for row in rows:
        codes = frozenset(outcomes[row.id])
        yield VillageFact(
            place=row.place,
            need=row.need,
            outcomes=codes,
            measures=frozenset(measures[c] for c in codes if c in measures),
            helper_ids=tuple(helpers[row.id]),
            age_band=row.age_band or "",
            sex=row.sex or "",
        )


def record_children(
    session: Session, where: Sequence[ColumnElement[bool]], *, with_part: bool = False
) -> tuple[dict[int, list[Any]], dict[int, list[Any]]]:
    """Outcome codes and helper ids (with their part) of the village records ``where`` picks."""
    outcomes = grouped(
        session,
        select(VillageRecordOutcome.record_id, VillageRecordOutcome.outcome)
        .join(VillageRecord)
        .where(*where),
    )
    columns: list[InstrumentedAttribute[Any]] = [
        VillageRecordHelper.record_id,
        VillageRecordHelper.helper_id,
    ]
    if with_part:
        columns.append(VillageRecordHelper.part)
    helpers = grouped(session, select(*columns).join(VillageRecord).where(*where))
    return outcomes, helpers


def session_facts(session: Session, r: ReportRange) -> Iterable[SessionFact]:
    """Help sessions held on the period's days."""
    where = [HelpSession.day >= r.period.first, HelpSession.day <= r.period.last]
    if r.place is not None:
        where.append(HelpSession.place == r.place)
    rows = session.execute(select(HelpSession.id, HelpSession.place).where(*where)).all()
    members = grouped(
        session,
        select(HelpSessionMember.session_id, HelpSessionMember.helper_id)
        .join(HelpSession)
        .where(*where),
    )
    for row in rows:
        yield SessionFact(row.place, tuple(members[row.id]))
