"""Sign-in hardening around Gradio's own login: a password policy at start, rate limiting, TLS and Secure cookies.

* :func:`check_login` runs before anything is loaded: weak credentials (``a:b``) and unusable TLS files are refused
  with the reason and the remedy.
* :class:`LoginGuard` (ASGI middleware) counts sign-ins on ``POST /login`` per user name and per client address.
  After ``login_attempts`` failures for a user (four times as many for an address, which colleagues behind one
  proxy share) each further try must wait 1 s, 2 s, 4 s … up to ``login_max_backoff_s``, answered 429 with
  Retry-After. An attempt counts as failed until Gradio accepts it, so parallel guesses are limited as well.
* With ``tls_certfile``/``tls_keyfile`` Gradio serves HTTPS (uvicorn) and the guard marks every cookie Secure and
  SameSite=Lax. Gradio 6 sets two session cookies on login (gradio/routes.py ``login``): ``access-token-<id>``
  (Secure, SameSite=None) and ``access-token-unsecure-<id>`` (neither), the second being the one plain-HTTP
  browsers keep; under TLS both become Secure, so the session never travels in clear text.
"""

from __future__ import annotations

import json
import logging
import math
import re
import ssl
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from .serving import is_loopback, parse_auth

if TYPE_CHECKING:
    from starlette.middleware import Middleware

    from ..config import Settings

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MIN_PASSWORD_CHARS = 12  # with back-off after 5 failures, online guessing of 12 characters is hopeless
_MIN_DISTINCT = 5
_COMMON = frozenset("password passwort passw0rd changeme letmein welcome secret admin administrator qwerty qwertyuiop "
                    "azerty iloveyou monkey dragon football baseball sunshine princess trustno briefbot gradio "
                    "analyst united nations security council".split())
_CLIENT_FACTOR = 4
_FORM_LIMIT = 64 * 1024  # a sign-in form is a few hundred bytes


# --- policy and settings, checked at start --------------------------------------------------------------------------
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


def check_credentials(pairs: list[tuple[str, str]]) -> None:
    """Refuse weak or duplicated accounts; the message names users and problems, never a password."""
    errors: list[str] = []
    seen: set[str] = set()
    for user, password in pairs:
        if user in seen:
            errors.append(f"user {user!r} is given twice")
        seen.add(user)
        errors.extend(f"the password of {user!r} {p}" for p in password_problems(user, password))
    if errors:
        raise ConfigError("weak sign-in credentials: " + "; ".join(errors),
                          f"give each account a password of at least {MIN_PASSWORD_CHARS} characters that is neither "
                          "its user name nor a common word (four random words work well), and pass it in "
                          "BRIEFBOT_AUTH rather than --auth so it stays out of the process list")


def check_tls(settings: Settings) -> tuple[Path, Path] | None:
    """The certificate and key to serve HTTPS with, checked to load as a pair; None for plain HTTP."""
    cert, key = settings.tls_certfile, settings.tls_keyfile
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise ConfigError("tls_certfile and tls_keyfile go together (only one is set)",
                          "set both (--tls-cert/--tls-key, BRIEFBOT_TLS_CERTFILE/_KEYFILE), or neither for HTTP")
    for what, path in (("certificate", cert), ("key", key)):
        if not Path(path).is_file():
            raise ConfigError(f"TLS {what} file {path} does not exist", f"check the tls_{what[:4]}file path")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        # A password callback that gives none: an encrypted key fails here instead of prompting on the terminal.
        context.load_cert_chain(str(cert), str(key), password=lambda: b"")
    except (ssl.SSLError, OSError) as exc:
        raise ConfigError(f"cannot use {cert} with {key} for TLS: {exc}",
                          "give a PEM certificate and its unencrypted PEM private key") from exc
    return Path(cert), Path(key)


def check_login(settings: Settings) -> None:
    """Entry point at start: credentials meet the policy and TLS files load. Warns when passwords would cross a
    network in clear text."""
    pairs = parse_auth(settings.auth)
    if pairs:
        check_credentials(pairs)
    tls = check_tls(settings)
    if pairs and tls is None and not is_loopback(settings.host):
        log.warning("serving sign-in over plain HTTP on %s: passwords and session cookies cross the network in "
                    "clear text; set tls_certfile and tls_keyfile, or put a TLS proxy in front", settings.host)


