"""The app's public API endpoint ``/ask``, called with gradio_client against the real running app."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from gradio_client import Client

from web_support import LIBYA_Q, LIBYA_QUOTE, SAMPLES, Beacon, running_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Client:
    url, _ = running_app(tmp_path_factory)
    return Client(url, verbose=False)


def test_ask_endpoint_returns_answer_with_citations(client: Client) -> None:
    result = client.predict(question=LIBYA_Q, api_name="/ask")
    assert isinstance(result, dict)
    assert result["question"] == LIBYA_Q and result["abstained"] is False
    cited = [c for c in result["citations"] if c["symbol"] == "S/RES/2769 (2025)" and c["paragraph"] == "22"]
    assert cited, result["citations"]
    assert cited[0]["page"] == 6 and cited[0]["quote"].startswith(LIBYA_QUOTE)
    assert cited[0]["document"] == "S_RES_2769_2025.pdf" and cited[0]["date"] == "2025-01-16"
    assert "15 May 2026" in result["answer"]
    assert result["passages"]


def test_ask_endpoint_applies_filters(client: Client) -> None:
    result = client.predict(question=LIBYA_Q, doc_types=["sg_report"], year_from=2025, year_to=2025,
                            api_name="/ask")
    assert result["passages"]
    assert {p["symbol"] for p in result["passages"]} <= {"S/2025/231", "S/2025/257"}


def test_only_ask_is_public(client: Client) -> None:
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert set(endpoints) == {"/ask"}


def test_empty_question_is_an_error(client: Client) -> None:
    with pytest.raises(Exception, match="Question is empty"):
        client.predict(question="  ", api_name="/ask")


def test_file_route_serves_nothing_from_disk(tmp_path_factory: pytest.TempPathFactory) -> None:
    url, bot = running_app(tmp_path_factory)
    catalog = next(Path(bot.settings.index).resolve().glob("*/catalog.sqlite"))
    indexed_pdf = SAMPLES / "S_RES_2769_2025.pdf"
    for path in (catalog, indexed_pdf, Path("/etc/passwd"), "../../../etc/passwd"):
        status = httpx.get(f"{url.rstrip('/')}/gradio_api/file={path}").status_code
        assert status in (403, 404), (path, status)


# --- who may talk to the server (DNS rebinding, cross-origin reads, server-side fetches) ------------------------
def test_foreign_host_and_origin_are_refused_without_cors(tmp_path_factory: pytest.TempPathFactory) -> None:
    url, _ = running_app(tmp_path_factory)
    base = url.rstrip("/")
    port = httpx.URL(url).port
    with httpx.Client(timeout=30) as http:
        for path in ("/", "/config", "/gradio_api/info"):
            # DNS rebinding: the attacker's name resolves to 127.0.0.1, the browser sends its own Host and Origin.
            r = http.get(f"{base}{path}", headers={"Host": f"attacker.example:{port}",
                                                   "Origin": "http://attacker.example"})
            assert r.status_code == 421, (path, r.status_code)
            assert "access-control-allow-origin" not in r.headers
            # A foreign page posting to the real address: refused, no credentialed CORS.
            r = http.get(f"{base}{path}", headers={"Origin": "http://attacker.example"})
            assert r.status_code == 403, (path, r.status_code)
            assert "access-control-allow-origin" not in r.headers
            assert "access-control-allow-credentials" not in r.headers
        preflight = http.options(f"{base}/gradio_api/queue/join", headers={
            "Origin": "http://attacker.example", "Access-Control-Request-Method": "POST"})
        assert preflight.status_code == 403 and "access-control-allow-origin" not in preflight.headers
        # The names of a loopback bind all work, with or without an Origin of the same app.
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"):
            r = http.get(f"{base}/config", headers={"Host": host, "Origin": f"http://{host}"})
            assert r.status_code == 200, (host, r.status_code)
        assert http.get(f"{base}/config").status_code == 200


def test_file_route_fetches_no_url(tmp_path_factory: pytest.TempPathFactory) -> None:
    url, _ = running_app(tmp_path_factory)
    beacon = Beacon()
    try:
        target = f"http://127.0.0.1:{beacon.port}/x.png"
        with httpx.Client(timeout=30) as http:
            for path in (f"/gradio_api/file={target}", f"/gradio_api/file={quote(target, safe='')}",
                         f"/gradio_api/proxy={target}", f"/gradio_api/file=//127.0.0.1:{beacon.port}/x.png"):
                r = http.get(url.rstrip("/") + path)
                assert r.status_code in (403, 404), (path, r.status_code)
        assert beacon.hits == []
    finally:
        beacon.close()
