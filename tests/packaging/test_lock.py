"""The lock files hold every dependency pyproject.toml names, on every supported Python."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
SUPPORTED = ("3.11", "3.12", "3.13")


def _pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _locked(lock: str) -> set[str]:
    """The names a lock file pins (``name==version``)."""
    text = (ROOT / lock).read_text(encoding="utf-8")
    return {canonicalize_name(m) for m in re.findall(r"^([A-Za-z0-9._-]+)==", text, re.M)}


def _needed(requirements: list[str]) -> set[str]:
    """The names a supported Python on Linux installs from these requirements."""
    names = set()
    for line in requirements:
        requirement = Requirement(line)
        for version in SUPPORTED:
            environment = {"python_version": version, "sys_platform": "linux"}
            if requirement.marker is None or requirement.marker.evaluate(environment):
                names.add(canonicalize_name(requirement.name))
    return names


def _project() -> dict[str, object]:
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    return project


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-test.lock"])
def test_the_lock_holds_every_runtime_dependency(lock: str) -> None:
    # A dependency added to pyproject.toml but not locked fails a clean clone's `make run`
    # (pip installs with --require-hashes from the lock only): `make lock` adds it.
    assert _needed(_project()["dependencies"]) - _locked(lock) == set()


def test_the_test_lock_holds_every_test_dependency() -> None:
    extras = _project()["optional-dependencies"]
    assert isinstance(extras, dict)
    assert _needed(extras["test"]) - _locked("requirements-test.lock") == set()


def test_the_lock_builds_the_project_with_locked_setuptools() -> None:
    build = _pyproject()["build-system"]
    assert isinstance(build, dict)
    assert _needed(build["requires"]) - _locked("requirements.lock") == set()
