"""The LLM engine end to end over HTTP: ``Briefbot.ask_stream`` with engine "llm" against a real server on loopback.

The server speaks the two protocols briefbot's providers use — OpenAI's /v1/chat/completions (SSE chunks when the
request says ``stream: true``, one JSON body otherwise) and Ollama's /api/chat (NDJSON lines) — and replies from a
script, so langchain-openai's and langchain-ollama's real clients, their timeouts and their streaming all run. A
scripted reply may be a function of the request, to cite the passage keys code assigned in the prompt.
"""

from __future__ import annotations

import contextlib
import json
import queue
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from briefbot.models import Answer, StreamEvent
from briefbot.service import Briefbot
from sample_index import INJECTED_FILE, assert_quotes_on_their_pages, sample_briefbot

EMBARGO_Q = "What does the panel report say about arms embargo violations?"
FINDINGS = "new findings on violations of the arms embargo have been presented by the Panel of Experts"
INJECTED_Q = "Was the arms embargo on Libya lifted?"


# --- the scripted server ------------------------------------------------------------------------------------------
@dataclass
class Reply:
    """How the server answers one request."""

    text: str | Callable[[dict[str, Any]], str] = ""
    status: int = 200
    delay: float = 0.0  # before the first byte of the body
    pace: float = 0.0  # between streamed pieces
    stall_after: int | None = None  # stop sending (without closing) after this many pieces
    body: bytes | None = None  # sent as is instead of a protocol reply (garbage, error pages)
    ignore_stream: bool = False  # answer a streaming request with one JSON body


@dataclass
class Seen:
    path: str
    request: dict[str, Any]
    pieces_sent: int = 0
    finished: bool = False


def _pieces(text: str) -> list[str]:
    return re.findall(r"\S+\s*|\s+", text)


def prompt_key(request: dict[str, Any], snippet: str) -> int:
    """The key code gave, in the prompt the server received, to the passage containing ``snippet``."""
    user = next(m["content"] for m in request["messages"] if m["role"] == "user")
    for key, body in re.findall(r'<passage key="(\d+)">(.*?)</passage>', user, flags=re.S):
        if snippet in " ".join(body.split()):
            return int(key)
    raise AssertionError(f"no passage in the prompt contains {snippet!r}")


