"""Storage: a small interface over an embedded SQLite database.

SQLite by default (one file, WAL, foreign keys, versioned migrations). All SQL
lives behind ``Store`` so another backend (PostgreSQL) can be added later by
implementing the same methods.

Migrations are ``migrations/NNN_name.sql`` files applied in order; the applied
version is kept in ``PRAGMA user_version``. Each migration runs in a transaction.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources as ilr
from pathlib import Path
from typing import Iterator

SCHEMA_PACKAGE = "sukien.migrations"


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _migrations() -> list[tuple[int, str, str]]:
    out = []
    for entry in ilr.files(SCHEMA_PACKAGE).iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            out.append((int(name[:3]), name, entry.read_text(encoding="utf-8")))
    return sorted(out)


class Store:
    """SQLite-backed store. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        if read_only:
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self.conn = sqlite3.connect(self.path, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 10000")
        if not read_only:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()

    # ------------------------------------------------------------ lifecycle
    def migrate(self) -> int:
        current = self.conn.execute("PRAGMA user_version").fetchone()[0]
        for version, name, sql in _migrations():
            if version <= current:
                continue
            with self.transaction():
                for stmt in _split_sql(sql):
                    self.conn.execute(stmt)
                self.conn.execute(f"PRAGMA user_version = {version}")
            current = version
        return current

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work: all of it is stored, or none of it."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _split_sql(sql: str) -> list[str]:
    """Split a migration file into statements (no semicolons inside literals in our files)."""
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    parts = [p.strip() for p in "\n".join(lines).split(";")]
    return [p for p in parts if p]
