"""Sign-in hardening, against the real app served on 127.0.0.1 (HTTP, and HTTPS with a certificate made here).

Issue 15 item 8: ``a:b`` was accepted, 200 wrong passwords went through in 0.3 s, and the session cookie was not
Secure. Each test talks to a running server with httpx, the way a browser or a guessing script would.
"""

from __future__ import annotations

import atexit
import datetime as dt
import ipaddress
import math
import os
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from briefbot.config import Settings
from briefbot.errors import ConfigError
from briefbot.service import Briefbot
from briefbot.web import create_app, launch
from briefbot.web.auth import LoginGuard, LoginLimiter, check_login, password_problems, secure_cookie
from web_support import free_port, other_app_in_this_process

ALICE, ALICE_PW = "alice", "copper kettle meadow 42"
BOB, BOB_PW = "bob", "violet harbour lantern"
AUTH = f"{ALICE}:{ALICE_PW},{BOB}:{BOB_PW}"


# --- the running app ------------------------------------------------------------------------------------------------
class Served:
    def __init__(self, url: str, demo: Any, verify: Any = True) -> None:
        self.url = url.rstrip("/")
        self.demo = demo
        self.verify = verify

    @property
    def limiter(self) -> LoginLimiter:
        guard = next(m for m in self.demo.app.user_middleware if m.cls is LoginGuard)
        limiter: LoginLimiter = guard.kwargs["limiter"]
        return limiter

    def login(self, user: str, password: str, client: httpx.Client | None = None) -> httpx.Response:
        # Gradio's login page posts multipart form data; scripts post urlencoded forms. Both are counted.
        data = {"username": user, "password": password}
        if client is not None:
            return client.post(f"{self.url}/login", data=data)
        return httpx.post(f"{self.url}/login", data=data, verify=self.verify, timeout=30)


@pytest.fixture(autouse=True, scope="module")
def _restore_gradio_temp_dir() -> Iterator[None]:
    """This module's own apps point GRADIO_TEMP_DIR at their spaces; give the session's shared app its own back."""
    with other_app_in_this_process():
        yield


def serve(tmp_path: Path, **overrides: Any) -> Served:
    settings = Settings(index=tmp_path / "index", host="127.0.0.1", port=free_port(), auth=AUTH, engine="extractive",
                        **overrides)
    bot = Briefbot(settings, create=True)  # an empty index: sign-in does not need documents
    demo = create_app(bot, settings)
    url = launch(demo, settings, prevent_thread_lock=True, quiet=True)
    atexit.register(demo.close)
    return Served(url, demo)


@pytest.fixture(scope="module")
def http_app(tmp_path_factory: pytest.TempPathFactory) -> Served:
    return serve(tmp_path_factory.mktemp("auth_http"))


@pytest.fixture
def app(http_app: Served) -> Served:
    http_app.limiter.tallies.clear()  # each test starts with no failures on record
    return http_app


# --- a self-signed certificate --------------------------------------------------------------------------------------
def make_certificate(folder: Path, name: str = "server") -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "briefbot test")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / f"{name}.crt", folder / f"{name}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_file.chmod(0o600)
    return cert_file, key_file


@pytest.fixture(scope="module")
def tls_app(tmp_path_factory: pytest.TempPathFactory) -> Served:
    folder = tmp_path_factory.mktemp("auth_tls")
    cert, key = make_certificate(folder)
    served = serve(folder, tls_certfile=cert, tls_keyfile=key)
    served.verify = ssl.create_default_context(cafile=str(cert))  # trust exactly this certificate
    return served


# --- the password policy, at start ----------------------------------------------------------------------------------
@pytest.mark.parametrize("auth, problem", [
    ("a:b", "the password of 'a' is shorter than 12 characters"),
    ("analyst:analyst-2025-pass", "contains the user name"),
    ("ops:zzzzzzzzzzzzzzzz", "fewer than 5 different characters"),
    ("ops:Password123456!", "is a common password"),
    ("ops:123456789012345", "is a common password"),
    (f"{ALICE}:{ALICE_PW},{ALICE}:{BOB_PW}", "user 'alice' is given twice"),
])
def test_weak_credentials_are_refused(auth: str, problem: str) -> None:
    with pytest.raises(ConfigError, match="weak sign-in credentials") as err:
        check_login(Settings(auth=auth))
    assert problem in str(err.value)
    assert "at least 12 characters" in err.value.remedy


