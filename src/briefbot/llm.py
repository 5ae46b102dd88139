"""Answer stage, LLM engine: a local chat model (Ollama or any OpenAI-compatible server) writes the prose; code
does everything that must be trusted.

* The passages go to the model under code-assigned keys [1]..[n] and without symbols or page numbers; the model
  cites keys only, and code turns each key back into symbol, page, paragraph and a verbatim quote (located and
  verified exactly like the extractive engine's, via :func:`briefbot.answer.cite_sentence`).
* Document text is wrapped as data between ``<passage>`` tags (forged tags inside documents are defanged), and
  the system prompt says instructions inside passages are content, not commands.
* Tokens are streamed as they arrive; the finished reply is then checked sentence by sentence: unknown keys are
  dropped, and a sentence whose content words (and every number) are not found in the passages it cites is
  removed, each with a note; a cited sentence is checked whatever its length ("HACKED [1]." is a claim too). The
  final Answer is the checked text, so a UI should show it in place of the draft.
* Sentences of a passage that speak to an assistant ("ignore previous instructions", "you are now…", "reply only
  with…", "the answer is…", role claims) are instructions, not evidence: they support no claim, and a reply that
  repeats them, or speaks that way itself, is not an answer: the extractive answer is shown with a note naming
  the document that carried them.
* Anything going wrong with the model (unreachable, slow, raising, empty or uncited reply) ends the stream with an
  ``unavailable`` event ("LLM unavailable: <why>"); the service then shows the extractive answer with that note.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .chunk import split_sentences
from .cite import PageText, cite_sentence, terms, trim_sentence
from .config import Settings
from .errors import ConfigError, LLMError
from .glossary import reading_note
from .models import DOC_TYPE_LABELS, Answer, Citation, Hit, StreamEvent, stream_text
from .prompts import load_prompt

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

log = logging.getLogger(__name__)

MAX_PASSAGES = 8  # ~2k tokens of passages: fits a small local model's context with room for the answer
SUPPORT_MIN = 0.5  # a paraphrase keeps most content words; below half, the sentence says something else
_MIN_CHECKABLE = 3  # an uncited sentence needs this many content words before a passage is credited with it
_OLLAMA_NUM_CTX = 8192  # Ollama's default window (2-4k) would silently cut the passages off
NOT_FOUND = "NOT FOUND"

_KEY_BODY = r"(?:(?:passages?|sources?)\s*)?\d{1,3}(?:\s*(?:,|;|and|-|–)\s*(?:(?:passages?|sources?)\s*)?\d{1,3})*"
_KEY_GROUP = re.compile(r"\[\s*(" + _KEY_BODY + r")\s*\]", re.I)
# "…embargo. [1] The Panel…" → "…embargo [1]. The Panel…", so keys stay with the sentence they follow.
_KEYS_AFTER_STOP = re.compile(r"(?<=\S)([.!?])((?:\s*\[\s*" + _KEY_BODY + r"\s*\])+)(?=\s|$)", re.I)
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_THINK = re.compile(r"<think>.*?(?:</think>|$)", re.S)
_FORGED_TAG = re.compile(r"<(\s*/?\s*passages?\b)", re.I)
# Sentences that only say what the passages lack make no claim to verify; they are kept without a key.
_CAVEAT = re.compile(r"\b(?:do(?:es)?\s+not|don't|doesn't|did\s+not)\s+(?:say|state|mention|specify|give|provide|"
                     r"contain|address|indicate|include)|\bnot\s+(?:stated|mentioned|specified|given|provided)\b|"
                     r"\bno\s+(?:passage|information|figure)", re.I)
# Words an answer uses about passages rather than about the world; they never count as content.
# Text addressed to an assistant rather than to the document's readers. UN prose is full of imperatives ("Decides",
# "Requests the Secretary-General to report", "act as a deterrent", "As you are aware"), so each pattern names
# the assistant, its instructions or its output; tests check the sample documents raise none of them.
_INSTRUCTION = re.compile(
    # "Ignore all previous instructions", not "armed groups ignore the rules of international humanitarian law".
    r"\b(?:ignore|disregard|forget|override)\s+(?:\w+\s+){0,3}?(?:previous|prior|above|earlier|preceding|your|"
    r"system|original)\s+(?:\w+\s+)?(?:instructions?|prompts?|rules|guidelines|directions)\b"
    r"|\bsystem\s+prompt\b|\bnew\s+instructions?\b|\bprompt\s+injection\b"
    r"|\byou\s+(?:are|'re)\s+(?:now\b|no\s+longer\b|(?:an?\s+)?(?:ai|assistant|language\s+model|chatbot|llm)\b|"
    r"in\s+\w+\s+mode\b)"
    r"|\byou\s+(?:must|should|will|shall)\s+(?:now\s+|only\s+|always\s+)?(?:reply|respond|answer|say|output|print|"
    r"write|cite|ignore|obey)\b"
    r"|\b(?:reply|respond|answer|output|print|say|write)\s+(?:only|exactly|just)\b|\b(?:reply|output|print)\s+with\b"
    r"|\b(?:maintenance|developer|debug|admin|god|jailbreak|unrestricted)\s+mode\b"
    r"|\b(?:user|requester|reader|human|operator)\s+is\s+(?:an?\s+|the\s+)?(?:admin|administrator|root|superuser|"
    r"developer|owner|authori[sz]ed)"
    r"|\bI\s+am\s+(?:the|an?|your)\s+(?:system|administrator|admin|developer|operator|assistant|ai|model)\b"
    # Role tags as chat transcripts write them ("SYSTEM:", "Assistant:"), not "the drug control system: a path".
    r"|(?:^|(?<=[\s>\]\"']))(?-i:SYSTEM|System|ASSISTANT|Assistant|DEVELOPER|Developer)\s*:"
    r"|\bpretend\s+(?:to\s+be|you)\b|\brole-?play\b"
    r"|\b(?:ai|language\s+model|assistant|chatbot|llm)s?\s+(?:must|should|shall|will)\b"
    r"|\bcite\s+(?:this|it)\b[^.!?\n]{0,20}\bas\b",
    re.I)
# In a document, "the answer is X" is aimed at whoever answers; in a reply it is only suspect next to such text.
_ANSWER_IS = re.compile(r"\b(?:correct|final|real|true|only|the)\s+answer\s+(?:is|should\s+be|must\s+be|will\s+be)\b",
                        re.I)
_FILLER = terms("passage passages state states stated note notes noted mention mentions mentioned indicate "
                "indicates indicated describe describes described highlight highlights highlighted refer refers "
                "referred include includes included specify specifies specified provide provides provided")


# --- the model ----------------------------------------------------------------------------------------------------
def make_chat_model(settings: Settings) -> BaseChatModel:
    """Entry point: the configured chat model. Constructing it opens no connection."""
    provider, model = settings.llm_provider, settings.llm_model
    if not provider:
        raise ConfigError("llm_provider is not set (engine 'llm' needs 'ollama' or 'openai')",
                          "set llm_provider and llm_model in briefbot.toml or BRIEFBOT_LLM_PROVIDER/_MODEL")
    if not model:
        raise ConfigError(f"llm_model is not set for llm_provider {provider!r}",
                          "set llm_model to the model name the server knows, e.g. 'llama3.1:8b'")
    timeout = settings.llm_timeout_s
    if provider == "ollama":
        try:
            from langchain_ollama import ChatOllama
        except ImportError as exc:
            raise ConfigError("llm_provider 'ollama' needs langchain-ollama", "pip install langchain-ollama") from exc
        return ChatOllama(model=model, base_url=settings.llm_base_url, temperature=settings.llm_temperature,
                          num_ctx=_OLLAMA_NUM_CTX, client_kwargs={"timeout": timeout})
    if provider == "openai":
        if not settings.llm_base_url:
            # Never fall back to a hosted API: this tool is meant to run air-gapped.
            raise ConfigError("llm_provider 'openai' needs llm_base_url (briefbot does not default to a hosted API)",
                              "set llm_base_url, e.g. http://127.0.0.1:8000/v1 for vLLM")
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:
            raise ConfigError("llm_provider 'openai' needs langchain-openai", "pip install langchain-openai") from exc
        # Local servers ignore the key but the client insists on one; "EMPTY" is vLLM's documented placeholder.
        # max_retries=0: a dead server should fall back to the extractive answer at once, not after retries.
        return ChatOpenAI(model=model, base_url=settings.llm_base_url, api_key=settings.llm_api_key or "EMPTY",
                          temperature=settings.llm_temperature, timeout=timeout, max_retries=0)
    raise ConfigError(f"unknown llm_provider {provider!r}", "use 'ollama' or 'openai'")


# --- the prompt ---------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class Passage:
    key: int
    hit: Hit
    context: str  # the header the model sees (type, date, title, section); no symbol, no page
    terms: set[str] = field(default_factory=set)  # of the context and the text outside instructions
    numbers: set[str] = field(default_factory=set)
    instructions: list[str] = field(default_factory=list)  # its sentences addressed to an assistant


def instructions_in(text: str) -> list[str]:
    """The sentences of ``text`` that address an assistant (see ``_INSTRUCTION``)."""
    return [text[a:b].strip() for a, b in split_sentences(text) if _instructs(text[a:b])]


def _instructs(sentence: str) -> bool:
    return bool(_INSTRUCTION.search(sentence) or _ANSWER_IS.search(sentence))


def keyed_passages(hits: list[Hit]) -> list[Passage]:
    out: list[Passage] = []
    for key, hit in enumerate(hits[:MAX_PASSAGES], start=1):
        doc = hit.doc
        context = " · ".join(x for x in (DOC_TYPE_LABELS.get(doc.doc_type, doc.doc_type), doc.date, doc.title,
                                         hit.chunk.section) if x)
        text = hit.chunk.text
        found = instructions_in(text)
        if found:  # what an injection says is no evidence for anything
            log.warning("passage %d (%s) holds text addressed to an assistant: %r", key, doc.symbol or doc.file_name,
                        _short(found[0]))
            for sentence in found:
                text = text.replace(sentence, " ")
        support = f"{context}\n{text}"
        out.append(Passage(key, hit, context, terms(support), _numbers(support), found))
    return out


def _defang(text: str) -> str:
    """Document text cannot close or open a passage: '<passage' / '</passage' lose their '<'."""
    return _FORGED_TAG.sub(r"‹\1", text)


def render_passages(passages: list[Passage]) -> str:
    return "\n\n".join(f'<passage key="{p.key}">\nFrom: {_defang(p.context)}\n{_defang(p.hit.chunk.text)}\n</passage>'
                       for p in passages)


def build_messages(question: str, passages: list[Passage], settings: Settings) -> list[BaseMessage]:
    from langchain_core.messages import HumanMessage, SystemMessage

    prompt = load_prompt("answer", {"system": (), "user": ("question", "passages")}, settings)
    return [SystemMessage(prompt.render("system")),
            HumanMessage(prompt.render("user", question=_defang(question), passages=render_passages(passages)))]


# --- streaming ----------------------------------------------------------------------------------------------------
def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content blocks
        return "".join(b if isinstance(b, str) else str(b.get("text", "")) if isinstance(b, dict) else ""
                       for b in content)
    return ""


def _stream(chat: BaseChatModel, messages: list[BaseMessage], timeout: float) -> Iterator[str]:
    """The model's reply in pieces; LLMError when no piece arrives for ``timeout`` seconds.

    The call runs in a thread so the wait is bounded here whatever the provider client does with its own timeout.
    """
    pieces: queue.Queue[tuple[str, Any]] = queue.Queue()
    stop = threading.Event()

    def run() -> None:
        try:
            for chunk in chat.stream(messages):
                if stop.is_set():
                    return
                pieces.put(("piece", _content_text(chunk.content)))
            pieces.put(("end", None))
        except BaseException as exc:  # handed to the consumer, which decides
            pieces.put(("error", exc))

    threading.Thread(target=run, name="briefbot-llm", daemon=True).start()
    try:
        while True:
            try:
                kind, value = pieces.get(timeout=timeout)
            except queue.Empty:
                raise LLMError(f"no reply within llm_timeout_s={timeout:g} s") from None
            if kind == "end":
                return
            if kind == "error":
                raise value
            if value:
                yield value
    finally:
        stop.set()


class _Visible:
    """What of the reply to show while it streams: reasoning models' <think>…</think> is held back."""

    def __init__(self) -> None:
        self.raw = ""
        self.shown = 0

    def feed(self, piece: str, final: bool = False) -> str:
        self.raw += piece
        text = _THINK.sub("", self.raw).lstrip()
        if not final:  # hold back a tag that may still be arriving ("<thi")
            for n in range(len("<think>") - 1, 0, -1):
                if text.endswith("<think>"[:n]):
                    text = text[:-n]
                    break
        out = text[self.shown:]
        self.shown = max(self.shown, len(text))
        return out


