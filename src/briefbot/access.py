"""Who may read what: accounts with hashed passwords, per-collection grants, and the scope one user may read.

* Accounts live in ``<index>/access.sqlite`` (mode 0600): a user name, a salted scrypt hash of the password
  (stdlib ``hashlib.scrypt``, N=2^15, r=8, p=1), an admin flag and the collections granted. Passwords are checked
  in constant time, and an unknown name costs the same hash as a known one, so timing tells nothing.
* Every document belongs to one collection (``general`` unless ingested with ``--collection``). A user reads the
  collections granted to them; an admin reads all. :class:`AccessScope` is that decision for one user, made once
  by ``Briefbot.readable(user)`` and handed to every service call that returns text (retrieval, answers, pages,
  files, the library, exports); nothing above the service filters on its own.
* The password policy (length, not the user name, not a common word) is the one the web sign-in has always
  enforced for ``--auth`` pairs; it lives here so the CLI that sets passwords applies the same rule.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import BriefbotError, ConfigError
from .sqlitewal import use_wal

ACCESS_FILE = "access.sqlite"
DEFAULT_COLLECTION = "general"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
_USER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")

# --- password policy --------------------------------------------------------------------------------------------
MIN_PASSWORD_CHARS = 12  # with back-off after 5 failures, online guessing of 12 characters is hopeless
_MIN_DISTINCT = 5
_COMMON = frozenset("password passwort passw0rd changeme letmein welcome secret admin administrator qwerty qwertyuiop "
                    "azerty iloveyou monkey dragon football baseball sunshine princess trustno briefbot gradio "
                    "analyst united nations security council".split())


def password_problems(user: str, password: str) -> list[str]:
    """What is wrong with ``password`` for ``user`` (empty when it meets the minimum policy)."""
    problems: list[str] = []
    if len(password) < MIN_PASSWORD_CHARS:
        problems.append(f"is shorter than {MIN_PASSWORD_CHARS} characters")
    low = password.casefold()
    if user and user.casefold() in low:
        problems.append("contains the user name")
    if len(set(low)) < _MIN_DISTINCT:
        problems.append(f"uses fewer than {_MIN_DISTINCT} different characters")
    words = re.sub(r"[^a-z]+", " ", low).split()  # "Password123!" -> ["password"]
    if low.isdigit() or (words and all(w in _COMMON for w in words)):
        problems.append("is a common password")
    return problems


# --- hashing ----------------------------------------------------------------------------------------------------
_N, _R, _P = 2 ** 15, 8, 1  # 32 MiB and ~0.1 s per check: costly to guess offline, cheap for one sign-in
_MAXMEM = 64 * 1024 * 1024


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, maxmem=_MAXMEM, dklen=32)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        want = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             maxmem=_MAXMEM, dklen=len(want))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


@functools.cache
def _dummy() -> str:
    """A hash checked for unknown names, so they take as long as known ones. Made on the first sign-in, not at
    import: every `briefbot ask` imports this module and paid ~0.1 s of scrypt for it."""
    return hash_password(secrets.token_hex(16))


def check_collection(name: str) -> str:
    """A collection name as stored (lower case), or a BriefbotError naming the rule."""
    value = (name or "").strip().lower()
    if not _NAME.match(value):
        raise BriefbotError(f"{name!r} is not a collection name",
                            "use 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
    return value


# --- the scope of one reader -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AccessScope:
    """What one user may read. ``collections`` None means every collection (an admin, the local operator, or an
    app without accounts); otherwise only those named."""

    user: str | None
    collections: frozenset[str] | None = None
    admin: bool = False

    @property
    def everything(self) -> bool:
        return self.collections is None

    def allows(self, collection: str | None) -> bool:
        return self.collections is None or (collection or DEFAULT_COLLECTION) in self.collections

    def label(self) -> str:
        return self.user or "local"


EVERYTHING = AccessScope(None)


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    admin: bool
    collections: tuple[str, ...]
    created: str
    updated: str


_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, hash TEXT NOT NULL, admin INTEGER NOT NULL DEFAULT 0,
  created TEXT, updated TEXT);
CREATE TABLE IF NOT EXISTS grants (user TEXT NOT NULL, collection TEXT NOT NULL, PRIMARY KEY (user, collection));
"""


