"""Turn one parsed ``guide.toml`` into a Guide, recording every problem on the way.

The schema is documented for editors in ``data/guides/README.md``; keep the two in step.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path

from kiosk.content.fields import TOP_LEVEL_KEYS, Reader, Table, join
from kiosk.content.model import (
    ASK_AT_DESK,
    AVAILABILITY_LABELS,
    PROVINCE_FEE,
    Availability,
    Channel,
    ChannelKind,
    Fact,
    Fee,
    FeeBasis,
    Guide,
    Link,
    Paper,
    PaperForm,
)
from kiosk.content.safety import link_problem
from kiosk.content.steps import read_steps
from kiosk.content.terms import explain_terms, read_terms

MAX_TITLE_CHARS = 60
MAX_SUMMARY_CHARS = 200
MAX_FACT_CHARS = 240
MAX_TIP_CHARS = 160
MAX_PAPER_CHARS = 160
MAX_LABEL_CHARS = 80
MAX_CHANNEL_CHARS = 120

_FACT_KEYS = ("text", "source", "kind", "checked", "verified")
# Stands in for a fact that failed to read; parse_guide then returns None, so it never shows.
_MISSING = Fact(ASK_AT_DESK, "", date.min, verified=False)
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NATIONAL_CODE = re.compile(r"^\d\.\d{6}$")


def parse_guide(
    reader: Reader,
    data: Table,
    *,
    folder: Path,
    shared: Sequence[Path],
    line_codes: Collection[str],
) -> Guide | None:
    """Build the guide in ``folder`` from its parsed TOML; None if ``reader`` found problems.

    ``shared`` are the ``_shared`` drawing folders a ``../_shared/...`` image may come from.
    """
    reader.known_keys(data, "", TOP_LEVEL_KEYS)
    guide_id = _guide_id(reader, data, folder.name)
    line = reader.string(data, "line", "")
    if line is not None and line not in line_codes:
        known = ", ".join(sorted(line_codes)) or "none"
        reader.problem("line", f'unknown line code "{line}" (lines configured: {known})')
    who = _fact_at(reader, data, "who", max_chars=MAX_FACT_CHARS)
    time = _fact_at(reader, data, "time", max_chars=MAX_FACT_CHARS)
    tip = _fact_at(reader, data, "tip", max_chars=MAX_TIP_CHARS, required=False)
    notes = [
        read_fact(reader, note, join("notes", index), max_chars=MAX_FACT_CHARS)
        for index, note in enumerate(reader.tables(data, "notes", "", required=False))
    ]
    guide = Guide(
        id=guide_id or folder.name,
        line=line or "",
        order=reader.integer(data, "order", "") or 0,
        title=reader.local_text(data, "title", "", max_chars=MAX_TITLE_CHARS) or ASK_AT_DESK,
        summary=reader.local_text(data, "summary", "", max_chars=MAX_SUMMARY_CHARS) or ASK_AT_DESK,
        who=who or _MISSING,
        papers=tuple(_papers(reader, data)),
        fee=_fee(reader, data),
        time=time or _MISSING,
        channels=_channels(reader, data),
        steps=read_steps(reader, data, folder=folder, shared=shared),
        links=tuple(_links(reader, data)),
        notes=tuple(note for note in notes if note is not None),
        tip=tip,
        national_code=_national_code(reader, data),
        folder=folder,
        terms=read_terms(reader, data),
    )
    if reader.problems:  # a term is looked for in texts that must all have been read
        return None
    guide = explain_terms(reader, guide)
    return None if reader.problems else guide


def _guide_id(reader: Reader, data: Table, folder_name: str) -> str | None:
    guide_id = reader.string(data, "id", "")
    if guide_id is None:
        return None
    if not _ID.match(guide_id):
        reader.problem("id", f'"{guide_id}" must be lower-case letters, digits and hyphens')
    elif guide_id != folder_name:
        reader.problem("id", f'"{guide_id}" does not match the folder name "{folder_name}"')
    return guide_id


def _fact_at(
    reader: Reader, data: Table, key: str, *, max_chars: int, required: bool = True
) -> Fact | None:
    fact = reader.table(data, key, "", required=required)
    return None if fact is None else read_fact(reader, fact, key, max_chars=max_chars)


def read_fact(reader: Reader, fact: Table, name: str, *, max_chars: int) -> Fact | None:
    """A ``{ text = { vi, en }, source, checked, verified }`` table named ``name``.

    An unverified fact needs no text: it is shown as "please check at the desk".
    """
    reader.known_keys(fact, name, _FACT_KEYS)
    source, checked, verified = reader.origin(fact, name)
    text = reader.local_text(fact, "text", name, max_chars=max_chars, required=verified)
    if checked is None or source is None or (verified and text is None):
        return None
    return Fact(text if verified and text else ASK_AT_DESK, source, checked, verified)


def _papers(reader: Reader, data: Table) -> list[Paper]:
    tables = reader.tables(data, "papers", "", required=False)
    papers = [_paper(reader, table, join("papers", index)) for index, table in enumerate(tables)]
    return [paper for paper in papers if paper is not None]


def _paper(reader: Reader, table: Table, name: str) -> Paper | None:
    reader.known_keys(table, name, (*_FACT_KEYS[1:], "name", "form", "count", "province_specific"))
    source, checked, verified = reader.origin(table, name)
    label = reader.local_text(table, "name", name, max_chars=MAX_PAPER_CHARS, required=verified)
    form = None
    if "form" in table:
        form = reader.choice(table, "form", name, [item.value for item in PaperForm])
    count = reader.integer(table, "count", name, required=False)
    specific = reader.boolean(table, "province_specific", name, default=False)
    if source is None or checked is None or (verified and label is None):
        return None
    if not verified or label is None:
        # Nothing about an unconfirmed paper is shown but "please check at the desk".
        return Paper(ASK_AT_DESK, None, None, specific, source, checked, verified=False)
    form_shown = PaperForm(form) if form else None
    return Paper(label, form_shown, count, specific, source, checked, verified=True)


def _fee(reader: Reader, data: Table) -> Fee:
    if data.get("fee") == "province":
        return Fee(PROVINCE_FEE, FeeBasis.PROVINCE)
    if isinstance(data.get("fee"), str):
        reader.problem("fee", 'must be "province" or a table with text, source and checked')
        return Fee(ASK_AT_DESK, FeeBasis.UNVERIFIED)
    fact = _fact_at(reader, data, "fee", max_chars=MAX_FACT_CHARS)
    if fact is None:
        return Fee(ASK_AT_DESK, FeeBasis.UNVERIFIED)
    basis = FeeBasis.STATED if fact.verified else FeeBasis.UNVERIFIED
    return Fee(fact.text, basis, fact.source, fact.checked)


def _channels(reader: Reader, data: Table) -> tuple[Channel, ...]:
    where = reader.table(data, "where", "")
    if where is None:
        return ()
    reader.known_keys(where, "where", [kind.value for kind in ChannelKind])
    channels = [_channel(reader, where, kind) for kind in ChannelKind]
    return tuple(channel for channel in channels if channel is not None)


def _channel(reader: Reader, where: Table, kind: ChannelKind) -> Channel | None:
    name = join("where", kind.value)
    table = reader.table(where, kind.value, "where")
    if table is None:
        return None
    reader.known_keys(table, name, (*_FACT_KEYS, "value"))
    source, checked, verified = reader.origin(table, name)
    text = reader.local_text(table, "text", name, max_chars=MAX_CHANNEL_CHARS, required=False)
    value = None
    if verified:
        value = reader.choice(table, "value", name, [item.value for item in Availability])
    if source is None or checked is None or (verified and value is None):
        return None
    availability = Availability(value) if value else None
    shown = ASK_AT_DESK if availability is None else text or AVAILABILITY_LABELS[availability]
    return Channel(kind, availability, shown, source, checked, verified)


def _links(reader: Reader, data: Table) -> list[Link]:
    links: list[Link] = []
    for index, table in enumerate(reader.tables(data, "links", "", required=False)):
        name = join("links", index)
        reader.known_keys(table, name, ("url", "label", "source", "checked"))
        url = reader.string(table, "url", name)
        label = reader.local_text(table, "label", name, max_chars=MAX_LABEL_CHARS)
        source = reader.source(table, name)
        checked = reader.checked(table, name)
        if url is not None and (message := link_problem(url)):
            reader.problem(join(name, "url"), message)
            continue
        if url and label and source and checked:
            links.append(Link(url, label, source, checked))
    return links


def _national_code(reader: Reader, data: Table) -> str | None:
    """The national procedure code (mã TTHC), shown only when verified."""
    table = reader.table(data, "national_code", "", required=False)
    if table is None:
        return None
    reader.known_keys(table, "national_code", ("value", *_FACT_KEYS[1:]))
    value = reader.string(table, "value", "national_code")
    source, checked, verified = reader.origin(table, "national_code")
    if value is not None and not _NATIONAL_CODE.match(value):
        reader.problem("national_code.value", f'"{value}" is not a code like "1.001193"')
        return None
    return value if verified and source and checked else None
