"""End-to-end fixtures: probes (programs in their own processes) that must quit cleanly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.probes import Probe


@pytest.fixture
def probes() -> Iterator[list[Probe]]:
    """Probes started by a test; each must quit cleanly (exit 0), without a traceback."""
    started: list[Probe] = []
    yield started
    for probe in started:
        code, errors = probe.stop()
        # Shown by pytest when the test failed: what each program said on its way.
        print(f"--- {probe.name}: exit {code}, last events {probe.drain()[-8:]}\n{errors}")
        assert "Traceback" not in errors, f"{probe.name}:\n{errors}"
        assert code == 0, f"{probe.name} exited {code}:\n{errors}"