# --- checking the reply -------------------------------------------------------------------------------------------
def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def _key_text(keys: Iterable[int]) -> str:
    """"[1, 3]", or "" when no key is left."""
    unique = list(dict.fromkeys(keys))
    return f"[{', '.join(map(str, unique))}]" if unique else ""


def _with_key(text: str, key: int) -> str:
    """"The Council renewed it." → "The Council renewed it [3]."."""
    end = len(text.rstrip(".!?"))
    return f"{text[:end]} [{key}]{text[end:]}"


def _keys(group: str) -> list[int]:
    nums = [int(n) for n in re.findall(r"\d+", group)]
    if re.search(r"\d\s*[-–]\s*\d", group) and len(nums) == 2 and 0 < nums[1] - nums[0] < 10:
        return list(range(nums[0], nums[1] + 1))  # "[2-4]"
    return nums


@dataclass(slots=True)
class _Sentence:
    text: str  # as the model wrote it (keys normalised)
    claim: str  # without keys and list marks: what is checked
    keys: list[int]


@dataclass(slots=True)
class Checked:
    """The reply after checking: kept lines of sentences, the keys they cite, and what was changed."""

    lines: list[list[_Sentence]]
    keys: list[int]
    notes: list[str]
    cited_any: bool


def support(claim: str, passages: list[Passage]) -> float:
    """Share of the claim's content words found in the passages (1.0 when it has none), 0 if a number is missing."""
    words = terms(claim) - _FILLER
    have: set[str] = set().union(*(p.terms for p in passages)) if passages else set()
    numbers: set[str] = set().union(*(p.numbers for p in passages)) if passages else set()
    if not _numbers(claim) <= numbers:
        return 0.0
    return len(words & have) / len(words) if words else 1.0


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def check_reply(reply: str, passages: list[Passage]) -> Checked:
    """Split the reply into sentences, drop unknown keys, remove sentences their passages do not support."""
    by_key = {p.key: p for p in passages}
    unknown: list[int] = []
    removed: list[str] = []
    cited_any = False
    reply = _KEYS_AFTER_STOP.sub(lambda m: f" {m.group(2).strip()}{m.group(1)}", reply)
    lines: list[list[_Sentence]] = []
    for line in reply.splitlines():
        kept: list[_Sentence] = []
        for a, b in split_sentences(line):
            raw = line[a:b].strip()
            keys: list[int] = []

            def normalise(m: re.Match[str], keys: list[int] = keys) -> str:
                valid: list[int] = []
                for k in _keys(m.group(1)):
                    (valid if k in by_key else unknown).append(k)
                keys.extend(k for k in valid if k not in keys)
                return _key_text(valid)

            text = re.sub(r"\s+([.!?;,])", r"\1", _KEY_GROUP.sub(normalise, raw)).strip()
            claim = re.sub(r"\s+([.!?;,])", r"\1", _LIST_MARK.sub("", _KEY_GROUP.sub(" ", raw))).strip()
            cited_any = cited_any or bool(keys)
            if not re.search(r"[A-Za-z0-9]", claim):
                continue
            checkable = len(terms(claim) - _FILLER) >= _MIN_CHECKABLE or bool(_numbers(claim))
            if keys and _CAVEAT.search(claim):
                pass  # says what the passages lack: nothing to verify
            elif keys:
                # Whatever its length: "HACKED [1]." is a claim, and one with no content word says nothing a
                # passage could confirm.
                if not terms(claim) - _FILLER or support(claim, [by_key[k] for k in keys]) < SUPPORT_MIN:
                    removed.append(f"“{_short(claim)}” (not supported by {_key_text(keys)})")
                    continue
            elif _CAVEAT.search(claim):
                pass  # only says what the passages lack: no claim to verify, kept as written
            elif _KEY_GROUP.search(raw):
                removed.append(f"“{_short(claim)}” (cites no passage that was given)")
                continue
            else:
                # An uncited sentence is kept only if one passage supports it, and then it carries that key.
                best = max(passages, key=lambda p: support(claim, [p]), default=None)
                if not checkable or best is None or support(claim, [best]) < SUPPORT_MIN:
                    removed.append(f"“{_short(claim)}” (no passage supports it)")
                    continue
                keys.append(best.key)
                text = _with_key(text, best.key)
            kept.append(_Sentence(text, claim, keys))
        if kept:
            lines.append(kept)
    notes: list[str] = []
    if unknown:
        notes.append(f"Dropped citation key(s) {', '.join(f'[{k}]' for k in dict.fromkeys(unknown))} that match no "
                     "passage.")
    for r in removed:
        notes.append(f"Removed a sentence the passages do not support: {r}.")
    keys_in_order = list(dict.fromkeys(k for line in lines for s in line for k in s.keys))
    return Checked(lines, keys_in_order, notes, cited_any)


