"""Talking to systemd without Qt: sd_notify over its datagram socket, and the exit codes.

The protocol is a few lines (``man sd_notify``): send ``READY=1`` or ``WATCHDOG=1`` as one
datagram to the unix socket named by ``$NOTIFY_SOCKET`` (a leading ``@`` means the abstract
namespace). ``$WATCHDOG_USEC`` says how often systemd expects a ping. ``ui.watchdog`` sends
the pings from the Qt event loop, so a frozen screen stops them and systemd restarts it.

Exit codes, which kiosk.service relies on (``Restart=on-failure``):

- ``STAFF_EXIT`` (0): a staff member left the kiosk with their PIN. systemd counts it as a
  success and does not start the kiosk again; ``systemctl start commune-kiosk`` (or a reboot)
  brings it back when the maintenance is done.
- ``UNEXPECTED_EXIT`` (70, EX_SOFTWARE): the screen closed any other way. systemd restarts
  it, as it does after a crash, a ``kill -9`` or a watchdog timeout.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from kiosk.state_log import StateLog

logger = logging.getLogger(__name__)

_states = StateLog(logger, notify="ok")

STAFF_EXIT = 0
UNEXPECTED_EXIT = 70

READY = "READY=1"
WATCHDOG = "WATCHDOG=1"
STOPPING = "STOPPING=1"


def notify(message: str, env: Mapping[str, str] | None = None) -> bool:
    """Send one sd_notify message; False when not started by systemd (or it went away).

    Args:
        message: E.g. ``READY=1`` or ``WATCHDOG=1`` (several may be sent as lines of one message).
        env: The environment to read ``NOTIFY_SOCKET`` from (the process's by default).
    """
    env = os.environ if env is None else env
    address = env.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            # Never wait: the pings come from the UI thread, which a reader that stopped
            # reading must not freeze. A ping lost to a full queue is sent again shortly.
            sock.setblocking(False)
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError as exc:
        _states.change(
            "notify", "failed", "cannot tell systemd %s: %s", message, exc, level=logging.WARNING
        )
        return False
    _states.change("notify", "ok", "systemd hears the kiosk again", level=logging.INFO)
    return True


def watchdog_interval_s(env: Mapping[str, str] | None = None) -> float | None:
    """The watchdog period systemd set for this process, or None when there is none."""
    env = os.environ if env is None else env
    usec = env.get("WATCHDOG_USEC", "")
    pid = env.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    if pid and (not pid.isdigit() or int(pid) != os.getpid()):
        return None  # meant for another process (e.g. our parent's)
    return int(usec) / 1_000_000


def under_systemd(env: Mapping[str, str] | None = None) -> bool:
    """True when a systemd unit started this process (it sets ``$INVOCATION_ID``)."""
    env = os.environ if env is None else env
    return bool(env.get("INVOCATION_ID"))
