"""The running window of a store answers a second start by coming to the front.

The first instance listens on a local socket named after its store; a second instance that
finds the store locked can ask it to raise its window instead of opening a read-only copy.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE = b"raise\n"


def server_name(store_path: Path) -> str:
    digest = hashlib.sha1(str(Path(store_path).expanduser().resolve()).encode("utf-8")).hexdigest()[:16]
    return f"editor_app-{digest}"


class InstanceServer(QObject):
    """Listens for "raise" from a second start. Accepted sockets belong to this object and are
    only ever closed and dropped here, never through `deleteLater` from their own signals: a
    deferred delete of a socket that Python also references crashed the test run (issue 20)."""

    raise_requested = Signal()

    def __init__(self, store_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(store_path)
        self.server = QLocalServer(self)
        self._clients: list[QLocalSocket] = []
        QLocalServer.removeServer(self.name)  # a stale socket from a crashed run (we hold the store lock)
        self.listening = self.server.listen(self.name)
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        self._drop_finished()
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.setParent(self)
            sock.readyRead.connect(self._on_ready)
            self._clients.append(sock)

    def _on_ready(self) -> None:
        wanted = False
        for sock in self._clients:
            if sock.bytesAvailable() and bytes(sock.readAll().data()).startswith(RAISE.strip()):
                wanted = True
        if wanted:
            self.raise_requested.emit()

    def _drop_finished(self) -> None:
        keep = []
        for sock in self._clients:
            if sock.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                sock.readyRead.disconnect(self._on_ready)
            else:
                keep.append(sock)
        self._clients = keep

    def close(self) -> None:
        for sock in self._clients:
            sock.readyRead.disconnect(self._on_ready)
            sock.abort()
        self._clients = []
        self.server.close()


def ask_running_instance_to_raise(store_path: Path, timeout_ms: int = 1500) -> bool:
    sock = QLocalSocket()
    sock.connectToServer(server_name(store_path))
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write(RAISE)
    ok = sock.waitForBytesWritten(timeout_ms)
    sock.abort()  # closed here and now; nothing left for the event loop
    return ok
