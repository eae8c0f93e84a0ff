"""Which characters the shipped fonts draw, and every text the programs can show or print.

The fonts' character maps are read with ``struct`` (the ``cmap`` table, formats 4 and 12), so
the check needs no font library. The texts come from where they live: the translation files
(both languages), the string literals of the sources (icon characters such as arrows live
there, outside any translation), the example config, and the guides (their TOML and the words
drawn in their SVG pictures).
"""

from __future__ import annotations

import ast
import struct
import tomllib
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = (ROOT / "data/fonts/NotoSans-Regular.ttf", ROOT / "data/fonts/NotoSans-Bold.ttf")
SOURCE_DIRS = ("ui", "printing", "kiosk")
# Characters no font draws: line breaks, tabs, Qt's plural separator (category Cc).
NOT_DRAWN = frozenset({"Cc"})


def _cmap_format_4(data: bytes, start: int) -> Iterator[int]:
    segments = struct.unpack(">H", data[start + 6 : start + 8])[0] // 2
    ends_at = start + 14
    starts_at = ends_at + 2 * segments + 2
    deltas_at = starts_at + 2 * segments
    offsets_at = deltas_at + 2 * segments
    for index in range(segments):
        end, first, delta, range_offset = (
            struct.unpack(">H", data[at + 2 * index : at + 2 * index + 2])[0]
            for at in (ends_at, starts_at, deltas_at, offsets_at)
        )
        for code in range(first, end + 1):
            if code == 0xFFFF:
                continue
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                at = offsets_at + 2 * index + range_offset + 2 * (code - first)
                glyph = struct.unpack(">H", data[at : at + 2])[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                yield code


def _cmap_format_12(data: bytes, start: int) -> Iterator[int]:
    groups = struct.unpack(">I", data[start + 12 : start + 16])[0]
    for index in range(groups):
        at = start + 16 + 12 * index
        first, last, glyph = struct.unpack(">III", data[at : at + 12])
        yield from range(first if glyph else first + 1, last + 1)


@cache
def font_code_points(path: Path) -> frozenset[int]:
    """The code points a TrueType/OpenType font maps to a glyph (its Unicode ``cmap``)."""
    data = path.read_bytes()
    tables = {}
    for index in range(struct.unpack(">H", data[4:6])[0]):
        tag, _checksum, offset, _length = struct.unpack(
            ">4sIII", data[12 + 16 * index : 28 + 16 * index]
        )
        tables[tag] = offset
    cmap = tables[b"cmap"]
    points: set[int] = set()
    for index in range(struct.unpack(">H", data[cmap + 2 : cmap + 4])[0]):
        at = cmap + 4 + 8 * index
        platform, encoding, offset = struct.unpack(">HHI", data[at : at + 8])
        if (platform, encoding) not in ((0, 3), (0, 4), (3, 1), (3, 10)):
            continue  # not a Unicode map
        start = cmap + offset
        kind = struct.unpack(">H", data[start : start + 2])[0]
        if kind == 4:
            points.update(_cmap_format_4(data, start))
        elif kind == 12:
            points.update(_cmap_format_12(data, start))
    return frozenset(points)


def drawn_by_every_font(fonts: Iterable[Path] = FONTS) -> frozenset[int]:
    """The code points every shipped face has (a bold button must not fall back either)."""
    return frozenset.intersection(*(font_code_points(path) for path in fonts))


def uncovered(texts: Mapping[str, str], covered: frozenset[int]) -> list[str]:
    """One line per text holding a character no shipped font draws: where, what, which."""
    found = []
    for where, text in texts.items():
        missing = sorted(
            {
                char
                for char in text
                if ord(char) not in covered and unicodedata.category(char) not in NOT_DRAWN
            }
        )
        if missing:
            names = ", ".join(f"{c!r} U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in missing)
            found.append(f"{where}: {names} in {text[:60]!r}")
    return found


def _translation_texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "data/translations").glob("*.ts")):
        for node in ET.parse(path).getroot().iter():
            if node.tag in ("source", "translation", "numerusform") and node.text:
                yield f"{path.name} <{node.tag}>", node.text


def _docstring_ids(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _source_texts() -> Iterator[tuple[str, str]]:
    """Every string literal of the sources but docstrings: labels, icon characters, formats."""
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = _docstring_ids(tree)
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and id(node) not in docstrings
                ):
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


def _toml_strings(value: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _toml_strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _toml_strings(item, f"{where}[{index}]")


def _guide_texts() -> Iterator[tuple[str, str]]:
    guides = ROOT / "data/guides"
    for path in sorted(guides.rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        yield from _toml_strings(data, str(path.relative_to(ROOT)))
    for path in sorted(guides.rglob("*.svg")):
        for node in ET.parse(path).getroot().iter():
            if node.tag.rsplit("}", 1)[-1] in ("text", "tspan") and (node.text or "").strip():
                yield f"{path.relative_to(ROOT)} <text>", node.text or ""


def _config_texts() -> Iterator[tuple[str, str]]:
    path = ROOT / "data/config.example.toml"
    # The comments are for the IT helper's editor; the values are what screens show.
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    yield from _toml_strings(data, path.name)


def visible_texts() -> dict[str, str]:
    """Every text a screen, a ticket or a PDF can draw, keyed by where it comes from."""
    texts: dict[str, str] = {}
    for where, text in (
        *_translation_texts(),
        *_source_texts(),
        *_guide_texts(),
        *_config_texts(),
    ):
        key, number = where, 1
        while key in texts:  # the same place twice (two <source>s of one file)
            number += 1
            key = f"{where} #{number}"
        texts[key] = text
    return texts
