"""One running PortDesk per data folder: a second launch asks the first to come forward and exits.

The first instance listens on a QLocalServer whose name is derived from the data folder (and the
user), so two shops in two folders can still run side by side, but one database is never opened
by two app windows.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

MESSAGE = b"activate\n"
TIMEOUT_MS = 1000


def server_name(data_dir: Path) -> str:
    """The local socket name for a data folder (same folder and user → same name)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name on some locked-down PCs
        user = ""
    key = f"{user}\0{Path(data_dir).expanduser().resolve()}".encode()
    return "portdesk-" + hashlib.sha256(key).hexdigest()[:24]


def signal_running(data_dir: Path, timeout_ms: int = TIMEOUT_MS) -> bool:
    """Ask an already running instance for this folder to come forward; False when there is none."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(MESSAGE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(timeout_ms)
    return True


class InstanceServer(QObject):
    """Listens for later launches on the same data folder."""

    sig_activate_requested = Signal()
    """Another launch for this data folder asked this window to come to the front."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._conns: list[QLocalSocket] = []

    def listen(self) -> bool:
        """Start listening (clearing a stale socket file left by a crash); False if impossible."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        """Stop listening and drop open connections."""
        for conn in self._conns:
            conn.readyRead.disconnect()
            conn.abort()
        self._conns.clear()
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            if conn is None:
                break
            self._conns.append(conn)
            conn.readyRead.connect(self._read_all)
        self._read_all()

    def _read_all(self) -> None:
        activate = False
        for conn in list(self._conns):
            if conn.bytesAvailable() and MESSAGE.strip() in bytes(conn.readAll().data()):
                activate = True
            if conn.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                self._conns.remove(conn)
                conn.deleteLater()
        if activate:
            self.sig_activate_requested.emit()
