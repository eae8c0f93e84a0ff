"""The broken-guide corpus: the sample guide with one thing broken, grouped by class.

``tests/content/broken/<class>/<variant>/`` is written from the table below; each class folder
is a guides root of its own. Regenerate it after changing the sample or a case with

    .venv/bin/python -m tests.content.broken_cases

and the test checks the files on disk still match the table. Cases that cannot live in git
(files of many megabytes, links to places outside the repository) are built by the tests in a
temporary folder instead.

Over 500 lines on purpose: it is one table of about a hundred cases, each beside the problem
it must produce; split up, a case and its expectation would be harder to keep together.
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).parent
SAMPLE = HERE / "good" / "mau"
BROKEN = HERE / "broken"


class Expected(NamedTuple):
    """The first problem reported for a case, and how many problems there are in all."""

    field: str
    fragment: str
    line: int | None
    count: int = 1


@dataclass(frozen=True)
class Case:
    """Edits to the sample's guide.toml (old -> new, first match), then a byte transform."""

    expected: Expected
    edits: tuple[tuple[str, str], ...] = ()
    raw: Callable[[bytes], bytes] | None = None
    files: Mapping[str, str] = field(default_factory=dict)  # extra files, e.g. a bad drawing
    no_guide_toml: bool = False


def _svg(body: str, *, head: str = "", root: str = "") -> str:
    """A small drawing with ``body`` inside, ``head`` before the root, ``root`` attributes."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{head}"
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny"'
        f' viewBox="0 0 800 600"{root}>\n<title>Hỏng</title>\n{body}\n</svg>\n'
    )


_RECT = '<rect x="10" y="10" width="100" height="100" fill="#FFFFFF" stroke="#0B2545"/>'
_USE_BROKEN = (('image = "buoc.svg"', 'image = "hong.svg"'),)


def _svg_case(drawing: str, fragment: str) -> Case:
    return Case(
        Expected("steps[0].image", fragment, 64), edits=_USE_BROKEN, files={"hong.svg": drawing}
    )


def _text_case(old: str, new: str, expected: Expected) -> Case:
    return Case(expected, edits=((old, new),))


def _encode(encoding: str, *, decompose: bool = False) -> Callable[[bytes], bytes]:
    """Save the file in another encoding, as an editor set to it would."""

    def encode(raw: bytes) -> bytes:
        text = raw.decode("utf-8")
        # Windows-1258 writes Vietnamese as a base letter and a combining mark.
        text = unicodedata.normalize("NFD", text) if decompose else text
        return text.encode(encoding, errors="replace")

    return encode


def _decompose(line: str) -> Callable[[bytes], bytes]:
    """Turn one line into NFD, as text pasted from a Mac or some web pages is."""
    return lambda raw: raw.replace(line.encode(), unicodedata.normalize("NFD", line).encode(), 1)


def _nul_at_line(number: int) -> Callable[[bytes], bytes]:
    def put(raw: bytes) -> bytes:
        lines = raw.split(b"\n")
        lines[number - 1] = lines[number - 1].replace(b"=", b"=\x00", 1)
        return b"\n".join(lines)

    return put


_STEPS_START = "[[steps]]\nnumber = 1"
_MISSING_KIND = "missing: say what the source is"

CASES: dict[str, dict[str, Case]] = {
    "toml-syntax": {
        "unclosed-string": _text_case(
            'text.vi = "Nộp tại quầy."',
            'text.vi = "Nộp tại quầy.',
            Expected("", "not valid TOML: Illegal character", 74),
        ),
        "table-declared-twice": _text_case(
            "[summary]", "[title]", Expected("", "Cannot declare ('title',) twice", 11)
        ),
        "missing-equals": _text_case(
            "order = 5", "order 5", Expected("", "not valid TOML: Expected '='", 5)
        ),
        "top-level-key-below-table": Case(
            Expected("papers[0].fee", "move it above the first [table]", 30, count=2),
            edits=(
                (
                    'kind = "law"\nchecked = 2026-11-28\n\n[fee]\n'
                    'text.vi = "Miễn lệ phí."\ntext.en = "Free."\n'
                    'source = "Luật Mẫu 2014, Điều 1"\nkind = "law"\nchecked = 2026-11-28\n',
                    'kind = "law"\nchecked = 2026-11-28\nfee = "province"\n',
                ),
            ),
        ),
    },
    "encoding": {
        "windows-1258": Case(
            Expected("", "not UTF-8 text (byte 0xD2 at line 8)", 8),
            raw=_encode("cp1258", decompose=True),
        ),
        "latin-1": Case(
            Expected("", "not UTF-8 text (byte 0xE2 at line 16)", 16), raw=_encode("latin-1")
        ),
        "utf-16-with-bom": Case(Expected("", "saved as UTF-16", 1), raw=_encode("utf-16")),
        "utf-16-without-bom": Case(Expected("", "saved as UTF-16", 1), raw=_encode("utf-16-le")),
        "nul-byte-line-9": Case(
            Expected("", "contains a NUL byte (code 0) at line 9", 9), raw=_nul_at_line(9)
        ),
        "nul-byte-line-40": Case(
            Expected("", "contains a NUL byte (code 0) at line 40", 40), raw=_nul_at_line(40)
        ),
    },
    "nesting": {
        "deep-array": _text_case(
            "order = 5",
            "order = 5\nextra = " + "[" * 3000 + "]" * 3000,
            Expected("", "nested too deeply (more than 16 levels)", 6),
        ),
        "deep-inline-table": _text_case(
            "order = 5",
            "order = 5\nextra = " + "{ a = " * 2000 + "1" + " }" * 2000,
            Expected("", "nested too deeply (more than 16 levels)", 6),
        ),
        "deep-header": _text_case(
            "[title]",
            "[" + ".".join(["a"] * 3000) + "]\n\n[title]",
            Expected("", "nested too deeply (more than 16 levels)", 7),
        ),
        "deep-dotted-key": _text_case(
            "order = 5",
            "order = 5\n" + ".".join(["a"] * 3000) + " = 1",
            Expected("", "nested too deeply (more than 16 levels)", 6),
        ),
        "deep-array-over-lines": _text_case(
            "order = 5",
            "order = 5\nextra = [\n" + "[\n" * 40 + "]\n" * 41,
            Expected("", "nested too deeply (more than 16 levels)", 21),
        ),
    },
    "structure": {
        "missing-guide-toml": Case(Expected("", "missing guide.toml", None), no_guide_toml=True),
        "missing-title": _text_case(
            '[title]\nvi = "Thủ tục mẫu"\nen = "Sample procedure"\n',
            "",
            Expected("title", "missing required field", None),
        ),
        "missing-step-text-en": _text_case(
            'text.en = "Hand them in at the desk."\n',
            "",
            Expected("steps[1].text.en", "missing required field", 74),
        ),
        "missing-source": _text_case(
            'text.en = "The same day."\nsource = "Luật Mẫu 2014, Điều 1"\n',
            'text.en = "The same day."\n',
            Expected("time.source", "missing required field", 38),
        ),
        "missing-steps": Case(
            Expected("steps", "missing required field", None),
            edits=((_STEPS_START, "[[removed]]\nnumber = 1"),),
            raw=lambda raw: raw.split(b"[[removed]]")[0],
        ),
        "empty-steps": Case(
            Expected("steps", "no steps", 6),
            edits=(("order = 5\n", "order = 5\nsteps = []\n"),),
            raw=lambda raw: raw.split(b"[[steps]]")[0],
        ),
        "too-many-steps": Case(
            Expected("steps", "8 steps: a guide needs 3 to 7", 62),
            raw=lambda raw: raw.replace(
                b"[[links]]", b"".join(_extra_step(n) for n in range(4, 9)) + b"[[links]]"
            ),
        ),
        "step-numbers-with-gap": _text_case(
            "number = 3", "number = 4", Expected("steps", "without gaps; found 1, 2, 4", 62)
        ),
        "duplicate-step-numbers": _text_case(
            "number = 3", "number = 2", Expected("steps[2].number", "number 2 is used twice", 81)
        ),
        "unknown-field-typo": _text_case(
            "verified = false",
            "verifed = false",
            Expected("where.vneid.verifed", "unknown field", 58, count=3),
        ),
    },
    "values": {
        "order-not-a-number": _text_case(
            "order = 5", 'order = "5"', Expected("order", "expected a whole number, found text", 5)
        ),
        "order-zero": _text_case(
            "order = 5", "order = 0", Expected("order", "must be 1 or more", 5)
        ),
        "text-is-a-number": _text_case(
            'text.en = "Residents of the commune."',
            "text.en = 2026",
            Expected("who.text.en", "expected text in quotes, found a whole", 17),
        ),
        "empty-text": _text_case(
            'en = "Sample procedure"', 'en = "  "', Expected("title.en", "is empty", 9)
        ),
        "unknown-line": _text_case(
            'line = "A"', 'line = "Z"', Expected("line", 'unknown line code "Z"', 4)
        ),
        "id-not-folder-name": _text_case(
            'id = "id-not-folder-name"',
            'id = "khac-ten"',
            Expected("id", 'does not match the folder name "id-not-folder-name"', 3),
        ),
        "id-with-accents": _text_case(
            'id = "id-with-accents"',
            'id = "khai-sinh-lưu-động"',
            Expected("id", "must be lower-case letters, digits and hyphens", 3),
        ),
        "paper-form-unknown": _text_case(
            'form = "original"', 'form = "photo"', Expected("papers[0].form", '"photo" is not', 25)
        ),
        "where-value-unknown": _text_case(
            'value = "yes"', 'value = "maybe"', Expected("where.desk.value", '"maybe" is not', 46)
        ),
        "fee-bad-word": Case(
            Expected("fee", 'must be "province" or a table', 6),
            edits=(
                ("order = 5", 'order = 5\nfee = "free"'),
                (
                    '[fee]\ntext.vi = "Miễn lệ phí."\ntext.en = "Free."\n'
                    'source = "Luật Mẫu 2014, Điều 1"\nkind = "law"\nchecked = 2026-11-28\n\n',
                    "",
                ),
            ),
        ),
        "national-code-malformed": _text_case(
            "[who]",
            '[national_code]\nvalue = "1-001193"\nsource = "CSDL thủ tục hành chính"\n'
            'kind = "national-portal"\nchecked = 2026-11-28\n\n[who]',
            Expected("national_code.value", "is not a code like", 16),
        ),
    },
    "dates": {
        "checked-not-iso": _text_case(
            "checked = 2026-11-28\n\n[time]",
            'checked = "28/11/2026"\n\n[time]',
            Expected("fee.checked", "ISO date such as 2025-11-28, found '28/11", 36),
        ),
        "checked-with-time": _text_case(
            "checked = 2026-11-28\n\n[where.desk]",
            "checked = 2026-11-28T09:30:00\n\n[where.desk]",
            Expected("time.checked", "found a date with a time", 43),
        ),
        "checked-in-the-future": _text_case(
            "checked = 2026-11-28\n\n[time]",
            "checked = 2099-01-01\n\n[time]",
            Expected("fee.checked", "2099-01-01 is in the future", 36),
        ),
        "checked-in-the-future-as-text": _text_case(
            "checked = 2026-11-28\n\n[[papers]]",
            'checked = "2099-01-01"\n\n[[papers]]',
            Expected("who.checked", "2099-01-01 is in the future", 20),
        ),
        "checked-impossible-date": _text_case(
            "checked = 2026-11-28\n\n[time]",
            'checked = "2026-02-30"\n\n[time]',
            Expected("fee.checked", "ISO date such as 2025-11-28, found '2026-02-30'", 36),
        ),
    },
    "sources": {
        "source-todo": _text_case(
            'source = "Luật Mẫu 2014, Điều 1"\nkind = "law"\nchecked = 2026-11-28\n\n[time]',
            'source = "TODO"\nkind = "law"\nchecked = 2026-11-28\n\n[time]',
            Expected("fee.source", '"TODO" is a placeholder', 34),
        ),
        "source-todo-in-sentence": _text_case(
            'source = "Luật Mẫu 2014, Điều 1"',
            'source = "Nghị định ... (todo: tìm điều)"',
            Expected("who.source", "is a placeholder", 18),
        ),
        "source-question-mark": _text_case(
            'source = "Luật Mẫu 2014, Điều 1"', 'source = "?"', Expected("who.source", '"?"', 18)
        ),
        "source-vietnamese-placeholder": _text_case(
            'source = "Luật Mẫu 2014, Điều 1"',
            'source = "Đang cập nhật"',
            Expected("who.source", "is a placeholder", 18),
        ),
        "source-too-short": _text_case(
            'source = "Luật Mẫu 2014, Điều 1"',
            'source = "Luật"',
            Expected("who.source", "too short to find again", 18),
        ),
        "kind-missing": _text_case(
            'kind = "law"\nchecked = 2026-11-28\n\n[[papers]]',
            "checked = 2026-11-28\n\n[[papers]]",
            Expected("who.kind", _MISSING_KIND, 15),
        ),
        "kind-secondary-but-verified": _text_case(
            'kind = "law"',
            'kind = "secondary"',
            Expected("who.kind", '"secondary" is not a primary source', 19),
        ),
        "kind-unknown": _text_case(
            'kind = "law"', 'kind = "blog"', Expected("who.kind", '"blog" is not one of', 19)
        ),
    },
    "text": {
        "not-nfc": Case(
            Expected("summary.vi", "not in Unicode NFC", 12),
            raw=_decompose('vi = "Một hướng dẫn mẫu để kiểm thử."'),
        ),
        "not-nfc-in-step": Case(
            Expected("steps[2].text.vi", "not in Unicode NFC", 83),
            raw=_decompose('text.vi = "Nhận kết quả."'),
        ),
        "text-too-long": _text_case(
            'text.vi = "Chuẩn bị giấy tờ."',
            'text.vi = "' + "Chuẩn bị giấy tờ tùy thân. " * 6 + '"',
            Expected("steps[0].text.vi", "too long: 161 characters", 65),
        ),
        "markup-bold": _text_case(
            'en = "Sample procedure"',
            'en = "<b>Sample</b> procedure"',
            Expected("title.en", "contains markup '<b>'", 9),
        ),
        "markup-image": _text_case(
            'text.vi = "Chuẩn bị giấy tờ."',
            'text.vi = "Chuẩn bị giấy tờ. <img src=\\"file:///etc/passwd\\">"',
            Expected("steps[0].text.vi", "contains markup '<img", 65),
        ),
        "markup-link": _text_case(
            'text.vi = "Người dân trong xã."',
            'text.vi = "Xem <a href=\\"https://example.com\\">tại đây</a>."',
            Expected("who.text.vi", "contains markup '<a href", 16),
        ),
        "markup-entity": _text_case(
            'vi = "Thủ tục mẫu"',
            'vi = "Thủ tục &amp; mẫu"',
            Expected("title.vi", "contains markup '&amp;'", 8),
        ),
        "right-to-left-override": _text_case(
            'vi = "Thủ tục mẫu"',
            'vi = "Thủ tục \\u202Emẫu"',
            Expected("title.vi", "U+202E (RIGHT-TO-LEFT OVERRIDE)", 8),
        ),
        "bell-character": _text_case(
            'text.en = "Free."',
            'text.en = "Free.\\u0007"',
            Expected("fee.text.en", "U+0007", 33),
        ),
        "nul-escape": _text_case(
            'text.en = "The same day."',
            'text.en = "The same\\u0000 day."',
            Expected("time.text.en", "U+0000", 40),
        ),
        "zero-width-space": _text_case(
            'name.vi = "Tờ khai"',
            'name.vi = "Tờ\\u200Bkhai"',
            Expected("papers[0].name.vi", "U+200B (ZERO WIDTH SPACE)", 23),
        ),
    },
    "terms": {
        "word-not-in-text": _text_case(
            'word.vi = "quầy"',
            'word.vi = "liên thông"',
            Expected("terms[0].word.vi", '"liên thông" does not appear', 97),
        ),
        "english-word-not-in-text": _text_case(
            'word.en = "desk"',
            'word.en = "counter"',
            Expected("terms[0].word.en", '"counter" does not appear', 98),
        ),
        "meaning-too-long": _text_case(
            'meaning.vi = "bàn tiếp nhận hồ sơ của xã."',
            'meaning.vi = "' + "bàn tiếp nhận hồ sơ của xã. " * 5 + '"',
            Expected("terms[0].meaning.vi", "too long", 99),
        ),
        "meaning-missing": _text_case(
            'meaning.en = "the commune\'s reception desk."\n',
            "",
            Expected("terms[0].meaning.en", "missing required field", 99),
        ),
        "unknown-key": _text_case(
            'word.vi = "quầy"',
            'word.vi = "quầy"\nnghia = "bàn"',
            Expected("terms[0].nghia", "unknown field", 98),
        ),
    },
    "images": {
        "missing-image": _text_case(
            'image = "buoc.svg"',
            'image = "khong-co.svg"',
            Expected("steps[0].image", "khong-co.svg: file not found", 64),
        ),
        "escapes-guides-root": _text_case(
            'image = "buoc.svg"',
            'image = "../../../buoc.svg"',
            Expected("steps[0].image", "leaves the guide folder", 64),
        ),
        "absolute-path": _text_case(
            'image = "buoc.svg"',
            'image = "/usr/share/buoc.svg"',
            Expected("steps[0].image", "not an absolute path", 64),
        ),
        "windows-drive": _text_case(
            'image = "buoc.svg"',
            'image = "C:/buoc.svg"',
            Expected("steps[0].image", "not an absolute path", 64),
        ),
        "backslash": _text_case(
            'image = "buoc.svg"',
            'image = "..\\\\_shared\\\\quay.svg"',
            Expected("steps[0].image", "use / between folder names", 64),
        ),
        "not-svg": _text_case(
            'image = "buoc.svg"',
            'image = "buoc.png"',
            Expected("steps[0].image", "must be an SVG file", 64),
        ),
        "missing-shared-drawing": _text_case(
            'image = "buoc.svg"',
            'image = "../_shared/khong-co.svg"',
            Expected("steps[0].image", "file not found", 64),
        ),
    },
    "svg": {
        "filter": _svg_case(
            _svg('<defs><filter id="f"><feGaussianBlur stdDeviation="4"/></filter></defs>'),
            "uses <filter>",
        ),
        "not-xml": _svg_case(_svg(_RECT)[:-20], "is not valid SVG"),
        "external-dtd": _svg_case(
            _svg(
                _RECT,
                head='<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"'
                ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n',
            ),
            "has a <!DOCTYPE svg> declaration",
        ),
        "parameter-entity": _svg_case(
            _svg(
                _RECT,
                head='<!DOCTYPE svg [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n',
            ),
            "has a <!DOCTYPE svg> declaration",
        ),
        "billion-laughs": _svg_case(
            _svg(
                "<text>&lol3;</text>",
                head='<!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">'
                '<!ENTITY lol3 "&lol2;&lol2;&lol2;">]>\n',
            ),
            "has a <!DOCTYPE svg> declaration",
        ),
        "xml-stylesheet": _svg_case(
            _svg(_RECT, head='<?xml-stylesheet type="text/css" href="evil.css"?>\n'),
            "has a <?xml-stylesheet ...?> instruction",
        ),
        "onload-attribute": _svg_case(
            _svg(_RECT, root=' onload="alert(1)"'), "has an event handler (onload=...)"
        ),
        "onclick-on-shape": _svg_case(
            _svg(_RECT.replace("<rect ", '<rect onclick="x()" ')),
            "has an event handler (onclick=...)",
        ),
        "script-in-xhtml-namespace": _svg_case(
            _svg('<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>'),
            "uses <script> of http://www.w3.org/1999/xhtml",
        ),
        "script": _svg_case(_svg("<script>alert(1)</script>"), "uses <script>"),
        "foreign-object": _svg_case(
            _svg("<foreignObject><p>x</p></foreignObject>"), "uses <foreignObject>"
        ),
        "style-element": _svg_case(_svg("<style>rect { fill: red }</style>"), "uses <style>"),
        "style-attribute": _svg_case(
            _svg(_RECT.replace("<rect ", '<rect style="fill:red" ')), "uses a style attribute"
        ),
        "embedded-image": _svg_case(
            _svg('<image href="data:image/png;base64,AAAA" width="10" height="10"/>'),
            "uses <image>",
        ),
        "use-other-file": _svg_case(
            _svg('<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="other.svg#shape"/>'),
            "refers to another file or address (other.svg#shape)",
        ),
        "inkscape-element": _svg_case(
            _svg(
                "<sodipodi:namedview xmlns:sodipodi="
                '"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/>'
            ),
            "uses <namedview> of http://sodipodi.sourceforge.net",
        ),
        "no-view-box": _svg_case(
            _svg(_RECT).replace(' viewBox="0 0 800 600"', ""), "needs a viewBox"
        ),
        "not-svg-root": _svg_case(
            '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"/>\n',
            "is not an SVG drawing",
        ),
        "empty-file": _svg_case("", "is not valid SVG"),
    },
    "links": {
        "http": _text_case(
            'url = "https://dichvucong.gov.vn/"',
            'url = "http://dichvucong.gov.vn/"',
            Expected("links[0].url", "must start with https:// (found http:)", 90),
        ),
        "host-not-gov-vn": _text_case(
            'url = "https://dichvucong.gov.vn/"',
            'url = "https://dichvucong.gov.vn.example.com/"',
            Expected("links[0].url", "is not allowed", 90),
        ),
        "malformed": _text_case(
            'url = "https://dichvucong.gov.vn/"',
            'url = "https://[dichvucong.gov.vn/"',
            Expected("links[0].url", "is not a valid address", 90),
        ),
        "user-and-port": _text_case(
            'url = "https://dichvucong.gov.vn/"',
            'url = "https://admin@dichvucong.gov.vn:8443/"',
            Expected("links[0].url", "must not contain a user name, password or port", 90),
        ),
        "javascript": _text_case(
            'url = "https://dichvucong.gov.vn/"',
            'url = "javascript:alert(1)"',
            Expected("links[0].url", "must start with https:// (found javascript:)", 90),
        ),
        "url-too-long": _text_case(
            'url = "https://dichvucong.gov.vn/"',
            'url = "https://dichvucong.gov.vn/' + "a" * 300 + '"',
            Expected("links[0].url", "too long for a QR code", 90),
        ),
    },
}


def _extra_step(number: int) -> bytes:
    return (
        f'[[steps]]\nnumber = {number}\nimage = "buoc.svg"\ntext.vi = "Bước {number}."\n'
        f'text.en = "Step {number}."\nsource = "Luật Mẫu 2014, Điều 1"\nkind = "law"\n'
        "checked = 2026-11-28\n\n"
    ).encode()


def case_text(case_class: str, variant: str) -> bytes:
    """The guide.toml of one case: the sample, renamed, with the case's edits."""
    text = (SAMPLE / "guide.toml").read_text(encoding="utf-8")
    _comment, body = text.split('id = "mau"\n', 1)
    text = (
        f"# Broken on purpose ({case_class}): {variant}. See tests/content/broken_cases.py.\n"
        f'# Regenerate with: python -m tests.content.broken_cases\nid = "{variant}"\n{body}'
    )
    case = CASES[case_class][variant]
    for old, new in case.edits:
        assert old in text, (case_class, variant, old)
        text = text.replace(old, new, 1)
    raw = text.encode("utf-8")
    return case.raw(raw) if case.raw is not None else raw


def write_corpus(root: Path) -> None:
    """Write every case under ``root`` (emptied first)."""
    if root.exists():
        shutil.rmtree(root)
    for case_class, variants in CASES.items():
        for variant, case in variants.items():
            folder = root / case_class / variant
            folder.mkdir(parents=True)
            shutil.copy(SAMPLE / "buoc.svg", folder / "buoc.svg")
            name = "guide.txt" if case.no_guide_toml else "guide.toml"
            (folder / name).write_bytes(case_text(case_class, variant))
            for file_name, content in case.files.items():
                (folder / file_name).write_text(content, encoding="utf-8")


if __name__ == "__main__":
    write_corpus(BROKEN)