class Accounts:
    """The account store of one index folder. Safe to share between threads (a connection per thread)."""

    def __init__(self, index: Path) -> None:
        self.path = Path(index) / ACCESS_FILE
        self._local = threading.local()

    def exists(self) -> bool:
        return self.path.exists()

    def _db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)  # password hashes: for the server's user only
            os.close(fd)
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            use_wal(conn)
            conn.executescript(_SCHEMA)
            self._local.conn = conn
        return conn

    def any(self) -> bool:
        """Whether any account exists (then the web app asks everyone to sign in)."""
        if not self.path.exists():
            return False
        return self._db().execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None

    def get(self, name: str) -> Account | None:
        if not self.path.exists():
            return None
        db = self._db()
        row = db.execute("SELECT name, admin, created, updated FROM users WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        grants = tuple(r[0] for r in db.execute("SELECT collection FROM grants WHERE user = ? ORDER BY collection",
                                                (name,)))
        return Account(row[0], bool(row[1]), grants, row[2], row[3])

    def list(self) -> list[Account]:
        if not self.path.exists():
            return []
        names = [r[0] for r in self._db().execute("SELECT name FROM users ORDER BY name")]
        return [a for n in names if (a := self.get(n)) is not None]

    def add(self, name: str, password: str, admin: bool = False,
            collections: Iterable[str] = (DEFAULT_COLLECTION,)) -> Account:
        if not _USER.match(name or ""):
            raise BriefbotError(f"{name!r} is not a user name",
                                "use 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
        _check_password(name, password)
        grants = [check_collection(c) for c in collections]
        now = _now()
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
                raise BriefbotError(f"user {name!r} already exists", "use `briefbot users passwd` or pick another name")
            db.execute("INSERT INTO users VALUES (?,?,?,?,?)", (name, hash_password(password), int(admin), now, now))
            db.executemany("INSERT OR IGNORE INTO grants VALUES (?,?)", [(name, c) for c in grants])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        account = self.get(name)
        assert account is not None
        return account

    def remove(self, name: str) -> None:
        self._require(name)
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        db.execute("DELETE FROM users WHERE name = ?", (name,))
        db.execute("DELETE FROM grants WHERE user = ?", (name,))
        db.execute("COMMIT")

    def set_password(self, name: str, password: str) -> None:
        self._require(name)
        _check_password(name, password)
        self._db().execute("UPDATE users SET hash = ?, updated = ? WHERE name = ?",
                           (hash_password(password), _now(), name))

    def set_admin(self, name: str, admin: bool) -> None:
        self._require(name)
        self._db().execute("UPDATE users SET admin = ?, updated = ? WHERE name = ?", (int(admin), _now(), name))

    def grant(self, name: str, collections: Iterable[str]) -> Account:
        self._require(name)
        names = [check_collection(c) for c in collections]
        self._db().executemany("INSERT OR IGNORE INTO grants VALUES (?,?)", [(name, c) for c in names])
        account = self.get(name)
        assert account is not None
        return account

    def revoke(self, name: str, collections: Iterable[str]) -> Account:
        self._require(name)
        names = [check_collection(c) for c in collections]
        self._db().executemany("DELETE FROM grants WHERE user = ? AND collection = ?", [(name, c) for c in names])
        account = self.get(name)
        assert account is not None
        return account

    def verify(self, name: str, password: str) -> bool:
        """Whether ``password`` is ``name``'s; as slow for an unknown name as for a known one."""
        row = None
        if self.path.exists():
            row = self._db().execute("SELECT hash FROM users WHERE name = ?", (name,)).fetchone()
        ok = verify_password(password, row[0] if row else _dummy())
        return ok and row is not None

    def scope(self, name: str) -> AccessScope:
        """What ``name`` may read: all for an admin, the granted collections otherwise, nothing if unknown."""
        account = self.get(name)
        if account is None:
            return AccessScope(name, frozenset())
        if account.admin:
            return AccessScope(name, None, admin=True)
        return AccessScope(name, frozenset(account.collections))

    def _require(self, name: str) -> None:
        if self.get(name) is None:
            raise BriefbotError(f"no user {name!r}", "run `briefbot users list` to see the accounts")


def _check_password(user: str, password: str) -> None:
    problems = password_problems(user, password)
    if problems:
        raise ConfigError(f"the password of {user!r} " + "; ".join(problems),
                          f"choose at least {MIN_PASSWORD_CHARS} characters that are neither the user name nor a "
                          "common word (four random words work well)")


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")