def test_good_credentials_pass() -> None:
    check_login(Settings(auth=AUTH))
    check_login(Settings(auth=None))  # loopback without accounts stays the zero-set-up default
    assert password_problems("ops", "correct horse battery staple") == []


def test_serve_refuses_weak_credentials_before_loading(tmp_path: Path) -> None:
    """The real CLI in a second process: exits at once with the reason, without echoing the password."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"),
           "BRIEFBOT_AUTH": "admin:hunter2"}
    done = subprocess.run([sys.executable, "-m", "briefbot.cli", "serve", "--index", str(tmp_path / "none"),
                           "--port", str(free_port())], env=env, capture_output=True, text=True, timeout=120)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "weak sign-in credentials" in output and "shorter than 12 characters" in output, output
    assert "hunter2" not in output


# --- rate limiting --------------------------------------------------------------------------------------------------
def test_sign_in_works_and_a_wrong_password_is_refused(app: Served) -> None:
    ok = app.login(ALICE, ALICE_PW)
    assert ok.status_code == 200 and ok.json() == {"success": True}
    cookies = httpx.Cookies(ok.cookies)
    assert httpx.get(f"{app.url}/gradio_api/login_check", cookies=cookies).status_code == 200
    assert httpx.get(f"{app.url}/gradio_api/login_check").status_code == 401
    assert app.login(ALICE, "wrong password here").status_code == 400


def test_failures_back_off_per_user(app: Served) -> None:
    for _ in range(5):
        assert app.login(ALICE, "not the password").status_code == 400
    locked = app.login(ALICE, ALICE_PW)  # even the right password waits
    assert locked.status_code == 429 and locked.headers["retry-after"] == "1"
    assert "try again in 1 s" in locked.json()["detail"]
    assert app.login(BOB, BOB_PW).status_code == 200  # another user from the same address is not locked out
    time.sleep(1.1)
    assert app.login(ALICE, "not the password").status_code == 400  # the wait is over; this one fails again
    doubled = app.login(ALICE, ALICE_PW)
    assert doubled.status_code == 429 and doubled.headers["retry-after"] == "2"
    time.sleep(2.1)
    assert app.login(ALICE, ALICE_PW).status_code == 200  # success clears the record
    assert app.login(ALICE, "not the password").status_code == 400


def test_multipart_sign_in_is_counted_per_user(app: Served) -> None:
    """Gradio's own login page posts multipart form data: the guard reads the user name from it too."""
    def post(user: str, password: str) -> httpx.Response:
        return httpx.post(f"{app.url}/login", files={"username": (None, user), "password": (None, password)})

    assert post(ALICE, ALICE_PW).status_code == 200
    assert [post(ALICE, "not the password").status_code for _ in range(6)] == [400] * 5 + [429]
    assert post(BOB, BOB_PW).status_code == 200
    assert app.limiter.tallies[("user", ALICE)].failures == 5


def test_guessing_in_parallel_is_limited(app: Served) -> None:
    """The issue's attack: 200 wrong passwords as fast as possible, here from 16 threads."""
    t0 = time.perf_counter()
    with httpx.Client(timeout=30) as client, ThreadPoolExecutor(16) as pool:
        codes = list(pool.map(lambda n: app.login(BOB, f"guess number {n:04d}", client).status_code, range(200)))
    seconds = time.perf_counter() - t0
    checked = codes.count(400)
    print(f"200 wrong passwords in {seconds:.2f} s: {checked} reached the password check, "
          f"{codes.count(429)} refused with 429")
    # 5 free tries, then one per back-off step (1 s, 2 s, 4 s …): k steps fit in 2**k - 1 seconds.
    assert 5 <= checked <= 5 + math.floor(math.log2(seconds + 1)) and codes.count(429) == 200 - checked


