"""Accounts, collections and the audit log, at the seams: the account store on disk, ``briefbot users`` /
``collections`` / ``audit`` as real processes, and the service's one access decision over a real index with a
"confidential" collection.

The web side (a real server with two accounts, the API, the browser) is in test_access_web.py.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from briefbot.access import ACCESS_FILE, AccessScope, Accounts, hash_password, verify_password
from briefbot.audit import AUDIT_FILE, AuditLog
from briefbot.config import Settings
from briefbot.errors import BriefbotError, NotFoundError
from briefbot.feedback import make_record
from briefbot.ingest import ingest_paths
from briefbot.models import Filters
from briefbot.service import Briefbot

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "ingest" / "samples"
GENERAL_PDF = SAMPLES / "S_RES_2769_2025.pdf"
SECRET_PDF = SAMPLES / "S_2025_257.pdf"
SECRET_Q = "What did the Panel note about the arms embargo in its final report S/2024/914?"
SECRET_TEXT = "remained ineffective where Member States controlled"  # printed in S/2025/257 only
GOOD_PW = "tangerine lighthouse parcel"
OTHER_PW = "violet harbour cinnamon"

BOB = AccessScope("bob", frozenset({"general"}))
ALICE = AccessScope("alice", frozenset({"general", "confidential"}))


def cli(*args: str, stdin: str | None = None, index: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "COLUMNS": "200"}
    full = [sys.executable, "-m", "briefbot.cli", *args, *(["--index", str(index)] if index else [])]
    return subprocess.run(full, input=stdin, capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    """A real index: a resolution and an SG report in "general", another SG report in "confidential"."""
    root = tmp_path_factory.mktemp("access_index")
    settings = Settings(index=root / "index", engine="extractive", llm_provider=None, llm_model=None)
    assert not ingest_paths([GENERAL_PDF, SAMPLES / "S_2025_231.pdf"], settings).failed
    report = ingest_paths([SECRET_PDF], settings, collection="confidential")
    assert [r.status for r in report.results] == ["ingested"]
    return Briefbot(settings)


# --- accounts on disk -----------------------------------------------------------------------------------------
def test_passwords_are_salted_scrypt_hashes(tmp_path: Path) -> None:
    one, two = hash_password(GOOD_PW), hash_password(GOOD_PW)
    assert one != two and one.startswith("scrypt$") and GOOD_PW not in one
    assert verify_password(GOOD_PW, one) and not verify_password(GOOD_PW + "x", one)
    assert not verify_password(GOOD_PW, "not a hash")

    accounts = Accounts(tmp_path)
    accounts.add("alice", GOOD_PW, collections=["general", "Confidential"])
    raw = (tmp_path / ACCESS_FILE).read_bytes()
    assert GOOD_PW.encode() not in raw
    assert stat.S_IMODE((tmp_path / ACCESS_FILE).stat().st_mode) == 0o600
    assert accounts.verify("alice", GOOD_PW) and not accounts.verify("alice", OTHER_PW)
    assert not accounts.verify("nobody", GOOD_PW)
    assert accounts.scope("alice") == AccessScope("alice", frozenset({"general", "confidential"}))
    assert accounts.scope("nobody") == AccessScope("nobody", frozenset())  # unknown reads nothing


def test_weak_passwords_and_bad_names_are_refused(tmp_path: Path) -> None:
    accounts = Accounts(tmp_path)
    for weak in ("short", "alice-and-more-chars", "password123456", "aaaaaaaaaaaaaaaa"):
        with pytest.raises(BriefbotError, match="password of 'alice'"):
            accounts.add("alice", weak)
    with pytest.raises(BriefbotError, match="not a user name"):
        accounts.add("al ice", GOOD_PW)
    with pytest.raises(BriefbotError, match="not a collection name"):
        accounts.add("alice", GOOD_PW, collections=["secret stuff"])
    assert accounts.list() == []


# --- the CLI as a real process ---------------------------------------------------------------------------------
def test_users_command(tmp_path: Path) -> None:
    index = tmp_path / "index"
    added = cli("users", "add", "alice", "--grant", "general", "--grant", "confidential", "--password-stdin",
                stdin=GOOD_PW + "\n", index=index)
    assert added.returncode == 0, added.stderr
    assert "reads confidential, general" in added.stdout
    assert cli("users", "add", "root", "--admin", "--password-stdin", stdin=OTHER_PW + "\n",
               index=index).returncode == 0

    weak = cli("users", "add", "bob", "--password-stdin", stdin="bob12345\n", index=index)
    assert weak.returncode == 2 and "shorter than 12 characters" in weak.stderr and "bob12345" not in weak.stderr
    twice = cli("users", "add", "alice", "--password-stdin", stdin=GOOD_PW + "\n", index=index)
    assert twice.returncode == 2 and "already exists" in twice.stderr

    listed = json.loads(cli("users", "list", "--json", index=index).stdout)
    assert [(a["name"], a["admin"], a["collections"]) for a in listed] == [
        ("alice", False, ["confidential", "general"]), ("root", True, ["general"])]
    assert GOOD_PW not in json.dumps(listed)

    assert cli("users", "revoke", "alice", "confidential", index=index).returncode == 0
    assert Accounts(index).scope("alice").collections == frozenset({"general"})
    assert cli("users", "grant", "alice", "annexes", index=index).returncode == 0
    assert cli("users", "passwd", "alice", "--password-stdin", stdin=OTHER_PW + "\n", index=index).returncode == 0
    assert Accounts(index).verify("alice", OTHER_PW) and not Accounts(index).verify("alice", GOOD_PW)
    assert cli("users", "remove", "alice", index=index).returncode == 0
    assert Accounts(index).get("alice") is None
    missing = cli("users", "remove", "alice", index=index)
    assert missing.returncode == 2 and "no user 'alice'" in missing.stderr

    # Every change is in the audit log, readable with `briefbot audit`; no password ever is.
    events = [json.loads(line) for line in cli("audit", "--json", index=index).stdout.splitlines()]
    assert [e["action"] for e in events] == ["user_add", "user_add", "revoke", "grant", "user_passwd",
                                             "user_remove"]
    assert all(e["user"].startswith("cli:") for e in events)
    assert GOOD_PW not in (index / AUDIT_FILE).read_text() and OTHER_PW not in (index / AUDIT_FILE).read_text()
    only = cli("audit", "--action", "grant", index=index).stdout
    assert "grant" in only and "user_add" not in only


def test_collections_command_moves_documents(bot: Briefbot, tmp_path: Path) -> None:
    index = Path(bot.settings.index)
    counts = json.loads(cli("collections", "list", "--json", index=index).stdout)
    assert counts == {"general": 2, "confidential": 1}
    moved = cli("collections", "set", "S/RES/2769 (2025)", "--to", "Annexes", index=index)
    assert moved.returncode == 0, moved.stderr
    try:
        assert bot.document("S_RES_2769_2025.pdf").collection == "annexes"
        assert not any(d.doc_id == "S_RES_2769_2025.pdf" for d in bot.library(BOB))
        bad = cli("collections", "set", "S_RES_2769_2025.pdf", "--to", "no good", index=index)
        assert bad.returncode == 2 and "not a collection name" in bad.stderr
    finally:
        bot.set_collection(["S_RES_2769_2025.pdf"], "general")
    assert any(e["action"] == "move" for e in AuditLog(index).read())


def test_a_move_into_the_collection_a_document_is_in_says_so_and_writes_nothing(bot: Briefbot) -> None:
    """Manage → Move into a document's own collection reported "Moved … to the collection …" and wrote the catalog
    (a new version for every reader) and the audit log. The service now says it is already there, nothing changed,
    and writes neither; the web and the CLI say the same sentence."""
    index = Path(bot.settings.index)
    assert bot.document("S_RES_2769_2025.pdf").collection == "general"
    version, audited = bot.store.version(), len(list(AuditLog(index).read()))
    said = bot.set_collection(["S_RES_2769_2025.pdf"], "General ")
    assert said.moved == [] and said.already == ["S_RES_2769_2025.pdf"]
    assert said.message() == "S_RES_2769_2025.pdf is already in the collection general: nothing changed."
    shown = cli("collections", "set", "S/RES/2769 (2025)", "--to", "general", index=index)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == said.message()
    assert bot.store.version() == version and len(list(AuditLog(index).read())) == audited
    assert bot.document("S_RES_2769_2025.pdf").collection == "general"
    # A move of two, one already there: the other moves, and the sentence names both.
    other = next(d.doc_id for d in bot.library() if d.collection == "general" and d.doc_id != "S_RES_2769_2025.pdf")
    try:
        said = bot.set_collection(["S_RES_2769_2025.pdf", other], "confidential")
        assert said.moved == ["S_RES_2769_2025.pdf", other] and said.already == []
        assert bot.set_collection(["S_RES_2769_2025.pdf"], "general").moved == ["S_RES_2769_2025.pdf"]
        said = bot.set_collection([other, "S_RES_2769_2025.pdf"], "general")
        assert said.moved == [other] and said.message() == (f"Moved {other} to the collection general. "
                                                           "S_RES_2769_2025.pdf was already in it (unchanged).")
    finally:
        bot.set_collection(["S_RES_2769_2025.pdf", other], "general")
    assert bot.store.version() > version


# --- the service's one decision ----------------------------------------------------------------------------------
def test_readable_decides_per_user(bot: Briefbot, tmp_path: Path) -> None:
    assert bot.readable(None).everything  # no accounts yet: the loopback default reads everything
    bot.accounts.add("bob", GOOD_PW)
    bot.accounts.add("boss", OTHER_PW, admin=True)
    try:
        assert bot.readable(None).collections == frozenset()  # accounts exist: nobody signed in reads nothing
        assert bot.readable("bob") == AccessScope("bob", frozenset({"general"}))
        assert bot.readable("boss").everything
        assert bot.readable("mallory").collections == frozenset()
        # A name from the `auth` setting without an account reads everything, as before accounts existed.
        settings = bot.settings
        bot.settings = settings.with_overrides(auth=f"carol:{OTHER_PW}")
        try:
            assert bot.readable("carol").everything and bot.readable("mallory").collections == frozenset()
        finally:
            bot.settings = settings
    finally:
        bot.accounts.remove("bob")
        bot.accounts.remove("boss")


def _texts(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def test_a_collection_is_invisible_outside_its_readers(bot: Briefbot) -> None:
    # The reader with access gets the confidential report's passage ...
    granted = bot.ask(SECRET_Q, scope=ALICE)
    assert "S_2025_257.pdf" in {h.doc.doc_id for h in granted.hits}
    assert SECRET_TEXT in _texts(granted.to_dict())
    # ... the one without never sees a word of it, through any reading path.
    answer = bot.ask(SECRET_Q, scope=BOB)
    assert answer.hits and all(h.doc.collection == "general" for h in answer.hits)
    assert SECRET_TEXT not in _texts(answer.to_dict()) and "S/2025/257" not in _texts(answer.to_dict())
    assert all(h.doc.doc_id != "S_2025_257.pdf" for h in bot.retrieve(SECRET_Q, k=30, scope=BOB))
    for mode in ("dense", "lexical"):
        assert all(h.doc.doc_id != "S_2025_257.pdf" for h in bot.retrieve(SECRET_Q, k=30, mode=mode, scope=BOB))
    # Two ways to keep it out of the candidates, both tested: leaving out the few hidden documents (no other
    # filter), and searching only inside the allowed ones (with a filter).
    typed = Filters(doc_types=["sg_report"])
    restricted = bot.retrieve(SECRET_Q, k=30, filters=typed, scope=BOB)
    assert restricted and {h.doc.doc_id for h in restricted} == {"S_2025_231.pdf"}
    assert {d.doc_id for d in bot.library(BOB)} == {"S_RES_2769_2025.pdf", "S_2025_231.pdf"}
    assert bot.collections(BOB) == {"general": 2}
    for read in (lambda: bot.document("S/2025/257", BOB), lambda: bot.document_path("S_2025_257.pdf", BOB),
                 lambda: bot.page_text("S_2025_257.pdf", 2, BOB), lambda: bot.passages("S_2025_257.pdf", BOB),
                 lambda: bot.remove(["S_2025_257.pdf"], BOB), lambda: bot.reingest("S_2025_257.pdf", BOB)):
        with pytest.raises(NotFoundError, match="no indexed document"):  # the same as a document never indexed
            read()
    assert not bot.may_read(["S_2025_257.pdf"], BOB) and bot.may_read(["S_2025_257.pdf"], ALICE)
    with pytest.raises(BriefbotError, match="no access to the collection 'confidential'"):
        bot.set_collection(["S_RES_2769_2025.pdf"], "confidential", BOB)
    with pytest.raises(BriefbotError, match="no access to the collection 'confidential'"):
        bot.ingest([SECRET_PDF], collection="confidential", scope=BOB)
    # Feedback quotes what it cites: a record citing the confidential report is not shown to bob.
    records = [make_record(granted, "up", owner="user:alice"), make_record(answer, "down", owner="user:bob")]
    assert [r["owner"] for r in bot.readable_feedback(records, BOB)] == ["user:bob"]
    assert len(bot.readable_feedback(records, ALICE)) == 2
    # Asked with a scope, each question is in the audit log with what it cited.
    asks = [e for e in AuditLog(Path(bot.settings.index)).read(action="ask") if e["question"] == SECRET_Q]
    assert {e["user"] for e in asks} >= {"alice", "bob"}
    assert all("S_2025_257.pdf" not in e["documents"] for e in asks if e["user"] == "bob")


def test_mandate_tracker_refuses_a_reader_missing_resolutions(bot: Briefbot) -> None:
    bot.set_collection(["S_RES_2769_2025.pdf"], "confidential")
    try:
        with pytest.raises(BriefbotError, match="mandate tracker reads every indexed resolution"):
            bot.mandate_trends(scope=BOB)
    finally:
        bot.set_collection(["S_RES_2769_2025.pdf"], "general")


def test_reingest_from_the_private_copy_keeps_id_path_and_collection(bot: Briefbot) -> None:
    before = bot.document("S_2025_257.pdf")
    passages = [c.text for c in bot.passages("S_2025_257.pdf", ALICE)]
    report = bot.reingest("S_2025_257.pdf", ALICE)
    assert [(r.status, r.doc_id) for r in report.results] == [("replaced", "S_2025_257.pdf")]
    after = bot.document("S_2025_257.pdf")
    assert (after.path, after.sha256, after.collection) == (before.path, before.sha256, "confidential")
    assert [c.text for c in bot.passages("S_2025_257.pdf", ALICE)] == passages
    # The original file is still the indexed one: ingesting it again changes nothing.
    again = ingest_paths([SECRET_PDF], bot.settings, store=bot.store, embedder=bot.embedder)
    assert [r.status for r in again.results] == ["unchanged"]
    assert [e["action"] for e in AuditLog(Path(bot.settings.index)).read(user="alice", action="reingest")]


def test_ingest_with_a_collection_moves_unchanged_documents(bot: Briefbot) -> None:
    report = ingest_paths([GENERAL_PDF], bot.settings, store=bot.store, embedder=bot.embedder,
                          collection="annexes")
    try:
        assert [r.status for r in report.results] == ["unchanged"]
        assert bot.document("S_RES_2769_2025.pdf").collection == "annexes"
    finally:
        bot.set_collection(["S_RES_2769_2025.pdf"], "general")


def test_the_writer_endpoint_needs_its_token(bot: Briefbot) -> None:
    """The serving app's loopback writer (used by `briefbot ingest/remove` beside it) obeys only its token."""
    import httpx

    from briefbot.writer_api import WriterEndpoint

    writer = WriterEndpoint(bot).start()
    try:
        base = f"http://127.0.0.1:{writer.port}"
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": writer.token}):
            r = httpx.post(f"{base}/remove", json={"ids": ["S_2025_257.pdf"]}, headers=headers, trust_env=False)
            assert r.status_code == 403
        good = {"Authorization": f"Bearer {writer.token}"}
        r = httpx.post(f"{base}/remove", json={"ids": ["no-such.pdf"]}, headers=good, trust_env=False)
        assert r.status_code == 400 and "no indexed document 'no-such.pdf'" in r.json()["error"]
    finally:
        writer.stop()
    assert bot.document("S_2025_257.pdf").collection == "confidential"


def test_a_permalink_opens_only_for_readers_of_everything_it_shows(bot: Briefbot) -> None:
    """History's one access rule takes the service's collections: bob (general only) cannot open alice's
    permalink to an answer citing the confidential report, and alice can."""
    from briefbot.history import Viewer

    alice, bob = Viewer("alice", True, False), Viewer("bob", True, False)
    bot.accounts.add("alice", GOOD_PW, collections=["general", "confidential"])
    bot.accounts.add("bob", OTHER_PW, collections=["general"])
    try:
        saved = bot.history.save(alice, None, bot.ask(SECRET_Q, scope=ALICE))
        assert "S_2025_257.pdf" in saved.doc_ids
        assert bot.history.open_permalink(alice, saved.token).token == saved.token
        with pytest.raises(NotFoundError):
            bot.history.open_permalink(bob, saved.token)
    finally:
        bot.accounts.remove("alice")
        bot.accounts.remove("bob")
