"""Illustrated procedure guides: load and check ``data/guides`` (no Qt, no SQL).

Each guide is a folder with ``guide.toml`` and its SVG illustrations; the format is documented
for editors in ``data/guides/README.md``. ``load_guides`` never raises: broken guides are left
out and described by ``GuideProblem`` entries (``path:line: field: message``).
"""

from kiosk.content.check import run_check
from kiosk.content.loader import GUIDE_FILE, check_guides, load_guides, tips
from kiosk.content.model import (
    ASK_AT_DESK,
    PROVINCE_FEE,
    Availability,
    Channel,
    ChannelKind,
    Fact,
    Fee,
    FeeBasis,
    Guide,
    GuideLoad,
    GuideProblem,
    Link,
    Paper,
    PaperForm,
    Step,
    Term,
)
from kiosk.content.safety import SHARED_FOLDER
from kiosk.content.text_rules import SourceKind

__all__ = [
    "ASK_AT_DESK",
    "GUIDE_FILE",
    "PROVINCE_FEE",
    "SHARED_FOLDER",
    "Availability",
    "Channel",
    "ChannelKind",
    "Fact",
    "Fee",
    "FeeBasis",
    "Guide",
    "GuideLoad",
    "GuideProblem",
    "Link",
    "Paper",
    "PaperForm",
    "SourceKind",
    "Step",
    "Term",
    "check_guides",
    "load_guides",
    "run_check",
    "tips",
]