def test_spraying_user_names_is_limited_per_address(app: Served) -> None:
    for n in range(20):  # four times the per-user allowance, one try per made-up user name
        assert app.login(f"user{n}", "some password or other").status_code == 400
    refused = app.login(BOB, BOB_PW)
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1


def test_limiter_memory_is_bounded() -> None:
    now = [0.0]
    limiter = LoginLimiter(5, 300, clock=lambda: now[0])
    for n in range(LoginLimiter.MAX_KEYS + 50):
        now[0] += 0.001
        limiter.attempt([("user", f"u{n}")])
    assert len(limiter.tallies) <= LoginLimiter.MAX_KEYS
    now[0] += 10_000  # long quiet: everything is forgotten
    limiter.attempt([("user", "x")])
    assert list(limiter.tallies) == [("user", "x")]


def test_oversized_sign_in_form_is_refused(app: Served) -> None:
    r = httpx.post(f"{app.url}/login", data={"username": ALICE, "password": "x" * 100_000})
    assert r.status_code == 413


# --- TLS ------------------------------------------------------------------------------------------------------------
def test_tls_serves_https_with_secure_cookies(tls_app: Served) -> None:
    assert tls_app.url.startswith("https://127.0.0.1:")
    with httpx.Client(verify=tls_app.verify, timeout=30) as client:
        assert client.get(f"{tls_app.url}/").status_code == 200
        ok = tls_app.login(ALICE, ALICE_PW, client)
        assert ok.status_code == 200
        set_cookies = ok.headers.get_list("set-cookie")
        assert len(set_cookies) == 2 and all(c.startswith("access-token") for c in set_cookies)
        for cookie in set_cookies:
            attributes = {a.strip().split("=")[0].lower(): a.strip() for a in cookie.split(";")[1:]}
            assert "secure" in attributes and "httponly" in attributes, cookie
            assert attributes["samesite"].lower() == "samesite=lax", cookie
        assert client.get(f"{tls_app.url}/gradio_api/login_check").status_code == 200  # the client sends them back
    # Rate limiting holds over TLS too.
    tls_app.limiter.tallies.clear()
    codes = [tls_app.login(BOB, f"wrong {n}").status_code for n in range(7)]
    assert codes == [400] * 5 + [429] * 2


def test_tls_port_does_not_speak_plain_http(tls_app: Served) -> None:
    plain = tls_app.url.replace("https://", "http://")
    try:
        response = httpx.post(f"{plain}/login", data={"username": ALICE, "password": ALICE_PW}, timeout=10)
    except httpx.HTTPError:
        return  # the connection was dropped: nothing crossed in clear text
    assert response.status_code != 200


def test_plain_http_cookie_is_gradios_default(app: Served) -> None:
    """Without TLS nothing is rewritten (a Secure-only cookie would be dropped by browsers on plain HTTP)."""
    ok = app.login(ALICE, ALICE_PW)
    unsecure = next(c for c in ok.headers.get_list("set-cookie") if c.startswith("access-token-unsecure"))
    assert "secure" not in unsecure.lower().replace("unsecure", "")


def test_tls_settings_are_checked(tmp_path: Path) -> None:
    cert, key = make_certificate(tmp_path, "a")
    other_cert, _ = make_certificate(tmp_path, "b")
    with pytest.raises(ConfigError, match="go together"):
        check_login(Settings(tls_certfile=cert))
    with pytest.raises(ConfigError, match="does not exist"):
        check_login(Settings(tls_certfile=tmp_path / "missing.crt", tls_keyfile=key))
    with pytest.raises(ConfigError, match="cannot use"):
        check_login(Settings(tls_certfile=other_cert, tls_keyfile=key))
    check_login(Settings(tls_certfile=cert, tls_keyfile=key))


def test_secure_cookie_rewrite() -> None:
    assert secure_cookie(b"access-token-x=abc; HttpOnly; Path=/; SameSite=none; Secure") == \
        b"access-token-x=abc; HttpOnly; Path=/; Secure; SameSite=lax"
    assert secure_cookie(b"t=1; Path=/") == b"t=1; Path=/; Secure; SameSite=lax"
