"""Cold start of the kiosk to its first painted home screen, against a bare PySide6 window.

Each run is a fresh ``python`` process started the same way; the time is from spawning it to
the line it prints right after its first paint (``KIOSK_BENCH_EXIT=paint``, see ui/shell.py),
and the memory is that process's peak RSS (``os.wait4``). The floor is a fullscreen QWidget
with nothing in it. Measured: ``kiosk run`` and ``kiosk demo`` (what ``make run`` starts) to
the first paint, and ``kiosk run`` until its database is open and the first queue snapshot is
on screen (``KIOSK_BENCH_EXIT=ready``, after the first paint). The runs go round-robin (floor,
run, demo, run until ready, floor, ...), ``--runs`` rounds after one warm-up round, so the
machine's noise falls on all alike; each figure is the minimum and the median.
Goals (P1): at most 1.3x the floor's time and 1.6x its memory to the first paint.
Beside the goal's floor, a second reference, not a goal: the home screen's look written in
plain PySide6 (the shipped fonts, a stylesheet, the header, the waiting line, a tip and five
tiles with SVG pictures), no config, no logging, no command line. What a kiosk costs beyond it
is the kiosk's own Python before the first frame, which the profile in the closing notes splits.
Run: .venv/bin/python bench/startup.py [--runs N]   (offscreen unless DISPLAY is set)
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds queue.py, which would shadow the standard library's `queue`.
sys.path.remove(str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.append(str(Path(__file__).resolve().parent))

import argparse
import os
import subprocess
import tempfile
import time

import harness

ROOT = Path(__file__).resolve().parents[1]
BENCH = "startup"

# Both programs: a window that says so on its first paint and quits.
PAINT_THEN_EXIT = """
class Window(QWidget):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, done)

def done():
    print("kiosk-bench paint", flush=True)
    app.exit(0)
"""

BARE_WINDOW = (
    """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
"""
    + PAINT_THEN_EXIT
    + """
app = QApplication(sys.argv[:1])
window = Window()
window.showFullScreen()
sys.exit(app.exec())
"""
)


# The kiosk's home screen as a plain PySide6 program would draw it (argv[1]: data/fonts).
PLAIN_HOME = (
    """
import sys
from PySide6.QtCore import QByteArray, QTimer, Qt
from PySide6.QtGui import QFont, QFontDatabase, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)
"""
    + PAINT_THEN_EXIT
    + """
def picture(n):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" '
        f'r="{20 + n}" fill="none" stroke="#0b2f5b" stroke-width="4.5"/></svg>'
    )
    pixmap = QPixmap(96, 96)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(svg.encode())).render(painter)
    painter.end()
    return QIcon(pixmap)

app = QApplication(sys.argv[:1])
for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
    QFontDatabase.addApplicationFont(f"{sys.argv[1]}/{name}")
app.setFont(QFont("Noto Sans", 20))
app.setStyleSheet(
    "QWidget#bar { background: #0b2f5b; } QWidget#bar QLabel { color: white; }"
    "QPushButton { font-size: 34px; font-weight: bold; border: 3px solid #0b2f5b;"
    " border-radius: 12px; background: white; } QLabel { font-size: 24px; }"
)
window = Window()
column = QVBoxLayout(window)
bar = QWidget(objectName="bar")
row = QHBoxLayout(bar)
for text in ("Trung tâm Phục vụ hành chính công", "08:00  Thứ Hai, 30/11/2026"):
    row.addWidget(QLabel(text))
for text in ("Chữ to", "English"):
    row.addWidget(QPushButton(text))
