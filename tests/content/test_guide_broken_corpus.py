"""Each folder in broken/ is the sample guide with one thing broken: it must be left out, with
the problem it was broken for (field, message and line), and loading must never raise."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

import pytest

from kiosk.content import GuideProblem, load_guides
from kiosk.resources import data_path

BROKEN = Path(__file__).parent / "broken"
LINES = ("A", "B", "C", "D", "E")


class Expected(NamedTuple):
    """The first problem reported for a case, and how many problems there are in all."""

    field: str
    fragment: str
    line: int | None
    count: int = 1


EXPECTED: dict[str, Expected] = {
    "bad-toml": Expected("", "not valid TOML: Illegal character", 66),
    "table-declared-twice": Expected("", "Cannot declare ('title',) twice", 10),
    "encoding-windows-1258": Expected("", "not UTF-8 text (byte 0xD2 at line 7)", 7),
    "encoding-utf-16": Expected("", "saved as UTF-16", 1),
    "encoding-latin-1": Expected("", "not UTF-8 text (byte 0xE2 at line 15)", 15),
    "missing-guide-toml": Expected("", "missing guide.toml", None),
    "missing-title": Expected("title", "missing required field", None),
    "missing-step-text-en": Expected("steps[1].text.en", "missing required field", 66),
    "missing-source": Expected("time.source", "missing required field", 34),
    "missing-steps": Expected("steps", "missing required field", None),
    "order-not-a-number": Expected("order", "expected a whole number, found text", 4),
    "text-is-a-number": Expected("who.text.en", "expected text in quotes, found a whole", 16),
    "empty-text": Expected("title.en", "is empty", 8),
    "unknown-line": Expected("line", 'unknown line code "Z"', 3),
    "id-not-folder-name": Expected("id", 'does not match the folder name "id-not-folder', 2),
    "missing-image": Expected("steps[0].image", "khong-co.svg: file not found", 57),
    "image-escapes-guides-root": Expected("steps[0].image", "leaves the guide folder", 57),
    "image-absolute-path": Expected("steps[0].image", "not an absolute path", 57),
    "image-backslash": Expected("steps[0].image", "use / between folder names", 57),
    "image-not-svg": Expected("steps[0].image", "must be an SVG file", 57),
    "svg-with-filter": Expected("steps[0].image", "uses <filter>", 57),
    "svg-not-xml": Expected("steps[0].image", "is not valid SVG", 57),
    "link-http": Expected("links[0].url", "must start with https:// (found http:)", 80),
    "link-host-not-gov-vn": Expected("links[0].url", "is not allowed", 80),
    "link-malformed": Expected("links[0].url", "is not a valid address", 80),
    "text-not-nfc": Expected("summary.vi", "not in Unicode NFC", 11),
    "step-text-too-long": Expected("steps[0].text.vi", "too long: 161 characters", 58),
    "checked-not-iso": Expected("fee.checked", "ISO date such as 2025-11-28, found '28/11", 32),
    "checked-with-time": Expected("time.checked", "found a date with a time", 38),
    "duplicate-step-numbers": Expected("steps[2].number", "number 2 is used twice", 72),
    "step-numbers-with-gap": Expected("steps", "without gaps; found 1, 2, 4", 55),
    "empty-steps": Expected("steps", "no steps", 6),
    "too-many-steps": Expected("steps", "8 steps: a guide needs 3 to 7", 55),
    # The typo hides `verified = false`, so the channel also lacks the value a verified one needs.
    "unknown-field-typo": Expected("where.vneid.verifed", "unknown field", 51, count=2),
    "paper-form-unknown": Expected("papers[0].form", '"photo" is not one of', 23),
    "where-value-unknown": Expected("where.desk.value", '"maybe" is not one of', 41),
    "fee-bad-word": Expected("fee", 'must be "province" or a table', 5),
    # `fee = "province"` written below [[papers]] lands in the paper, and the guide has no fee.
    "top-level-key-below-table": Expected(
        "papers[0].fee", "move it above the first [table]", 25, count=2
    ),
    "national-code-malformed": Expected("national_code.value", "is not a code like", 15),
}


@pytest.fixture(scope="module")
def problems_by_case() -> dict[str, list[GuideProblem]]:
    load = load_guides(BROKEN, line_codes=LINES)
    assert load.guides == ()
    grouped: dict[str, list[GuideProblem]] = defaultdict(list)
    for problem in load.problems:
        grouped[problem.path.relative_to(BROKEN).parts[0]].append(problem)
    return grouped


def test_every_broken_folder_has_an_expectation() -> None:
    folders = sorted(path.name for path in BROKEN.iterdir() if path.is_dir())

    assert folders == sorted(EXPECTED)
    assert len(folders) >= 20


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_guide_is_left_out_with_its_problem(
    case: str, problems_by_case: dict[str, list[GuideProblem]]
) -> None:
    expected = EXPECTED[case]
    problems = problems_by_case[case]

    assert len(problems) == expected.count, [str(problem) for problem in problems]
    first = problems[0]
    assert first.path == BROKEN / case / "guide.toml"
    assert first.field == expected.field
    assert expected.fragment in first.message
    assert first.line == expected.line


def test_broken_and_good_guides_together_load_the_good_ones_and_report_the_rest(
    tmp_path: Path,
) -> None:
    shipped = data_path("guides")
    shutil.copytree(shipped, tmp_path, dirs_exist_ok=True)
    for case in EXPECTED:
        shutil.copytree(BROKEN / case, tmp_path / case)
    good_ids = {guide.id for guide in load_guides(shipped, line_codes=LINES).guides}

    load = load_guides(tmp_path, line_codes=LINES)

    assert {guide.id for guide in load.guides} == good_ids
    assert len(good_ids) >= 13
    assert {problem.path.relative_to(tmp_path).parts[0] for problem in load.problems} == set(
        EXPECTED
    )
