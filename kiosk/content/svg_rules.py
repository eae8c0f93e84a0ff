"""The drawing rules of ``data/guides/README.md``, checked without Qt and without trusting the file.

The file is read with the standard library's expat parser and nothing else: no DTD is read,
no entity is declared or expanded, nothing outside the file is fetched, so a hostile drawing
cannot make the check read other files or blow up memory ("billion laughs"). A drawing
must be plain SVG Tiny: shapes, paths and text in the SVG namespace, no scripts, no event
handlers, no styles, no links to other files.
"""

from __future__ import annotations

from pathlib import Path
from xml.parsers import expat

MAX_SVG_BYTES = 256 * 1024  # the shipped drawings are under 6 KB; a photo traced to SVG is not
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# Static SVG Tiny 1.2 that QtSvg draws: anything else is refused, including <script>,
# <foreignObject>, <image>, <style>, <filter>, animation and elements of other namespaces.
ALLOWED_ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "use", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "path", "text", "tspan", "linearGradient", "radialGradient", "stop",
})  # fmt: skip


class SvgRuleError(Exception):
    """A drawing breaks a rule; the message says which, for the editor."""


class _Checker:
    """Expat callbacks that stop at the first broken rule."""

    def __init__(self) -> None:
        self.root_seen = False
        self.view_box = False

    def doctype(self, name: str, *_args: object) -> None:
        raise SvgRuleError(
            f"has a <!DOCTYPE {name}> declaration: drawings need none, delete the line"
        )

    def entity(self, name: str, *_args: object) -> None:
        raise SvgRuleError(f"declares an entity ({name}): drawings must not use entities")

    def external(self, *_args: object) -> int:
        raise SvgRuleError("refers to an external entity: drawings must be self-contained")

    def instruction(self, target: str, _data: str) -> None:
        raise SvgRuleError(
            f"has a <?{target} ...?> instruction (a stylesheet?): drawings must not have one"
        )

    def start(self, name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if not self.root_seen:
            self.root_seen = True
            if namespace != SVG_NS or local != "svg":
                raise SvgRuleError("is not an SVG drawing (no <svg> root in the SVG namespace)")
            self.view_box = "viewBox" in attributes
        if namespace != SVG_NS:
            where = f" of {namespace}" if namespace else ""
            raise SvgRuleError(
                f"uses <{local}>{where}, which is not SVG: save the drawing as plain SVG"
            )
        if local not in ALLOWED_ELEMENTS:
            raise SvgRuleError(f"uses <{local}>, which the kiosk cannot draw (SVG Tiny 1.2 only)")
        for attribute, value in attributes.items():
            _check_attribute(attribute.rpartition(" ")[2], attribute, value)


def _check_attribute(local: str, qualified: str, value: str) -> None:
    if local.lower().startswith("on"):
        raise SvgRuleError(f"has an event handler ({local}=...): drawings must not run code")
    if local == "style":
        raise SvgRuleError("uses a style attribute: write fill, stroke etc. as attributes instead")
    is_link = local == "href" and qualified in ("href", f"{XLINK_NS} href")
    if is_link and not value.startswith("#"):
        raise SvgRuleError(
            f"refers to another file or address ({value}); drawings must be self-contained"
        )


def svg_problem(path: Path) -> str:
    """Why an SVG file is unusable for the kiosk ("" if it follows the rules).

    Args:
        path: The drawing, already resolved inside the guides folder.

    Returns:
        A message for the editor, or "".
    """
    try:
        size = path.stat().st_size
        if size > MAX_SVG_BYTES:
            return (
                f"is too large ({size // 1024} KB, at most {MAX_SVG_BYTES // 1024} KB):"
                " draw it with simple shapes"
            )
        data = path.read_bytes()
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    return svg_bytes_problem(data)


def svg_bytes_problem(data: bytes) -> str:
    """``svg_problem`` on the bytes of a drawing."""
    checker = _Checker()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = checker.doctype
    parser.EntityDeclHandler = checker.entity
    parser.ExternalEntityRefHandler = checker.external
    parser.ProcessingInstructionHandler = checker.instruction
    parser.StartElementHandler = checker.start
    try:
        parser.Parse(data, True)
    except SvgRuleError as error:
        return str(error)
    except expat.ExpatError as error:
        return f"is not valid SVG ({expat.ErrorString(error.code)}: line {error.lineno})"
    if not checker.view_box:
        return "the <svg> element needs a viewBox (e.g. 0 0 800 600) so it can be scaled"
    return ""
