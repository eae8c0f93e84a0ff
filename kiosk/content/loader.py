"""Load the shipped guides and a commune's own, skipping broken ones with problems; never raises.

The shipped guides live in the package (``data/guides``). A commune may keep its own guides in
a folder of its own (``[guides] dir`` in the config): a guide there with a new id is added, one
with the id of a shipped guide replaces it. The commune's guides may use the shipped drawings
(``../_shared/quay.svg`` is looked for in the commune's ``_shared`` first, then the shipped one).
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import MappingProxyType

from kiosk.content.fields import Reader, strings_not_nfc
from kiosk.content.locate import decode_error_line
from kiosk.content.model import FeeBasis, Guide, GuideLoad, GuideProblem
from kiosk.content.nesting import MAX_NESTING, too_deep_line
from kiosk.content.parse import parse_guide
from kiosk.content.reading import read_guide_text
from kiosk.content.safety import SHARED_FOLDER
from kiosk.domain.text import nfc
from kiosk.domain.views import LocalText

GUIDE_FILE = "guide.toml"
_NO_OVERRIDES: Mapping[str, LocalText] = MappingProxyType({})


def load_guides(
    root: Path,
    *,
    line_codes: Collection[str],
    fee_overrides: Mapping[str, LocalText] = _NO_OVERRIDES,
    commune: Path | None = None,
    today: date | None = None,
) -> GuideLoad:
    """Load the guides in ``root`` (one folder each) and the commune's, commonest first.

    Folders whose names start with ``_`` or ``.`` (such as ``_shared``) hold no guide. A guide
    with any problem is left out, and its problems are returned; nothing raises. A broken
    commune guide that would replace a shipped one leaves the shipped one in place.

    Args:
        root: The shipped guides folder, ``kiosk.resources.data_path("guides")``.
        line_codes: The commune's line letters; a guide on another line is a problem.
        fee_overrides: Fee texts the commune configured, by guide id. They replace the guide's
            fee (above all ``fee = "province"``, which otherwise reads "ask at the desk").
        commune: The commune's own guides folder; None, a missing folder or ``root`` itself
            adds nothing.
        today: The date no ``checked`` date may be after (default: today's date).

    Returns:
        The merged guides sorted by ``order`` then id, and every problem found.
    """
    today = today or date.today()
    if not root.is_dir():
        return GuideLoad((), (GuideProblem(root, None, "", "guides folder not found"),))
    shipped, problems = _load_root(root, (root / SHARED_FOLDER,), line_codes, today)
    merged = {guide.id: guide for guide in shipped}
    extra_root = _commune_root(root, commune, problems)
    if extra_root is not None:
        shared = (extra_root / SHARED_FOLDER, root / SHARED_FOLDER)
        own, own_problems = _load_root(extra_root, shared, line_codes, today)
        problems += own_problems
        problems += _fallbacks(extra_root, own_problems, shipped=set(merged), own=own)
        merged.update({guide.id: guide for guide in own})
    for guide_id in sorted(set(fee_overrides) - set(merged)):
        problems.append(
            GuideProblem(root, None, f"fee_overrides.{guide_id}", "no guide has this id")
        )
    guides = sorted(
        (_with_fee_override(guide, fee_overrides) for guide in merged.values()),
        key=lambda guide: (guide.order, guide.id),
    )
    return GuideLoad(tuple(guides), tuple(problems))


def _fallbacks(
    extra_root: Path, problems: list[GuideProblem], *, shipped: set[str], own: list[Guide]
) -> list[GuideProblem]:
    """One line per broken commune guide whose shipped namesake stays on the kiosk."""
    own_ids = {guide.id for guide in own}
    broken = {
        problem.path.relative_to(extra_root).parts[0]
        for problem in problems
        if problem.path.is_relative_to(extra_root) and problem.path != extra_root
    }
    message = "has problems, so the shipped guide of the same name is shown instead"
    return [
        GuideProblem(extra_root / name, None, "", message)
        for name in sorted(broken & shipped - own_ids)
    ]


def _commune_root(root: Path, commune: Path | None, problems: list[GuideProblem]) -> Path | None:
    """The commune's guides folder if there is one to read (a missing one is no problem)."""
    if commune is None or not (commune.exists() or commune.is_symlink()):
        return None
    if not commune.is_dir():
        problems.append(GuideProblem(commune, None, "", "is not a folder"))
        return None
    try:
        same = commune.resolve() == root.resolve()
    except (OSError, RuntimeError) as error:
        problems.append(GuideProblem(commune, None, "", f"cannot be followed ({error})"))
        return None
    return None if same else commune


def _load_root(
    root: Path, shared: tuple[Path, ...], line_codes: Collection[str], today: date
) -> tuple[list[Guide], list[GuideProblem]]:
    guides: list[Guide] = []
    problems: list[GuideProblem] = []
    try:
        entries = sorted(root.iterdir())
    except OSError as error:
        return [], [GuideProblem(root, None, "", f"cannot list: {error.strerror}")]
    for entry in entries:
        if entry.name.startswith(("_", ".")):
            continue
        if entry.is_symlink() and not entry.exists():
            problems.append(GuideProblem(entry, None, "", "is a link to nothing (dangling link)"))
        elif entry.is_dir():
            context = (line_codes, today)
            guide, found = _load_safely(entry, root=root, shared=shared, context=context)
            problems.extend(found)
            if guide is not None:
                guides.append(guide)
    return guides, problems


def _load_safely(
    folder: Path, *, root: Path, shared: tuple[Path, ...], context: tuple[Collection[str], date]
) -> tuple[Guide | None, list[GuideProblem]]:
    try:
        return _load_one(folder, root=root, shared=shared, context=context)
    except RecursionError:
        # Nesting the scan did not foresee (e.g. inside inline tables): still a message.
        message = f"is nested too deeply (a guide needs at most {MAX_NESTING} levels)"
        return None, [GuideProblem(folder / GUIDE_FILE, None, "", message)]
    except (OSError, RuntimeError) as error:
        # The kiosk must start even if one guide's folder cannot be read (permissions, a
        # symlink loop): report it like any other broken guide.
        return None, [GuideProblem(folder, None, "", f"cannot be read: {error}")]


def _load_one(
    folder: Path, *, root: Path, shared: tuple[Path, ...], context: tuple[Collection[str], date]
) -> tuple[Guide | None, list[GuideProblem]]:
    line_codes, today = context
    path = folder / GUIDE_FILE
    real_folder = folder.resolve()
    if not real_folder.is_relative_to(root.resolve()):
        return None, [GuideProblem(folder, None, "", "is a link to outside the guides folder")]
    if not (path.exists() or path.is_symlink()):
        return None, [GuideProblem(path, None, "", f"missing {GUIDE_FILE}")]
    if not path.resolve().is_relative_to(real_folder):
        message = "is a link to a file outside its guide folder: copy the file here instead"
        return None, [GuideProblem(path, None, "", message)]
    text, problem = read_guide_text(path)
    if problem is not None:
        return None, [problem]
    if (line := too_deep_line(text)) is not None:
        message = f"nested too deeply (more than {MAX_NESTING} levels): a guide needs at most 4"
        return None, [GuideProblem(path, line, "", message)]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = decode_error_line(str(error), text)
        return None, [GuideProblem(path, line, "", f"not valid TOML: {error}")]
    reader = Reader(path, text, today)
    for name in strings_not_nfc(data):
        reader.problem(
            name,
            "text is not in Unicode NFC form (typed on a Mac or pasted from the web?);"
            " save it again as NFC",
        )
    guide = parse_guide(reader, data, folder=folder, shared=shared, line_codes=line_codes)
    return guide, reader.problems


def _with_fee_override(guide: Guide, fee_overrides: Mapping[str, LocalText]) -> Guide:
    override = fee_overrides.get(guide.id)
    if override is None:
        return guide
    text = LocalText(nfc(override.vi), nfc(override.en))
    return replace(guide, fee=replace(guide.fee, text=text, basis=FeeBasis.COMMUNE))


def check_guides(
    root: Path, *, line_codes: Collection[str], commune: Path | None = None
) -> list[GuideProblem]:
    """Every problem of the merged guides (empty when all load)."""
    return list(load_guides(root, line_codes=line_codes, commune=commune).problems)


def tips(guides: Collection[Guide]) -> list[LocalText]:
    """Short tips for the idle home screen: each guide's verified ``tip``, else its summary."""
    return [
        guide.tip.text if guide.tip is not None and guide.tip.verified else guide.summary
        for guide in guides
    ]
