"""Sign-in and access for the web app: who is asking, and the scope the service enforces for them.

* :func:`sign_in` is Gradio's ``auth``: accounts from ``<index>/access.sqlite`` (``briefbot users``) and the
  ``auth`` setting's ``user:password`` pairs, each checked in constant time; sign-ins are audited. None when
  neither exists: the zero-set-up loopback app without a login.
* :func:`scope_of` turns a request into ``Briefbot.readable(user)``, the one decision of what that user may read.
  Handlers pass it to the service; nothing here filters documents itself.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..access import AccessScope, Accounts
from ..audit import AuditLog
from .serving import parse_auth

if TYPE_CHECKING:
    from ..config import Settings
    from ..service import Briefbot


def has_accounts(settings: Settings) -> bool:
    return Accounts(Path(settings.index)).any()


def sign_in(settings: Settings) -> Callable[[str, str], Any] | None:
    """The sign-in check for Gradio, or None when the app has no accounts and no ``auth`` pairs."""
    pairs = dict(parse_auth(settings.auth) or [])
    accounts = Accounts(Path(settings.index))
    if not pairs and not accounts.any():
        return None
    audit = AuditLog(Path(settings.index))

    def check(username: str, password: str) -> bool:
        if accounts.get(username) is not None:
            ok = accounts.verify(username, password)
        else:
            if accounts.any():
                accounts.verify(username, password)  # as slow as a known name: timing tells nothing
            want = pairs.get(username)
            ok = want is not None and hmac.compare_digest(password.encode(), want.encode())
        audit.record(username[:64], "login" if ok else "login_failed")
        return ok

    async def auth(username: str, password: str) -> bool:
        return await asyncio.to_thread(check, username, password)  # ~0.1 s of scrypt off the event loop

    return auth


def user_of(request: Any) -> str | None:
    """The signed-in user of a Gradio request (None without sign-in)."""
    return getattr(request, "username", None) or None


def scope_of(bot: Briefbot, request: Any) -> AccessScope:
    """What the user behind ``request`` may read (Briefbot.readable decides)."""
    return bot.readable(user_of(request))
