"""Cold start of the kiosk to its first painted home screen, against a bare PySide6 window.

Each run is a fresh ``python`` process started the same way; the time is from spawning it to
the line it prints right after its first paint (``KIOSK_BENCH_EXIT=paint``, see ui/app.py),
and the memory is that process's peak RSS (``os.wait4``). The floor is a fullscreen QWidget
with nothing in it. Also measured: the kiosk until its database is open and the first queue
snapshot is on screen (``KIOSK_BENCH_EXIT=ready``), which happens after the first paint.
Goals: at most 1.3x the floor's time and 1.6x its memory to the first paint. No assertions.
Run: .venv/bin/python bench/startup.py [--runs N]   (offscreen unless DISPLAY is set)
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds queue.py, which would shadow the standard library's `queue`.
sys.path.remove(str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import os
import statistics
import subprocess
import tempfile
import time

ROOT = Path(__file__).resolve().parents[1]

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

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

app = QApplication(sys.argv[:1])
window = Window()
window.showFullScreen()
sys.exit(app.exec())
"""


def run_once(argv: list[str], env: dict[str, str], marker: str) -> tuple[float, float]:
    """Seconds until ``marker`` is printed, and peak RSS in MiB."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
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
        raise SystemExit(f"{' '.join(argv)} failed (exit {proc.returncode})")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


def measure(
    label: str, argv: list[str], env: dict[str, str], marker: str, runs: int
) -> tuple[float, float]:
    run_once(argv, env, marker)  # warm the file cache, as after the kiosk's first boot
    results = [run_once(argv, env, marker) for _ in range(runs)]
    seconds = statistics.median(r[0] for r in results)
    rss = statistics.median(r[1] for r in results)
    print(f"{label:<44} {seconds * 1000:7.0f} ms {rss:7.1f} MiB")
    return seconds, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.toml"
        config.write_text(
            f'[database]\nurl = "sqlite:///{Path(tmp) / "bench.sqlite3"}"\n'
            '[printer]\nkind = "dummy"\n',
            encoding="utf-8",
        )
        kiosk = [sys.executable, "-m", "kiosk.cli", "--config", str(config), "run"]
        print(f"median of {args.runs} runs, platform {env.get('QT_QPA_PLATFORM', 'display')}")
        floor_s, floor_mb = measure(
            "bare PySide6 fullscreen window (floor)",
            [sys.executable, "-c", BARE_WINDOW],
            env,
            "kiosk-bench paint",
            args.runs,
        )
        paint_s, paint_mb = measure(
            "kiosk run: first painted home screen",
            kiosk,
            {**env, "KIOSK_BENCH_EXIT": "paint"},
            "kiosk-bench paint",
            args.runs,
        )
        ready_s, ready_mb = measure(
            "kiosk run: database open, queue on screen",
            kiosk,
            {**env, "KIOSK_BENCH_EXIT": "ready"},
            "kiosk-bench ready",
            args.runs,
        )
    print(
        f"first paint: {paint_s / floor_s:.2f}x time (goal 1.3), "
        f"{paint_mb / floor_mb:.2f}x memory (goal 1.6)"
    )
    print(f"ready:       {ready_s / floor_s:.2f}x time, {ready_mb / floor_mb:.2f}x memory")


if __name__ == "__main__":
    main()
