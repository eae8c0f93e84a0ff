"""What ``kiosk guides check`` prints: every problem of the merged guides, and a summary."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from kiosk.content.loader import load_guides


def run_check(
    root: Path, line_codes: Collection[str], *, commune: Path | None = None
) -> tuple[int, list[str]]:
    """Check the shipped guides in ``root`` merged with the commune's guides in ``commune``.

    Args:
        root: The shipped guides folder.
        line_codes: The commune's line letters.
        commune: The commune's own guides folder (None or missing: the shipped guides alone).

    Returns:
        ``(0, lines)`` when every guide loads, ``(1, lines)`` when some do not, ``(2, lines)``
        when a folder to check is not a folder; ``lines`` are ready to print, one problem a line.
    """
    for folder in (root, commune):
        if folder is not None and folder.exists() and not folder.is_dir():
            return 2, [f"{folder}: not a folder"]
    if not root.is_dir():
        return 2, [f"{root}: not a folder"]
    load = load_guides(root, line_codes=line_codes, commune=commune)
    lines = [str(problem) for problem in load.problems]
    own = [guide for guide in load.guides if commune is not None and _inside(guide.folder, commune)]
    shipped_ids = {path.name for path in root.iterdir() if path.is_dir()}
    replaced = sum(guide.id in shipped_ids for guide in own)
    where = f"{root}" if commune is None or not commune.is_dir() else f"{root} and {commune}"
    summary = f"{len(load.guides)} guides OK in {where}"
    if own:
        summary += f" ({len(own)} of the commune's own, {replaced} replacing shipped ones)"
    if not load.problems:
        return 0, [summary]
    broken = len({problem.path for problem in load.problems})
    lines.append(
        f"{summary}; {len(load.problems)} problems in {broken} files"
        " (the kiosk leaves those guides out)"
    )
    return 1, lines


def _inside(folder: Path, root: Path) -> bool:
    try:
        return folder.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False