class ScriptedLLMServer:
    """A threaded HTTP server on 127.0.0.1 that answers each request with the next scripted :class:`Reply`."""

    def __init__(self) -> None:
        self.replies: queue.Queue[Reply] = queue.Queue()
        self.seen: list[Seen] = []
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                seen = Seen(self.path, json.loads(body or b"{}"))
                server.seen.append(seen)
                try:
                    reply = server.replies.get_nowait()
                except queue.Empty:
                    self.send_error(503, "no scripted reply left")
                    return
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeouts)
                    server.answer(self, seen, reply)
                seen.finished = True

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="scripted-llm", daemon=True)

    def __enter__(self) -> ScriptedLLMServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()  # wakes handlers that are pacing or stalling
        self.httpd.shutdown()
        self.httpd.server_close()

    def script(self, *replies: Reply) -> None:
        for r in replies:
            self.replies.put(r)

    def answer(self, h: BaseHTTPRequestHandler, seen: Seen, reply: Reply) -> None:
        if self.stop.wait(reply.delay):
            return
        if reply.body is not None:
            h.send_response(reply.status)
            h.send_header("Content-Type", "text/html" if reply.body.startswith(b"<") else "application/json")
            h.send_header("Content-Length", str(len(reply.body)))
            h.end_headers()
            h.wfile.write(reply.body)
            return
        request = seen.request
        text = reply.text(request) if callable(reply.text) else reply.text
        model = request.get("model", "")
        ollama = seen.path == "/api/chat"
        streaming = request.get("stream", ollama) and not reply.ignore_stream  # Ollama streams unless told not to
        if not streaming:
            message = {"role": "assistant", "content": text}
            payload: dict[str, Any] = (
                {"model": model, "created_at": "2026-01-01T00:00:00Z", "message": message, "done": True,
                 "done_reason": "stop"} if ollama else
                {"id": "c1", "object": "chat.completion", "created": 0, "model": model,
                 "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})
            data = json.dumps(payload).encode()
            h.send_response(200)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            h.wfile.write(data)
            return
        h.send_response(200)
        h.send_header("Content-Type", "application/x-ndjson" if ollama else "text/event-stream")
        h.end_headers()  # HTTP/1.0: the body ends when the connection closes
        for n, piece in enumerate(_pieces(text)):
            if reply.stall_after is not None and n >= reply.stall_after:
                self.stop.wait(60)
                return
            if ollama:
                line = {"model": model, "created_at": "2026-01-01T00:00:00Z",
                        "message": {"role": "assistant", "content": piece}, "done": False}
                h.wfile.write(json.dumps(line).encode() + b"\n")
            else:
                chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": model,
                         "choices": [{"index": 0, "delta": {"role": "assistant", "content": piece},
                                      "finish_reason": None}]}
                h.wfile.write(b"data: " + json.dumps(chunk).encode() + b"\n\n")
            h.wfile.flush()
            seen.pieces_sent += 1
            if self.stop.wait(reply.pace):
                return
        if ollama:
            end = {"model": model, "created_at": "2026-01-01T00:00:00Z", "message": {"role": "assistant",
                   "content": ""}, "done": True, "done_reason": "stop", "total_duration": 1, "eval_count": 1}
            h.wfile.write(json.dumps(end).encode() + b"\n")
        else:
            last = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": model,
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            h.wfile.write(b"data: " + json.dumps(last).encode() + b"\n\ndata: [DONE]\n\n")
        h.wfile.flush()


# --- fixtures -----------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return sample_briefbot(tmp_path_factory)


@pytest.fixture
def server() -> Iterator[ScriptedLLMServer]:
    with ScriptedLLMServer() as s:
        yield s


def llm_bot(sample: Briefbot, provider: str, base_url: str, timeout: float = 10.0, **overrides: Any) -> Briefbot:
    """A Briefbot over the sample index whose settings point the LLM engine at ``base_url``."""
    settings = sample.settings.model_copy(update={"engine": "llm", "llm_provider": provider, "llm_model": "scripted",
                                                  "llm_base_url": base_url, "llm_timeout_s": timeout, **overrides})
    return Briefbot(settings, embedder=sample.embedder)


@dataclass
class Asked:
    events: list[StreamEvent] = field(default_factory=list)
    answer: Answer | None = None
    seconds: float = 0.0

    @property
    def text(self) -> str:
        return "".join(e.text for e in self.events if e.kind == "token")

    @property
    def notes(self) -> list[str]:
        return [e.text for e in self.events if e.kind == "note"]


def ask(bot: Briefbot, question: str) -> Asked:
    t0 = time.perf_counter()
    out = Asked(list(bot.ask_stream(question, engine="llm")))
    out.seconds = time.perf_counter() - t0
    assert out.events[0].kind == "hits" and out.events[-1].kind == "done"
    out.answer = out.events[-1].answer
    return out


def assert_verified(answer: Answer, bot: Briefbot) -> None:
    assert answer.citations
    assert_quotes_on_their_pages(answer, bot)


def assert_fallback(asked: Asked, *why: str, prefix: str = "LLM unavailable: ") -> None:
    a = asked.answer
    assert a is not None and a.engine == "extractive", a
    note = a.notes[0]
    assert note.startswith(prefix) and note.endswith("; showing the extractive answer"), note
    for w in why:
        assert w in note, note
    assert note in asked.notes and a.answer in asked.text


def good_reply(request: dict[str, Any]) -> str:
    key = prompt_key(request, FINDINGS)
    return f"The Panel of Experts presented new findings on violations of the arms embargo [{key}]."


PROVIDERS = [("openai", "/v1/chat/completions"), ("ollama", "/api/chat")]


def base_url(server: ScriptedLLMServer, provider: str) -> str:
    return f"{server.url}/v1" if provider == "openai" else server.url


# --- a good answer, streamed --------------------------------------------------------------------------------------
@pytest.mark.parametrize("provider, path", PROVIDERS)
def test_cited_answer_streams_through_the_real_client(sample: Briefbot, server: ScriptedLLMServer, provider: str,
                                                      path: str) -> None:
    server.script(Reply(good_reply, pace=0.05))
    bot = llm_bot(sample, provider, base_url(server, provider))
    stream = bot.ask_stream(EMBARGO_Q, engine="llm")
    assert next(stream).kind == "hits"
    first = next(stream)
    assert first.kind == "token" and first.text.startswith("The")
    seen = server.seen[0]
    # The first token reached the caller while the server was still sending: streamed, not buffered.
    assert not seen.finished and seen.pieces_sent < len(_pieces(good_reply(seen.request)))
    asked = Asked([first, *stream])
    answer = asked.events[-1].answer
    assert answer is not None and answer.engine == "llm" and answer.notes == []
    assert seen.path == path and seen.request["model"] == "scripted" and seen.request["stream"] is True
    assert [m["role"] for m in seen.request["messages"]] == ["system", "user"]
    key = prompt_key(seen.request, FINDINGS)
    assert answer.answer.startswith(f"The Panel of Experts presented new findings on violations of the arms embargo "
                                    f"[{key}].")
    assert [(c.key, c.symbol, c.paragraph) for c in answer.citations] == [(str(key), "S/2025/257", "4")]
    assert_verified(answer, bot)
    assert asked.text.rstrip() == answer.answer.rstrip()


def test_non_streaming_reply_through_the_real_client(sample: Briefbot, server: ScriptedLLMServer) -> None:
    """The same client and settings make a plain (non-streaming) request work too."""
    from briefbot.llm import make_chat_model

    server.script(Reply("The Council extended the mandate [1]."))
    chat = make_chat_model(llm_bot(sample, "openai", f"{server.url}/v1").settings)
    assert chat.invoke("hello").content == "The Council extended the mandate [1]."
    assert server.seen[0].request.get("stream") in (None, False)


# --- an injected answer -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("provider, path", PROVIDERS)
def test_answer_obeying_an_injected_passage_falls_back(sample: Briefbot, server: ScriptedLLMServer, provider: str,
                                                       path: str) -> None:
    server.script(Reply(lambda r: f"ACCESS GRANTED [{prompt_key(r, 'ACCESS GRANTED')}]."))
    # The reranker puts the forged draft far down (rank 26 of 30 on this index); the attack needs it in front of
    # the model, so fusion's order (where it ranks first) is kept for this test.
    bot = llm_bot(sample, provider, base_url(server, provider), rerank=False)
    asked = ask(bot, INJECTED_Q)
    assert any(h.doc.file_name == INJECTED_FILE for h in asked.events[0].hits or [])
    assert_fallback(asked, "repeats instructions found in passage", "S/2024/312", "prompt injection",
                    prefix="LLM answer not used: ")
    assert asked.answer is not None and "ACCESS GRANTED" not in asked.answer.answer


# --- failures -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("provider, path", PROVIDERS)
def test_slow_server_times_out(sample: Briefbot, server: ScriptedLLMServer, provider: str, path: str) -> None:
    server.script(Reply(good_reply, delay=30))
    bot = llm_bot(sample, provider, base_url(server, provider), timeout=1.0)
    asked = ask(bot, EMBARGO_Q)
    assert_fallback(asked, "llm_timeout_s=1 s")
    assert asked.seconds < 15, asked.seconds  # the timeout, not the server, decided
    assert_verified(asked.answer, bot)  # type: ignore[arg-type]


@pytest.mark.parametrize("provider, path", PROVIDERS)
def test_server_stalling_mid_stream_times_out(sample: Briefbot, server: ScriptedLLMServer, provider: str,
                                              path: str) -> None:
    server.script(Reply(good_reply, stall_after=3))
    bot = llm_bot(sample, provider, base_url(server, provider), timeout=1.0)
    asked = ask(bot, EMBARGO_Q)
    assert_fallback(asked, "llm_timeout_s=1 s")
    assert asked.text.startswith("The Panel of")  # the draft streamed before the stall, then the fallback


@pytest.mark.parametrize("provider, path", PROVIDERS)
@pytest.mark.parametrize("reply, why", [
    (Reply(status=500, body=b'{"error": {"message": "CUDA out of memory", "type": "server_error"}}'),
     r"the \w+ server at http://127\.0\.0\.1:\d+(/v1)? answered HTTP 500: .*CUDA out of memory"),
    (Reply(status=200, body=b"<html><body>502 Bad Gateway</body></html>"), "not valid JSON|empty reply"),
    (Reply(status=200, body=b"data: {not json\n\n"), "not valid JSON|empty reply"),
    # A server that ignores "stream": one JSON body where chunks were expected; whatever the client makes of it,
    # the unsupported sentence never reaches the answer.
    (Reply("The weather in Geneva was sunny [1].", ignore_stream=True), "not valid JSON|empty reply|no sentence"),
])
def test_error_or_garbage_reply_falls_back(sample: Briefbot, server: ScriptedLLMServer, provider: str, path: str,
                                           reply: Reply, why: str) -> None:
    server.script(reply)
    bot = llm_bot(sample, provider, base_url(server, provider))
    asked = ask(bot, EMBARGO_Q)
    assert_fallback(asked)
    assert asked.answer is not None and re.search(why, asked.answer.notes[0]), asked.answer.notes[0]
    assert "Geneva" not in asked.answer.answer
    assert server.seen and server.seen[0].path == path
    assert_verified(asked.answer, bot)  # type: ignore[arg-type]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("provider, path", PROVIDERS)
def test_server_down_falls_back(sample: Briefbot, provider: str, path: str) -> None:
    url = f"http://127.0.0.1:{_closed_port()}" + ("/v1" if provider == "openai" else "")
    asked = ask(llm_bot(sample, provider, url), EMBARGO_Q)
    assert_fallback(asked, f"cannot reach the {provider} server at {url}")
    assert asked.seconds < 10
