"""Conversation history over real answers from the sample index: kept whole, per user, by permalink, exported;
storage failures say so and lose nothing; two processes writing at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefbot.errors import HistoryUnavailable, NotFoundError
from briefbot.history import (
    LOCAL_USER,
    History,
    SavedAnswer,
    Viewer,
    answer_from_json,
    answer_to_json,
    may_open_answer,
    viewer_for,
)
from briefbot.models import Answer
from web_support import LIBYA_Q, web_briefbot

MARS_Q = "What is the population of Mars?"
ANA, BEN, CARL = (viewer_for(name, loopback=False) for name in ("ana", "ben", "carl"))
LOCAL = viewer_for(None, loopback=True)
REFERENCE = "S/RES/2769 (2025), para. 22, p. 6"


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Answer]:
    """A cited answer and an abstention, from the real engine over the real sample index."""
    bot = web_briefbot(tmp_path_factory)
    found = {"libya": bot.ask(LIBYA_Q), "mars": bot.ask(MARS_Q)}
    assert found["libya"].citations and found["mars"].abstained and found["mars"].hits
    return found


def test_an_answer_is_kept_whole(answers: dict[str, Answer]) -> None:
    for answer in answers.values():
        # Citations with their page offsets, the passages with their spans: a reopened answer is the same answer.
        assert answer_from_json(answer_to_json(answer)) == answer


def test_a_conversation_reopens_in_order_with_its_citations(tmp_path: Path, answers: dict[str, Answer]) -> None:
    history = History(tmp_path / "history.sqlite")
    first = history.save(ANA, None, answers["libya"])
    second = history.save(ANA, first.conversation, answers["mars"])
    assert (first.seq, second.seq) == (1, 2) and second.conversation == first.conversation
    assert "S_RES_2769_2025.pdf" in first.doc_ids  # the cited document, by its id: what access will check

    reopened = History(tmp_path / "history.sqlite").answers(ANA, first.conversation)  # as after a restart
    assert [s.answer for s in reopened] == [answers["libya"], answers["mars"]]
    assert [s.token for s in reopened] == [first.token, second.token]
    assert any(c.reference() == REFERENCE and c.start is not None for c in reopened[0].answer.citations)
    [conv] = history.conversations(ANA)
    assert conv.title == LIBYA_Q and conv.questions == [LIBYA_Q, MARS_Q]
    assert oct((tmp_path / "history.sqlite").stat().st_mode & 0o777) == "0o600"  # questions are personal


def test_conversations_are_per_user_newest_first(tmp_path: Path, answers: dict[str, Answer]) -> None:
    history = History(tmp_path / "history.sqlite")
    t = [datetime(2026, 1, d, 9, 0, tzinfo=UTC) for d in (1, 2, 3)]
    older = history.save(ANA, None, answers["libya"], now=t[0])
    newer = history.save(ANA, None, answers["mars"], now=t[1])
    bens = history.save(BEN, None, answers["libya"], now=t[2])
    assert [c.id for c in history.conversations(ANA)] == [newer.conversation, older.conversation]
    history.save(ANA, older.conversation, answers["mars"], now=t[2])  # continuing one brings it to the top
    assert [c.id for c in history.conversations(ANA)] == [older.conversation, newer.conversation]
    assert [c.id for c in history.conversations(BEN)] == [bens.conversation]
    assert history.conversations(CARL) == []
    with pytest.raises(NotFoundError):
        history.answers(BEN, older.conversation)  # not ben's to read
    with pytest.raises(NotFoundError):
        history.save(BEN, older.conversation, answers["mars"])  # nor to add to
    assert len(history.answers(ANA, older.conversation)) == 2


def test_permalinks_open_for_whom_the_rule_says(tmp_path: Path, answers: dict[str, Answer]) -> None:
    history = History(tmp_path / "history.sqlite")
    saved = [history.save(ANA, None, answers["libya"]) for _ in range(20)]
    tokens = {s.token for s in saved}
    assert len(tokens) == 20 and all(len(t) >= 24 for t in tokens)  # unguessable: 144 random bits each

    colleague = BEN
    opened = history.open_permalink(colleague, saved[3].token)
    assert opened.token == saved[3].token and opened.user == "ana" and opened.answer == answers["libya"]
    assert history.open_permalink(viewer_for(None, loopback=True), saved[3].token).user == "ana"

    stranger = Viewer(user=LOCAL_USER, signed_in=False, loopback=False)  # not signed in, server not on loopback
    messages = set()
    for viewer, token in ((stranger, saved[3].token), (colleague, "x" * 24), (colleague, "../../etc/passwd"),
                          (colleague, "")):
        with pytest.raises(NotFoundError) as err:
            history.open_permalink(viewer, token)
        messages.add(str(err.value))
    assert len(messages) == 1  # refused and missing read the same: tokens cannot be probed
    # The same rule holds for reading one's own history back.
    own = history.save(stranger, None, answers["libya"])
    assert history.answers(stranger, own.conversation) == []
    assert history.answers(viewer_for(None, loopback=True), own.conversation)[0].token == own.token


@pytest.mark.parametrize(("viewer", "allowed"), [
    (Viewer("ana", signed_in=True, loopback=False), True),
    (Viewer("ben", signed_in=True, loopback=True), True),
    (Viewer(LOCAL_USER, signed_in=False, loopback=True), True),
    (Viewer(LOCAL_USER, signed_in=False, loopback=False), False),
])
def test_may_open_answer(viewer: Viewer, allowed: bool, answers: dict[str, Answer]) -> None:
    saved = SavedAnswer("t", "c", "ana", 1, "2026-01-01T00:00:00+00:00", ["S_RES_2769_2025.pdf"], answers["libya"])
    assert may_open_answer(viewer, saved) is allowed


def test_viewer_for() -> None:
    assert viewer_for("ana", loopback=False) == Viewer("ana", True, False)
    assert viewer_for(None, loopback=True) == Viewer(LOCAL_USER, False, True)
    assert viewer_for("", loopback=True).user == LOCAL_USER


def test_exports_are_the_users_own(tmp_path: Path, answers: dict[str, Answer]) -> None:
    history = History(tmp_path / "history.sqlite")
    a = history.save(ANA, None, answers["libya"])
    b = history.save(ANA, a.conversation, answers["mars"])
    history.save(BEN, None, answers["mars"])

    md = history.export_markdown(ANA)
    assert md.startswith("# briefbot conversations of ana") and f"## {LIBYA_Q}" in md
    assert f"### {LIBYA_Q}" in md and f"### {MARS_Q}" in md and "#### Citations" in md
    assert f"**[1] {REFERENCE}**" in md and "Decides to extend until 15 May 2026" in md
    assert a.token in md and b.token in md

    data = json.loads(history.export_json(ANA))
    assert data["user"] == "ana" and len(data["conversations"]) == 1
    exported = data["conversations"][0]["answers"]
    assert [x["question"] for x in exported] == [LIBYA_Q, MARS_Q] and exported[0]["token"] == a.token
    assert any(c["symbol"] == "S/RES/2769 (2025)" and c["paragraph"] == "22" for c in exported[0]["citations"])
    assert exported[1]["abstained"] is True and exported[1]["passages"]
    assert "S_RES_2769_2025.pdf" in exported[0]["doc_ids"]
    assert json.loads(history.export_json(CARL))["conversations"] == []


def test_exports_say_which_answers_they_leave_out(tmp_path: Path, answers: dict[str, Answer]) -> None:
    # A browser walk: after a document was removed, the reopened chat said "1 answer(s) … not shown" while the
    # history export listed one question fewer and said nothing.
    kept = History(tmp_path / "history.sqlite")
    a = kept.save(ANA, None, answers["libya"])
    kept.save(ANA, a.conversation, answers["mars"])
    b = kept.answers(ANA, a.conversation)[1]
    assert b.doc_ids != a.doc_ids
    cited = {c.doc_id for c in a.answer.citations}  # as if the documents only the first answer cites were removed
    gone = cited - {c.doc_id for c in b.answer.citations}
    assert gone
    removed = History(tmp_path / "history.sqlite", may_read=lambda _user, doc_ids: not gone & set(doc_ids))
    md = removed.export_markdown(ANA)
    assert "1 question(s)" in md and "1 answer(s) of this conversation are not shown" in md, md
    assert a.token not in md
    conversation = json.loads(removed.export_json(ANA))["conversations"][0]
    assert conversation["withheld"] == 1 and [x["question"] for x in conversation["answers"]] == [MARS_Q]
    assert json.loads(kept.export_json(ANA))["conversations"][0]["withheld"] == 0
    assert "are not shown" not in kept.export_markdown(ANA)


def test_storage_errors_are_clear_and_lose_nothing(tmp_path: Path, answers: dict[str, Answer]) -> None:
    # Not a database: refused with the remedy; the file is left as it was.
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database, but someone's file " * 200)
    before = junk.read_bytes()
    with pytest.raises(HistoryUnavailable, match="could not be saved") as err:
        History(junk).save(ANA, None, answers["libya"])
    assert "index folder is writable" in str(err.value)
    with pytest.raises(HistoryUnavailable, match="could not be read"):
        History(junk).conversations(ANA)
    assert junk.read_bytes() == before

    # A folder that cannot hold it (its parent is a file): clear error; reading finds no history yet.
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    with pytest.raises(HistoryUnavailable, match="could not be saved"):
        History(blocked / "history.sqlite").save(ANA, None, answers["libya"])
    assert History(blocked / "history.sqlite").conversations(ANA) == []

    # A failed save leaves the earlier answers as they were.
    history = History(tmp_path / "history.sqlite")
    first = history.save(ANA, None, answers["libya"])
    with pytest.raises(NotFoundError):
        history.save(ANA, "no-such-conversation", answers["mars"])
    assert [s.token for s in history.answers(ANA, first.conversation)] == [first.token]


WRITER = """
import sys
from pathlib import Path
from briefbot.history import History, answer_from_json, viewer_for
answer = answer_from_json(Path(sys.argv[2]).read_text(encoding="utf-8"))
history, conversation = History(Path(sys.argv[1])), None
for _ in range(15):
    conversation = history.save(viewer_for(sys.argv[3], loopback=False), conversation, answer).conversation
