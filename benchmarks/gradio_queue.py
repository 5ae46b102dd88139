"""A light load generator: simulated browser sessions speaking Gradio's queue protocol over one asyncio loop.

Twenty ``gradio_client.Client`` threads polling every 10 ms cost the load generator as much CPU as a good part of
the server's, on the same two cores, so their figures mixed the client's cost with the server's. Here every user is
a coroutine with its own session hash, as a browser tab is, and the protocol is the browser's (Gradio 6, "sse_v3"):

1. ``POST /gradio_api/queue/join`` with the event's ``fn_index``, the input values and the session hash;
2. ``GET /gradio_api/queue/data?session_hash=…``: a server-sent-event stream carrying ``process_starts``,
   ``process_generating`` (the first carries every output whole, later ones JSON-diffs against the previous
   outputs) and ``process_completed`` for the event, then ``close_stream`` when the session has nothing pending.
3. the server events the browser runs next (``.then`` steps with a Python function, e.g. the chat's citation cards
   and history list), in the same session, one after the other: the question is done when the last one is.

Nothing is polled: the time of an update is when its bytes arrive. The inputs are the event's components' default
values from ``/config`` with the question in the first textbox, so the script follows the app's layout instead of
hard-coding the handler's signature.
"""

from __future__ import annotations

import asyncio
import copy
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

__all__ = ["AppConfig", "Update", "apply_diff", "ask", "load_config", "new_session"]


@dataclass
class AppConfig:
    url: str
    fn_index: int
    defaults: list[Any]  # the event's input values before the user types anything
    text_slot: int  # which input takes the question
    # Server events the browser runs after this one (``.then``), in order: (fn_index, input component types).
    then: list[tuple[int, list[str]]] = field(default_factory=list)


@dataclass
class Update:
    at: float  # perf_counter when the bytes arrived
    outputs: list[Any]


@dataclass
class Result:
    updates: list[Update] = field(default_factory=list)
    final: list[Any] | None = None
    error: str | None = None


async def load_config(http: httpx.AsyncClient, url: str, api_name: str) -> AppConfig:
    """The event named ``api_name`` and its inputs' defaults, from the page's own config."""
    url = url.rstrip("/")
    r = await http.get(f"{url}/config")
    r.raise_for_status()
    cfg = r.json()
    comps = {c["id"]: c for c in cfg.get("components", [])}
    for i, dep in enumerate(cfg.get("dependencies", [])):
        if dep.get("api_name") != api_name:
            continue
        defaults: list[Any] = []
        slot = -1
        for cid in dep.get("inputs", []):
            comp = comps.get(cid, {})
            defaults.append(copy.deepcopy(comp.get("props", {}).get("value")))
            if slot < 0 and comp.get("type") == "textbox":
                slot = len(defaults) - 1
        if slot < 0:
            raise LookupError(f"event {api_name!r} has no textbox input for the question")
        fn = int(dep.get("id", i))
        then: list[tuple[int, list[str]]] = []
        deps = {int(d.get("id", j)): d for j, d in enumerate(cfg.get("dependencies", []))}
        after = fn
        while (nxt := next((k for k, d in deps.items() if d.get("trigger_after") == after), None)) is not None:
            if deps[nxt].get("backend_fn", True):  # the browser runs a js-only step itself
                then.append((nxt, [comps.get(c, {}).get("type", "") for c in deps[nxt].get("inputs", [])]))
            after = nxt
        return AppConfig(url, fn, defaults, slot, then)
    raise LookupError(f"the app has no event named {api_name!r}")


def apply_diff(obj: Any, diff: list[list[Any]]) -> Any:
    """Gradio's streaming diff (a list of [action, path, value]) applied to a copy of ``obj``."""
    obj = copy.deepcopy(obj)
    for action, path, value in diff:
        if not path:
            if action == "replace":
                obj = value
            elif action == "append":
                obj = obj + value
            else:
                raise ValueError(f"unsupported root action {action!r}")
            continue
        target = obj
        for key in path[:-1]:
            target = target[key]
        last = path[-1]
        if action == "replace":
            target[last] = value
        elif action == "append":
            target[last] += value
        elif action == "add":
            if isinstance(target, list):
                target.insert(int(last), value)
            else:
                target[last] = value
        elif action == "delete":
            del target[int(last) if isinstance(target, list) else last]
        else:
            raise ValueError(f"unknown diff action {action!r}")
    return obj


def new_session() -> str:
    return uuid.uuid4().hex[:11]


async def ask(http: httpx.AsyncClient, app: AppConfig, question: str, timeout: float,
              on_update: Callable[[Update], None] | None = None, session: str | None = None) -> Result:
    """One question in ``session`` (a browser tab; default a fresh one): join the queue, read the event's stream
    to its end."""
    session = session or new_session()
    data = copy.deepcopy(app.defaults)
    data[app.text_slot] = question
    res = Result()
    try:
        async with asyncio.timeout(timeout):
            await _event(http, app.url, app.fn_index, data, session, res, on_update)
            # Then what the browser runs next (the chat's cards and history list): the answer is complete when
            # they are. Their inputs: the chat as it now stands, the session's state (held by the server).
            for fn, kinds in app.then:
                if res.error or res.final is None:
                    break
                after = Result()
                await _event(http, app.url, fn, [res.final[0] if k == "chatbot" else None for k in kinds], session,
                             after, None)
                if after.error:
                    res.error = f"follow-up event {fn}: {after.error}"
    except TimeoutError:
        res.error = "timeout"
    except httpx.HTTPError as exc:
        res.error = f"{type(exc).__name__}: {exc}"[:300]
    return res


async def _event(http: httpx.AsyncClient, url: str, fn_index: int, data: list[Any], session: str, res: Result,
                 on_update: Callable[[Update], None] | None) -> None:
    """One event of ``session``: join the queue, read its stream to the event's end (into ``res``)."""
    join = await http.post(f"{url}/gradio_api/queue/join",
                           json={"data": data, "fn_index": fn_index, "session_hash": session, "event_data": None,
                                 "trigger_id": None})
    if join.status_code != 200:
        res.error = f"join: HTTP {join.status_code} {join.text[:200]}"
        return
    event_id = join.json().get("event_id")
    outputs: list[Any] | None = None
    async with http.stream("GET", f"{url}/gradio_api/queue/data", params={"session_hash": session}) as stream:
        buf = b""
        async for chunk in stream.aiter_bytes():
            buf += chunk
            while b"\n\n" in buf:
                line, buf = buf.split(b"\n\n", 1)
                text = line.decode("utf-8").strip()
                if not text.startswith("data:"):
                    continue
                msg = json.loads(text[5:])
                kind = msg.get("msg")
                if kind == "close_stream":
                    res.error = "the stream closed before the event completed"
                    return
                if msg.get("event_id") not in (None, event_id):
                    continue
                if kind == "process_generating":
                    body = msg.get("output", {}).get("data", [])
                    outputs = list(body) if outputs is None else [
                        apply_diff(outputs[i] if i < len(outputs) else None, d) for i, d in enumerate(body)]
                    upd = Update(time.perf_counter(), outputs)
                    res.updates.append(upd)
                    if on_update:
                        on_update(upd)
                elif kind == "process_completed":
                    out = msg.get("output", {})
                    if not msg.get("success", True):
                        res.error = str(out.get("error") or out)[:300]
                    else:
                        res.final = out.get("data")
                    return
                elif kind == "unexpected_error":
                    res.error = str(msg.get("message"))[:300]
                    return
    res.error = res.error or "the stream closed before the event completed"