def launch_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for ``Blocks.launch``: TLS files and the login guard."""
    tls = check_tls(settings)
    options: dict[str, Any] = {"app_kwargs": {"middleware": middleware(settings, secure_cookies=tls is not None)}}
    if tls:
        # ssl_verify only governs Gradio's start-up request to its own local URL, which a certificate issued for
        # the team's host name (or a self-signed one) would otherwise fail.
        options.update(ssl_certfile=str(tls[0]), ssl_keyfile=str(tls[1]), ssl_verify=False)
    return options


def middleware(settings: Settings, secure_cookies: bool) -> list[Middleware]:
    from starlette.middleware import Middleware

    limiter = LoginLimiter(settings.login_attempts, settings.login_max_backoff_s)
    return [Middleware(LoginGuard, limiter=limiter, secure_cookies=secure_cookies)]


# --- rate limiting --------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Tally:
    failures: int = 0
    until: float = 0.0  # no attempt before this (clock time)
    last: float = 0.0


Key = tuple[str, str]  # ("user", name) or ("client", address)


class LoginLimiter:
    """Failed sign-ins per key and how long a key must wait. Not thread-safe: used from the server's event loop."""

    MAX_KEYS = 10_000  # bounded memory under a flood of made-up user names

    def __init__(self, attempts: int, max_backoff_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.attempts = attempts
        self.max_backoff = max_backoff_s
        self.clock = clock
        self.forget_after = max(900.0, 2 * max_backoff_s)  # a quiet key starts afresh
        self.tallies: dict[Key, _Tally] = {}
        self._pruned = 0.0

    def free(self, key: Key) -> int:
        return self.attempts * (_CLIENT_FACTOR if key[0] == "client" else 1)

    def attempt(self, keys: list[Key]) -> float:
        """0 to go ahead (the attempt counts as failed until :meth:`succeeded`), else seconds still to wait."""
        now = self.clock()
        self._prune(now)
        wait = max((t.until - now for k in keys if (t := self.tallies.get(k)) is not None), default=0.0)
        if wait > 0:
            return wait
        for key in keys:
            tally = self.tallies.setdefault(key, _Tally())
            tally.failures += 1
            tally.last = now
            over = tally.failures - self.free(key)
            if over >= 0:
                tally.until = now + min(self.max_backoff, 2.0 ** over)
        return 0.0

    def succeeded(self, keys: list[Key]) -> None:
        for key in keys:
            self.tallies.pop(key, None)

    def _prune(self, now: float) -> None:
        if now - self._pruned < 60 and len(self.tallies) < self.MAX_KEYS:
            return
        self._pruned = now
        for key in [k for k, t in self.tallies.items() if t.last < now - self.forget_after and t.until < now]:
            del self.tallies[key]
        if len(self.tallies) >= self.MAX_KEYS:  # still full: forget the longest-quiet half
            for key, _ in sorted(self.tallies.items(), key=lambda kv: kv[1].last)[:len(self.tallies) // 2]:
                del self.tallies[key]


# --- the middleware -------------------------------------------------------------------------------------------------
class LoginGuard:
    """ASGI middleware: rate-limits ``POST /login`` and, under TLS, marks every cookie Secure and SameSite=Lax."""

    def __init__(self, app: ASGIApp, limiter: LoginLimiter, secure_cookies: bool) -> None:
        self.app = app
        self.limiter = limiter
        self.secure_cookies = secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.secure_cookies:
            send = _with_secure_cookies(send)
        if scope["method"] != "POST" or not scope["path"].rstrip("/").endswith("/login"):
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive, _FORM_LIMIT)
        if body is None:
            await _reply(send, 413, "The sign-in form is too large.")
            return
        user = await _form_user(scope, body)
        client = str((scope.get("client") or ("unknown",))[0])
        keys: list[Key] = [("client", client), ("user", user)]
        wait = self.limiter.attempt(keys)
        if wait > 0:
            log.warning("sign-in for %r from %s refused: too many failures, %.0f s to wait", user, client, wait)
            await _reply(send, 429, f"Too many failed sign-ins: try again in {math.ceil(wait)} s.",
                         retry_after=math.ceil(wait))
            return
        status = 0

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        await self.app(scope, _replay(body, receive), watch)
        if status == 200:
            self.limiter.succeeded(keys)
        else:
            log.warning("failed sign-in for %r from %s", user, client)


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = bytes(message.get("body", b""))
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive | None = None) -> Receive:
    """A receive channel that gives ``body`` once, then whatever the client sends next (its disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        if receive is not None:
            return await receive()
        return {"type": "http.disconnect"}

    return replay


async def _form_user(scope: Scope, body: bytes) -> str:
    """The user name in the sign-in form (urlencoded or multipart), stripped as Gradio strips it; "" if none."""
    from starlette.requests import Request

    request = Request(dict(scope), _replay(body))
    try:
        async with request.form(max_files=0, max_fields=16) as form:
            value = form.get("username")
            return value.strip()[:200] if isinstance(value, str) else ""
    except Exception:  # a malformed form: Gradio will refuse it, and it still counts against the address
        return ""


async def _reply(send: Send, status: int, detail: str, retry_after: int | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if retry_after is not None:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def secure_cookie(value: bytes) -> bytes:
    """A Set-Cookie value with Secure and SameSite=Lax in place of whatever it said about either."""
    parts = [p.strip() for p in value.split(b";")]
    kept = [p for p in parts[1:] if p and p.split(b"=")[0].strip().lower() not in (b"secure", b"samesite")]
    return b"; ".join([parts[0], *kept, b"Secure", b"SameSite=lax"])


def _with_secure_cookies(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [(k, secure_cookie(v) if bytes(k).lower() == b"set-cookie" else v)
                                  for k, v in message.get("headers", [])]
        await send(message)

    return wrapped
