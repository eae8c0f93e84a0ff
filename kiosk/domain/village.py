"""Village-point help: the form a volunteer fills in (needs, outcomes, age band, sex) and its rules.

A village record says where help was given, who helped, what the visitor needed and what came
of it. The lists of needs and outcomes are the commune's (config, carried to village PCs with
the roster); each outcome may count towards one of the figures the team reports upward
(``Measure``). Age band and sex are recorded only when the commune asks for them, and never a
name or an ID number.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from kiosk.domain.errors import ErrorCode, KioskError, ValidationError
from kiosk.domain.views import LocalText

E = TypeVar("E", bound=StrEnum)

# A note is optional free text; long enough for "came back with her son's papers".
MAX_NOTE_CHARS = 500


class TransferError(KioskError):
    """Village records that cannot be stored; the message names the record and the field."""

    default_code = ErrorCode.VILLAGE_TRANSFER


class Measure(StrEnum):
    """A figure of the team report that an outcome counts towards."""

    VNEID_ACTIVATED = "vneid_activated"
    SUBMITTED_ONLINE = "submitted_online"
    PAID_ONLINE = "paid_online"


class AgeBand(StrEnum):
    """Age bands for the report; 60 is where Luật Người cao tuổi starts (FACTS.md §2.3)."""

    UNDER_18 = "under_18"
    FROM_18_TO_39 = "18_39"
    FROM_40_TO_59 = "40_59"
    FROM_60_TO_74 = "60_74"
    FROM_75 = "75_plus"


AGE_BAND_LABELS: dict[AgeBand, LocalText] = {
    AgeBand.UNDER_18: LocalText("Dưới 18 tuổi", "Under 18"),
    AgeBand.FROM_18_TO_39: LocalText("18 - 39 tuổi", "18-39"),
    AgeBand.FROM_40_TO_59: LocalText("40 - 59 tuổi", "40-59"),
    AgeBand.FROM_60_TO_74: LocalText("60 - 74 tuổi", "60-74"),
    AgeBand.FROM_75: LocalText("Từ 75 tuổi", "75 or over"),
}


class Sex(StrEnum):
    """The visitor's sex, as administrative statistics count it."""

    MALE = "male"
    FEMALE = "female"


SEX_LABELS: dict[Sex, LocalText] = {
    Sex.MALE: LocalText("Nam", "Male"),
    Sex.FEMALE: LocalText("Nữ", "Female"),
}


@dataclass(frozen=True, slots=True)
class FormChoice:
    """One need or outcome a volunteer can tap."""

    code: str
    label: LocalText
    measure: Measure | None = None
    # "Referred to the commune desk": the volunteer also picks the procedure.
    needs_procedure: bool = False


@dataclass(frozen=True, slots=True)
class VillageForm:
    """What a village record asks for; the same on every village PC of a commune."""

    needs: tuple[FormChoice, ...]
    outcomes: tuple[FormChoice, ...]
    record_age_band: bool = False
    record_sex: bool = False

    def need(self, code: str) -> FormChoice | None:
        """The need with this code, if the form has it."""
        return next((c for c in self.needs if c.code == code), None)

    def outcome(self, code: str) -> FormChoice | None:
        """The outcome with this code, if the form has it."""
        return next((c for c in self.outcomes if c.code == code), None)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (the roster file and the published form carry it)."""
        return {
            "needs": [_choice_json(c) for c in self.needs],
            "outcomes": [_choice_json(c) for c in self.outcomes],
            "record_age_band": self.record_age_band,
            "record_sex": self.record_sex,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VillageForm:
        """The form from ``to_json`` output; ``ValueError`` when it is malformed."""
        try:
            return cls(
                needs=tuple(_choice_from_json(c) for c in data["needs"]),
                outcomes=tuple(_choice_from_json(c) for c in data["outcomes"]),
                record_age_band=bool(data["record_age_band"]),
                record_sex=bool(data["record_sex"]),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"malformed form: {exc!r}") from None


def _choice_json(choice: FormChoice) -> dict[str, Any]:
    return {
        "code": choice.code,
        "vi": choice.label.vi,
        "en": choice.label.en,
        "measure": choice.measure.value if choice.measure else None,
        "needs_procedure": choice.needs_procedure,
    }


def _choice_from_json(data: Mapping[str, Any]) -> FormChoice:
    measure = data.get("measure")
    return FormChoice(
        code=str(data["code"]),
        label=LocalText(str(data["vi"]), str(data.get("en", ""))),
        measure=Measure(measure) if measure else None,
        needs_procedure=bool(data.get("needs_procedure", False)),
    )


@dataclass(frozen=True, slots=True)
class VillageEntry:
    """A checked village record, ready to store."""

    need: str
    outcomes: tuple[str, ...]
    age_band: AgeBand | None
    sex: Sex | None
    procedure_code: str | None
    note: str


def check_entry(
    form: VillageForm,
    *,
    need: str,
    outcomes: Sequence[str],
    age_band: str | None,
    sex: str | None,
    procedure_code: str | None,
    note: str,
    procedures: Collection[str],
) -> VillageEntry:
    """Check what a volunteer entered against the form.

    Args:
        form: The commune's form.
        need: The code of the visitor's need.
        outcomes: Outcome codes; at least one, each once (kept in the form's order).
        age_band: An ``AgeBand`` value, or None; only when the form records age bands.
        sex: A ``Sex`` value, or None; only when the form records sex.
        procedure_code: The procedure of a referral; required by outcomes that need one.
        note: Optional free text (trimmed, at most ``MAX_NOTE_CHARS``).
        procedures: Codes of the commune's procedures a referral may name.

    Returns:
        The entry as it will be stored.

    Raises:
        ValidationError: Naming the first thing that is wrong.
    """
    if form.need(need) is None:
        raise ValidationError("Unknown need {need}.", need=need)
    chosen = _check_outcomes(form, outcomes)
    wants_procedure = any(c.needs_procedure for c in chosen)
    if wants_procedure and not procedure_code:
        raise ValidationError("Pick the procedure the visitor is referred for.")
    if procedure_code and procedure_code not in procedures:
        raise ValidationError("There is no procedure {procedure}.", procedure=procedure_code)
    if note and len(note) > MAX_NOTE_CHARS:
        raise ValidationError("A note has at most {limit} characters.", limit=MAX_NOTE_CHARS)
    return VillageEntry(
        need=need,
        outcomes=tuple(c.code for c in chosen),
        age_band=_optional(AgeBand, age_band, form.record_age_band, "age band"),
        sex=_optional(Sex, sex, form.record_sex, "sex"),
        procedure_code=procedure_code if wants_procedure else None,
        note=note.strip(),
    )


def _check_outcomes(form: VillageForm, outcomes: Sequence[str]) -> list[FormChoice]:
    if not outcomes:
        raise ValidationError("A visit needs at least one outcome.")
    if len(set(outcomes)) != len(outcomes):
        raise ValidationError("The same outcome is listed twice.")
    for code in outcomes:
        if form.outcome(code) is None:
            raise ValidationError("Unknown outcome {outcome}.", outcome=code)
    return [c for c in form.outcomes if c.code in outcomes]


def _optional(kind: type[E], value: str | None, wanted: bool, what: str) -> E | None:
    if value is None or value == "":
        return None
    if not wanted:
        raise ValidationError("This commune does not record the visitor's {what}.", what=what)
    try:
        return kind(value)
    except ValueError:
        raise ValidationError("Unknown {what} {value}.", what=what, value=value) from None
