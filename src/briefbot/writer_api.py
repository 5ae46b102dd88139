"""Writes from the command line go through the web app that serves the index (embedded mode).

``briefbot serve`` opens a small HTTP endpoint on 127.0.0.1 (a free port) that runs ``ingest`` and ``remove`` with
the app's own writer, and records its port and a random token in the serve-lock marker (``<index>/serve.lock``,
mode 0600: only the serving account, which owns the index, can read it). ``briefbot ingest`` / ``remove`` started
beside the app find the marker and send their write there instead of being refused; the app's readers never see
a second writer. Other writers (``triage``, ``summarise FILE``) are still refused with the remedy (indexlock.py).
"""

from __future__ import annotations

import dataclasses
import getpass
import hmac
import json
import logging
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BriefbotError
from .ingest import FileResult, IngestReport

if TYPE_CHECKING:
    from .config import Settings
    from .service import Briefbot

log = logging.getLogger(__name__)

_MAX_BODY = 1 << 20


def report_to_dict(report: IngestReport) -> dict[str, Any]:
    return dataclasses.asdict(report)


def report_from_dict(data: dict[str, Any]) -> IngestReport:
    fields = {f.name for f in dataclasses.fields(FileResult)}
    return IngestReport(results=[FileResult(**{k: v for k, v in r.items() if k in fields}) for r in data["results"]],
                        seconds=data.get("seconds", 0.0), embed_seconds=data.get("embed_seconds", 0.0),
                        embedded=data.get("embedded", 0), pages=data.get("pages", 0))


class WriterEndpoint:
    """The serving app's writer, on loopback, for the CLI of the same account."""

    def __init__(self, bot: Briefbot) -> None:
        self.bot = bot
        self.token = secrets.token_urlsafe(32)
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                endpoint.handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = int(self.server.server_address[1])

    def start(self) -> WriterEndpoint:
        threading.Thread(target=self.server.serve_forever, name="briefbot-writer", daemon=True).start()
        return self

    def info(self) -> dict[str, Any]:
        return {"port": self.port, "token": self.token}

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        given = request.headers.get("Authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {self.token}".encode()):
            return _reply(request, 403, {"error": "not allowed"})
        length = int(request.headers.get("Content-Length") or 0)
        if length > _MAX_BODY:
            return _reply(request, 413, {"error": "request too large"})
        try:
            body = json.loads(request.rfile.read(length) or b"{}")
            who = f"cli:{str(body.get('user') or '?')[:64]}"
            if request.path == "/ingest":
                report = self.bot.ingest([Path(p) for p in body["paths"]], replace=bool(body.get("replace")),
                                         collection=body.get("collection"), background=True)
                self.bot.audit.record(who, "upload", files=[Path(p).name for p in body["paths"]],
                                      collection=body.get("collection"),
                                      documents=[r.doc_id for r in report.results if r.doc_id])
                return _reply(request, 200, {"report": report_to_dict(report)})
            if request.path == "/remove":
                removed = self.bot.remove([str(i) for i in body["ids"]])
                self.bot.audit.record(who, "remove", documents=removed)
                return _reply(request, 200, {"removed": removed})
            return _reply(request, 404, {"error": "unknown route"})
        except BriefbotError as exc:
            return _reply(request, 400, {"error": exc.message, "remedy": exc.remedy})
        except (KeyError, TypeError, ValueError) as exc:
            return _reply(request, 400, {"error": f"bad request: {exc}"})
        except Exception:
            log.exception("a write sent by the command line failed")
            return _reply(request, 500, {"error": "the write failed; the web app's log has details"})


def _reply(request: BaseHTTPRequestHandler, status: int, data: dict[str, Any]) -> None:
    body = json.dumps(data).encode()
    request.send_response(status)
    request.send_header("Content-Type", "application/json")
    request.send_header("Content-Length", str(len(body)))
    request.end_headers()
    request.wfile.write(body)


def through_app(settings: Settings, route: str, payload: dict[str, Any]) -> tuple[dict[str, Any], str] | None:
    """Send a write to the web app serving this index, if one serves it in embedded mode with a writer endpoint:
    (its answer, who it is). None when no app serves it (write here as usual)."""
    from .indexlock import serving_app

    app = serving_app(settings)
    if app is None or app.get("mode") != "embedded" or not isinstance(app.get("writer"), dict):
        return None
    import httpx

    writer = app["writer"]
    who = f"the web app (pid {app.get('pid', '?')}, {app.get('url') or 'starting'})"
    try:
        r = httpx.post(f"http://127.0.0.1:{int(writer['port'])}/{route}", json={**payload, "user": getpass.getuser()},
                       headers={"Authorization": f"Bearer {writer['token']}"}, timeout=None, trust_env=False)
    except httpx.TransportError as exc:
        raise BriefbotError(f"{who} serves this index but its writer did not answer ({exc})",
                            "try again, or stop the app and write directly") from exc
    data: dict[str, Any] = r.json()
    if r.status_code != 200:
        raise BriefbotError(f"{who} refused the write: {data.get('error')}", data.get("remedy") or None)
    return data, who
