"""The records behind a team report, one row each, for its CSV.

Every record that counts towards a figure is listed: desk visits with a team member, desk
visits whose dossier outcome enters the online share, desk walk-ins recorded for a village,
and village records. The "Tổ tham gia" column tells the first kind from the second.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.enums import HELPER_ROLE_LABELS, HelperPart, Outcome
from kiosk.domain.team_report import ReportPeriod, is_team_member
from kiosk.domain.village import AGE_BAND_LABELS, SEX_LABELS, AgeBand, Sex
from kiosk.services.context import AppContext
from kiosk.services.team_report import (
    ReportRange,
    grouped,
    outcome_labels,
    record_children,
    report_range,
)
from kiosk.storage.models import Helper, Procedure, Visit, VisitHelper, VisitOutcome
from kiosk.storage.village_models import (
    HelpSession,
    VillageRecord,
)
from printing.team_report_csv import TeamRecordRow

DOSSIER_OUTCOMES = frozenset({Outcome.SUBMITTED_ONLINE.value, Outcome.DOSSIER_RECEIVED.value})
KIND_DESK = "Tại quầy"
KIND_VILLAGE_AT_DESK = "Ghi tại quầy cho thôn"
KIND_VILLAGE = "Điểm thôn"


class _People:
    """Helper names and roles by id, lead first."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(select(Helper.id, Helper.name, Helper.kind, Helper.role)).all()
        roles = {r.value: vi for r, (vi, _en) in HELPER_ROLE_LABELS.items()}
        self.names = {row.id: row.name for row in rows}
        self.roles = {row.id: roles.get(row.role, row.role) for row in rows}
        self.team = {row.id for row in rows if is_team_member(row.kind, row.role)}

    def credit(self, pairs: list[Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        ordered = sorted(pairs, key=lambda pair: pair[1] != HelperPart.LEAD.value)
        ids = [helper_id for helper_id, _part in ordered]
        return (
            tuple(self.names.get(i, f"#{i}") for i in ids),
            tuple(self.roles.get(i, "") for i in ids),
        )


def team_report_rows(
    ctx: AppContext, *, period: ReportPeriod, place: str | None = None
) -> list[TeamRecordRow]:
    """The period's records, oldest first (see the module docstring for which)."""
    r = report_range(ctx, period, place)
    form = ctx.config.village.form
    labels = outcome_labels(form)
    needs = {c.code: c.label.vi for c in form.needs}
    with ctx.db.read() as session:
        people = _People(session)
        procedures = {
            code: name for code, name in session.execute(select(Procedure.code, Procedure.name_vi))
        }
        rows = [*_visit_rows(session, r, people, labels, ctx.config.site.desk_name)]
        rows += _village_rows(session, r, people, labels, needs, procedures)
    return sorted(rows, key=lambda row: row.at)


def _visit_rows(
    session: Session,
    r: ReportRange,
    people: _People,
    labels: Mapping[str, str],
    desk_name: str,
) -> Iterator[TeamRecordRow]:
    where = [Visit.started_at >= r.start, Visit.started_at < r.end]
    if r.place is not None:
        where += [Visit.place == r.place, Visit.channel != "desk"]
    visits = session.execute(
        select(Visit.id, Visit.started_at, Visit.channel, Visit.place, Visit.note)
        .add_columns(Procedure.name_vi.label("procedure"))
        .outerjoin(Procedure, Procedure.id == Visit.procedure_id)
        .where(*where)
    ).all()
    outcomes = grouped(
        session, select(VisitOutcome.visit_id, VisitOutcome.outcome).join(Visit).where(*where)
    )
    helpers = grouped(
        session,
        select(VisitHelper.visit_id, VisitHelper.helper_id, VisitHelper.part)
        .join(Visit)
        .where(*where),
    )
    for visit in visits:
        pairs = [(h, p) for h, p in helpers[visit.id]]
        team = any(h in people.team for h, _p in pairs)
        codes = set(outcomes[visit.id])
        at_desk = visit.channel == "desk"
        if at_desk and not team and not codes & DOSSIER_OUTCOMES:
            continue  # in no figure of the team report
        names, roles = people.credit(pairs)
        yield TeamRecordRow(
            at=visit.started_at,
            place=desk_name if at_desk else visit.place,
            kind=KIND_DESK if at_desk else KIND_VILLAGE_AT_DESK,
            team=team or not at_desk,
            outcomes=tuple(labels.get(c, c) for c in sorted(codes)),
            helpers=names,
            roles=roles,
            procedure=visit.procedure or "",
            note=visit.note,
            record_id=f"visit-{visit.id}",
        )


def _village_rows(
    session: Session,
    r: ReportRange,
    people: _People,
    labels: Mapping[str, str],
    needs: Mapping[str, str],
    procedures: Mapping[str, str],
) -> Iterator[TeamRecordRow]:
    where = [VillageRecord.recorded_at >= r.start, VillageRecord.recorded_at < r.end]
    if r.place is not None:
        where.append(VillageRecord.place == r.place)
    records = session.execute(
        select(VillageRecord, HelpSession.day.label("session_day"))
        .outerjoin(HelpSession, HelpSession.id == VillageRecord.help_session_id)
        .where(*where)
    ).all()
    outcomes, helpers = record_children(session, where, with_part=True)
    bands = {b.value: AGE_BAND_LABELS[b].vi for b in AgeBand}
    sexes = {s.value: SEX_LABELS[s].vi for s in Sex}
    for record, session_day in records:
        names, roles = people.credit(list(helpers[record.id]))
        code = record.procedure_code or ""
        yield TeamRecordRow(
            at=record.recorded_at,
            place=record.place,
            kind=KIND_VILLAGE,
            team=True,
            need=needs.get(record.need, record.need),
            outcomes=tuple(labels.get(c, c) for c in sorted(outcomes[record.id])),
            helpers=names,
            roles=roles,
            session=f"{session_day:%d/%m/%Y}" if session_day else "",
            age_band=bands.get(record.age_band or "", ""),
            sex=sexes.get(record.sex or "", ""),
            procedure=procedures.get(code, code),
            note=record.note,
            record_id=record.uid,
        )
