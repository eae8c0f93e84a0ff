"""Embed the shipped Noto Sans in a DOCX, so Word and LibreOffice show the report's own font.

OOXML embeds a font as an "obfuscated" TrueType part (ECMA-376 Part 1, 17.8.1): the first 32
bytes of the font are XOR-ed with a key made from a GUID, whose bytes are taken in reverse
order; the GUID is written as ``w:fontKey`` beside the font's relationship in fontTable.xml.
Noto Sans is under the SIL Open Font License, which allows embedding.

The DOCX is edited as a zip with plain text insertions (not an XML round trip), so the
namespace declarations Word relies on (``mc:Ignorable``) stay exactly as python-docx wrote them.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

FONT_TABLE = "word/fontTable.xml"
FONT_TABLE_RELS = "word/_rels/fontTable.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
ODTTF = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
OBFUSCATED_BYTES = 32


def obfuscate(font: bytes, key: uuid.UUID) -> bytes:
    """The font with its first 32 bytes XOR-ed with the key's bytes in reverse order."""
    mask = key.bytes[::-1]
    head = bytes(b ^ mask[i % len(mask)] for i, b in enumerate(font[:OBFUSCATED_BYTES]))
    return head + font[OBFUSCATED_BYTES:]


def embed_font_family(docx: bytes, *, family: str, regular: Path, bold: Path) -> bytes:
    """``docx`` with the regular and bold faces of ``family`` embedded.

    Raises:
        ValueError: The DOCX lacks the parts python-docx always writes (a different producer).
    """
    faces = {"Regular": (regular, uuid.uuid4()), "Bold": (bold, uuid.uuid4())}
    source = zipfile.ZipFile(io.BytesIO(docx))
    names = set(source.namelist())
    if FONT_TABLE not in names or FONT_TABLE_RELS in names:
        raise ValueError("unexpected DOCX layout: cannot embed fonts")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == FONT_TABLE:
                data = _insert_before(data, b"</w:fonts>", _font_entry(family, faces))
            elif item.filename == CONTENT_TYPES:
                entry = f'<Default Extension="odttf" ContentType="{ODTTF}"/>'
                data = _insert_before(data, b"<Override ", entry.encode())
            target.writestr(item, data)
        target.writestr(FONT_TABLE_RELS, _relationships(faces))
        for i, (path, key) in enumerate(faces.values(), start=1):
            target.writestr(f"word/fonts/font{i}.odttf", obfuscate(path.read_bytes(), key))
    return out.getvalue()


def _insert_before(data: bytes, marker: bytes, addition: bytes) -> bytes:
    at = data.find(marker)
    if at < 0:
        raise ValueError(f"unexpected DOCX layout: no {marker.decode()}")
    return data[:at] + addition + data[at:]


def _font_entry(family: str, faces: dict[str, tuple[Path, uuid.UUID]]) -> bytes:
    embeds = "".join(
        f'<w:embed{face} r:id="rIdFont{i}" w:fontKey="{{{str(key).upper()}}}"/>'
        for i, (face, (_path, key)) in enumerate(faces.items(), start=1)
    )
    return (
        f"<w:font w:name={quoteattr(family)}>"
        '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>'
        f"{embeds}</w:font>"
    ).encode()


def _relationships(faces: dict[str, tuple[Path, uuid.UUID]]) -> bytes:
    items = "".join(
        f'<Relationship Id="rIdFont{i}" Type="{FONT_REL}" Target="fonts/font{i}.odttf"/>'
        for i in range(1, len(faces) + 1)
    )
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{items}</Relationships>"
    ).encode()
