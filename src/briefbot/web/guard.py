"""The outermost layer of the web server: which requests reach Gradio at all.

Loopback is not a boundary by itself: any web page the analyst visits can point a name it controls at 127.0.0.1
(DNS rebinding) or post to the app from its own origin. So a request is served only when

* its ``Host`` names the interface the app is bound to (``127.0.0.1``, ``localhost`` or ``[::1]`` for a loopback
  bind, the configured host otherwise, plus the names in ``settings.host_names``);
* its ``Origin``, when the browser sends one, is the app's own host as well (a foreign origin gets a 403 and no
  CORS headers, so no credentialed cross-origin read is ever allowed);
* it does not ask the file or proxy routes to fetch a URL (``/gradio_api/file=http://…``): the server never
  fetches for a client.

Plain ASGI so it wraps Gradio's own middleware (whose CORS layer would otherwise echo a foreign origin).
"""

from __future__ import annotations

import logging
import re
import socket
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import unquote, urlsplit

from .serving import is_loopback

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
# A route argument that names a URL (scheme: or //host), however it is encoded.
_URL_ARG = re.compile(r"/(?:file|proxy)=\s*(?:[a-z][a-z0-9+.\-]*:|[\\/]{2})", re.IGNORECASE)


def allowed_hosts(bind: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """Host names a request may use for an app bound to ``bind`` (lower case, IPv6 without brackets), plus
    ``extra`` (the names users type, e.g. behind DNS). A wildcard bind (``0.0.0.0``, ``::``) names no host, so it
    answers to this machine's names and the extra ones."""
    name = bind.strip().strip("[]").lower()
    names = {n.strip().strip("[]").lower() for n in extra if n.strip()}
    if is_loopback(name):
        return LOOPBACK_NAMES | {name} | names
    if name in ("0.0.0.0", "::"):
        return LOOPBACK_NAMES | {socket.gethostname().lower(), socket.getfqdn().lower()} | names
    return frozenset({name} | names)


def host_name(value: str) -> str | None:
    """``example.org:7860`` / ``[::1]:7860`` / ``http://example.org`` -> the bare, lower-case host name."""
    value = value.strip()
    if not value:
        return None
    try:
        parts = urlsplit(value if "://" in value else f"//{value}")
        return (parts.hostname or "").lower() or None
    except ValueError:
        return None


def fetches_url(path: str) -> bool:
    """Whether a request path asks a file or proxy route for an outside URL."""
    return any(_URL_ARG.search(p) for p in {path, unquote(path), unquote(unquote(path))})


class RequestGuard:
    """ASGI middleware enforcing the rules in the module docstring."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(h.lower() for h in hosts)

    def refusal(self, scope: Scope) -> tuple[int, str] | None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
        host = host_name(headers.get("host", ""))
        if host not in self.hosts:
            return 421, "unknown host name: open the app through the address it is served on"
        origin = headers.get("origin")
        if origin is not None and host_name(origin) not in self.hosts:
            return 403, "cross-origin request refused"
        raw = scope.get("raw_path") or b""
        if fetches_url(scope.get("path", "")) or fetches_url(raw.decode("latin-1")):
            return 403, "the server does not fetch URLs"
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        refused = self.refusal(scope)
        if refused is None:
            await self.app(scope, receive, send)
            return
        status, reason = refused
        log.warning("refused %s %s: %s", scope.get("method", "WS"), scope.get("path"), reason)
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        body = reason.encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
