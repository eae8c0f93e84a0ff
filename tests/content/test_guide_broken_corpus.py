"""Each folder in broken/<class>/ is the sample guide with one thing broken: it must be left out,
with the problem it was broken for (field, message and line), and loading must never raise.

The cases are listed in ``broken_cases.py``; cases that cannot be committed (huge files, links
to outside the repository) are built here in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from kiosk.content import GuideProblem, load_guides
from kiosk.resources import data_path
from tests.content.broken_cases import BROKEN, CASES, SAMPLE, write_corpus

LINES = ("A", "B", "C", "D", "E")
ALL_CASES = [
    (case_class, variant) for case_class, variants in CASES.items() for variant in variants
]


@pytest.fixture(scope="module")
def problems_by_case() -> dict[tuple[str, str], list[GuideProblem]]:
    grouped: dict[tuple[str, str], list[GuideProblem]] = defaultdict(list)
    for case_class in CASES:
        load = load_guides(BROKEN / case_class, line_codes=LINES)
        assert load.guides == (), case_class
        for problem in load.problems:
            grouped[case_class, problem.path.relative_to(BROKEN / case_class).parts[0]].append(
                problem
            )
    return grouped


def test_the_corpus_on_disk_is_the_one_the_table_describes(tmp_path: Path) -> None:
    write_corpus(tmp_path / "broken")

    written = sorted(p.relative_to(tmp_path / "broken") for p in (tmp_path / "broken").rglob("*"))
    committed = sorted(p.relative_to(BROKEN) for p in BROKEN.rglob("*"))
    assert written == committed
    for relative in written:
        if (BROKEN / relative).is_file():
            assert (BROKEN / relative).read_bytes() == (tmp_path / "broken" / relative).read_bytes()


def test_every_class_has_several_variants() -> None:
    assert len(CASES) >= 10
    assert all(len(variants) >= 3 for variants in CASES.values()), {
        name: len(variants) for name, variants in CASES.items()
    }


@pytest.mark.parametrize(("case_class", "variant"), ALL_CASES)
def test_broken_guide_is_left_out_with_its_problem(
    case_class: str, variant: str, problems_by_case: dict[tuple[str, str], list[GuideProblem]]
) -> None:
    expected = CASES[case_class][variant].expected
    problems = problems_by_case[case_class, variant]

    assert len(problems) == expected.count, [str(problem) for problem in problems]
    first = problems[0]
    assert first.path == BROKEN / case_class / variant / "guide.toml"
    assert first.field == expected.field
    assert expected.fragment in first.message
    assert first.line == expected.line


def test_broken_and_good_guides_together_load_the_good_ones_and_report_the_rest(
    tmp_path: Path,
) -> None:
    shipped = data_path("guides")
    shutil.copytree(shipped, tmp_path, dirs_exist_ok=True)
    for case_class, variant in ALL_CASES:
        shutil.copytree(BROKEN / case_class / variant, tmp_path / variant, dirs_exist_ok=False)
    good_ids = {guide.id for guide in load_guides(shipped, line_codes=LINES).guides}

    load = load_guides(tmp_path, line_codes=LINES)

    assert {guide.id for guide in load.guides} == good_ids
    assert len(good_ids) >= 20
    assert {problem.path.relative_to(tmp_path).parts[0] for problem in load.problems} == {
        variant for _class, variant in ALL_CASES
    }


def _sample_copy(root: Path, name: str) -> Path:
    folder = root / name
    shutil.copytree(SAMPLE, folder)
    text = (
        (folder / "guide.toml").read_text(encoding="utf-8").replace('id = "mau"', f'id = "{name}"')
    )
    (folder / "guide.toml").write_text(text, encoding="utf-8")
    return folder


def test_huge_files_are_refused_by_size_before_they_are_read(tmp_path: Path) -> None:
    root = tmp_path / "guides"
    root.mkdir()
    big_toml = _sample_copy(root, "toml-60mb") / "guide.toml"
    with big_toml.open("ab") as file:
        file.truncate(60 * 1024 * 1024)
    big_svg = _sample_copy(root, "svg-50mb") / "buoc.svg"
    with big_svg.open("ab") as file:
        file.truncate(50 * 1024 * 1024)
    just_over = _sample_copy(root, "toml-just-over") / "guide.toml"
    just_over.write_bytes(just_over.read_bytes() + b"#" * 128 * 1024)

    load = load_guides(root, line_codes=LINES)

    messages = sorted((problem.path.parent.name, problem.message) for problem in load.problems)
    assert [name for name, _ in messages] == [
        "svg-50mb",
        "svg-50mb",
        "svg-50mb",
        "toml-60mb",
        "toml-just-over",
    ]
    assert "too large (61440 KB, at most 128 KB)" in messages[3][1]
    assert "too large (51200 KB, at most 256 KB)" in messages[0][1]
    assert "too large" in messages[4][1]


def test_links_on_disk_outside_the_folder_are_refused_and_dangling_ones_reported(
    tmp_path: Path,
) -> None:
    root = tmp_path / "guides"
    root.mkdir()
    outside = _sample_copy(tmp_path, "elsewhere")
    _sample_copy(root, "good")
    linked_file = _sample_copy(root, "toml-link-outside")
    (linked_file / "guide.toml").unlink()
    os.symlink(outside / "guide.toml", linked_file / "guide.toml")
    inside_link = _sample_copy(root, "toml-link-inside")
    (inside_link / "guide.toml").rename(inside_link / "real.toml")
    os.symlink("real.toml", inside_link / "guide.toml")
    os.symlink(tmp_path / "nowhere", root / "dangling-folder")
    os.symlink(outside, root / "folder-link-outside")
    os.symlink("loop-b", root / "loop-a")
    os.symlink("loop-a", root / "loop-b")

    load = load_guides(root, line_codes=LINES)

    by_name = {problem.path.name: problem.message for problem in load.problems}
    assert sorted(guide.id for guide in load.guides) == ["good", "toml-link-inside"]
    assert "is a link to a file outside its guide folder" in by_name["guide.toml"]
    assert "dangling link" in by_name["dangling-folder"]
    assert "outside the guides folder" in by_name["folder-link-outside"]
    assert "dangling link" in by_name["loop-a"] and "dangling link" in by_name["loop-b"]
    assert "toml-link-inside" not in {problem.path.parent.name for problem in load.problems} | {
        problem.path.name for problem in load.problems
    }
