"""The lock files: refresh them only when new versions pass, and soak them on every Python.

``python3 .ci/lock.py refresh`` (``make lock``): resolve the newest versions pyproject.toml
allows (``--keep``: the versions of the current lock files, resolving only what pyproject.toml
added or no longer allows) into candidate lock files (uv, universal: one file for Python
3.11-3.13 on Linux),
install the candidate into a scratch venv of every supported Python found (3.11, 3.12, 3.13:
``python3.X`` on PATH or pyenv), run the short soak on each and ``make test`` on the default
``python3``; only when all of that passes are requirements.lock and requirements-test.lock
replaced. The first failure ends it: it says what failed and leaves the lock as it was.
.ci/lock-constraints.txt lists releases a soak has failed (with the evidence); ``--override
FILE`` forces versions into the candidate instead (uv's overrides beat pyproject.toml's bounds
and that list): how to try a release the project excludes.

``python3 .ci/lock.py soak [--skip-default]`` (``.ci/run``): the short soak on every supported
Python found, each in its own venv installed from the lock as it is.

Only the standard library is used here: this runs before any venv exists.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
TEST_LOCK = ROOT / "requirements-test.lock"
CONSTRAINTS = ROOT / ".ci" / "lock-constraints.txt"  # releases a soak has failed
WORK = ROOT / "build" / "lock"
SUPPORTED = ("3.11", "3.12", "3.13")
UV_VERSION = "0.13.8"  # the resolver; pinned so the same inputs give the same lock
HEADER = (
    "# The exact versions the tests and the soak passed with (Python 3.11-3.13, Linux).\n"
    "# Do not edit: `make lock` writes this file (see .ci/lock.py and README.md).\n"
)


def run(
    command: list[str],
    *,
    log: Path | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> bool:
    """Run a command, its output appended to ``log`` when given; True when it succeeded."""
    print("  $", " ".join(command), flush=True)
    if log is None:
        return subprocess.run(command, cwd=cwd, env=env, check=False).returncode == 0
    with log.open("a", encoding="utf-8") as out:
        result = subprocess.run(
            command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, check=False
        )
    return result.returncode == 0


def tail(log: Path, lines: int = 25) -> str:
    """The end of a log, to show what failed."""
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def python_version(python: str) -> str | None:
    """``3.12`` for a working interpreter, None when it does not run (a pyenv shim, say)."""
    try:
        result = subprocess.run(
            [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def find_pythons() -> dict[str, str]:
    """Every supported Python on this machine: ``python3.X`` on PATH, then pyenv's."""
    found: dict[str, str] = {}
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    for version in SUPPORTED:
        candidates = [shutil.which(f"python{version}")]
        candidates += sorted(
            (str(p) for p in pyenv_root.glob(f"versions/{version}.*/bin/python")), reverse=True
        )
        for candidate in candidates:
            if candidate and python_version(candidate) == version:
                found[version] = candidate
                break
    return found


def default_python() -> str:
    """What ``make`` uses: ``python3``."""
    return shutil.which("python3") or sys.executable


def uv() -> Path:
    """The resolver, in a tools venv of its own under build/lock."""
    tools = WORK / "tools"
    binary = tools / "bin" / "uv"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(tools)], check=True)
        pip = [str(tools / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, f"uv=={UV_VERSION}"], check=True)
    return binary


def compile_locks(folder: Path, override: Path | None, keep: bool) -> tuple[Path, Path]:
    """Resolve the candidate lock files into ``folder`` (runtime, runtime+test).

    With ``keep`` the current lock files seed the candidates: uv takes the versions already in
    an output file as preferences, so only what pyproject.toml added (or no longer allows) is
    resolved anew and every other version stays as the tests passed with it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    # setuptools builds the project itself (--no-build-isolation): lock it like the rest.
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    build = folder / "build-requirements.in"
    build.write_text("\n".join(pyproject["build-system"]["requires"]) + "\n", encoding="utf-8")
    outputs = (folder / LOCK.name, folder / TEST_LOCK.name)
    for output, extras in zip(outputs, ([], ["--extra", "test"]), strict=True):
        if keep:
            shutil.copyfile(ROOT / output.name, output)
        command = [str(uv()), "pip", "compile", "pyproject.toml", str(build), *extras]
        command += ["--universal", "--python-version", SUPPORTED[0], "--generate-hashes"]
        command += ["--no-header", "--quiet", "--output-file", str(output)]
        if override is None:
            command += ["--constraint", str(CONSTRAINTS)]
        else:  # trying a release on purpose: the soak, not the list, decides
            command += ["--override", str(override)]
        env = {**os.environ, "UV_CUSTOM_COMPILE_COMMAND": "make lock"}
        if not run(command, cwd=ROOT, env=env):
            raise SystemExit(f"could not resolve {output.name}: nothing changed")
        text = output.read_text(encoding="utf-8")
        # uv names the file as given on the command line or relative to ROOT: neither belongs
        # in the lock.
        for name in (str(build), build.relative_to(ROOT).as_posix()):
            text = text.replace(name, "build-requirements")
        output.write_text(HEADER + text, encoding="utf-8")
    return outputs


def venv_from_lock(python: str, venv: Path, lock: Path, log: Path) -> bool:
    """A fresh venv with exactly the lock's versions and the project (as `make run` does)."""
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    return (
        run([python, "-m", "venv", "--clear", str(venv)], log=log)
        and run([*pip, "--require-hashes", "-r", str(lock)], log=log)
        and run([*pip, "--no-deps", "--no-build-isolation", "-e", str(ROOT)], log=log)
    )


