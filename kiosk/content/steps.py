"""The numbered, illustrated steps of a guide: numbering, text length and illustration checks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kiosk.content.fields import Reader, Table, join
from kiosk.content.model import ASK_AT_DESK, Step
from kiosk.content.safety import image_problem

MIN_STEPS = 3
MAX_STEPS = 7  # more than a visitor holds in mind at once; split the guide instead
MAX_STEP_CHARS = 160  # per language: what fits beside the picture in large type
_STEP_KEYS = ("number", "image", "text", "source", "kind", "checked", "verified")


def read_steps(
    reader: Reader, data: Table, *, folder: Path, shared: Sequence[Path]
) -> tuple[Step, ...]:
    """The guide's steps in number order; problems for bad, missing or badly numbered ones."""
    tables = reader.tables(data, "steps", "", required=True)
    if "steps" in data and not tables:
        reader.problem("steps", f"no steps: a guide needs {MIN_STEPS} to {MAX_STEPS}")
        return ()
    if tables and not MIN_STEPS <= len(tables) <= MAX_STEPS:
        reader.problem(
            "steps", f"{len(tables)} steps: a guide needs {MIN_STEPS} to {MAX_STEPS} steps"
        )
    steps: list[Step] = []
    seen: dict[int, str] = {}
    for index, table in enumerate(tables):
        name = join("steps", index)
        number = reader.integer(table, "number", name)
        if number is not None and number in seen:
            reader.problem(
                join(name, "number"), f"step number {number} is used twice (also {seen[number]})"
            )
        elif number is not None:
            seen[number] = name
        step = _read_step(reader, table, name, number, folder=folder, shared=shared)
        if step is not None:
            steps.append(step)
    numbers = sorted(seen)
    if numbers and numbers != list(range(1, len(numbers) + 1)):
        found = ", ".join(map(str, numbers))
        reader.problem("steps", f"steps must be numbered 1, 2, 3... without gaps; found {found}")
    return tuple(sorted(steps, key=lambda step: step.number))


def _read_step(
    reader: Reader,
    table: Table,
    name: str,
    number: int | None,
    *,
    folder: Path,
    shared: Sequence[Path],
) -> Step | None:
    reader.known_keys(table, name, _STEP_KEYS)
    source, checked, verified = reader.origin(table, name)
    text = reader.local_text(table, "text", name, max_chars=MAX_STEP_CHARS, required=verified)
    image = None
    raw = reader.string(table, "image", name)
    if raw is not None:
        image, message = image_problem(raw, guide_dir=folder, shared=shared)
        if message:
            reader.problem(join(name, "image"), f"{raw}: {message}")
    if number is None or image is None or source is None or checked is None:
        return None
    if verified and text is None:
        return None
    shown = text if verified and text else ASK_AT_DESK
    return Step(number, shown, image, source, checked, verified)