column.addWidget(bar)
column.addWidget(QLabel("Hiện có 9 người đang chờ."))
column.addWidget(QLabel("Bạn có biết? Đi chứng thực bản sao, nhớ mang theo bản chính."))
grid = QGridLayout()
tiles = (
    "Lấy số thứ tự", "Lấy số ưu tiên\\nNgười cao tuổi, khuyết tật, mang thai…",
    "Hướng dẫn thủ tục\\nCần mang giấy tờ gì, làm thế nào",
    "Đánh giá dịch vụ\\nXong việc? Cho chúng tôi biết",
    "Gọi cán bộ hỗ trợ\\nCán bộ sẽ đến giúp bạn",
)
for n, text in enumerate(tiles):
    tile = QPushButton(picture(n), text)
    tile.setMinimumHeight(200)
    grid.addWidget(tile, n // 3, n % 3)
column.addLayout(grid)
window.showFullScreen()
sys.exit(app.exec())
"""
)


def run_once(argv: list[str], env: dict[str, str], marker: str) -> tuple[float, float]:
    """Seconds until ``marker`` is printed, and peak RSS in MiB."""
    start = time.perf_counter()
    # stderr is dropped: the offscreen platform warns about window hints on every start.
    proc = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    elapsed = float("nan")
    for line in proc.stdout:
        if line.strip() == marker:
            elapsed = time.perf_counter() - start
            break
    proc.stdout.close()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0 or elapsed != elapsed:
        raise SystemExit(
            f"{' '.join(argv)} failed (exit {proc.returncode}): run it by hand to see why"
        )
    return elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


TIME_GOAL = 1.3
MEMORY_GOAL = 1.6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=harness.MIN_PAIRS, help="rounds")
    args = parser.parse_args()
    env = dict(os.environ)
    # As on a kiosk PC, the warm-up round leaves bytecode behind. A shell with
    # PYTHONDONTWRITEBYTECODE would have every round compile the kiosk's own modules from
    # source (~0.2 s), while the floor's (PySide6's, installed compiled) never are.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.toml"
        config.write_text(
            f'[database]\nurl = "sqlite:///{Path(tmp) / "bench.sqlite3"}"\n'
            '[printer]\nkind = "dummy"\n',
            encoding="utf-8",
        )
        kiosk = [sys.executable, "-m", "kiosk.cli", "--config", str(config)]
        paint = {**env, "KIOSK_BENCH_EXIT": "paint"}
        subjects = {
            "floor": ([sys.executable, "-c", BARE_WINDOW], env, "kiosk-bench paint"),
            "plain home": (
                [sys.executable, "-c", PLAIN_HOME, str(ROOT / "data" / "fonts")], env,
                "kiosk-bench paint",
            ),
            "kiosk run": ([*kiosk, "run"], paint, "kiosk-bench paint"),
            "kiosk demo": ([*kiosk, "demo"], paint, "kiosk-bench paint"),
            "kiosk run, ready": (
                [*kiosk, "run"], {**env, "KIOSK_BENCH_EXIT": "ready"}, "kiosk-bench ready",
            ),
        }  # fmt: skip
        print(
            f"startup bench: {args.runs} rounds, platform {env.get('QT_QPA_PLATFORM', 'display')}"
        )
        results = rounds(subjects, max(harness.MIN_PAIRS, args.runs))
    report(results)


def rounds(
    subjects: dict[str, tuple[list[str], dict[str, str], str]], count: int
) -> dict[str, tuple[harness.Spread, harness.Spread]]:
    """Each subject once per round, round-robin; (seconds, MiB) spreads per subject."""
    for argv, env, marker in subjects.values():  # warm the file cache, as after a first boot
        run_once(argv, env, marker)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in subjects}
    for _ in range(count):
        for name, (argv, env, marker) in subjects.items():
            samples[name].append(run_once(argv, env, marker))
    return {
        name: (harness.Spread.of([s for s, _ in got]), harness.Spread.of([m for _, m in got]))
        for name, got in samples.items()
    }


def report(results: dict[str, tuple[harness.Spread, harness.Spread]]) -> None:
    floor_s, floor_mb = results.pop("floor")
    plain_s, plain_mb = results.pop("plain home")
    print(f"  floor, bare fullscreen window: {harness.spread_text(floor_s)}, "
          f"peak RSS median {floor_mb.median:.0f} MiB")  # fmt: skip
    plain_ratio = plain_s.ratio(floor_s)
    print(f"  reference, the home screen in plain PySide6: {harness.spread_text(plain_s)}; "
          f"{plain_ratio.low:.2f}x / {plain_ratio.median:.2f}x floor, "
          f"peak RSS {plain_mb.median:.0f} MiB")  # fmt: skip
    for name, (seconds, mib) in results.items():
        time_ratio, memory_ratio = seconds.ratio(floor_s), mib.ratio(floor_mb)
        value = (
            f"{harness.spread_text(seconds)}; {time_ratio.low:.2f}x / {time_ratio.median:.2f}x "
            f"floor, {seconds.ratio(plain_s).median:.2f}x plain home; "
            f"peak RSS {mib.median:.0f} MiB = {memory_ratio.median:.2f}x"
        )
        if name.endswith("ready"):
            harness.report(BENCH, f"{name} (after the first paint)", value)
            continue
        harness.report(
            BENCH,
            f"{name}: start to the first painted home screen (P1)",
            value,
            goal=f"<= {TIME_GOAL}x time, <= {MEMORY_GOAL}x memory",
            passed=time_ratio.median <= TIME_GOAL and memory_ratio.median <= MEMORY_GOAL,
        )


if __name__ == "__main__":
    main()