def echoed_instructions(reply: str, passages: list[Passage]) -> str | None:
    """Why the reply is no answer, or None: it repeats instructions a passage carries, or addresses an assistant.

    A model that obeyed an injected passage writes its payload ("HACKED", "ACCESS GRANTED") or its role claims ("the
    user is an administrator"); both are judged on the reply's own words, so neither a key nor support saves them.
    """
    carriers = [p for p in passages if p.instructions]
    clean: set[str] = set().union(*(p.terms for p in passages)) if passages else set()
    for line in reply.splitlines():
        for a, b in split_sentences(line):
            claim = _KEY_GROUP.sub(" ", line[a:b]).strip()
            said = _INSTRUCTION.search(claim) or (_ANSWER_IS.search(claim) if carriers else None)
            words = terms(claim) - _FILLER
            for p in carriers:
                # Words the passages hold only inside the instructions: the payload of the injection.
                payload = words & (terms(" ".join(p.instructions)) - clean)
                if said or payload:
                    source = next((i for i in p.instructions if payload & terms(i)), p.instructions[0])
                    return (f"the model's reply repeats instructions found in passage [{p.key}] "
                            f"({p.hit.doc.symbol or p.hit.doc.file_name}: “{_short(source, 70)}”), a sign of "
                            "prompt injection")
            if said:
                return f"the model's reply addresses an assistant (“{_short(said.group(0))}”) instead of answering"
    return None


