"""Commands for accounts, collections and the audit log: ``briefbot users``, ``collections``, ``audit``.

Passwords are read from a prompt (twice, not echoed) or, with ``--password-stdin``, from the first line of standard
input; never from the command line, where the process list would show them.
"""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from .errors import BriefbotError

# Not imported from cli.py, which imports this module while it loads (the same two lines as there).
IndexOpt = Annotated[Path | None, typer.Option("--index", help="Index directory (default: settings/BRIEFBOT_INDEX).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
out = Console(soft_wrap=True)


def _settings(**overrides: Any) -> Any:
    from .cli import _settings as settings

    return settings(**overrides)


def _fail(exc: BriefbotError) -> None:
    Console(stderr=True, soft_wrap=True).print(f"error: {exc}", highlight=False, markup=False)
    raise typer.Exit(2)

users_app = typer.Typer(no_args_is_help=True, help="Web app accounts: add, list, remove, passwd, grant, revoke.")
collections_app = typer.Typer(no_args_is_help=True, help="Document collections: list, set.")

StdinOpt = Annotated[bool, typer.Option("--password-stdin", help="Read the password from the first line of "
                                        "standard input instead of prompting.")]


def _index(index: Path | None) -> Path:
    return Path(_settings(index=index).index)


def _accounts(index: Path | None) -> Any:
    from .access import Accounts

    return Accounts(_index(index))


def _audit(index: Path | None, action: str, **details: Any) -> None:
    from .audit import AuditLog

    AuditLog(_index(index)).record(f"cli:{getpass.getuser()}", action, **details)


def _password(user: str, from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line.strip():
            raise BriefbotError("no password on standard input", "pipe the password as the first line")
        return line.rstrip("\r\n")
    first = getpass.getpass(f"Password for {user}: ")
    if getpass.getpass("Again: ") != first:
        raise BriefbotError("the two passwords differ", "type the same password twice")
    return first


@users_app.command("add")
def users_add(name: Annotated[str, typer.Argument(help="User name (letters, digits, . _ @ -).")],
              index: IndexOpt = None,
              admin: Annotated[bool, typer.Option("--admin", help="Reads every collection and manages all "
                                                  "documents.")] = False,
              grant: Annotated[list[str] | None, typer.Option("--grant", help="Collection this user reads "
                               "(repeatable; default: general).")] = None,
              password_stdin: StdinOpt = False) -> None:
    """Create an account; its password meets the sign-in policy (12+ characters, not the name, not common)."""
    try:
        accounts = _accounts(index)
        account = accounts.add(name, _password(name, password_stdin), admin=admin,
                               collections=grant if grant is not None else ["general"])
        _audit(index, "user_add", target=name, admin=admin, collections=list(account.collections))
    except BriefbotError as exc:
        _fail(exc)
        return
    out.print(f"added {name}{' (admin)' if admin else ''}: reads {', '.join(account.collections) or 'nothing'}",
              highlight=False)


@users_app.command("list")
def users_list(index: IndexOpt = None, as_json: JsonOpt = False) -> None:
    """Accounts with their role and collections (never their passwords)."""
    try:
        accounts = _accounts(index).list()
    except BriefbotError as exc:
        _fail(exc)
        return
    if as_json:
        out.print_json(json.dumps([{"name": a.name, "admin": a.admin, "collections": list(a.collections),
                                    "created": a.created, "updated": a.updated} for a in accounts]))
        return
    for a in accounts:
        reads = "all collections" if a.admin else (", ".join(a.collections) or "nothing")
        out.print(f"{a.name:<20} {'admin' if a.admin else 'user':<6} {reads}", highlight=False, markup=False)
    if not accounts:
        out.print("no accounts: the web app serves loopback without sign-in (see `briefbot users add`)")


@users_app.command("remove")
def users_remove(name: str, index: IndexOpt = None) -> None:
    """Delete an account; its sessions read nothing from then on."""
    try:
        _accounts(index).remove(name)
        _audit(index, "user_remove", target=name)
    except BriefbotError as exc:
        _fail(exc)
        return
    out.print(f"removed {name}")


@users_app.command("passwd")
def users_passwd(name: str, index: IndexOpt = None, password_stdin: StdinOpt = False) -> None:
    """Set a new password."""
    try:
        accounts = _accounts(index)
        if accounts.get(name) is None:
            raise BriefbotError(f"no user {name!r}", "run `briefbot users list` to see the accounts")
        accounts.set_password(name, _password(name, password_stdin))
        _audit(index, "user_passwd", target=name)
    except BriefbotError as exc:
        _fail(exc)
        return
    out.print(f"password of {name} changed")


@users_app.command("grant")
def users_grant(name: str, collections: Annotated[list[str], typer.Argument(help="Collections to grant.")],
                index: IndexOpt = None) -> None:
    """Let a user read these collections."""
    try:
        account = _accounts(index).grant(name, collections)
        _audit(index, "grant", target=name, collections=list(collections))
    except BriefbotError as exc:
        _fail(exc)
        return
    out.print(f"{name} reads {', '.join(account.collections) or 'nothing'}", highlight=False)


@users_app.command("revoke")
def users_revoke(name: str, collections: Annotated[list[str], typer.Argument(help="Collections to revoke.")],
                 index: IndexOpt = None) -> None:
    """Stop a user reading these collections (takes effect on their next request)."""
    try:
        account = _accounts(index).revoke(name, collections)
        _audit(index, "revoke", target=name, collections=list(collections))
    except BriefbotError as exc:
        _fail(exc)
        return
    out.print(f"{name} reads {', '.join(account.collections) or 'nothing'}", highlight=False)


@users_app.command("admin")
def users_admin(name: str, index: IndexOpt = None,
                revoke: Annotated[bool, typer.Option("--revoke", help="Take the admin role away.")] = False) -> None:
    """Make a user an admin (reads every collection), or with --revoke an ordinary user again."""
    try:
        _accounts(index).set_admin(name, not revoke)
        _audit(index, "user_admin", target=name, admin=not revoke)
    except BriefbotError as exc:
        _fail(exc)
        return
    out.print(f"{name} is {'no longer ' if revoke else ''}an admin")


@collections_app.command("list")
def collections_list(index: IndexOpt = None, as_json: JsonOpt = False) -> None:
    """Collections with their number of documents."""
    from .store import open_store

    try:
        counts = open_store(_settings(index=index)).collection_counts()
    except BriefbotError as exc:
        _fail(exc)
        return
    if as_json:
        out.print_json(json.dumps(counts))
        return
    for name, n in sorted(counts.items()):
        out.print(f"{name:<24} {n} documents", highlight=False, markup=False)


@collections_app.command("set")
def collections_set(docs: Annotated[list[str], typer.Argument(help="File names, ids or symbols of documents.")],
                    to: Annotated[str, typer.Option("--to", help="The collection to move them to.")],
                    index: IndexOpt = None) -> None:
    """Move documents to another collection (catalog only: safe while the web app serves)."""
    from .access import check_collection
    from .audit import AuditLog
    from .service import move_documents
    from .store import open_store

    try:
        store = open_store(_settings(index=index))
        target = check_collection(to)
        ids = [store.document(d).doc_id for d in docs]
        result = move_documents(store, AuditLog(_index(index)), f"cli:{getpass.getuser()}", ids, target)
    except BriefbotError as exc:
        _fail(exc)
        return
    out.print(result.message(), highlight=False, markup=False)


def audit(index: IndexOpt = None,
          user: Annotated[str | None, typer.Option("--user", help="Only this user's events.")] = None,
          action: Annotated[str | None, typer.Option("--action", help="Only this action (ask, open, export, "
                            "upload, remove, reingest, move, login, login_failed, user_add, ...).")] = None,
          since: Annotated[str | None, typer.Option("--since", help="Only events at or after this ISO date/time "
                           "(UTC), e.g. 2026-12-01 or 2026-12-01T09:00.")] = None,
          document: Annotated[str | None, typer.Option("--document", help="Only events naming this document.")
                              ] = None,
          limit: Annotated[int, typer.Option("--limit", help="The last N matching events (0: all).")] = 50,
          as_json: JsonOpt = False) -> None:
    """Read the audit log: who asked what, opened which page, exported, uploaded, moved or removed."""
    from collections import deque

    from .audit import AuditLog

    try:
        log = AuditLog(_index(index))
        events = list(deque(log.read(user, action, since, document), maxlen=limit or None))
    except BriefbotError as exc:
        _fail(exc)
        return
    if as_json:
        for e in events:
            sys.stdout.write(json.dumps(e, ensure_ascii=False) + "\n")
        return
    for e in events:
        rest = {k: v for k, v in e.items() if k not in ("at", "user", "action")}
        detail = " ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in rest.items())
        out.print(f"{e.get('at', '')}  {e.get('user', '?'):<16} {e.get('action', '?'):<12} {detail}",
                  highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    """Add the access commands to the main CLI."""
    app.add_typer(users_app, name="users")
    app.add_typer(collections_app, name="collections")
    app.command("audit")(audit)
