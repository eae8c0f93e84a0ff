"""What a loaded guide is: frozen views the kiosk screens show, and the problems a check finds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from kiosk.domain.views import LocalText

ASK_AT_DESK = LocalText(
    "Vui lòng hỏi lại tại quầy để biết chính xác",
    "Please check at the desk",
)
"""Shown instead of any fact its guide marks ``verified = false``."""

PROVINCE_FEE = LocalText(
    "Do tỉnh quy định, vui lòng hỏi tại quầy",
    "Set by the province, please ask at the desk",
)
"""Shown for ``fee = "province"`` when the commune has not configured the amount."""


class PaperForm(StrEnum):
    """How a paper is brought: kept by the desk as an original or a copy, or only shown."""

    ORIGINAL = "original"
    COPY = "copy"
    SHOW = "show"


PAPER_FORM_LABELS: dict[PaperForm, LocalText] = {
    PaperForm.ORIGINAL: LocalText("Bản chính", "Original"),
    PaperForm.COPY: LocalText("Bản sao", "Copy"),
    PaperForm.SHOW: LocalText("Mang bản chính để xuất trình", "Original, to show"),
}


class ChannelKind(StrEnum):
    """Where a procedure can be done."""

    DESK = "desk"
    PORTAL = "portal"
    VNEID = "vneid"


CHANNEL_LABELS: dict[ChannelKind, LocalText] = {
    ChannelKind.DESK: LocalText("Tại quầy", "At the desk"),
    ChannelKind.PORTAL: LocalText(
        "Trực tuyến trên Cổng Dịch vụ công quốc gia",
        "Online on the national public-service portal",
    ),
    ChannelKind.VNEID: LocalText("Trên ứng dụng VNeID", "In the VNeID app"),
}


class Availability(StrEnum):
    """Whether a channel offers a procedure; ``yes`` when the source does not say how fully."""

    YES = "yes"
    FULL = "full"
    PARTIAL = "partial"
    NO = "no"


AVAILABILITY_LABELS: dict[Availability, LocalText] = {
    Availability.YES: LocalText("Có", "Yes"),
    Availability.FULL: LocalText("Có, toàn trình", "Yes, the whole procedure"),
    Availability.PARTIAL: LocalText("Một phần", "Partly"),
    Availability.NO: LocalText("Không", "No"),
}


class FeeBasis(StrEnum):
    """Where the fee shown comes from."""

    STATED = "stated"
    UNVERIFIED = "unverified"
    PROVINCE = "province"
    COMMUNE = "commune"


@dataclass(frozen=True, slots=True)
class Fact:
    """A text the guide states, with where it comes from and when it was last checked."""

    text: LocalText
    source: str
    checked: date
    verified: bool = True


@dataclass(frozen=True, slots=True)
class Fee:
    """The fee to show: stated by the guide, configured by the commune, or ask at the desk."""

    text: LocalText
    basis: FeeBasis
    source: str = ""
    checked: date | None = None


@dataclass(frozen=True, slots=True)
class Paper:
    """A paper to bring; ``form`` and ``count`` are None when the source does not say."""

    name: LocalText
    form: PaperForm | None
    count: int | None
    province_specific: bool
    source: str
    checked: date
    verified: bool = True

    def details(self) -> LocalText:
        """``Bản chính, 1 bản`` / ``Original, 1``: what the visitor needs to know besides the name.

        Returns:
            The form and count that are known, joined; empty texts when neither is.
        """
        vi: list[str] = []
        en: list[str] = []
        if self.form is not None:
            vi.append(PAPER_FORM_LABELS[self.form].vi)
            en.append(PAPER_FORM_LABELS[self.form].en)
        if self.count is not None:
            vi.append(f"{self.count} bản")
            en.append(f"{self.count} {'copy' if self.count == 1 else 'copies'}")
        if self.province_specific:
            vi.append("tùy tỉnh")
            en.append("depends on the province")
        return LocalText(", ".join(vi), ", ".join(en))


@dataclass(frozen=True, slots=True)
class Channel:
    """One way to do the procedure; ``availability`` is None when it is unverified."""

    kind: ChannelKind
    availability: Availability | None
    text: LocalText
    source: str
    checked: date
    verified: bool = True

    @property
    def label(self) -> LocalText:
        """The channel's name, shown before ``text``."""
        return CHANNEL_LABELS[self.kind]


NO_TEXT = LocalText("", "")


@dataclass(frozen=True, slots=True)
class Term:
    """A word an elderly reader may not know, with its meaning in one plain line."""

    word: LocalText
    meaning: LocalText


@dataclass(frozen=True, slots=True)
class Step:
    """A numbered step with its illustration (an absolute path to an SVG file).

    ``explained`` holds the meanings of the guide's terms that first appear in this step (one
    line each, ``word: meaning``); empty in both languages when there are none.
    """

    number: int
    text: LocalText
    image: Path
    source: str
    checked: date
    verified: bool = True
    explained: LocalText = NO_TEXT


@dataclass(frozen=True, slots=True)
class Link:
    """An official https link, shown as a QR code; never fetched by the kiosk."""

    url: str
    label: LocalText
    source: str
    checked: date


@dataclass(frozen=True, slots=True)
class Guide:
    """An illustrated guide to one procedure, ready to show."""

    id: str
    line: str
    order: int
    title: LocalText
    summary: LocalText
    who: Fact
    papers: tuple[Paper, ...]
    fee: Fee
    time: Fact
    channels: tuple[Channel, ...]
    steps: tuple[Step, ...]
    links: tuple[Link, ...]
    notes: tuple[Fact, ...]
    tip: Fact | None
    national_code: str | None
    folder: Path
    terms: tuple[Term, ...] = ()
    info_explained: LocalText = NO_TEXT  # terms first met on the "what to bring" page

    def channel(self, kind: ChannelKind) -> Channel:
        """The guide's entry for ``kind`` (every guide has all three)."""
        return next(channel for channel in self.channels if channel.kind is kind)


@dataclass(frozen=True, slots=True)
class GuideProblem:
    """Why a guide (or the guides folder) could not be loaded, pointing at the place to fix."""

    path: Path
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line is not None else str(self.path)
        return (
            f"{place}: {self.field}: {self.message}" if self.field else f"{place}: {self.message}"
        )


@dataclass(frozen=True, slots=True)
class GuideLoad:
    """The guides that loaded, commonest first, and the problems of those that did not."""

    guides: tuple[Guide, ...]
    problems: tuple[GuideProblem, ...]