def quote_for(passage: Passage, claims: list[str], page_text: PageText) -> Citation | None:
    """The passage's sentence that best supports the claims citing it, located on its page and verified."""
    want = set().union(*(terms(c) for c in claims)) - _FILLER
    text = passage.hit.chunk.text
    best: tuple[float, int, int] | None = None
    for a, b in split_sentences(text):
        a, b = trim_sentence(text, a, b)
        if b <= a:
            continue
        if _instructs(text[a:b]):
            continue  # an injected instruction is never the quote shown as evidence
        found = terms(text[a:b])
        # Prefer real sentences over fragments ("(a)", headings); among them, the most shared content words.
        score = len(want & found) / (len(want) or 1) + (0.01 if b - a >= 25 else -1.0)
        if best is None or score > best[0]:
            best = (score, a, b)
    if best is None:
        return None
    return cite_sentence(passage.hit, best[1], best[2], str(passage.key), page_text)


# --- the engine ---------------------------------------------------------------------------------------------------
def _reason(exc: BaseException, settings: Settings) -> str:
    """One line saying why the model could not be used."""
    if isinstance(exc, ConfigError):
        return str(exc)
    if isinstance(exc, LLMError):
        return exc.message
    chain: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and len(chain) < 6:
        chain.append(e)
        e = e.__cause__ or e.__context__
    names = " ".join(type(x).__name__ for x in chain)
    where = settings.llm_base_url or ("the default Ollama address" if settings.llm_provider == "ollama" else "?")
    if "Timeout" in names or any(isinstance(x, TimeoutError) for x in chain):
        return f"no reply from {where} within llm_timeout_s={settings.llm_timeout_s:g} s"
    if "Connect" in names or any(isinstance(x, ConnectionError) for x in chain):
        return f"cannot reach the {settings.llm_provider or 'LLM'} server at {where}"
    if "No generation chunks" in str(exc):  # langchain's word for a stream that produced nothing
        return "the model returned an empty reply"
    server = f"the {settings.llm_provider or 'LLM'} server at {where}"
    status = next((s for x in chain if isinstance(s := getattr(x, "status_code", None), int)), None)
    if status is not None and status >= 400:
        message = getattr(exc, "error", None) or getattr(exc, "message", None) or str(exc)
        if isinstance(message, dict):  # Ollama passes the server's JSON error object on
            message = message.get("message") or message
        message = re.sub(r"^Error code: \d+ - ", "", str(message))  # the openai client's prefix
        return f"{server} answered HTTP {status}: {_short(message, 160)}"
    bad_json = next((x for x in chain if isinstance(x, ValueError) and type(x).__name__ == "JSONDecodeError"), None)
    if bad_json is not None:
        return f"{server} sent a reply that is not valid JSON ({_short(str(bad_json), 120)})"
    detail = (str(exc).strip().splitlines() or [""])[0][:200]
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def _unavailable(reason: str, hits: list[Hit], prefix: str = "LLM unavailable") -> StreamEvent:
    """The stream's last event when the model's reply cannot be used; ``hits``: what another engine may use."""
    log.warning("%s: %s", prefix, reason)
    return StreamEvent("unavailable", text=f"{prefix}: {reason}", hits=hits)


