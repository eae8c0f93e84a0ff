"""Load every guide folder under a root, skipping broken ones with problems; never raises."""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from kiosk.content.fields import Reader, strings_not_nfc
from kiosk.content.locate import decode_error_line
from kiosk.content.model import FeeBasis, Guide, GuideLoad, GuideProblem
from kiosk.content.parse import parse_guide
from kiosk.domain.text import nfc
from kiosk.domain.views import LocalText

GUIDE_FILE = "guide.toml"
_NO_OVERRIDES: Mapping[str, LocalText] = MappingProxyType({})


def load_guides(
    root: Path,
    *,
    line_codes: Collection[str],
    fee_overrides: Mapping[str, LocalText] = _NO_OVERRIDES,
) -> GuideLoad:
    """Load the guides in ``root`` (one folder each), commonest first.

    Folders whose names start with ``_`` or ``.`` (such as ``_shared``) hold no guide. A guide
    with any problem is left out, and its problems are returned; nothing raises.

    Args:
        root: The guides folder, e.g. ``kiosk.resources.data_path("guides")``.
        line_codes: The commune's line letters; a guide on another line is a problem.
        fee_overrides: Fee texts the commune configured, by guide id. They replace the guide's
            fee (above all ``fee = "province"``, which otherwise reads "ask at the desk").

    Returns:
        The loaded guides sorted by ``order`` then id, and every problem found.
    """
    if not root.is_dir():
        return GuideLoad((), (GuideProblem(root, None, "", "guides folder not found"),))
    try:
        folders = sorted(path for path in root.iterdir() if _is_guide_folder(path))
    except OSError as error:
        return GuideLoad((), (GuideProblem(root, None, "", f"cannot list: {error.strerror}"),))
    guides: list[Guide] = []
    problems: list[GuideProblem] = []
    for folder in folders:
        guide, found = _load_safely(folder, root=root, line_codes=line_codes)
        problems.extend(found)
        if guide is not None:
            guides.append(_with_fee_override(guide, fee_overrides))
    for guide_id in sorted(set(fee_overrides) - {folder.name for folder in folders}):
        problems.append(
            GuideProblem(root, None, f"fee_overrides.{guide_id}", "no guide has this id")
        )
    guides.sort(key=lambda guide: (guide.order, guide.id))
    return GuideLoad(tuple(guides), tuple(problems))


def _is_guide_folder(path: Path) -> bool:
    """Every folder except ``_shared`` and other ``_``/``.`` names (``.git``) is a guide."""
    return path.is_dir() and not path.name.startswith(("_", "."))


def _load_safely(
    folder: Path, *, root: Path, line_codes: Collection[str]
) -> tuple[Guide | None, list[GuideProblem]]:
    try:
        return _load_one(folder, root=root, line_codes=line_codes)
    except (OSError, RuntimeError) as error:
        # The kiosk must start even if one guide's folder cannot be read (permissions, a
        # symlink loop): report it like any other broken guide.
        return None, [GuideProblem(folder, None, "", f"cannot be read: {error}")]


def _load_one(
    folder: Path, *, root: Path, line_codes: Collection[str]
) -> tuple[Guide | None, list[GuideProblem]]:
    path = folder / GUIDE_FILE
    if not folder.resolve().is_relative_to(root.resolve()):
        return None, [GuideProblem(folder, None, "", "is a link to outside the guides folder")]
    if not path.is_file():
        return None, [GuideProblem(path, None, "", f"missing {GUIDE_FILE}")]
    text, problem = _read_text(path)
    if problem is not None:
        return None, [problem]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = decode_error_line(str(error), text)
        return None, [GuideProblem(path, line, "", f"not valid TOML: {error}")]
    reader = Reader(path, text)
    for name in strings_not_nfc(data):
        reader.problem(
            name,
            "text is not in Unicode NFC form (typed on a Mac or pasted from the web?);"
            " save it again as NFC",
        )
    guide = parse_guide(reader, data, folder=folder, root=root, line_codes=line_codes)
    return guide, reader.problems


def _read_text(path: Path) -> tuple[str, GuideProblem | None]:
    """The file as text, or a problem if it cannot be read or is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return "", GuideProblem(path, None, "", f"cannot read the file: {error.strerror}")
    if b"\x00" in raw[:200]:
        return "", GuideProblem(path, 1, "", "saved as UTF-16: save it again as UTF-8")
    try:
        # A byte-order mark (Windows Notepad) is harmless: drop it.
        return raw.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = (
            f"not UTF-8 text (byte 0x{raw[error.start]:02X} at line {line}); the file was saved"
            " in another encoding such as Windows-1258 or Latin-1: save it again as UTF-8"
        )
        return "", GuideProblem(path, line, "", message)


def _with_fee_override(guide: Guide, fee_overrides: Mapping[str, LocalText]) -> Guide:
    override = fee_overrides.get(guide.id)
    if override is None:
        return guide
    text = LocalText(nfc(override.vi), nfc(override.en))
    return replace(guide, fee=replace(guide.fee, text=text, basis=FeeBasis.COMMUNE))


def check_guides(root: Path, *, line_codes: Collection[str]) -> list[GuideProblem]:
    """Every problem of the guides in ``root`` (empty when all load)."""
    return list(load_guides(root, line_codes=line_codes).problems)


def run_check(root: Path, line_codes: Collection[str]) -> tuple[int, list[str]]:
    """What ``kiosk guides check [DIR]`` prints, and its exit status.

    Args:
        root: The guides folder to check.
        line_codes: The commune's line letters.

    Returns:
        ``(0, lines)`` when every guide loads, ``(1, lines)`` when some do not, ``(2, lines)``
        when ``root`` is not a folder; ``lines`` are ready to print, one problem a line.
    """
    if not root.is_dir():
        return 2, [f"{root}: not a folder"]
    load = load_guides(root, line_codes=line_codes)
    lines = [str(problem) for problem in load.problems]
    if not load.problems:
        return 0, [f"{len(load.guides)} guides OK in {root}"]
    broken = len({problem.path for problem in load.problems})
    lines.append(
        f"{len(load.guides)} guides OK, {len(load.problems)} problems in {broken} files"
        " (the kiosk leaves those guides out)"
    )
    return 1, lines


def tips(guides: Collection[Guide]) -> list[LocalText]:
    """Short tips for the idle home screen: each guide's verified ``tip``, else its summary."""
    return [
        guide.tip.text if guide.tip is not None and guide.tip.verified else guide.summary
        for guide in guides
    ]