"""


def test_two_processes_save_at_once(tmp_path: Path, answers: dict[str, Answer]) -> None:
    path = tmp_path / "history.sqlite"
    data = tmp_path / "answer.json"
    data.write_text(answer_to_json(answers["libya"]), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(data), user], env=env,
                              stderr=subprocess.PIPE, text=True) for user in ("ana", "ben")]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    history = History(path)
    for user in ("ana", "ben"):
        viewer = viewer_for(user, loopback=False)
        [conv] = history.conversations(viewer)
        saved = history.answers(viewer, conv.id)
        assert [s.seq for s in saved] == list(range(1, 16)) and saved[-1].answer == answers["libya"]


def test_an_answer_is_withheld_for_its_cited_documents_only_and_comes_back_with_them(
        tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    """A browser walk: removing a document that an answer only had among its retrieved passages (S/2025/172,
    named in a note) hid the whole answer, and the conversation's title and count still promised it. Now an answer
    is withheld only while a document it cites is unreadable; a passage of another document is left out of what
    is shown (an abstention shows its passages, the JSON export every answer's); the list agrees with what opens;
    and a cited document uploaded again (the same bytes under another name) brings the answer back, citing it."""
    from briefbot.service import Briefbot
    from conftest import SAMPLES, sample_indexes

    bot = Briefbot(sample_indexes(tmp_path_factory).variant("history_removal"))
    libya, mars = bot.ask(LIBYA_Q), bot.ask(MARS_Q)
    cited = {c.doc_id for c in libya.citations}
    passage_only = next(h.doc.doc_id for h in libya.hits if h.doc.doc_id not in cited)
    first = bot.history.save(LOCAL, None, libya)
    bot.history.save(LOCAL, first.conversation, mars)
    bot.remove([passage_only])

    [conv] = bot.history.conversations(LOCAL)
    shown, withheld = bot.history.opened(LOCAL, conv.id)
    assert withheld == 0 and [s.answer.question for s in shown] == [LIBYA_Q, MARS_Q]
    assert conv.questions == [LIBYA_Q, MARS_Q] and conv.withheld == 0 and conv.title == LIBYA_Q
    # The removed document's text is not shown: neither passage, nor in the export, nor by permalink.
    assert all(passage_only not in s.doc_ids and passage_only not in {h.doc.doc_id for h in s.answer.hits}
               for s in shown)
    assert shown[0].answer.citations == libya.citations and len(shown[0].answer.hits) < len(libya.hits)
    assert passage_only not in bot.history.export_json(LOCAL)
    assert passage_only not in {h.doc.doc_id for h in bot.history.open_permalink(LOCAL, first.token).answer.hits}

    # A cited document removed: that answer is withheld, and the list says so with the next question as title.
    cited_file = next(iter(sorted(cited)))
    bot.remove([cited_file])
    [conv] = bot.history.conversations(LOCAL)
    shown, withheld = bot.history.opened(LOCAL, conv.id)
    assert withheld == 1 and [s.answer.question for s in shown] == [MARS_Q]
    assert conv.questions == [MARS_Q] and conv.withheld == 1 and conv.title == MARS_Q
    with pytest.raises(NotFoundError):
        bot.history.open_permalink(LOCAL, first.token)

    # Uploaded again under another name, the same bytes: the answer is back, its citation naming the new id.
    again = tmp_path / f"again_{cited_file}"
    again.write_bytes((SAMPLES / cited_file).read_bytes())
    assert not bot.ingest([again]).failed
    [conv] = bot.history.conversations(LOCAL)
    shown, withheld = bot.history.opened(LOCAL, conv.id)
    assert withheld == 0 and [s.answer.question for s in shown] == [LIBYA_Q, MARS_Q]
    assert conv.questions == [LIBYA_Q, MARS_Q] and conv.withheld == 0 and conv.title == LIBYA_Q
    assert {c.doc_id for c in shown[0].answer.citations} >= {again.name}
    # ... by permalink too, for a reader of its collection, and not for anyone else.
    bot.accounts.add("ana", "copper kettle meadow 42", collections=["general"])
    bot.accounts.add("ben", "violet harbour lantern 7", collections=["elsewhere"])
    try:
        assert bot.history.open_permalink(ANA, first.token).token == first.token
        with pytest.raises(NotFoundError):
            bot.history.open_permalink(BEN, first.token)
    finally:
        bot.accounts.remove("ana")
        bot.accounts.remove("ben")


def test_an_answer_citing_a_document_without_a_kept_passage_comes_back_when_it_is_indexed_again(
        tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    """A review: a cited document's bytes were known only from the passages kept with the answer, so an answer
    citing a document with none kept (the mandate tracker keeps no passages) stayed withheld after that document
    was removed and uploaded again, the same bytes under another name. Its bytes are now kept when it is saved."""
    import dataclasses

    from briefbot.service import Briefbot
    from conftest import SAMPLES, sample_indexes

    bot = Briefbot(sample_indexes(tmp_path_factory).variant("history_no_passage"))
    libya = bot.ask(LIBYA_Q)
    bare = dataclasses.replace(libya, hits=[])  # cited, no passage kept: as the tracker answers
    first = bot.history.save(LOCAL, None, bare)
    [cited_file] = {c.doc_id for c in bare.citations}
    # Saved by the version before (schema 2: no bytes without a passage), then opened by this one, which fills
    # them in while the document is still indexed.
    legacy = History(tmp_path / "legacy.sqlite")
    old = legacy.save(LOCAL, None, bare)
    upgraded = History(legacy.path, bot.history.may_read, bot.history.find_copy, bot.history.sha_of)
    assert [c.id for c in upgraded.conversations(LOCAL)] == [old.conversation]
    bot.remove([cited_file])
    assert bot.history.opened(LOCAL, first.conversation) == ([], 1)
    assert upgraded.opened(LOCAL, old.conversation) == ([], 1)

    again = tmp_path / f"again_{cited_file}"
    again.write_bytes((SAMPLES / cited_file).read_bytes())
    assert not bot.ingest([again]).failed
    [conv] = bot.history.conversations(LOCAL)
    shown, withheld = bot.history.opened(LOCAL, conv.id)
    assert withheld == 0 and conv.withheld == 0 and conv.questions == [LIBYA_Q]
    assert {c.doc_id for c in shown[0].answer.citations} == {again.name}
    assert [c.quote for c in shown[0].answer.citations] == [c.quote for c in libya.citations]
    assert bot.history.open_permalink(LOCAL, first.token).answer.citations == shown[0].answer.citations
    [reopened], withheld = upgraded.opened(LOCAL, old.conversation)
    assert withheld == 0 and reopened.answer.citations == shown[0].answer.citations


HTML_Q = "<b>What</b> is the arms embargo on Libya?"
HOSTILE_Q = ("<script>alert(1)</script><img src=x onerror=\"alert(2)\"> **bold** [click](javascript:alert(3)) "
             "<b>What</b> is the arms embargo on Libya? `code` | table |")


def test_a_question_with_markup_is_kept_as_typed_and_answered_as_its_text(
        tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    """A browser walk asked a question with HTML and Markdown in it: history, the sidebar and the exports held it
    rewritten (tags stripped), and it was not answered though the plain question is. The question is kept as typed
    (exports escape it) and its markup is left out only where it is read."""
    bot = web_briefbot(tmp_path_factory)
    plain = bot.ask("What is the arms embargo on Libya?")
    assert not plain.abstained and plain.citations
    marked = bot.ask(HTML_Q)
    assert marked.question == HTML_Q and (marked.answer, marked.citations) == (plain.answer, plain.citations)
    # The walk's question: its script, tags and link addresses are not read; the words it shows are.
    hostile = bot.ask(HOSTILE_Q)
    assert hostile.question == HOSTILE_Q and not hostile.abstained
    assert plain.citations[0].quote in {c.quote for c in hostile.citations}

    history = History(tmp_path / "history.sqlite")
    first = history.save(ANA, None, bot.ask(HOSTILE_Q))
    [conv] = history.conversations(ANA)
    assert conv.title.startswith("<script>alert(1)</script><img") and conv.questions == [HOSTILE_Q]
    assert history.answers(ANA, first.conversation)[0].answer.question == HOSTILE_Q
    assert json.loads(history.export_json(ANA))["conversations"][0]["answers"][0]["question"] == HOSTILE_Q
    md = history.export_markdown(ANA)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md and "&lt;b&gt;What&lt;/b&gt;" in md
    assert "<script" not in md and "<img" not in md and "<b>" not in md and "](javascript" not in md


def test_a_conversation_is_deleted_by_its_owner_only_and_leaves_no_text(
        tmp_path_factory: pytest.TempPathFactory, answers: dict[str, Answer]) -> None:
    """A browser walk: the chat's Clear only emptied the view, and nothing deleted a conversation, which an analyst
    may need for a sensitive query. Deleting removes its answers and permalinks, not another user's, and the
    question's text is gone from the history file; the audit log says it happened."""
    import dataclasses

    bot = web_briefbot(tmp_path_factory)
    secret = "Which zebra-crossing informants did the Panel meet in Tripoli?"
    mine = bot.history.save(ANA, None, dataclasses.replace(answers["mars"], question=secret))
    bot.history.save(ANA, mine.conversation, answers["libya"])
    kept = bot.history.save(ANA, None, answers["libya"])
    with pytest.raises(NotFoundError):
        bot.delete_conversation(BEN, mine.conversation)  # not ben's: nothing removed
    assert {c.id for c in bot.history.conversations(ANA)} == {mine.conversation, kept.conversation}
    assert bot.delete_conversation(ANA, mine.conversation) == 2
    assert [c.id for c in bot.history.conversations(ANA)] == [kept.conversation]
    with pytest.raises(NotFoundError):
        bot.history.open_permalink(BEN, mine.token)
    with pytest.raises(NotFoundError):
        bot.history.answers(ANA, mine.conversation)
    path = bot.history.path
    stored = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    assert secret.encode() not in stored
    events = [json.loads(line) for line in (Path(bot.settings.index) / "audit.jsonl").read_text().splitlines()]
    assert {"user": "ana", "action": "delete_conversation", "conversation": mine.conversation,
            "answers": 2}.items() <= events[-1].items()


def test_a_deleted_conversation_is_gone_from_the_audit_log_and_the_feedback_file(
        tmp_path_factory: pytest.TempPathFactory, answers: dict[str, Answer], monkeypatch: pytest.MonkeyPatch) -> None:
    """A review: a deleted conversation's questions stayed in audit.jsonl and its answers' votes in feedback.jsonl.
    Deleting takes the text out of both files (read again from disk): each "ask" event stays, marked redacted, and
    the deletion itself is recorded without the text. A question another conversation still holds keeps its text,
    and other users' feedback stays. A log that cannot be rewritten deletes nothing."""
    import dataclasses

    import briefbot.audit
    from briefbot.access import EVERYTHING
    from briefbot.feedback import append_feedback, feedback_path, make_record, owner_for, read_feedback

    bot = web_briefbot(tmp_path_factory)
    secret = "Which heron-marsh informants did the Panel meet in Sirte?"
    asked = bot.ask(secret, scope=EVERYTHING)  # audited as the local user
    bot.ask(LIBYA_Q, scope=EVERYTHING)
    secret_answer = dataclasses.replace(answers["mars"], question=secret, answer=asked.answer)
    doomed = bot.history.save(LOCAL, None, secret_answer)
    bot.history.save(LOCAL, doomed.conversation, answers["libya"])
    bot.history.save(LOCAL, None, answers["libya"])  # the Libya question is still held here
    fb = feedback_path(Path(bot.settings.index))
    append_feedback(fb, make_record(secret_answer, "down", "heron comment", owner=owner_for(None)))
    append_feedback(fb, make_record(answers["libya"], "up", owner=owner_for(None)))
    append_feedback(fb, make_record(secret_answer, "up", owner=owner_for("ben")))  # not the local user's
    audit = Path(bot.settings.index) / "audit.jsonl"

    monkeypatch.setattr(briefbot.audit, "write_privately", _unwritable)
    with pytest.raises(HistoryUnavailable, match="not deleted"):
        bot.delete_conversation(LOCAL, doomed.conversation)
    assert doomed.conversation in {c.id for c in bot.history.conversations(LOCAL)}
    assert secret in audit.read_text()
    monkeypatch.undo()

    assert bot.delete_conversation(LOCAL, doomed.conversation) == 2
    text = audit.read_text(encoding="utf-8")
    assert secret not in text and "heron" not in text
    events = [json.loads(line) for line in text.splitlines()]
    redacted = [e for e in events if e.get("redacted") == f"conversation {doomed.conversation} deleted"]
    assert redacted and all(e["action"] == "ask" and e["user"] == "local" and "question" not in e for e in redacted)
    assert any(e.get("question") == LIBYA_Q for e in events)  # still in a kept conversation
    assert {"action": "delete_conversation", "conversation": doomed.conversation, "answers": 2,
            "feedback_removed": 1}.items() <= events[-1].items()
    assert events[-1]["redacted"] == len(redacted)
    left = read_feedback(fb)
    assert not any(r["question"] == secret and r["owner"] == owner_for(None) for r in left)
    assert "heron comment" not in fb.read_text(encoding="utf-8")
    assert any(r["question"] == LIBYA_Q and r["owner"] == owner_for(None) for r in left)
    assert any(r["question"] == secret and r["owner"] == owner_for("ben") for r in left)
    assert (audit.stat().st_mode & 0o777, fb.stat().st_mode & 0o777) == (0o600, 0o600)
    assert not [p.name for p in audit.parent.iterdir() if p.name.endswith(".part")]


def _unwritable(path: Path, data: bytes) -> None:
    raise OSError(28, "No space left on device")


def test_a_history_file_of_schema_1_is_read_with_its_cited_documents(tmp_path: Path,
                                                                      answers: dict[str, Answer]) -> None:
    """A history written before answers kept their cited documents apart (schema 1) gains them once, from the
    answers themselves, and withholds as a new one does."""
    import sqlite3

    path = tmp_path / "history.sqlite"
    first = History(path).save(ANA, None, answers["libya"])
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("ALTER TABLE answers DROP COLUMN cited")
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    cited = {c.doc_id for c in answers["libya"].citations}
    removed = History(path, may_read=lambda _user, ids: not cited & set(ids))
    [conv] = removed.conversations(ANA)
    assert conv.questions == [] and conv.withheld == 1
    assert History(path).answers(ANA, first.conversation)[0].token == first.token
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert json.loads(conn.execute("SELECT cited FROM answers").fetchone()[0])[0][0] in cited
    conn.close()
