"""Before Qt starts: name the missing Debian package instead of a cryptic Qt plugin error."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

# Shared libraries Qt's libraries and platform plugins load, and the Debian package of each.
DEBIAN_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-randr.so": "libxcb-randr0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class MissingLibrary:
    """A shared library Qt needs that the system lacks."""

    library: str
    needed_by: str
    package: str


def _qt_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def _platform() -> str:
    if os.environ.get("QT_QPA_PLATFORM"):
        return os.environ["QT_QPA_PLATFORM"].split(":")[0]
    if os.environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb" if os.environ.get("DISPLAY") else "offscreen"


def _binaries(qt: Path, platform: str) -> list[Path]:
    files = [qt / "Qt" / "lib" / "libQt6Gui.so.6", qt / "Qt" / "lib" / "libQt6Widgets.so.6"]
    plugin = qt / "Qt" / "plugins" / "platforms" / f"libq{platform}.so"
    if plugin.exists():
        files.append(plugin)
    return [f for f in files if f.exists()]


def missing_libraries() -> list[MissingLibrary]:
    """Libraries ``ldd`` reports missing for Qt and the platform plugin about to be used."""
    qt = _qt_dir()
    if qt is None or shutil.which("ldd") is None:
        return []
    found: dict[str, MissingLibrary] = {}
    for binary in _binaries(qt, _platform()):
        result = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=False)
        for library in _NOT_FOUND.findall(result.stdout):
            package = DEBIAN_PACKAGES.get(library, "(search: apt-file search " + library + ")")
            found.setdefault(library, MissingLibrary(library, binary.name, package))
    return list(found.values())


def report() -> tuple[int, list[str]]:
    """Exit code and lines to print: 0 when Qt can start."""
    if _qt_dir() is None:
        return 1, ["PySide6 is not installed: run `make run` (it installs everything)."]
    missing = missing_libraries()
    if not missing:
        return 0, [f"Qt system libraries: all present for the '{_platform()}' platform."]
    packages = sorted({m.package for m in missing})
    count = f"{len(missing)} system librar{'y' if len(missing) == 1 else 'ies'}"
    lines = [f"Qt cannot start: {count} missing."]
    lines += [
        f"  {m.library} (needed by {m.needed_by}) -> Debian package {m.package}" for m in missing
    ]
    lines.append("Install them with:")
    lines.append("  sudo apt-get install " + " ".join(p for p in packages if not p.startswith("(")))
    return 1, lines