def llm_answer_stream(question: str, hits: list[Hit], settings: Settings, page_text: PageText,
                      model: BaseChatModel | None = None) -> Iterator[StreamEvent]:
    """Entry point: stream the model's answer, then yield the checked, cited Answer (``done``), or ``unavailable``
    when the reply cannot be used.

    ``model`` defaults to :func:`make_chat_model` (tests pass a fake chat model here).
    """
    t0 = time.perf_counter()
    passages = keyed_passages(hits)
    if not passages:  # nothing to answer from (no reason, so no note): the extractive abstention says so
        yield StreamEvent("unavailable", hits=hits)
        return
    visible = _Visible()
    first: float | None = None
    try:
        messages = build_messages(question, passages, settings)
        chat = model if model is not None else make_chat_model(settings)
        for piece in _stream(chat, messages, settings.llm_timeout_s):
            first = first or time.perf_counter()
            delta = visible.feed(piece)
            if delta:
                yield StreamEvent("token", text=delta)
        tail = visible.feed("", final=True)
        if tail:
            yield StreamEvent("token", text=tail)
    except Exception as exc:
        log.debug("LLM call failed", exc_info=True)
        yield _unavailable(_reason(exc, settings), hits)
        return
    t1 = time.perf_counter()
    reply = _THINK.sub("", visible.raw).strip()
    log.debug("LLM reply (%d chars): %r", len(reply), reply[:500])
    if not reply:
        yield _unavailable("the model returned an empty reply", hits)
        return
    if reply.upper().startswith(NOT_FOUND) and not _KEY_GROUP.search(reply):
        answer = Answer(question=question, answer="The indexed documents do not answer this question (the language "
                        "model found no answer in the retrieved passages). The closest passages are listed below.",
                        abstained=True, citations=[], hits=hits, engine="llm")
        answer.timings_ms.update(llm=round((t1 - t0) * 1000, 1))
        yield StreamEvent("done", answer=answer)
        return
    echoed = echoed_instructions(reply, passages)
    if echoed:
        # The extractive engine would quote the instructions as evidence: it answers without the passages holding them.
        hostile = {id(p.hit) for p in passages if p.instructions}
        if hostile:
            echoed += "; passages holding such instructions are left out"
        yield _unavailable(echoed, [h for h in hits if id(h) not in hostile], prefix="LLM answer not used")
        return
    checked = check_reply(reply, passages)
    if not checked.cited_any:
        yield _unavailable("the model's reply cited none of the passages", hits)
        return
    by_key = {p.key: p for p in passages}
    citations: dict[int, Citation] = {}
    for key in checked.keys:
        citation = quote_for(by_key[key], [s.claim for line in checked.lines for s in line if key in s.keys], page_text)
        if citation is None:
            checked.notes.append(f"Passage [{key}] could not be quoted verbatim from its page; its sentences were "
                                 "removed.")
        else:
            citations[key] = citation
    lines = [[s for s in line if not s.keys or any(k in citations for k in s.keys)] for line in checked.lines]
    if len(citations) < len(checked.keys):
        for line in lines:
            for s in line:
                s.text = _KEY_GROUP.sub(lambda m: _key_text(k for k in _keys(m.group(1)) if k in citations), s.text)
    body = "\n".join(" ".join(s.text for s in line) for line in lines if line)
    if not citations or not body:
        yield _unavailable("no sentence of the model's reply is supported by the passage it cites", hits)
        return
    if (read_as := reading_note(question, [c.quote for c in citations.values()])) is not None:
        checked.notes.append(read_as)
    for note in checked.notes:
        yield StreamEvent("note", text=note)
    sources = "\n".join(f"[{k}] {c.reference()}: “{c.quote}”" for k, c in citations.items())
    tail = f"\n\nSources:\n{sources}"
    yield StreamEvent("token", text="\n\n")
    for piece in stream_text(tail):
        yield StreamEvent("token", text=piece)
    answer = Answer(question=question, answer=f"{body}{tail}", abstained=False, citations=list(citations.values()),
                    hits=hits, engine="llm", notes=list(checked.notes))
    answer.timings_ms.update(llm=round((t1 - t0) * 1000, 1),
                             llm_first_token=round(((first or t1) - t0) * 1000, 1))
    yield StreamEvent("done", answer=answer)
