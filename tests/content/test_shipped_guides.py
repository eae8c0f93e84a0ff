"""The guides shipped in data/guides: all load, cover the default procedures, follow the style."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from kiosk.content import (
    ASK_AT_DESK,
    PROVINCE_FEE,
    ChannelKind,
    FeeBasis,
    Guide,
    load_guides,
    run_check,
    tips,
)
from kiosk.resources import data_path

GUIDES = data_path("guides")
LINES = ("A", "B", "C", "D", "E")
# The procedure codes of the default configuration, with their default line.
EXPECTED_LINES = {
    "khai-sinh": "A",
    "ket-hon": "A",
    "xac-nhan-tinh-trang-hon-nhan": "A",
    "khai-tu": "A",
    "trich-luc-ho-tich": "A",
    "chung-thuc-ban-sao": "B",
    "chung-thuc-chu-ky": "B",
    "tro-cap-xa-hoi": "D",
    "cu-tru": "E",
    "kich-hoat-vneid": "E",
    "nop-ho-so-truc-tuyen": "E",
    "thanh-toan-truc-tuyen": "E",
    "tra-cuu-ho-so": "E",
}
PALETTE = {"#0B2545", "#13315C", "#F4A300", "#FFFFFF", "none"}
SVG_FILES = sorted(GUIDES.rglob("*.svg"))


@pytest.fixture(scope="module")
def guides() -> dict[str, Guide]:
    load = load_guides(GUIDES, line_codes=LINES)
    assert [str(problem) for problem in load.problems] == []
    return {guide.id: guide for guide in load.guides}


def test_every_default_procedure_has_a_guide_on_its_line(guides: dict[str, Guide]) -> None:
    assert {guide_id: guide.line for guide_id, guide in guides.items()} == EXPECTED_LINES


def test_the_check_command_passes_on_the_shipped_guides() -> None:
    code, lines = run_check(GUIDES, LINES)

    assert (code, lines) == (0, [f"13 guides OK in {GUIDES}"])


def test_each_guide_has_three_to_seven_steps_with_illustrations(
    guides: dict[str, Guide],
) -> None:
    for guide in guides.values():
        assert 3 <= len(guide.steps) <= 7, guide.id
        assert all(step.image.is_file() for step in guide.steps), guide.id
        assert all(len(step.text.vi) <= 160 >= len(step.text.en) for step in guide.steps)


def test_guides_come_commonest_first_starting_with_birth_registration() -> None:
    loaded = load_guides(GUIDES, line_codes=LINES).guides

    assert loaded[0].id == "khai-sinh"
    assert [guide.order for guide in loaded] == sorted(guide.order for guide in loaded)


def test_province_fees_ask_at_the_desk_until_the_commune_configures_them(
    guides: dict[str, Guide],
) -> None:
    province = {guide.id for guide in guides.values() if guide.fee.basis is FeeBasis.PROVINCE}

    assert province == {"xac-nhan-tinh-trang-hon-nhan", "trich-luc-ho-tich"}
    assert all(guides[guide_id].fee.text == PROVINCE_FEE for guide_id in province)


def test_facts_marked_unverified_in_the_domain_notes_are_not_stated(
    guides: dict[str, Guide],
) -> None:
    # FACTS.md marks these ⚠️ (or gives only an inference): the kiosk must not state them.
    assert guides["chung-thuc-chu-ky"].fee.text == ASK_AT_DESK  # 10,000 đ: national rate unsure
    assert guides["cu-tru"].fee.text == ASK_AT_DESK  # which TT 75/2022 rate is online
    assert guides["tro-cap-xa-hoi"].fee.text == ASK_AT_DESK  # "free" is an inference
    assert guides["ket-hon"].channel(ChannelKind.PORTAL).text == ASK_AT_DESK
    assert guides["ket-hon"].national_code is None  # code from an unidentified fixture
    assert guides["khai-sinh"].national_code == "1.001193"


def test_every_fact_names_a_source_and_a_check_date(guides: dict[str, Guide]) -> None:
    for guide in guides.values():
        facts = [guide.who, guide.time, *guide.notes, *guide.papers, *guide.steps]
        facts += [*guide.channels, *guide.links]
        assert all(fact.source.strip() for fact in facts), guide.id
        assert all(fact.checked.year >= 2025 for fact in facts), guide.id


def test_tips_give_one_short_text_per_guide(guides: dict[str, Guide]) -> None:
    shown = tips(list(guides.values()))

    assert len(shown) == len(guides)
    assert all(0 < len(tip.vi) <= 200 and tip.en for tip in shown)


def test_every_shipped_illustration_is_used_by_a_guide(guides: dict[str, Guide]) -> None:
    used = {step.image for guide in guides.values() for step in guide.steps}

    assert {path.resolve() for path in SVG_FILES} == used


def test_shipped_text_files_are_utf8_nfc() -> None:
    for path in [*GUIDES.rglob("*.toml"), *GUIDES.rglob("*.md"), *SVG_FILES]:
        text = path.read_bytes().decode("utf-8")
        assert unicodedata.normalize("NFC", text) == text, path


@pytest.mark.parametrize("path", SVG_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_illustrations_keep_one_style(path: Path) -> None:
    root = ElementTree.parse(path).getroot()
    assert root.get("viewBox") == "0 0 800 600"
    for element in root.iter():
        for attribute in ("fill", "stroke"):
            colour = element.get(attribute)
            assert colour is None or colour.upper() in {c.upper() for c in PALETTE}, colour
        if element.get("stroke") not in (None, "none"):
            assert float(element.get("stroke-width", "1")) >= 6, element.attrib
        if element.tag.endswith("}text"):
            assert element.get("font-family") == "Noto Sans"
            assert len(element.text or "") <= 24, element.text
    assert not re.search(r"<(filter|style|image|script)\b", path.read_text(encoding="utf-8"))
