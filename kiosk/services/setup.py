"""Seed and sync lines, procedures and counters from the config at start-up."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.config import Config
from kiosk.services.changes import SITE_CODE, audit
from kiosk.services.context import Actor, AppContext
from kiosk.storage.models import Counter, Line, Procedure, Site

CONFIG_ACTOR = Actor("config")


def sync_from_config(ctx: AppContext) -> bool:
    """Make the database's lines, procedures and counters match the config; True if changed.

    Items missing from the config are deactivated, never deleted, so old tickets keep their line.
    """
    with ctx.db.write.begin() as session:
        if session.scalar(select(Site).where(Site.code == SITE_CODE)) is None:
            session.add(Site(code=SITE_CODE))
            session.flush()
        changed = _sync_lines(session, ctx.config) | _sync_counters(session, ctx.config)
        if changed:
            audit(
                session,
                actor=CONFIG_ACTOR,
                action="sync_config",
                entity="site",
                entity_id=None,
                now=ctx.clock(),
                after={"source": ctx.config.source},
            )
    return changed


def _set(obj: object, **values: object) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _sync_lines(session: Session, config: Config) -> bool:
    lines = {line.code: line for line in session.scalars(select(Line))}
    procedures = {p.code: p for p in session.scalars(select(Procedure))}
    changed = False
    wanted_procedures: set[str] = set()
    for order, cfg in enumerate(config.lines):
        line = lines.get(cfg.code)
        if line is None:
            line = Line(code=cfg.code, name_vi="", name_en="", sort_order=order, active=True)
            session.add(line)
            lines[cfg.code] = line
            changed = True
        changed |= _set(
            line, name_vi=cfg.name.vi, name_en=cfg.name.en, sort_order=order, active=True
        )
        session.flush()
        for p_order, pcfg in enumerate(cfg.procedures):
            wanted_procedures.add(pcfg.code)
            proc = procedures.get(pcfg.code)
            if proc is None:
                proc = Procedure(code=pcfg.code, line_id=line.id, name_vi="", name_en="")
                session.add(proc)
                changed = True
            changed |= _set(
                proc,
                line_id=line.id,
                name_vi=pcfg.name.vi,
                name_en=pcfg.name.en,
                sort_order=p_order,
                active=True,
            )
    wanted_lines = {cfg.code for cfg in config.lines}
    for code, line in lines.items():
        if code not in wanted_lines:
            changed |= _set(line, active=False)
    for code, proc in procedures.items():
        if code not in wanted_procedures:
            changed |= _set(proc, active=False)
    session.flush()
    return changed


def _sync_counters(session: Session, config: Config) -> bool:
    lines = {line.code: line for line in session.scalars(select(Line))}
    counters = {c.number: c for c in session.scalars(select(Counter))}
    changed = False
    for cfg in config.counters:
        counter = counters.get(cfg.number)
        if counter is None:
            counter = Counter(number=cfg.number, name=cfg.name, active=True)
            session.add(counter)
            changed = True
        changed |= _set(counter, name=cfg.name, active=True)
        served = [lines[code] for code in cfg.lines if code in lines]
        if [line.code for line in counter.lines] != [line.code for line in served]:
            counter.lines = served
            changed = True
    wanted = {cfg.number for cfg in config.counters}
    for number, counter in counters.items():
        if number not in wanted:
            changed |= _set(counter, active=False)
    return changed
