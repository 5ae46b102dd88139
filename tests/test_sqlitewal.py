"""use_wal waits out another connection that holds the file instead of failing with "database is locked"."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from briefbot.sqlitewal import use_wal


def test_wal_switch_waits_for_a_writer_then_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    timer = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    timer.start()
    conn = sqlite3.connect(path, timeout=0.01, isolation_level=None)
    try:
        use_wal(conn, timeout_s=10)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        timer.join()
        conn.close()
        holder.close()


def test_wal_switch_gives_up_at_its_deadline(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    conn = sqlite3.connect(path, timeout=0.01, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            use_wal(conn, timeout_s=0.3)
    finally:
        conn.close()
        holder.execute("ROLLBACK")
        holder.close()
