"""A small TCP proxy a test puts between a program and a server (PostgreSQL, a printer), to cut.

    with TcpProxy("127.0.0.1", 5432) as proxy:
        url = proxy.url(postgres_url)   # the same URL through the proxy
        ...                              # start the program on ``url``
        proxy.cut()                      # clean cut: connections reset, new ones refused
        proxy.drop()                     # silent cut: nothing moves, nothing is closed
        proxy.restore()                  # the link is back (held bytes flow on)

``cut`` is a server that went away or a switched-off PC: every connection is reset at once and
new ones are refused. ``drop`` is a pulled cable or a dead switch: packets vanish, so no byte
moves either way, nothing is closed, and new connections hang (their handshake waits in the
listen backlog); as with TCP after a real outage, ``restore`` delivers what was held, late but
whole. One thread runs every connection; the test thread only flips the mode.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import struct
import threading
from types import TracebackType
from typing import Self

from sqlalchemy.engine import make_url

OPEN, CUT, DROP = "open", "cut", "drop"
CHUNK = 65536


class _Pair:
    """A client connection and its upstream, with bytes not yet written each way."""

    def __init__(self, client: socket.socket, upstream: socket.socket) -> None:
        self.client = client
        self.upstream = upstream
        self.pending: dict[socket.socket, bytearray] = {client: bytearray(), upstream: bytearray()}

    def other(self, sock: socket.socket) -> socket.socket:
        return self.upstream if sock is self.client else self.client

    def close(self, *, reset: bool) -> None:
        for sock in (self.client, self.upstream):
            if reset:  # RST instead of FIN: the peer sees "connection reset", as after a crash
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target; ``cut``, ``drop`` and ``restore`` the link."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self._target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self._listener.setblocking(False)
        self.port: int = self._listener.getsockname()[1]
        self._selector = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._pairs: dict[socket.socket, _Pair] = {}
        self._mode = OPEN
        self._wanted = OPEN
        self._lock = threading.Lock()
        self._stopping = False
        self.connections_made = 0
        self._thread = threading.Thread(target=self._run, name="tcp-proxy", daemon=True)

    def url(self, url: str) -> str:
        """``url`` with its host and port replaced by the proxy's."""
        return make_url(url).set(host="127.0.0.1", port=self.port).render_as_string(False)

    def start(self) -> None:
        """Start forwarding."""
        self._selector.register(self._wake_r, selectors.EVENT_READ)
        self._selector.register(self._listener, selectors.EVENT_READ)
        self._thread.start()

    def cut(self) -> None:
        """Reset every connection and refuse new ones until ``restore``."""
        self._set(CUT)

    def drop(self) -> None:
        """Stop every byte both ways and leave new connections hanging, until ``restore``."""
        self._set(DROP)

    def restore(self) -> None:
        """Forward again; bytes held by ``drop`` flow on."""
        self._set(OPEN)

    def close(self) -> None:
        """Stop the thread and close every socket."""
        self._stopping = True
        self._wake_w.send(b"x")
        self._thread.join(timeout=5)
        for pair in {id(p): p for p in self._pairs.values()}.values():
            pair.close(reset=False)
        self._pairs.clear()
        self._selector.close()
        for sock in (self._listener, self._wake_r, self._wake_w):
            sock.close()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- the proxy thread ----------------------------------------------------------------------

    def _set(self, mode: str) -> None:
        with self._lock:
            self._wanted = mode
        self._wake_w.send(b"x")

    def _run(self) -> None:
        while not self._stopping:
            for key, events in self._selector.select(timeout=1.0):
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                if sock is self._wake_r:
                    self._wake_r.recv(CHUNK)
                    self._apply_mode()
                elif sock is self._listener:
                    self._accept()
                elif sock in self._pairs:
                    self._serve(sock, events)

    def _apply_mode(self) -> None:
        with self._lock:
            wanted = self._wanted
        if wanted == self._mode:
            return
        if wanted == CUT:
            for pair in {id(p): p for p in self._pairs.values()}.values():
                self._forget(pair, reset=True)
        self._mode = wanted
        self._watch_listener(wanted != DROP)
        for sock in self._pairs:
            self._update(sock)

    def _watch_listener(self, on: bool) -> None:
        registered = self._listener in self._selector.get_map()
        if on and not registered:
            self._selector.register(self._listener, selectors.EVENT_READ)
        elif not on and registered:
            self._selector.unregister(self._listener)

    def _accept(self) -> None:
        try:
            client, _address = self._listener.accept()
        except BlockingIOError:
            return
        if self._mode == CUT:
            _Pair(client, socket.socket()).close(reset=True)
            return
        try:
            upstream = socket.create_connection(self._target, timeout=5)
        except OSError:
            client.close()
            return
        self.connections_made += 1
        pair = _Pair(client, upstream)
        for sock in (client, upstream):
            sock.setblocking(False)
            self._pairs[sock] = pair
            self._selector.register(sock, selectors.EVENT_READ)

    def _serve(self, sock: socket.socket, events: int) -> None:
        pair = self._pairs[sock]
        try:
            if events & selectors.EVENT_READ:
                data = sock.recv(CHUNK)
                if not data:
                    self._forget(pair, reset=False)
                    return
                pair.pending[pair.other(sock)] += data
                self._flush(pair.other(sock))
            if events & selectors.EVENT_WRITE:
                self._flush(sock)
        except OSError:
            self._forget(pair, reset=False)

    def _flush(self, sock: socket.socket) -> None:
        pending = self._pairs[sock].pending[sock]
        if pending and self._mode == OPEN:
            sent = sock.send(pending)
            del pending[:sent]
        self._update(sock)

    def _update(self, sock: socket.socket) -> None:
        """Read only while the link is open; write when bytes wait and the link is open."""
        events = 0
        if self._mode == OPEN:
            events = selectors.EVENT_READ
            if self._pairs[sock].pending[sock]:
                events |= selectors.EVENT_WRITE
        registered = sock in self._selector.get_map()
        if events and registered:
            self._selector.modify(sock, events)
        elif events:
            self._selector.register(sock, events)
        elif registered:
            self._selector.unregister(sock)

    def _forget(self, pair: _Pair, *, reset: bool) -> None:
        for sock in (pair.client, pair.upstream):
            self._pairs.pop(sock, None)
            if sock in self._selector.get_map():
                self._selector.unregister(sock)
        pair.close(reset=reset)