def soak(version: str, python: str, lock: Path, folder: Path) -> str | None:
    """The short soak on one Python; None when it passed, else what failed."""
    venv, log = folder / f"venv-{version}", folder / f"soak-{version}.log"
    log.unlink(missing_ok=True)
    print(f"Python {version}: venv from {lock.name}, short soak (log: {log})", flush=True)
    if not venv_from_lock(python, venv, lock, log):
        return f"Python {version}: installing {lock.name} failed (see {log})"
    command = [
        str(venv / "bin" / "python"),
        str(ROOT / "bench" / "soak.py"),
        "--short",
        "--database",
        "sqlite",
    ]
    if not run(command, log=log, cwd=ROOT):
        return f"Python {version}: the short soak failed (log: {log}):\n{tail(log)}"
    return None


def make_test(lock: Path, test_lock: Path, folder: Path) -> str | None:
    """``make test`` (lint and the whole suite) on the default python3, in a scratch venv."""
    log = folder / "make-test.log"
    log.unlink(missing_ok=True)
    print(f"default python3: make test with the candidate (log: {log})", flush=True)
    variables = [f"VENV={folder / 'venv-default'}", f"LOCK={lock}", f"TEST_LOCK={test_lock}"]
    if run(["make", "-C", str(ROOT), "test", *variables], log=log):
        return None
    return f"make test failed (log: {log}):\n{tail(log)}"


def refresh(override: Path | None, keep: bool) -> int:
    """``make lock``: resolve, check everywhere, then replace the lock or leave it."""
    folder = WORK / "candidate"
    shutil.rmtree(folder, ignore_errors=True)
    lock, test_lock = compile_locks(folder, override, keep)
    pythons = find_pythons()
    print("Pythons found:", ", ".join(f"{v} ({p})" for v, p in pythons.items()), flush=True)
    for version in SUPPORTED:
        if version not in pythons:
            print(f"note: Python {version} not found here: the candidate is not soaked on it")
    # The default python3 first (Debian 12's 3.11 in the field); the first failure ends it.
    default = python_version(default_python())
    order = sorted(pythons.items(), key=lambda item: item[0] != default)
    checks: list[Callable[[], str | None]] = [
        functools.partial(soak, version, python, lock, folder) for version, python in order
    ]
    checks.append(functools.partial(make_test, lock, test_lock, folder))
    for check in checks:
        problem = check()
        if problem is not None:
            print("\nThe candidate lock is REJECTED; requirements*.lock are unchanged.")
            print(f"Candidate files: {folder}\n\n{problem}")
            return 1
    shutil.copyfile(lock, LOCK)
    shutil.copyfile(test_lock, TEST_LOCK)
    print(f"\nAccepted: {LOCK.name} and {TEST_LOCK.name} replaced; commit them.")
    return 0


def soak_all(skip_default: bool) -> int:
    """``.ci/run``: the short soak on each supported Python found, from the lock as it is."""
    folder = WORK / "ci"
    folder.mkdir(parents=True, exist_ok=True)
    default = python_version(default_python())
    pythons = {v: p for v, p in find_pythons().items() if not (skip_default and v == default)}
    if not pythons:
        print("no other supported Python found: nothing more to soak")
    problems = [soak(version, python, LOCK, folder) for version, python in pythons.items()]
    failed = [p for p in problems if p is not None]
    for problem in failed:
        print("\n-", problem)
    return 1 if failed else 0


def main() -> int:
    """Parse the command line and run ``refresh`` or ``soak``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    refresh_parser = sub.add_parser("refresh", help="make lock: resolve, check, replace")
    refresh_parser.add_argument(
        "--override", type=Path, help="requirements forced into the candidate (uv overrides)"
    )
    refresh_parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the locked versions; resolve only what pyproject.toml added or changed",
    )
    soak_parser = sub.add_parser("soak", help="the short soak on every supported Python found")
    soak_parser.add_argument(
        "--skip-default", action="store_true", help="not on the default python3 (make test did)"
    )
    args = parser.parse_args()
    if args.command == "refresh":
        return refresh(args.override, args.keep)
    return soak_all(args.skip_default)


if __name__ == "__main__":
    sys.exit(main())
