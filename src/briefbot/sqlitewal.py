"""One way to put a SQLite file in WAL mode when several processes may open it at once.

Switching the journal mode needs the file to itself, and SQLite may answer "database is locked" at once instead of
waiting out the busy timeout while another process is creating or switching the same file (seen in the test of two
processes saving history at the same moment). So the switch is retried until the connection's own timeout.
"""

from __future__ import annotations

import sqlite3
import time

RETRY_S = 0.05


def use_wal(conn: sqlite3.Connection, timeout_s: float = 30.0) -> None:
    """``PRAGMA journal_mode=WAL`` on ``conn``, retried while another connection holds the file."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() >= deadline:
                raise
            time.sleep(RETRY_S)
