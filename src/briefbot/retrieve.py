"""Retrieve stage: dense (Chroma) + lexical (bm25s), fused, with the question's own references honoured.

A question naming a document ("S/2025/356", "resolution 2781 (2025)") and a paragraph reaches that paragraph
directly; a question naming a country/mission and a kind of report ("the Libya panel's report") boosts the
documents that fit. Filters (type, years, symbols, missions) restrict both retrievers before ranking.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

from .chunk import split_sentences
from .cite import terms
from .config import Settings
from .embed import Embedder
from .glossary import council_question, council_words
from .lexical import LexicalIndex
from .mandates.changes import renewed_paragraphs, renews_by_reference
from .models import Chunk, DocInfo, Filters, Hit, RetrievalMode
from .parse.gazetteer import COUNTRIES, MISSION_COUNTRY, MONTHS
from .refs import (
    CRITERION_TEXT,
    DEADLINE,
    FREQUENCY,
    HOW_OFTEN_Q,
    NOW_ASKED_Q,
    ORIGIN_NEEDLES,
    ORIGIN_WINDOW,
    SETS_TERM,
    OriginSentence,
    References,
    asked_parts,
    asks_criterion,
    asks_current_term,
    asks_ending,
    asks_imposition,
    asks_original,
    asks_term,
    asks_what_measure,
    commodity_needles,
    doc_places,
    ending,
    ending_subject,
    label_key,
    label_wanted,
    measure_named,
    missions_named,
    origin_sentence,
    parse_references,
    question_years,
    recounted_renewal,
    renewal_subject,
    renewed_missions,
    renewed_object,
    renewing_part,
    renews_subject,
    report_window,
    same_decision,
    same_subject,
    says_ending,
    scored_places,
    sentence_places,
    source_fingerprint,
    specific_subject,
    two_terms,
    year_fits,
)
from .rerank import features as rerank_features
from .rerank import load_model, rerank
from .spelling import un_text
from .store import Store
from .symbols import resolution_number, split_joint, symbol_key

log = logging.getLogger(__name__)
_T = TypeVar("_T")


@dataclass(slots=True)
class Ranked:
    text_hash: str
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    dense_score: float | None = None
    lexical_score: float | None = None


def fuse(dense: list[tuple[str, float]], lexical: list[tuple[str, float]], method: str = "rrf", rrf_k: int = 60,
         dense_weight: float = 1.0, lexical_weight: float = 1.0) -> list[Ranked]:
    """Reciprocal-rank fusion, or weighted sum of max-normalised scores; best first."""
    table: dict[str, Ranked] = {}
    for rank, (h, s) in enumerate(dense, start=1):
        table.setdefault(h, Ranked(h, 0.0)).dense_rank = rank
        table[h].dense_score = s
    for rank, (h, s) in enumerate(lexical, start=1):
        table.setdefault(h, Ranked(h, 0.0)).lexical_rank = rank
        table[h].lexical_score = s
    top_lex = max((s for _, s in lexical), default=1.0) or 1.0
    for r in table.values():
        if method == "rrf":
            r.score = (dense_weight / (rrf_k + r.dense_rank) if r.dense_rank else 0.0) + \
                      (lexical_weight / (rrf_k + r.lexical_rank) if r.lexical_rank else 0.0)
        else:
            r.score = dense_weight * max(r.dense_score or 0.0, 0.0) + \
                      lexical_weight * (r.lexical_score or 0.0) / top_lex
    return sorted(table.values(), key=lambda r: -r.score)


class _PerVersion(Generic[_T]):
    """A value read off the catalog, kept until the catalog's version changes; safe to share between threads (two
    threads may both compute it once after a change; a value of an older version never replaces a newer one)."""

    def __init__(self) -> None:
        self._version = -1
        self._value: _T | None = None
        self._lock = threading.Lock()

    def get(self, version: int, compute: Callable[[], _T]) -> _T:
        with self._lock:
            if self._version == version and self._value is not None:
                return self._value
        value = compute()
        with self._lock:
            if version >= self._version:
                self._version, self._value = version, value
        return value


class Retriever:
    """Holds the store, the model and the lexical index; safe to share between threads."""

    def __init__(self, settings: Settings, store: Store, embedder: Embedder, lexical: LexicalIndex | None = None):
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.lexical = lexical or LexicalIndex(store)
        self._docs: dict[str, DocInfo] = {}
        self._by_symbol: dict[str, set[str]] = {}  # symbol key → doc ids, rebuilt with _docs
        self._by_resolution: dict[int, set[str]] = {}  # resolution number → doc ids, rebuilt with _docs
        self._docs_version = -1
        # Resolution passages that end something or impose measures, with those sentences read: one catalog scan
        # per catalog version each (_ending_passages, _origin_passages), not one per question.
        self._endings: _PerVersion[list[tuple[Chunk, tuple[str, ...]]]] = _PerVersion()
        self._origins: _PerVersion[list[tuple[Chunk, tuple[OriginSentence, ...]]]] = _PerVersion()
        self._lock = threading.Lock()

    def documents(self) -> dict[str, DocInfo]:
        with self._lock:
            version = self.store.version()
            if version != self._docs_version:
                # DocInfo.about is filled for the documents a question's candidates come from (_to_hits).
                self._docs = {d.doc_id: d for d in self.store.documents()}
                by_symbol: dict[str, set[str]] = {}
                for d in self._docs.values():
                    for key in _symbol_keys(d.symbol):
                        by_symbol.setdefault(key, set()).add(d.doc_id)
                self._by_symbol = by_symbol
                by_number: dict[int, set[str]] = {}
                for d in self._docs.values():
                    number = resolution_number(d.symbol) if d.symbol else None
                    if number is not None:
                        by_number.setdefault(number[0], set()).add(d.doc_id)
                self._by_resolution = by_number
                self._docs_version = version
            return self._docs

    def search(self, question: str, k: int | None = None, filters: Filters | None = None,
               mode: RetrievalMode | None = None) -> list[Hit]:
        """Entry point: the k best passages for ``question``."""
        t0 = time.perf_counter()
        k = k or self.settings.k
        mode = mode or self.settings.retrieval
        filters = filters or Filters()
        docs = self.documents()
        hidden: set[str] | None = None  # text hashes of the few documents an access scope hides, when cheaper
        if filters.collections is not None:  # access: documents outside the reader's collections do not exist here
            readable = set(filters.collections)
            hidden_ids = [d for d, info in docs.items() if info.collection not in readable]
            docs = {d: info for d, info in docs.items() if info.collection in readable}
            # Searching inside 2,300 allowed documents costs ~1.7 s (a Chroma $in filter, 50k hashes for the
            # lexical mask); leaving out a few hidden ones costs nothing. Either way _to_hits keeps only
            # passages of allowed documents, so the shortcut can lose recall (a text shared with a hidden
            # document) but never shows a hidden one.
            if not dataclasses.replace(filters, collections=None).active() and len(hidden_ids) < len(docs):
                hidden = self.store.hashes_of_documents(hidden_ids)
        # The rules below read what is asked in the Council's words ("the Yemen sanctions monitors": its Panel of
        # Experts); BM25 and the model read the reader's words with the Council's beside them.
        plain, question = question, council_question(question)
        refs = parse_references(question)
        allowed = self.store.resolve_filters(filters)
        allowed_set = set(allowed) if allowed is not None else None
        named = self._named_documents(refs, docs, allowed_set, report_window(question))
        # A question naming a document needs no year: the name already picks it.
        years = set() if refs.named_any or not self.settings.year_boost else question_years(question)
        n = max(self.settings.candidates, k * 3)

        # The Council decisions of the year a question names (no document named), searched on their own too.
        of_year = sorted(d.doc_id for d in docs.values() if d.doc_type == "resolution" and year_fits(d, years)
                         and (allowed_set is None or d.doc_id in allowed_set)) if years and not named else []
        dense: list[tuple[str, float]] = []
        lexical: list[tuple[str, float]] = []
        if mode in ("hybrid", "dense"):
            # The Council's words for what the question says plainly ("weapons ban": arms embargo) move its vector
            # towards the paragraphs worded that way (dev: two paraphrases found first that were 9th and 10th).
            # In the UN's spelling, as the documents are: "authorise" read as written moved the vector off them.
            vector = self.embedder.embed_query(f"{un_text(plain)} {council_words(plain, spellings=False)}".rstrip())
            if hidden is not None:
                dense = [(h, s) for h, s in self.store.dense_search(vector, n + min(len(hidden), 3 * n), None)
                         if h not in hidden][:n]
            else:
                dense = self.store.dense_search(vector, n, allowed)
            if named:  # also search inside the named documents so their best passages are candidates
                dense = _merge(dense, self.store.score_documents(vector, n, sorted(named)))
            elif of_year:
                # "In its 2023 rollover": that year's decision words its renewal like ten others; the library-wide
                # top n can miss it, so the best passages of that year's Council decisions are candidates too
                # (scored from the vector file: a filtered Chroma query scans all metadata, 0.4 s at 100k).
                dense = _merge(dense, self.store.search_documents(vector, YEAR_CANDIDATES, of_year))
        if mode in ("hybrid", "lexical"):
            allowed_hashes = self._hashes_for(allowed_set) if allowed_set is not None and hidden is None else None
            lexical = self.lexical.search(plain, n, allowed_hashes,
                                          also=[h for h, _ in dense] if mode == "hybrid" else (), excluded=hidden)
            if of_year and mode == "hybrid" and hidden is None:
                # And BM25's best of that year's decisions: "In 2012, could trade through harbours run by the
                # Somali jihadist movement …" is 2060 (2012) para. 2 (b), "Al-Shabaab controlled ports", which
                # 30 other years' Al-Shabaab paragraphs outscore library-wide.
                lexical = _merge(lexical, self.lexical.search(plain, YEAR_CANDIDATES, self._hashes_for(set(of_year))))
        if mode == "hybrid" and dense:
            # A passage BM25 ranks high but outside the dense top n ("Decides to renew until 31 May 2026 the
            # measures on arms") would otherwise fuse with a dense score of 0: look its similarity up.
            have = {h for h, _ in dense}
            dense = dense + sorted(self.store.similarities(vector, [h for h, _ in lexical if h not in have]),
                                   key=lambda kv: -kv[1])
        hits = self._ranked(plain, mode, dense, lexical, docs, allowed_set, named, refs, years)
        if not refs.named_any and not years and not asks_term(question):
            hits = _restated_later(hits, REPEAT_WINDOW)
        places = {p.lower() for p in refs.places}
        if (mode != "lexical" and places and not refs.named_any and hits and asks_term(question)
                and not self._place_renewal_leads(question, hits[:RENEWAL_HORIZON], places, years)):
            # "Until when is the mandate of the Yemen Panel of Experts extended?": twenty other regimes' Panel
            # renewals, worded alike, fill the candidates and none of Yemen's is among them. The asked place's
            # Council decisions are searched on their own, as the Mission or country filter would, and their
            # leading renewals go first (only then: finding them reads every record's places, ~0.6 s once per
            # catalog version, then kept beside the catalog: Store.fill_about).
            # A year asked ("renewed … in October 2025") keeps to that year's decisions.
            first = self._place_renewals(question, mode, vector, n, places, docs, allowed_set, refs, years)
            for h in first:
                h.score = hits[0].score
            seen = {h.chunk.text_hash for h in first}
            hits = first + [h for h in hits if h.chunk.text_hash not in seen]
        elif (mode != "lexical" and not places and not refs.named_any and hits and asks_term(question)
              and _PLACELESS_BODY.search(question) and not asks_original(question)):
            # "Until when is the mandate of the ISIL (Da'esh) and Al-Qaida Monitoring Team extended?": a body no
            # place names, whose reports fill the candidates ("submitted pursuant to resolution 2734 (2024)") while
            # the Council's renewal of it (2734 para. 101) ranks nowhere. Its renewals are searched among the
            # resolutions on their own, as the asked place's are above.
            first = self._body_renewals(question, vector, docs, allowed_set, years)
            for h in first:
                h.score = hits[0].score
            seen = {h.chunk.text_hash for h in first}
            hits = first + [h for h in hits if h.chunk.text_hash not in seen]
        if not refs.named_any and not years and hits and not asks_original(question):
            hits = self._with_later_renewals(hits, docs, allowed_set, vector if mode != "lexical" else None, places,
                                             specific_subject(question))
            hits = self._with_restated_requests(hits, docs, allowed_set, vector if mode != "lexical" else None)
        ends = asks_ending(question)
        if places and not refs.named_any and hits and (
                (not years and asks_term(question) and not asks_original(question)) or ends):
            closing = self._ending(question, refs, hits, places, docs, allowed_set, asked=ends)
            if closing is not None:
                closing.score = hits[0].score
                hits = [closing] + [h for h in hits if h.chunk.text_hash != closing.chunk.text_hash]
        if places and not refs.named_any and hits and (asks_imposition(question) or asks_what_measure(question)):
            origin = self._origin(question, places, docs, allowed_set)
            if origin is not None:
                origin.score = hits[0].score
                hits = [origin] + [h for h in hits if h.chunk.text_hash != origin.chunk.text_hash]
        if places and not refs.named_any and hits and asks_criterion(question):
            criterion = self._criterion(question, places, docs, allowed_set)
            if criterion is not None:
                criterion.score = hits[0].score
                hits = [criterion] + [h for h in hits if h.chunk.text_hash != criterion.chunk.text_hash]
        if named and asks_current_term(question):
            current = self._current_renewals(question, named, docs, allowed_set)
            if current and mode != "lexical":
                # Its similarity, as the older renewals it supersedes have theirs: without it the answer scored
                # 2819 (2026)'s "until 1 August 2027" below 2769 (2025)'s lapsed "1 May 2026" (a held-out probe).
                similarity = dict(self.store.similarities(vector, [h.chunk.text_hash for h in current]))
                for h in current:
                    h.dense_score = similarity.get(h.chunk.text_hash)
            if current:
                for h in current:
                    h.score = max((x.score for x in hits), default=1.0)
                seen = {h.chunk.text_hash for h in current}
                hits = current + [h for h in hits if h.chunk.text_hash not in seen]
        elif refs.named_any and named and hits and asks_term(question):  # named by symbol, not "Libya resolutions"
            hits = self._with_named_renewals(hits, named, docs)
        elif years and not refs.named_any and hits and asks_term(question):
            hits = self._with_year_renewals(hits, years, specific_subject(question), places)
        if refs.named_any and named and hits and HOW_OFTEN_Q.search(question):
            hits = self._with_named_frequency(plain, hits, named, docs, vector if mode != "lexical" else None)
        elif hits and not refs.named_any and not years and HOW_OFTEN_Q.search(question) \
                and (missions := {p for p in refs.places if p in MISSION_COUNTRY}):
            hits = self._with_mission_frequency(plain, hits, missions, docs, allowed_set,
                                                vector if mode != "lexical" else None)
        direct = self._direct_paragraphs(refs, named, docs) if named and refs.paragraphs else []
        if direct:
            seen = {h.chunk.text_hash for h in direct}
            hits = direct + [h for h in hits if h.chunk.text_hash not in seen]
        if refs.named_any and len(named) > 1:  # named by symbol or number, not "the Syria Panel's reports"
            hits = _each_named(hits, named, k)
        if hits and not refs.named_any and not years and NOW_ASKED_Q.search(question) \
                and (specific := specific_subject(question)):
            hits = self._newest_statement_first(hits, specific, vector if mode != "lexical" else None)
        if hits and len(asked_parts(question)) > 1:
            hits = self._with_other_parts(question, hits, vector if mode != "lexical" else None)
        if hits and (pair := two_terms(question)) is not None:
            hits = self._with_each_term(pair, hits, vector if mode != "lexical" else None)
        if hits and _ASKS_LISTED.search(plain):
            hits = self._with_annexes(hits, docs, named if refs.named_any else set())
        hits = self._prefer_pdf_twins(hits, docs)[:k]
        self.store.label_continuations([h.chunk for h in hits])  # a paragraph's second block has its number
        for i, h in enumerate(hits, start=1):
            h.rank = i
        log.debug("retrieved %d hits in %.1f ms", len(hits), (time.perf_counter() - t0) * 1000)
        return hits

    # --- helpers -------------------------------------------------------------------------------------------
    def _ranked(self, question: str, mode: RetrievalMode, dense: list[tuple[str, float]],
                lexical: list[tuple[str, float]], docs: dict[str, DocInfo], allowed: set[str] | None,
                named: set[str], refs: References, years: set[int]) -> list[Hit]:
        """The candidates fused, placed in their documents and reranked."""
        if mode == "dense":
            ranked = fuse(dense, [], "rrf", self.settings.rrf_k)
        elif mode == "lexical":
            ranked = fuse([], lexical, "rrf", self.settings.rrf_k)
        else:
            ranked = fuse(dense, lexical, self.settings.fusion, self.settings.rrf_k, self.settings.dense_weight,
                          self.settings.lexical_weight)
        hits = self._to_hits(ranked, docs, allowed, named, refs, years)
        # The reranker was fitted on hybrid candidates (dense and lexical features both present); a dense-only or
        # lexical-only list keeps its own order rather than being judged on half its features.
        model = load_model() if self.settings.rerank and mode == "hybrid" else None
        if model is not None and hits:
            q_terms = terms(question)
            weights = self.lexical.idf(q_terms)
            top = hits[:model.depth]
            self.store.label_continuations([h.chunk for h in top])
            rows = rerank_features(top, q_terms, lambda t: weights.get(t, 1.0), refs, years)
            hits = rerank(top, rows, model) + hits[model.depth:]
        return hits

    @staticmethod
    def _place_renewal_leads(question: str, hits: list[Hit], places: set[str], years: set[int]) -> bool:
        """Whether a renewal about ``places`` of what the question asks (of one of ``years``, when any) is among
        ``hits``."""
        specific = specific_subject(question)
        return any(h.doc.doc_type == "resolution" and places & doc_places(h.doc)
                   and (not years or year_fits(h.doc, years))
                   and _renews_asked(h.chunk.text, specific) for h in hits)

    def _place_renewals(self, question: str, mode: RetrievalMode, vector: Any, n: int, places: set[str],
                        docs: dict[str, DocInfo], allowed: set[str] | None, refs: References,
                        years: set[int]) -> list[Hit]:
        """The renewals among the leading passages of the Council decisions about ``places`` (lower case) adopted
        in one of ``years`` (any year when empty), searched on their own, scored as the list's leader."""
        resolutions = [d for d in docs.values()
                       if d.doc_type == "resolution" and (allowed is None or d.doc_id in allowed)
                       and (not years or year_fits(d, years))]
        self.store.fill_about(resolutions)
        of_place = {d.doc_id for d in resolutions if places & doc_places(d)}
        if not of_place:
            return []
        dense = self.store.search_documents(vector, n, sorted(of_place))
        # Only renewals are kept, so BM25 is told so in the Council's verbs: "Are the authorisations to repress
        # piracy off Somalia still in force?" names no renewal, and 87 passages on piracy outranked 2608 (2021)'s.
        lexical = self.lexical.search(f"{question} {_RENEWAL_VERBS}", n, self._hashes_for(of_place),
                                      also=[h for h, _ in dense])
        have = {h for h, _ in dense}
        dense += sorted(self.store.similarities(vector, [h for h, _ in lexical if h not in have]),
                        key=lambda kv: -kv[1])
        found = self._ranked(question, mode, dense, lexical, docs, of_place, set(), refs, set())
        specific = specific_subject(question)
        renewing = [h for h in found if _renews_asked(h.chunk.text, specific)
                    or (specific and (_authorizes_asked(h.chunk.text, specific)
                                      or _continues_asked(h.chunk.text, specific)))]
        # A record about the asked place alone before one filed under a title it shares with another ("… on the
        # Sudan and South Sudan": 2418 (2018) renews South Sudan's measures and names the Sudan too); then the one
        # saying all that was asked before one saying half: 2793 (2025)'s "Gang Suppression Force … for an initial
        # period of twelve months" before MINUSTAH's "stabilization force … authorized" (1542 (2004)).
        # Of decisions keeping a body on in the same words each year ("shall continue to support the Committee for
        # a period of …", the 1988 Committee's Team), the newest: nothing else tells them apart (a second reader
        # got 2763 (2024)'s lapsed fourteen months for 2816 (2026)'s twelve).
        newest = {h.chunk.text_hash: -int((h.doc.date or "0")[:4]) for h in renewing
                  if _continues_asked(h.chunk.text, specific)}
        return sorted(renewing, key=lambda h: (bool(_countries(doc_places(h.doc)) - _countries(places)),
                                               not specific <= terms(h.chunk.text),
                                               newest.get(h.chunk.text_hash, 0)))[:PLACE_RENEWALS]

    def _body_renewals(self, question: str, vector: Any, docs: dict[str, DocInfo], allowed: set[str] | None,
                       years: set[int]) -> list[Hit]:
        """The newest Council decision (of one of ``years``, when any) renewing the body a question names without
        a place, found by its name: the body is named in hundreds of passages ("Directs the Committee, with the
        assistance of the Monitoring Team …"), which its renewals do not outrank."""
        m = _PLACELESS_BODY.search(question)
        if m is None:
            return []
        names = next(v for k, v in _PLACELESS_BODIES.items() if re.fullmatch(k, m.group(0), re.I))

        # One Team serves two Committees, each keeping it on in its own resolutions: the 1988 (Taliban) Committee's
        # say it "shall continue to support the Committee for a period of …" (2816 (2026)), the 1267 (ISIL and
        # Al-Qaida) Committee's extend it (2734 (2024), para. 101). A question naming one regime is answered by its
        # own, told by the Sanctions List each resolution names (a record's places are no guide: 1904 (2009), of the
        # Committee before the split, is filed under Afghanistan); one naming neither as before.
        team = names == ("Monitoring Team",)
        taliban = team and bool(_TALIBAN_Q.search(question))
        isil = team and not taliban and bool(_ISIL_Q.search(question))

        def renews(s: str) -> bool:
            if team:
                return (bool(_RENEWS.search(s)) and renewed_object(s) in _BODY_NAMES and terms(names[0]) <= terms(s)) \
                    or (taliban and bool(_CONTINUES_FOR.match(s)) and "Monitoring Team" in s)
            return bool(_RENEWS.search(s) or _CONTINUES_TO.search(s)) and any(n in s for n in names)

        of_1988: dict[str, bool] = {}
        for chunk in self.store.later_resolutions_naming(names, ""):
            info = docs.get(chunk.doc_id)
            if info is None or (allowed is not None and chunk.doc_id not in allowed) or (
                    years and not year_fits(info, years)):
                continue
            if taliban or isil:
                if chunk.doc_id not in of_1988:  # once per record: many of its passages name the Team
                    of_1988[chunk.doc_id] = any(_OF_1988.search(c.text) for c in self.store.chunks_of(chunk.doc_id))
                if of_1988[chunk.doc_id] != taliban:
                    continue
            if any(renews(s) for s in (chunk.text[a:b] for a, b in split_sentences(chunk.text))):
                self.store.fill_about([info])
                similarity = dict(self.store.similarities(vector, [chunk.text_hash]))
                # current: it answers by reference, as the latest renewal of measures named by their origin does
                return [Hit(chunk=chunk, doc=info, score=0.0, dense_score=similarity.get(chunk.text_hash),
                            current=True)]
        return []

    def _hashes_for(self, doc_ids: set[str]) -> set[str]:
        return self.store.hashes_of_documents(doc_ids)

    def _named_documents(self, refs: References, docs: dict[str, DocInfo], allowed: set[str] | None,
                         window: tuple[str, str] | None = None) -> set[str]:
        """Documents the question names by symbol, or by place + kind ("the Haiti panel's report"), or by place and
        when it came out (``window``: "MONUSCO … in its June 2025 report", "the Secretary-General's mid-2025
        report on the Central African Republic")."""
        named: set[str] = set()
        # Same matches as symbols_match(doc.symbol, sym) over every document, by key lookup: O(1) per symbol
        # instead of a regex pass over the whole library per query (≈ 30-50 ms at 1,400 documents).
        for sym in refs.symbols:
            for key in _symbol_keys(sym):
                named.update(d for d in self._by_symbol.get(key, ()) if d in docs)
        # "resolution 2780" without its year: refs.names by number, by lookup (a pass over 4,000 documents' symbols
        # cost 20-200 ms); its symbol matches are the ones above.
        for number in refs.resolutions:
            named.update(d for d in self._by_resolution.get(number, ()) if d in docs)
        if not named and refs.places and (refs.doc_types or window):
            # A report: a Council decision is named by its number, not by when it was adopted.
            typed = [d for d in docs.values() if d.doc_type in refs.doc_types
                     or (window and not refs.doc_types and d.doc_type != "resolution")]
            if window:
                typed = [d for d in typed if d.date and window[0] <= d.date <= window[1]]
            self.store.fill_about(typed)
            for d in typed:
                if doc_places(d) & {p.lower() for p in refs.places}:
                    named.add(d.doc_id)
        if allowed is not None:
            named &= allowed
        return named

    def _to_hits(self, ranked: list[Ranked], docs: dict[str, DocInfo], allowed: set[str] | None,
                 named: set[str], refs: References, years: set[int] | None = None) -> list[Hit]:
        occurrences = self.store.chunks_by_hash([r.text_hash for r in ranked])
        self.store.fill_about({c.doc_id: docs[c.doc_id] for cs in occurrences.values() for c in cs
                               if c.doc_id in docs}.values())
        places = {p.lower() for p in refs.places}
        hits: list[Hit] = []
        for r in ranked:
            chunks = [c for c in occurrences.get(r.text_hash, []) if c.doc_id in docs]
            if allowed is not None:
                chunks = [c for c in chunks if c.doc_id in allowed]
            if not chunks:
                continue  # an orphan vector or a filtered-out document
            chunk = _prefer(chunks, docs, named, years)
            score = r.score
            if chunk.doc_id in named:
                # A named document outranks similar passages elsewhere; the bonus equals a rank-1 vote. A document
                # only described ("the Libya panel's report") gets half: "the Secretary-General report back" in a
                # question about a resolution describes no document, and a full bonus let one report fill the list.
                bonus = 1.0 / (self.settings.rrf_k + 1) if self.settings.fusion == "rrf" else 0.5
                score += bonus if refs.named_any else bonus / 2
            elif places and places & scored_places(docs[chunk.doc_id]):
                # The question names a country or mission this document is about ("the Panel on Libya").
                score += self.settings.place_boost / (self.settings.rrf_k + 1) if self.settings.fusion == "rrf" \
                    else self.settings.place_boost / 2
            if years and year_fits(docs[chunk.doc_id], years):
                # "In its 2023 rollover": renewals of one series say nearly the same; the year tells them apart.
                score += self.settings.year_boost / (self.settings.rrf_k + 1) if self.settings.fusion == "rrf" \
                    else self.settings.year_boost / 2
            # Other documents with this text, by symbol: a resolution's PDF and its Council XML are one document,
            # so its own symbol is never "the same text in" itself.
            others = sorted({docs[c.doc_id].symbol or c.doc_id for c in chunks if c.doc_id != chunk.doc_id}
                            - {docs[chunk.doc_id].symbol})
            hits.append(Hit(chunk=chunk, doc=docs[chunk.doc_id], score=score, dense_rank=r.dense_rank,
                            lexical_rank=r.lexical_rank, also_in=others, dense_score=r.dense_score,
                            lexical_score=r.lexical_score))
        hits.sort(key=lambda h: -h.score)
        return hits

    def _with_later_renewals(self, hits: list[Hit], docs: dict[str, DocInfo], allowed: set[str] | None,
                             vector: Any, places: set[str], specific: set[str] | None = None) -> list[Hit]:
        """Currency: a renewal among the leading hits whose series the Council renewed again later brings the
        latest renewal in, right after it, at its score. A later renewal is often worded apart ("extend, for the
        purpose of aligning the timelines …, the mandate of the Panel of Experts in resolution 2772 (2025) beyond 12
        March 2026 until 12 October 2026") and ranks far below the one it extends, so the answer quoted a lapsed
        date. Found by reference, not by similarity: a later resolution's operative sentence that extends or
        renews and names the resolution (mandates.changes.renews_by_reference), followed to the newest."""
        out = list(hits)
        scans = _Scans(self.store, RENEWAL_QUERIES)  # an old series can chain through many
        # A later renewal is brought in only when it is newer than every decision already at hand: the answer
        # puts the newest of those first itself, and an older one (UNMISS's six-week rollover 2726 (2024)) would
        # only push the current one (2820 (2026)) out of the passages it reads.
        # Per country: the Libya mission's renewal 2796 (2025) is current though UNMISS's 2820 (2026) ranks above.
        renewing: dict[str, bool] = {}  # text hash → _renewal(text), read once however many lookups ask

        def renews(h: Hit) -> bool:
            if h.chunk.text_hash not in renewing:
                renewing[h.chunk.text_hash] = _renewal(h.chunk.text)
            return renewing[h.chunk.text_hash]

        def newest(about: set[str]) -> str:
            return max((h.doc.date or "" for h in out[:RENEWAL_HORIZON] if h.doc.doc_type == "resolution"
                        and renews(h) and (not about or not (theirs := doc_places(h.doc)) or about & theirs)),
                       default="")

        followed: set[str] = set()  # passages reached by a chain already followed: theirs is its tail, not redone
        # The leading hits, and as far as the answer reads when the question names a country whose decisions
        # rank below other regimes' alike-worded ones (the Mali renewals at 7 and 8 under four of the DRC's and
        # South Sudan's): those of another country cost no lookup.
        lookups = 0
        leading = hits[:RENEWAL_HORIZON if places else RENEWAL_LOOKUPS]
        if specific:
            # What was asked is followed first, the rest in rank order: S/2025/383's account of MINUSCA's renewal
            # spent the scans that the CAR arms embargo's chain from 2339 (2017) needed to reach 2789 (2025).
            leading = sorted(leading, key=lambda h: not _renews_asked(h.chunk.text, specific))
        for hit in leading:
            if lookups >= RENEWAL_LOOKUPS:
                break
            if places and (theirs := doc_places(hit.doc)) and not places & theirs:
                continue
            lookups += 1
            if hit.doc.doc_type == "resolution" and hit.doc.date and renews(hit):
                symbol, date, text, label = hit.doc.symbol, hit.doc.date, hit.chunk.text, hit.chunk.paragraph
            elif (held := self._held_renewal(hit, docs, allowed)) is not None:
                symbol, date, text, label = held
            elif (recounted := _recounted_renewal(hit)) is not None:
                symbol, date, text, label = recounted
            elif (hit.doc.doc_type == "resolution" and hit.doc.date and hit.doc.symbol and hit.chunk.paragraph
                  and SETS_TERM.search(hit.chunk.text)):
                # A term set without a renewal ("Requests the Secretary-General provide written monthly reports,
                # through July 1, 2024", 2722 (2024) para. 10): later resolutions extend it by its number.
                symbol, date, text, label = hit.doc.symbol, hit.doc.date, hit.chunk.text, hit.chunk.paragraph
            else:
                continue
            if hit.chunk.text_hash in followed:
                continue
            about = doc_places(hit.doc)
            if places and about and not places & about:
                continue  # another country's renewal: the Sudan Panel's successor is no answer on Libya
            latest: Chunk | None = None
            for _ in range(RENEWAL_HOPS):
                found = (self._renewal_of(symbol, date, text, docs, allowed, scans, label)
                         if symbol and date else None)
                if found is None:
                    break
                self.store.fill_about([docs[found.doc_id]])
                if about and (theirs := doc_places(docs[found.doc_id])) and not about & theirs:
                    # Another regime's renewal naming a resolution every Panel renewal names ("paragraph 6 of
                    # resolution 2664 (2022)", the humanitarian exemption): not this series' successor.
                    break
                latest, symbol, date, text = found, docs[found.doc_id].symbol, docs[found.doc_id].date, found.text
                label = found.paragraph
                followed.add(found.text_hash)
            if latest is None and specific and hit.doc.doc_type == "resolution" and text is hit.chunk.text \
                    and not _renews_asked(text, specific):
                # No later renewal, and this one renews something beside what was asked: its paragraph renewing
                # what was asked. "The most recent end date … for the mandate of the Panel of Experts on the Mali
                # sanctions regime" was answered by 2649 (2022) para. 1's measures (31 August 2023); its Panel is
                # para. 4 (30 September 2023), which ranked nowhere (a held-out probe).
                latest = next((c for c in self.store.chunks_of(hit.chunk.doc_id)
                               if c.paragraph and _renews_asked(c.text, specific)), None)
            if latest is None:
                continue
            if specific and not _renews_asked(latest.text, specific):  # None or empty: anything renewed is asked
                # The chain can pass from what was asked to what the same resolution renews beside it: the Haiti
                # Panel report recounts 2752 (2024) renewing "the sanctions regime", whose renewal 2794 (2025)
                # para. 1 renews the measures; its Panel is extended in another paragraph.
                latest = next((c for c in self.store.chunks_of(latest.doc_id)
                               if c.paragraph and _renews_asked(c.text, specific)), latest)
                followed.add(latest.text_hash)
            # The series' place, for the answer to tell its decisions from other regimes' alike-worded ones when
            # a Council record's title names none ("Peace and security in Africa"): the start's, or the asked one.
            series = frozenset(about or places)
            hit.series_places |= series
            start = frozenset({hit.doc.symbol} if hit.doc.symbol else ()) | hit.continues
            present = next((h for h in out if h.chunk.text_hash == latest.text_hash), None)
            if present is not None:
                present.series_places |= series
                present.continues |= start
            if (docs[latest.doc_id].date or "") < newest(about):
                continue  # of the same day, another paragraph of the newest (2821 (2026)'s Panel, para. 18, below
                # its arms renewal, para. 1) is still brought in
            self.store.fill_about([docs[latest.doc_id]])
            at = out.index(hit)
            if present is not None and out.index(present) > at:  # ranked lower: it moves up to what it renews
                out.remove(present)
                present.score = hit.score
                out.insert(at + 1, present)
            elif present is None:
                similarity = dict(self.store.similarities(vector, [latest.text_hash])) if vector is not None else {}
                out.insert(at + 1, Hit(chunk=latest, doc=docs[latest.doc_id], score=hit.score,
                                       dense_score=similarity.get(latest.text_hash), series_places=series,
                                       continues=start))
        return out

    def _newest_statement_first(self, hits: list[Hit], specific: set[str], vector: Any) -> list[Hit]:
        """What something is now, set by one decision and changed by a later one that renews nothing: "What is the
        current authorised troop ceiling for UNMISS?" led with 2779 (2025)'s "maintain … a troop ceiling of
        17,000" while 2820 (2026)'s "reduce … a troop ceiling of 12,500" ranked ninth, beyond the passages the
        answer reads (a held-out probe); MINUSCA's 2800 (2025) para. 29 ranked nowhere, its para. 27 eighth. The
        newest decision of the same place at hand saying what was asked in its operative words, or the paragraph of
        it that does, moves up to just before the first such one the answer reads."""
        def said(text: str) -> set[str]:
            return specific & terms(" ".join(text[a:b] for a, b in split_sentences(text)
                                             if not _RECITAL.match(text, a)))

        def states(text: str) -> bool:
            return said(text) == specific

        first = next((h for h in hits[:RENEWAL_HORIZON] if h.doc.doc_type == "resolution" and h.doc.date
                      and h.chunk.paragraph and states(h.chunk.text)), None)
        if first is None:
            return hits
        later = {h.doc.doc_id: h.doc for h in hits if h.doc.doc_type == "resolution"
                 and (h.doc.date or "") > (first.doc.date or "")}
        self.store.fill_about([first.doc, *later.values()])
        about = doc_places(first.doc)
        for doc in sorted(later.values(), key=lambda d: d.date or "", reverse=True)[:NEWER_DECISIONS]:
            if about and doc_places(doc) and not about & doc_places(doc):
                continue
            # Half the words asked will do, in a paragraph worded like the older decision's: 2800 (2025) para. 29
            # says "shall comprise up to 14,046 military personnel, including 580 Military Observers …", where
            # 2301 (2016) para. 24 said "an authorized troop ceiling of 10,750 military personnel, including …".
            older = _wording(first.chunk.text)
            alike = {c.text_hash: _alike(_wording(c.text), older) for c in self.store.chunks_of(doc.doc_id)}
            own = [c for c in self.store.chunks_of(doc.doc_id) if c.paragraph and 2 * len(said(c.text)) >=
                   len(specific) and alike[c.text_hash] >= RESTATED_ALIKE]
            if not own:
                continue
            best = max(own, key=lambda c: alike[c.text_hash])
            present = next((h for h in hits if h.chunk.text_hash == best.text_hash), None)
            if present is None:
                similarity = dict(self.store.similarities(vector, [best.text_hash])) if vector is not None else {}
                present = Hit(chunk=best, doc=doc, score=first.score, dense_score=similarity.get(best.text_hash))
            out = [h for h in hits if h is not present]
            present = dataclasses.replace(present, score=max(present.score, first.score), restates=True)
            out.insert(out.index(first), present)
            return out
        return hits

    def _with_other_parts(self, question: str, hits: list[Hit], vector: Any) -> list[Hit]:
        """A question asking two things of one decision: the leading resolution's paragraph that says the other,
        right after it, when none of the passages at hand is it. "What is the current expiry date of the mandate of
        the Panel of Experts … under resolution 1591 (2005), and when is its next final report due?": 2791 (2025)
        extends the Panel in para. 3 and asks for its final report in para. 4, which ranked nowhere."""
        lead = hits[0]
        if lead.doc.doc_type != "resolution":
            return hits
        at_hand = {h.chunk.text_hash for h in hits[:RENEWAL_HORIZON]}
        own = [c for c in self.store.chunks_of(lead.chunk.doc_id) if c.paragraph and c.text_hash not in at_hand]
        out = list(hits)
        for part in asked_parts(question)[1:]:
            # The words only this part says, beyond what the lead already says ("next", "final", "due").
            wanted = terms(part) - terms(lead.chunk.text)
            best = max(own, key=lambda c: len(wanted & terms(c.text)), default=None)
            if best is None or len(wanted & terms(best.text)) < OTHER_PART_WORDS:
                continue
            similarity = dict(self.store.similarities(vector, [best.text_hash])) if vector is not None else {}
            out = [h for h in out if h.chunk.text_hash != best.text_hash]
            out.insert(1, Hit(chunk=best, doc=lead.doc, score=lead.score, dense_score=similarity.get(best.text_hash)))
            own.remove(best)
        return out

    def _with_each_term(self, parts: list[str], hits: list[Hit], vector: Any) -> list[Hit]:
        """A question asking two terms, of the measures and of the body monitoring them: the leading renewal's
        paragraph renewing the other, right after it, when none at hand does. "Until when did the Security Council
        renew the Haiti sanctions measures and the Panel of Experts on Haiti?" found 2794 (2025)'s Panel, para. 11,
        through the Panel report's account of 2752 (2024); its measures, para. 1, ranked nowhere (a browser walk)."""
        subjects = [s for p in parts if (s := specific_subject(p))]
        lead = next((h for h in hits[:RENEWAL_HORIZON] if h.doc.doc_type == "resolution" and h.chunk.paragraph
                     and _renewal(h.chunk.text) and any(renews_subject(s, h.chunk.text) for s in subjects)), None)
        if lead is None or len(subjects) < 2:
            return hits
        at_hand = [h for h in hits[:RENEWAL_HORIZON] if h.chunk.doc_id == lead.chunk.doc_id]
        out = list(hits)
        for subject in subjects:
            if any(renews_subject(subject, h.chunk.text) for h in at_hand):
                continue
            own = next((c for c in self.store.chunks_of(lead.chunk.doc_id) if c.paragraph and any(
                _RENEWS.search(c.text[a:b]) and renews_subject(subject, c.text[a:b])
                for a, b in split_sentences(c.text))), None)
            if own is None:
                continue
            similarity = dict(self.store.similarities(vector, [own.text_hash])) if vector is not None else {}
            out = [h for h in out if h.chunk.text_hash != own.text_hash]
            out.insert(out.index(lead) + 1, Hit(chunk=own, doc=lead.doc, score=lead.score,
                                                dense_score=similarity.get(own.text_hash),
                                                series_places=lead.series_places, continues=lead.continues))
        return out

    def _with_restated_requests(self, hits: list[Hit], docs: dict[str, DocInfo], allowed: set[str] | None,
                                vector: Any) -> list[Hit]:
        """Currency of a request with a date: "Requests … the Secretary-General … to conduct, no later than 15 April
        2026, an assessment of progress achieved on the key benchmarks established in paragraph 2 of resolution 2577
        (2021)" (2781 (2025) para. 4) is restated by each renewal with a new date (2821 (2026) para. 4, "15 April
        2027"), naming the same resolution; the restatement ranks below the older one it replaces (a held-out
        probe). The newest restatement among later resolutions of the same place is brought in after it."""
        out = list(hits)
        for hit in hits[:RENEWAL_LOOKUPS]:
            text = hit.chunk.text
            if hit.doc.doc_type != "resolution" or not hit.doc.date or not DEADLINE.search(text) or (
                    origin := _first_resolution(text)) is None:
                continue
            about = doc_places(hit.doc)
            own = _wording(text)
            for chunk in self.store.later_resolutions_naming(f"resolution {origin}", hit.doc.date, limit=60):
                info = docs.get(chunk.doc_id)
                if info is None or (allowed is not None and chunk.doc_id not in allowed) \
                        or not DEADLINE.search(chunk.text):
                    continue
                if _alike(own, _wording(chunk.text)) < RESTATED_OVERLAP:
                    continue
                self.store.fill_about([info])
                if about and not about & doc_places(info):
                    continue
                start = frozenset({hit.doc.symbol} if hit.doc.symbol else ())
                present = next((h for h in out if h.chunk.text_hash == chunk.text_hash), None)
                if present is None:
                    similarity = dict(self.store.similarities(vector, [chunk.text_hash])) if vector is not None \
                        else {}
                    out.insert(out.index(hit) + 1, Hit(chunk=chunk, doc=info, score=hit.score,
                                                       dense_score=similarity.get(chunk.text_hash),
                                                       series_places=frozenset(about), continues=start))
                elif out.index(present) > out.index(hit):  # ranked lower: it moves up to what it restates
                    out.remove(present)
                    present.score, present.continues = hit.score, present.continues | start
                    out.insert(out.index(hit) + 1, present)
                break  # newest first: the first restatement found is the one that holds
        return out

    def _ending(self, question: str, refs: References, hits: list[Hit], places: set[str],
                docs: dict[str, DocInfo], allowed: set[str] | None, asked: bool = False) -> Hit | None:
        """The passage of a resolution about ``places`` that ended what a term question asks about after its newest
        renewal among the leading hits ("Until when is the Somalia arms embargo renewed?": 2714 (2023) lifted it,
        and 2444 (2018)'s "until 15 November 2019" is no answer; MINUSMA's mandate was terminated by 2690 (2023)
        after 2640 (2022) extended it). Found by its verb, not by similarity: "decides to lift" shares few of the
        question's words. ``asked``: the question asks which decision ended it ("Which resolution lifted the
        Liberia arms embargo?"), so the newest such decision answers whatever renewed it before or goes on after."""
        specific, missions = ending_subject(question, refs)
        if asked and not specific and not missions:
            return None  # "Which resolution ended it?": nothing to look for
        # After the newest renewal of it at hand, or one continuing it in other words (Hit.continues): the CAR
        # embargo lifted by 2745 (2024) goes on against armed groups, renewed by 2789 (2025).
        # A mission's own renewals: UNITAMS's, of the same country, are not UNAMID's.
        after = "" if asked else max(
            (h.doc.date or "" for h in hits[:RENEWAL_HORIZON] if h.doc.doc_type == "resolution"
             and places & doc_places(h.doc) and (
                 _renews_mission(h.chunk.text, missions) if missions and not specific
                 else _renews_asked(h.chunk.text, specific) or bool(h.continues))),
            default="")
        passages = self._ending_passages()  # newest first; "which resolution first lifted …?": oldest first
        for c, ends in reversed(passages) if asked and asks_original(question) else passages:
            if c.doc_id not in docs or (allowed is not None and c.doc_id not in allowed) \
                    or (docs[c.doc_id].date or "") < after:  # the newest renewal may end it too (1925 (2010))
                continue
            said = [s for s in ends if ending(s, specific, missions)]
            if not said:
                continue
            self.store.fill_about([docs[c.doc_id]])
            # The decision's places, or the sentence's: 2444 (2018), filed under Somalia, lifts Eritrea's embargo.
            if any(places & (doc_places(docs[c.doc_id]) | sentence_places(s)) for s in said):
                if not asked and self._continued(docs[c.doc_id], places, set() if specific else missions, docs,
                                                 allowed):
                    return None
                return Hit(chunk=c, doc=docs[c.doc_id], score=0.0, ends=True)
        return None

    def _ending_passages(self) -> list[tuple[Chunk, tuple[str, ...]]]:
        """Every resolution passage with a sentence that ends something (refs.says_ending), newest first, with
        those sentences: one catalog scan per catalog version (~0.2 s on the full index, ~200 passages), not one per
        question."""
        version = self.store.version()

        def scan() -> list[tuple[Chunk, tuple[str, ...]]]:
            # Kept beside the catalog for the next process: a CLI question paid the scan (~0.4 s) each time.
            rules = _scan_rules()
            kept = self.store.kept("ending-passages", version, rules)
            if isinstance(kept, list):
                chunks = self.store.chunks_at([(d, o) for d, o, _ in kept])
                if len(chunks) == len(kept):
                    return [(chunks[(d, o)], tuple(said)) for d, o, said in kept]
            found = self._sentences_of(_ENDING_NEEDLES, ENDING_SCAN, lambda s: s if says_ending(s) else None)
            self.store.keep("ending-passages", version, rules, [[c.doc_id, c.ordinal, list(said)] for c, said in found])
            return found
        return self._endings.get(version, scan)

    def _origin(self, question: str, places: set[str], docs: dict[str, DocInfo],
                allowed: set[str] | None) -> Hit | None:
        """The decision that imposed the measures a question asks about for ``places`` ("Which resolution imposed
        the arms embargo on Liberia?"): the earliest that the place's resolutions name as imposing them ("the
        measures on arms, previously imposed by paragraph 2 of resolution 1521 (2003)") or that imposes them in its
        own words ("Decides that all States shall take the necessary measures to prevent …"). Its paragraph when it
        is indexed, else the newest passage naming it (the bulk set starts in 2000; 733 (1992) is named only).
        Renewals and recitals of "imposed" share the question's words, so similarity finds those instead."""
        measure = measure_named(question)
        if measure is None:
            return None
        resolutions = [d for d in docs.values()
                       if d.doc_type == "resolution" and (allowed is None or d.doc_id in allowed)]
        self.store.fill_about(resolutions)
        named: dict[tuple[int, int], list[tuple[Chunk, str | None]]] = {}  # (number, year) → passages, paragraphs
        own: dict[tuple[int, int], list[Chunk]] = {}  # passages imposing the measures in their own words
        said_of: dict[tuple[int, int], list[tuple[int, Chunk, str]]] = {}  # sentences naming the place too
        # The resolutions naming each (a PDF and its Council XML, or two sentences of one, count once).
        naming: dict[tuple[int, int], set[str]] = {}
        saying: dict[tuple[int, int], set[str]] = {}
        for c, said in self._origin_passages():
            info = docs.get(c.doc_id)
            if info is None or (allowed is not None and c.doc_id not in allowed):
                continue
            about = doc_places(info)
            number = resolution_number(info.symbol) if info.symbol else None
            for sentence in said:
                origins = sentence.named(measure)
                imposing = bool(number and number[1]) and sentence.imposes(measure)
                if not (origins or imposing):
                    continue
                spoken = places & sentence_places(sentence.text)  # read only now: the place scan costs most
                if not (spoken or places & about):
                    continue
                for at, num, year, paras, prose in origins:
                    named.setdefault((num, year), []).append((c, paras))
                    naming.setdefault((num, year), set()).add(info.symbol or c.doc_id)
                    # Whose measures: the place between them and the reference ("the arms embargo against Somalia
                    # imposed by resolution 733 (1992)"), not a State told to respect them ("all member States,
                    # including Eritrea, shall comply fully with the terms of the arms embargo imposed by …").
                    what = list(measure.finditer(sentence.text, max(0, at - ORIGIN_WINDOW), at))
                    if spoken and what and places & sentence_places(sentence.text[what[-1].start():at]):
                        said_of.setdefault((num, year), []).append((len(sentence.text), c, prose))
                        saying.setdefault((num, year), set()).add(info.symbol or c.doc_id)
                if imposing and number and number[1]:
                    own.setdefault((number[0], number[1]), []).append(c)

        def indexed(key: tuple[int, int]) -> bool:
            return any(resolution_number(docs[d].symbol or "") == key
                       for d in self._by_resolution.get(key[0], ()) if d in docs)

        def plausible(key: tuple[int, int]) -> bool:
            # Imposing in its own words, or named by two passages or more: one recital's reference is not enough;
            # nor is a year an indexed resolution of that number contradicts ("resolution 2036 (2002)", 2182 para.
            # 13: 2036 is of 2012). One not indexed by two sentences that name the place themselves: the Somalia
            # and Eritrea decisions naming 733 (1992) speak of Somalia's embargo, not Eritrea's.
            years = {resolution_number(docs[d].symbol or "") for d in self._by_resolution.get(key[0], ()) if d in docs}
            if years and key not in years:
                return False
            if years:
                return key in own or len(naming.get(key, ())) >= 2
            return len(saying.get(key, ())) >= 2

        # A decision imposing them in its own words outranks an indexed one only named as their origin: a recital
        # naming the Eritrea embargo's 1907 (2009) beside "charcoal" does not make it the charcoal ban's origin
        # (2036 (2012)). One not indexed is judged by its year: the Somalia embargo "established in resolution 733
        # (1992)" is older than 1844 (2008)'s targeted one.
        found = sorted((k for k in set(named) | set(own) if plausible(k)),
                       key=lambda k: (k not in own and indexed(k), k[1], k[0]))
        if not found:
            return None
        number, year = found[0]
        passages = named.get((number, year), [])
        paras = Counter(m.group(0) for _, p in passages if p and (m := re.match(r"\d+", p)))
        first = paras.most_common(1)[0][0] if paras else None  # "imposed by paragraphs 9 and 10": 9
        mine = own.get((number, year), [])
        mine = [c for c in mine if c.paragraph == first] + [c for c in mine if c.paragraph != first]
        for doc_id in sorted(self._by_resolution.get(number, ())):
            info = docs.get(doc_id)
            if info is None or resolution_number(info.symbol or "") != (number, year):
                continue
            if allowed is not None and doc_id not in allowed:
                continue
            # Its own imposing passage, the paragraph later decisions name, or its first passage naming them.
            chunks = self.store.chunks_of(doc_id)
            chunk = next((c for c in mine if c.doc_id == doc_id), None) or next(
                (c for c in chunks if first and c.paragraph == first), None) or next(
                (c for c in chunks if measure.search(c.text)), None)
            if chunk is not None:
                return Hit(chunk=chunk, doc=info, score=0.0, imposes=True)
        if indexed((number, year)):
            return None
        # Not indexed: the shortest sentence naming it and the place, so the quote holds the reference.
        if (number, year) in said_of:
            _, chunk, prose = min(said_of[(number, year)], key=lambda t: t[0])
            return Hit(chunk=chunk, doc=docs[chunk.doc_id], score=0.0, imposes=True, imposed_by=prose)
        return None

    def _criterion(self, question: str, places: set[str], docs: dict[str, DocInfo],
                   allowed: set[str] | None) -> Hit | None:
        """The earliest resolution about ``places`` whose designation criteria name the commodity a question asks
        about: an operative paragraph naming it in a criterion or under a criteria list's lead-in ("the individuals
        and entities designated by the Committee as: … (d) providing support … through the illicit exploitation or
        trade of natural resources, including diamonds, gold, …", 2196 (2015) para. 12 (d)). Recitals and renewals
        naming the commodity share the question's words, so similarity finds those instead."""
        measure = measure_named(question)
        needles = commodity_needles(question)
        if measure is None or not needles:
            return None
        # Oldest first: the earliest is wanted, and a limit must cut the newest.
        passages = [c for c in self.store.later_resolutions_naming(needles, "", CRITERION_SCAN, oldest_first=True)
                    if c.doc_id in docs and c.paragraph and (allowed is None or c.doc_id in allowed)
                    and measure.search(c.text)]
        self.store.fill_about([docs[d] for d in dict.fromkeys(c.doc_id for c in passages)])
        found: list[tuple[tuple[int, int], int, Chunk]] = []
        texts: dict[str, list[Chunk]] = {}
        for c in passages:
            info = docs[c.doc_id]
            number = resolution_number(info.symbol) if info.symbol else None
            if number is None or not number[1] or not c.paragraph or not places & doc_places(info):
                continue
            # The sentence naming it is a criterion itself, or an item of a list whose lead-in makes the list
            # criteria (the lead-in may sit in the passage before: "12. … designated by the Committee as:").
            said = [(a, c.text[a:b]) for a, b in split_sentences(c.text) if measure.search(c.text[a:b])]
            if not any(CRITERION_TEXT.search(x) for _, x in said):
                chunks = texts.setdefault(c.doc_id, self.store.chunks_of(c.doc_id))
                if not any(_criteria_list(c, a, chunks) for a, _ in said):
                    continue
            found.append(((number[1], number[0]), c.ordinal, c))
        if not found:
            return None
        _, _, chunk = min(found, key=lambda t: (t[0], t[1]))
        return Hit(chunk=chunk, doc=docs[chunk.doc_id], score=0.0, criterion=True)

    def _origin_passages(self) -> list[tuple[Chunk, tuple[OriginSentence, ...]]]:
        """Every resolution passage with a sentence that names where measures come from or imposes some
        (refs.origin_sentence), with those sentences read: one catalog scan per catalog version (~1 s on the full
        index, ~1,600 passages), not one per question. Not a passage under an "Annex" heading of its page: 2304
        (2016) annexes a draft resolution whose "Decides that … all Member States shall" imposed nothing."""
        version = self.store.version()

        def scan() -> list[tuple[Chunk, tuple[OriginSentence, ...]]]:
            # Kept beside the catalog for the next process, as the ending passages are: a CLI question asking
            # which decision imposed something paid the scan (~1 s) each time.
            rules = _scan_rules()
            kept = self.store.kept("origin-passages", version, rules)
            if isinstance(kept, list):
                chunks = self.store.chunks_at([(d, o) for d, o, _ in kept])
                if len(chunks) == len(kept):
                    return [(chunks[(d, o)], tuple(OriginSentence.from_kept(s) for s in said)) for d, o, said in kept]
            found = [(c, said) for c, said in self._sentences_of(ORIGIN_NEEDLES, ORIGIN_SCAN, origin_sentence)
                     if not (c.spans and _ANNEX_HEADING.search(
                         self.store.page_text(c.doc_id, c.spans[0].page), 0, c.spans[0].start))]
            self.store.keep("origin-passages", version, rules,
                            [[c.doc_id, c.ordinal, [s.kept() for s in said]] for c, said in found])
            return found
        return self._origins.get(version, scan)

    def _sentences_of(self, needles: tuple[str, ...], limit: int,
                      read: Callable[[str], _T | None]) -> list[tuple[Chunk, tuple[_T, ...]]]:
        """Every resolution passage holding one of ``needles`` (up to ``limit``, newest first) with the sentences
        ``read`` makes something of, as read."""
        found = []
        for c in self.store.later_resolutions_naming(needles, "", limit):
            said = tuple(r for a, b in split_sentences(c.text) if (r := read(c.text[a:b])) is not None)
            if said:
                found.append((c, said))
        return found

    def _continued(self, info: DocInfo, places: set[str], missions: set[str], docs: dict[str, DocInfo],
                   allowed: set[str] | None) -> bool:
        """Whether a later resolution about ``places`` renews something by reference to ``info``: what it ended
        goes on in another form. 2745 (2024) lifted the CAR arms embargo on the Government and set measures on
        armed groups, which 2789 (2025) extends "as set out … in paragraphs 2 and 4 of resolution 2745 (2024)". The
        Somalia Panel's renewals naming 2444 (2018) for its tasks do not continue the Eritrea sanctions it lifted,
        and a mission (``missions``, when asked about one) goes on only by a renewal of its own mandate: UNITAMS's
        renewals naming 2559 (2020) do not continue UNAMID, which it terminated."""
        number = resolution_number(info.symbol) if info.symbol else None
        if number is None or not info.symbol or not info.date:
            return False
        later = [c for c in self.store.later_resolutions_naming(str(number[0]), info.date)
                 if c.doc_id in docs and (allowed is None or c.doc_id in allowed)]
        self.store.fill_about([docs[d] for d in dict.fromkeys(c.doc_id for c in later)])
        return any(places & doc_places(docs[c.doc_id]) and _RENEWS.search(s) and renews_by_reference(s, info.symbol)
                   and (not missions or bool(missions & renewed_missions(s)))
                   for c in later for s in (c.text[a:b] for a, b in split_sentences(c.text)))

    def _held_renewal(self, hit: Hit, docs: dict[str, DocInfo],
                      allowed: set[str] | None) -> tuple[str, str, str, str | None] | None:
        """A report recounting a renewal by a resolution the library holds ("the Security Council adopted
        resolution 2752 (2024), in which it renewed the sanctions regime on Haiti", S/2025/356): that resolution's
        renewing passage, the one renewing what the report names if it says, as (symbol, date, text, paragraph),
        where the later-renewal lookup starts."""
        if hit.doc.doc_type == "resolution":
            return None
        for a, b in split_sentences(hit.chunk.text):
            sentence = hit.chunk.text[a:b]
            cited = recounted_renewal(sentence)
            if cited is None:
                continue
            held = [d for d in sorted(self._by_resolution.get(int(cited.group(1)), ())) if d in docs
                    and docs[d].doc_type == "resolution" and docs[d].date and (allowed is None or d in allowed)]
            for doc_id in held[:1]:
                renewing = [c for c in self.store.chunks_of(doc_id) if _renewal(c.text)]
                chunk = next((c for c in renewing if any(same_subject(c.text[x:y], sentence[cited.end():])
                                                         for x, y in split_sentences(c.text))), None) \
                    or next(iter(renewing), None)
                if chunk is not None:
                    return docs[doc_id].symbol or "", docs[doc_id].date or "", chunk.text, chunk.paragraph
            return None
        return None

    def _with_named_renewals(self, hits: list[Hit], named: set[str], docs: dict[str, DocInfo]) -> list[Hit]:
        """"For how long did resolution 2380 (2017) renew the authorizations to inspect … vessels off Libya?": the
        named resolution's renewing paragraph ("Decides that, for a further period of twelve months … to renew the
        authorizations as set out in paragraphs 7, 8, 9 and 10 of resolution 2240") shares few words with the
        question and ranked ninth behind its paragraphs on inspecting vessels. Its renewing passages not among the
        leading ones come in second, at the first one's score."""
        top = hits[:RENEWAL_HORIZON]
        have = {h.chunk.text_hash for h in top}
        extra = [Hit(chunk=c, doc=docs[d], score=hits[0].score, dense_score=None)
                 for d in sorted(named) if docs[d].doc_type == "resolution"
                 for c in self.store.chunks_of(d) if c.text_hash not in have and _renewal(c.text)][:NAMED_RENEWALS]
        if not extra:
            return hits
        seen = {h.chunk.text_hash for h in extra}
        rest = [h for h in hits if h.chunk.text_hash not in seen]
        return rest[:1] + extra + rest[1:]

    def _with_named_frequency(self, question: str, hits: list[Hit], named: set[str], docs: dict[str, DocInfo],
                              vector: Any) -> list[Hit]:
        """"How often must States using the Libya migrant-smuggling vessel authorization report to the Council under
        resolution 2380 (2017)?": its para. 14 ("to inform the Security Council within three months … and every
        three months thereafter") shares few words with the question and ranked below all 2380's paragraphs on
        inspecting vessels (a seventh-sweep question). When no leading passage of a named document states a
        frequency, its passage that does and says most of the question comes in second, at the first one's score."""
        top = hits[:RENEWAL_HORIZON]
        if any(FREQUENCY.search(h.chunk.text) for h in top if h.doc.doc_id in named):
            return hits
        asked = terms(question)
        stating = [(len(asked & terms(c.text)), -c.ordinal, c, d) for d in sorted(named) if d in docs
                   for c in self.store.chunks_of(d) if FREQUENCY.search(c.text)]
        if not stating:
            return hits
        _, _, chunk, doc_id = max(stating, key=lambda s: s[:2])
        rest = [h for h in hits if h.chunk.text_hash != chunk.text_hash]
        similarity = dict(self.store.similarities(vector, [chunk.text_hash])) if vector is not None else {}
        brought = Hit(chunk=chunk, doc=docs[doc_id], score=hits[0].score, dense_score=similarity.get(chunk.text_hash))
        return [*rest[:1], brought, *rest[1:]]

    def _with_mission_frequency(self, question: str, hits: list[Hit], missions: set[str], docs: dict[str, DocInfo],
                                allowed: set[str] | None, vector: Any) -> list[Hit]:
        """"How often must the Secretary-General brief the Council on UNSMIL?": the reporting request of UNSMIL's
        renewals ("report … including all elements of UNSMIL's mandate, every 60 days") shares few words with the
        question, which got 2417 (2018)'s "brief the Security Council every twelve months" on hunger. The latest
        resolution renewing the mission's mandate is found by name; its passage stating a frequency that says most
        of the question comes in second, at the first one's score, unless a leading passage of it states one; first
        when the leading passage's document is about no mission asked."""
        renewal = None
        for c in self.store.later_resolutions_naming(tuple(sorted(missions)), "", 400):
            if c.doc_id in docs and (allowed is None or c.doc_id in allowed) \
                    and any(_RENEWS.search(s) and missions & renewed_missions(s)
                            for s in (c.text[a:b] for a, b in split_sentences(c.text))):
                renewal = c.doc_id
                break
        if renewal is None or any(h.doc.doc_id == renewal and FREQUENCY.search(h.chunk.text)
                                  for h in hits[:RENEWAL_HORIZON]):
            return hits
        asked = terms(question)
        # The sentence stating a frequency must be a request to report ("report annually" on human rights is one
        # of the mission's tasks, not how often the Council hears of it); the one saying most of the question.
        stating = [(len(asked & terms(sentence)), c.ordinal, c) for c in self.store.chunks_of(renewal)
                   for sentence in (c.text[a:b] for a, b in split_sentences(c.text))
                   if FREQUENCY.search(sentence) and _REPORT_REQUEST.search(sentence)]
        if not stating:
            return hits
        chunk = max(stating, key=lambda s: s[:2])[2]
        rest = [h for h in hits if h.chunk.text_hash != chunk.text_hash]
        similarity = dict(self.store.similarities(vector, [chunk.text_hash])) if vector is not None else {}
        brought = Hit(chunk=chunk, doc=docs[renewal], score=hits[0].score, dense_score=similarity.get(chunk.text_hash))
        self.store.fill_about([hits[0].doc])
        if not {m.lower() for m in missions} & doc_places(hits[0].doc):
            return [brought, *rest]
        return [*rest[:1], brought, *rest[1:]]

    def _with_year_renewals(self, hits: list[Hit], years: set[int], specific: set[str] | None = None,
                            places: set[str] | None = None) -> list[Hit]:
        """"For how long did the Council renew the authority to inspect migrant-smuggling boats off Libya in October
        2018?": 2437 (2018) para. 2 renews "the authorisations as set out in paragraphs 7, 8, 9 and 10 of resolution
        2240 (2015)" and shares no word of the question but "renew"; 2240's own paragraphs lead and it ranked nowhere,
        so the answer gave 2240's "one year" (a seventh-sweep question). A renewing paragraph of a leading resolution
        of the year asked that renews by number a paragraph among the hits comes in second, at the first one's score.
        (Without a year the later-renewal rules find it.)"""
        shown: set[tuple[int, int]] = set()
        for h in hits[:REPEAT_WINDOW]:
            number = resolution_number(h.doc.symbol) if h.doc.symbol and h.doc.doc_type == "resolution" else None
            if number and (label := re.match(r"\d+", h.chunk.paragraph or "")):
                shown.add((number[0], int(label.group())))
        have = {h.chunk.text_hash for h in hits[:RENEWAL_HORIZON]}
        for doc in {h.doc.doc_id: h.doc for h in hits[:RENEWAL_HORIZON]
                    if h.doc.doc_type == "resolution" and year_fits(h.doc, years)}.values():
            renewing = next((c for c in self.store.chunks_of(doc.doc_id)
                             if _renewal(c.text) and _renewed_pairs(c.text) & shown), None)
            if renewing is not None and renewing.text_hash not in have:
                rest = [h for h in hits if h.chunk.text_hash != renewing.text_hash]
                return [*rest[:1], Hit(chunk=renewing, doc=doc, score=hits[0].score, dense_score=None), *rest[1:]]
        if specific:
            # "Until when did the Council keep the Mali panel of experts running under its 2019 renewal?": 2484
            # (2019)'s para. 3 ("extend until 30 September 2020 the mandate of the Panel of Experts") ranked eighth,
            # below four other regimes' Panel renewals of 2019, and the answer read 2484's renewal of the measures
            # as setting no term for a Panel (an eighth-sweep question). A leading resolution of the year and place
            # asked brings its paragraph renewing what is asked second.
            for h in hits[:RENEWAL_HORIZON]:
                if h.doc.doc_type != "resolution" or not year_fits(h.doc, years) \
                        or (places and not places & doc_places(h.doc)):  # (lower case, as doc_places)
                    continue
                renewing = next((c for c in self.store.chunks_of(h.doc.doc_id)
                                 if any(_renewal(s) and renews_subject(specific, s)
                                        for s in (c.text[a:b] for a, b in split_sentences(c.text)))), None)
                if renewing is None or any(x.chunk.text_hash == renewing.text_hash for x in hits[:2]):
                    return hits
                rest = [x for x in hits if x.chunk.text_hash != renewing.text_hash]
                return [*rest[:1], Hit(chunk=renewing, doc=h.doc, score=hits[0].score, dense_score=h.dense_score),
                        *rest[1:]]
        return hits

    def _current_renewals(self, question: str, named: set[str], docs: dict[str, DocInfo],
                          allowed: set[str] | None) -> list[Hit]:
        """For a question on measures named by the resolution that set them up ("the Sudan sanctions measures
        under resolution 1591"): the passage of the newest resolution renewing them, by reference to that
        resolution or to one of its paragraphs, then renewals of that renewal. One per named resolution."""
        scans = _Scans(self.store, RENEWAL_QUERIES)
        q_terms = terms(question)
        subject = renewal_subject(question)
        body_asked = _BODY_Q.search(question) is not None
        specific = specific_subject(question)  # "the measures" renew an asset freeze asked about
        out: list[Hit] = []
        for doc_id in sorted(named, key=lambda d: docs[d].date or ""):
            origin = docs[doc_id]
            number = resolution_number(origin.symbol) if origin.doc_type == "resolution" and origin.symbol else None
            if number is None or not origin.symbol:
                continue
            found: list[Chunk] = []  # the renewing passages of the newest resolution naming it (newest first)
            for chunk in scans.naming(str(number[0]), origin.date or "", docs) or []:
                if found and chunk.doc_id != found[0].doc_id:
                    break
                if allowed is not None and chunk.doc_id not in allowed:
                    continue
                # A renewal of something else the resolution set up (2806 (2025) renews 2182's inspections naming
                # the Committee "pursuant to resolution 2713") shares no word of what is asked about with it.
                if any(_renewal(s) and (renews_by_reference(s, origin.symbol)
                                        or any(res == number[0] for res, _ in _renewed_pairs(s)))
                       and (subject & terms(s) or (specific and renews_subject(specific, s)))
                       for s in (chunk.text[a:b] for a, b in split_sentences(chunk.text))):
                    found.append(chunk)
            # One resolution renews a regime's measures and its Panel in two paragraphs, both naming the
            # resolution that set them up: the one in the question's words ("the Panel of Experts on Al-Shabaab").
            # Tied on words ("Is the Yemen asset freeze … under resolution 2140 still in force?": 2801 (2025) para. 4
            # renews "the measures", para. 17 the Panel, both "of resolution 2140"), a body's renewal is not the
            # measures' unless a body is asked about.
            latest = max(found, key=lambda c: (len(q_terms & terms(c.text)),
                                               body_asked or renewed_object(c.text) not in _BODY_NAMES), default=None)
            for _ in range(RENEWAL_HOPS if latest is not None else 0):
                assert latest is not None
                info = docs[latest.doc_id]
                later = self._renewal_of(info.symbol or "", info.date or "", latest.text, docs, allowed, scans,
                                         latest.paragraph)
                if later is None:
                    break
                latest = later
            if latest is not None and all(h.chunk.text_hash != latest.text_hash for h in out):
                self.store.fill_about([docs[latest.doc_id]])
                out.append(Hit(chunk=latest, doc=docs[latest.doc_id], score=0.0, current=True))
        return out

    def _renewal_of(self, symbol: str, date: str, text: str, docs: dict[str, DocInfo],
                    allowed: set[str] | None, scans: _Scans | None = None,
                    paragraph: str | None = None) -> Chunk | None:
        """The passage of the newest resolution after ``date`` that renews the decision in ``text`` (of resolution
        ``symbol``): it extends or renews ``symbol`` by reference, or the same paragraph of an earlier resolution
        as ``text`` does ("the measures on arms imposed by paragraph 4 of resolution 2428 (2018)", renewed each year
        by a resolution that does not name the last one), or the same mission's mandate in the same words ("Decides
        to extend the mandate of UNMISS until …", whose renewals name no earlier one)."""
        number = resolution_number(symbol)
        if number is None:
            return None
        pairs = _renewed_pairs(text)
        decisions = [text[a:b] for a, b in split_sentences(text) if _RENEWS.search(text[a:b])]
        own = int(m.group(0)) if paragraph and (m := re.match(r"\d+", paragraph)) else None
        if not decisions and not _RECOUNTS.search(text):
            # A paragraph setting a term without renewing anything is renewed only by a later resolution naming its
            # number: "Extends the reporting request in paragraph 10 of resolution 2722 (2024) through …".
            if own is None:
                return None
            naming = (scans or _Scans(self.store, 1 << 30)).naming(str(number[0]), date, docs) or []
            return next((c for c in naming if c.doc_id in docs and (allowed is None or c.doc_id in allowed)
                         and any(_RENEWS.search(s) and own in renewed_paragraphs(s).get(number[0], set())
                                 for s in (c.text[a:b] for a, b in split_sentences(c.text)))), None)
        # A letter recounting a renewal (_recounted_renewal) decides nothing: what it says was renewed is the
        # decision, and a resolution naming the one it recounts must renew that (2776 (2025) cites 2762 (2024) for
        # the inspections, not for the Panel the letter is about).
        recounted = not decisions
        if recounted:
            decisions = [m.group("thing") for m in _RECOUNTS.finditer(text)]
        # The missions whose mandate is renewed, named before the decision's list: an embargo's exemption "(a)
        # Supplies intended solely for … MINUSCA" (2339 (2017)) does not make MINUSCA's renewals its successors.
        missions = {m for d in decisions for m in missions_named(d.split(":", 1)[0])}

        # The resolutions the decision renews what of: "the measures in resolution 2146 (2014)".
        named = {n for d in decisions for n in re.findall(r"\bresolutions? (\d{3,4})\b", d)
                 } - {str(number[0])} if not recounted else set()

        def by_reference(s: str) -> bool:
            # Naming the resolution is not renewing this paragraph of it when the paragraphs it names are others:
            # 2806 (2025) renews "paragraph 23 of resolution 2776" (inspections), not 2776's Panel (paragraph 25).
            named = renewed_paragraphs(s).get(number[0]) if own is not None else None
            return renews_by_reference(s, symbol) and (not named or own in named)

        def renews(s: str, by_name_only: bool = False) -> bool:
            if by_name_only:
                # Found only by a resolution the decision names: the same decision in the same words but its date.
                return _renewal(s) and any(same_decision(s, d) and same_subject(s, d)
                                           and _first_resolution(s) == _first_resolution(d) for d in decisions)
            if recounted:
                return _renewal(s) and by_reference(s) and any(same_subject(s, d) for d in decisions)
            # Naming the resolution renews its decision only when of the same thing: 2819 (2026)'s Panel paragraph
            # lists 2769 (2025) among those that modified the Panel, which is no renewal of 2769's petroleum
            # measures (a browser walk: "Until when are the Libya illicit petroleum export measures extended?"
            # answered the lapsed 1 May 2026).
            referred = by_reference(s) and not (
                re.search(rf"\b(?:modified|amended) by resolutions (?:[\d\s(),and]*?\b)?{number[0]}\b", s)
                and not any(same_subject(s, d) for d in decisions))
            return _renewal(s) and (referred or bool(pairs & _renewed_pairs(s))
                                    or bool(missions & renewed_missions(s))
                                    or (renewed_object(s) is None  # naming a mission it does not renew
                                        and any(re.search(rf"\b{m}\b", s) for m in missions)
                                        and any(same_decision(s, d) for d in decisions))
                                    )

        scans = scans or _Scans(self.store, 1 << 30)
        found: list[Chunk] = []
        for needle in sorted({str(number[0])} | {str(res) for res, _ in pairs} | missions | named):
            chunks = scans.naming(needle, date, docs)
            if chunks is None:
                break  # this question's scans are spent
            chunks = [c for c in chunks if c.doc_id in docs and (allowed is None or c.doc_id in allowed)]
            # A resolution the decision only names ("the measures in resolution 2146 (2014)") ties by its words.
            only = needle in named - ({str(number[0])} | {str(res) for res, _ in pairs})
            direct = next((c for c in chunks if any(renews(c.text[a:b], only) for a, b in split_sentences(c.text))),
                          None)
            if direct is None and needle[:1].isdigit() and not only:
                # The newest few resolutions naming it, each read for its own renewal of the same thing.
                for doc_id in list(dict.fromkeys(c.doc_id for c in chunks))[:SAME_SUBJECT_DOCS]:
                    if (direct := self._renewal_in(doc_id, decisions, number[0])) is not None:
                        break
            if direct is not None:
                found.append(direct)  # the newest naming this (they come newest first)
        return max(found, key=lambda c: docs[c.doc_id].date or "", default=None)

    def _renewal_in(self, doc_id: str, decisions: list[str], number: int) -> Chunk | None:
        """The passage of a later resolution, which names the one renewed elsewhere, that renews the same thing in
        its own words: the Somalia Panel's renewals since 2713 (2023) say "Decides to renew … the Panel, with the
        following mandate" and name no earlier one, while the same resolution cites "resolution 2776" for other
        paragraphs. Not a thing an older resolution the decisions do not name set up: 2819 (2026) recalls 2804
        (2025), the arms-embargo inspections, and extends "the authorisations and the measures in resolution 2146
        (2014)", the petroleum ones (a browser walk's "1 August 2027" for the lapsed inspections)."""
        named = {n for d in decisions if (n := _first_resolution(d))}
        for chunk in self.store.chunks_of(doc_id):
            for a, b in split_sentences(chunk.text):
                s = chunk.text[a:b]
                if not (_RENEWS.search(s) and any(same_subject(s, d) for d in decisions)):
                    continue
                theirs = m.group(1) if (m := _RENEWED_OF.search(s)) else None
                if named and theirs is not None and theirs not in named and int(theirs) < number:
                    continue
                return chunk
        return None

    def _prefer_pdf_twins(self, hits: list[Hit], docs: dict[str, DocInfo]) -> list[Hit]:
        """A resolution indexed both as PDF and as Council XML is one document: cite the PDF (it has pages).

        A bulk hit whose symbol has a PDF twin is replaced by the twin's chunk with the same paragraph label;
        without a matching label it stays. Repeats of the same chunk are dropped.
        """
        pdf_by_symbol = {d.symbol: d for d in docs.values() if d.source == "pdf" and d.symbol}
        out: list[Hit] = []
        seen: set[tuple[str, int]] = set()
        for hit in hits:
            twin = pdf_by_symbol.get(hit.doc.symbol) if hit.doc.source == "bulk" else None
            if twin is not None and hit.chunk.paragraph:
                want = label_key(hit.chunk.paragraph)
                match = next((c for c in self.store.chunks_of(twin.doc_id)
                              if any(label_key(s.label) == want for s in c.spans)), None)
                if match is not None:
                    # Everything else the hit carries (series places, what it continues or ends) goes along.
                    hit = dataclasses.replace(hit, chunk=match, doc=twin)
            key = (hit.chunk.doc_id, hit.chunk.ordinal)
            if key not in seen:
                seen.add(key)
                out.append(hit)
        return out

    def _with_annexes(self, hits: list[Hit], docs: dict[str, DocInfo], named: set[str]) -> list[Hit]:
        """Who a resolution lists is in its annex: "Decides that the entity listed in the annex of this resolution
        shall be subject to the measures …" (2624 (2022), para. 5) names no one; its annex names the Houthis. The
        annex of a leading resolution that refers to it, or of a resolution the question names, follows the lead."""
        out = list(hits)
        at = 1
        for doc_id in [h.doc.doc_id for h in hits[:RENEWAL_HORIZON]
                       if h.doc.doc_type == "resolution" and (h.doc.doc_id in named or _TO_ANNEX.search(h.chunk.text))]:
            annex = _annex_of(self.store.chunks_of(doc_id))[:ANNEX_PASSAGES]
            placed = {h.chunk.text_hash for h in out[:at]}
            had = {h.chunk.text_hash: h for h in out[at:]}  # a passage found lower down moves up, scores kept
            moved = [had.get(c.text_hash) or Hit(chunk=c, doc=docs[doc_id], score=out[0].score, dense_score=None)
                     for c in annex if c.text_hash not in placed]
            for h in moved:
                h.annexed = True
            if moved:
                keys = {h.chunk.text_hash for h in moved}
                out = out[:at] + moved + [h for h in out[at:] if h.chunk.text_hash not in keys]
                at += len(moved)
        return out

    def _direct_paragraphs(self, refs: References, named: set[str], docs: dict[str, DocInfo]) -> list[Hit]:
        """Chunks of the named documents that carry the named paragraph labels, at the top."""
        out: list[Hit] = []
        for doc_id in sorted(named, key=lambda d: docs[d].date or "", reverse=True):
            wanted = {label_key(p) for p in refs.paragraphs_in([docs[doc_id]])}
            if not wanted:
                continue
            for chunk in self.store.chunks_of(doc_id):
                labels = {label_key(s.label) for s in chunk.spans if s.label}
                # "paragraph 7" also matches its sub-paragraphs "7 (a)", "7 (b)".
                if any(label_wanted(s.label, wanted) for s in chunk.spans) \
                        or any(lab.split("(")[0] in wanted for lab in labels if lab):
                    out.append(Hit(chunk=chunk, doc=docs[doc_id], score=1.0, dense_score=None))
        return out[:6]


YEAR_CANDIDATES = 20  # passages of the named year's Council decisions added to the dense candidates
ANNEX_PASSAGES = 3  # passages of a resolution's annex brought in when asked whom it lists
# Whom or what a decision lists: "Which group did resolution 2624 (2022) make subject to the targeted arms embargo?",
# "Which individuals were added to the Haiti sanctions list by resolution 2794 (2025)?".
_ASKS_LISTED = re.compile(r"^\s*(?:who|whom|which|what)\b[^?]{0,80}?\b(?:individuals?|entit(?:y|ies)|groups?|"
                          r"persons?|people|vessels?|ships?|who|whom)\b[^?]{0,80}?\b(?:list\w*|designat\w*|"
                          r"sanction\w*|added|subject(?:ed)? to|named)\b", re.I)
_TO_ANNEX = re.compile(r"\b(?:listed|set out|named|designated|contained|included|identified)\s+in\s+the\s+annex(?:es)?"
                       r"\s+(?:to|of)\s+(?:the present|this)\s+resolution", re.I)
_ANNEX_OPENS = re.compile(r"^(?:Designation\s+)?Annex(?:es)?\b", re.I)


def _annex_of(chunks: list[Chunk]) -> list[Chunk]:
    """A resolution's annex: its passages from the heading "Annex" (or "Designation Annex") on, a heading alone
    left out."""
    opened = next((i for i, c in enumerate(chunks)
                   if _ANNEX_OPENS.match(c.section or "") or (c.paragraph or "").lower().startswith("annex")
                   or _ANNEX_OPENS.fullmatch(c.text.strip())), None)
    if opened is None:
        return []
    return [c for c in chunks[opened:] if not _ANNEX_OPENS.fullmatch(c.text.strip())]
_RENEWAL_VERBS = "decides renew extend"  # what the place's renewals say
RESTATED_OVERLAP = 0.7  # shared words (dates and numbers aside) of a request and its restatement
_DATES_AND_NUMBERS = re.compile(rf"\d[\d,.]*|\b(?:{MONTHS})\b")
_LABEL_NUMBER = re.compile(r"\d{1,3}\.|\d")  # "8." opening a paragraph, "2" of a "2b:" heading
PLACE_RENEWALS = 3  # the asked place's renewals put first when none of its decisions leads
NAMED_RENEWALS = 2  # renewing passages of a named resolution brought in for an until-when / how-long question
RENEWAL_LOOKUPS = 5  # leading hits whose later renewals are looked up (those about the country asked)
OTHER_PART_WORDS = 1  # words a paragraph shares with a further part of the question, beyond the lead's
REPEATED_ALIKE = 0.8  # share of words a passage repeating another decision's keeps (wording Jaccard)
REPEAT_WINDOW = 30  # leading passages read for repeats (the reranker's depth)
RESTATED_ALIKE = 0.3  # share of words (dates and figures aside) a later decision restating an older one keeps
NEWER_DECISIONS = 3  # the newest resolutions at hand read for what a question asks is now
_REPORT_REQUEST = re.compile(r"\b(?:requests?|requested)\b[^;]{0,80}\b(?:report|brief|inform|update)", re.I)
RENEWAL_HORIZON = 8  # the leading passages the extractive answer reads (answer.extractive_answer's pool)
RENEWAL_QUERIES = 8  # catalog scans per question (5-25 ms each on the full index)
SAME_SUBJECT_DOCS = 3  # resolutions naming a renewed one read whole for a renewal of the same subject
RENEWAL_HOPS = 6  # renewals of renewals followed (a renewal usually lists all before it, so one or two suffice)
# An operative decision to extend or renew: "Decides to extend until …", "Decides to renew the measures …".
# Or a decision closing a paragraph that recalls what it renews: "1. Recalls the measures imposed by … and decides
# to reaffirm and renew these measures until 12 September 2026" (2791 (2025)).
_RENEWS = re.compile(r"^\s*(?:\d{1,3}\.\s*)?(?:Decides|Further decides)\b[^;]{0,200}?\b(?:extend|renew|prolong)|"
                     # "Expresses its full support for UNFICYP, decides to extend its mandate" (2815 (2026))
                     r"(?:\band|,)\s+decides to (?:\w+ and )?(?:extend|renew|prolong)\b|"
                     r"^\s*(?:\d{1,3}\.\s*)?(?:Decides|Further decides) that,? until [^;]{0,200}?\bshall\b|"
                     # An operative paragraph opening on the verb itself: "1. Extends the reporting request in
                     # paragraph 10 of resolution 2722 (2024) through July 15, 2026" (the Red Sea series 2739 to
                     # 2812), "Renews for a period of 12 months the mandate …"; not "Renews its call upon States".
                     r"^\s*(?:\d{1,3}\.\s*)?(?:Extends|Renews|Prolongs)\b(?!\s+its\b)", re.I)


# A letter or report recounting a renewal, and what was renewed: "resolution 2762 (2024), …, by which the Council
# decided to extend the mandate of the Panel of Experts pursuant to resolution 2713 (2023) until 31 March 2025".
_RECOUNTS = re.compile(r"\b(?:decided|decides) to (?:extend|renew|prolong)\s+(?P<thing>[^;]{3,200}?)\s+until\b")


def _recounted_renewal(hit: Hit) -> tuple[str, str, str, None] | None:
    """Where the later renewals of one a letter or report recounts are looked up from: the resolution it names
    first in that sentence, dated by the letter, and the sentence (S/2025/35 on the Somalia Panel's 2762 (2024),
    which the library does not hold; its successors 2776 and 2806 are the answer)."""
    if hit.doc.doc_type == "resolution" or not hit.doc.date:
        return None
    for a, b in split_sentences(hit.chunk.text):
        sentence = hit.chunk.text[a:b]
        cited = recounted_renewal(sentence)
        if cited and _RECOUNTS.search(sentence):
            return f"S/RES/{cited.group(1)}", hit.doc.date, sentence, None
    return None


@lru_cache(maxsize=1)
def _scan_rules() -> str:
    """The code that finds passages ending something or imposing measures (its needles, refs.says_ending and
    refs.origin_sentence, the sentence splitter): passages kept by another version of it are found again."""
    return source_fingerprint("retrieve.py", "refs.py", "chunk.py")


# What a decision ending a mandate or measures says (refs.ending): the catalog scan for it, one pass, more passages
# than the whole bulk set holds (~200), so a termination in 2016 is not cut by the newest ones.
_ENDING_NEEDLES = ("to lift", "to fully lift", "to terminate", "to withdraw", "to end ", "to immediately",
                   "shall be terminated", "shall terminate", "shall cease", "final period", "bear the title",
                   "succeeded by")  # every verb refs.ending reads
ENDING_SCAN = 2000
ORIGIN_SCAN = 20000
CRITERION_SCAN = 5000  # resolution passages naming a commodity (full index: "gold" ~110, "oil" or "petroleum" ~380)


def _criteria_list(item: Chunk, at: int, chunks: list[Chunk]) -> bool:
    """Whether the text at ``at`` in ``item`` is an item of a list its paragraph's lead-in makes designation
    criteria ("12. Further decides … that the measures … shall also apply to the individuals and entities
    designated by the Committee as: … (d) providing support …", "2. Recalls that engaging in … may include, but
    are not limited to: (a) Engaging in the … export or import of charcoal"), the lead-in read from the passages
    up to it (it may be in the one before); not a Panel's tasks or a list of demands."""
    head = (item.paragraph or "").split("(")[0].strip()
    before = " ".join([c.text for c in chunks if c.ordinal < item.ordinal] + [item.text[:at]])
    starts = list(re.finditer(rf"(?<![\w.(]){re.escape(head)}\.\s", before)) if head else []
    if not starts:
        return False
    lead = before[starts[-1].end():]
    first = re.search(r"\(a\)", lead)
    return CRITERION_TEXT.search(lead[:first.start() if first else 800]) is not None


_ANNEX_HEADING = re.compile(r"^\s*Annex\b", re.M)


class _Scans:
    """One question's catalog scans for later renewals: at most ``budget`` (each 5-25 ms on the full index), and a
    needle scanned once: a later date filters the rows already read (they come newest first), so a chain that
    passes the same resolution or mission again ("2570", "UNMISS") costs nothing more."""

    def __init__(self, store: Store, budget: int) -> None:
        self.store, self.budget = store, budget
        self.read: dict[str, tuple[str, list[Chunk]]] = {}

    def naming(self, needle: str, after: str, docs: dict[str, DocInfo]) -> list[Chunk] | None:
        """Passages of resolutions after ``after`` holding ``needle``, newest first; None when none are left."""
        if needle in self.read and self.read[needle][0] <= after:
            return [c for c in self.read[needle][1] if c.doc_id in docs and (docs[c.doc_id].date or "") > after]
        if self.budget <= 0:
            return None
        self.budget -= 1
        chunks = self.store.later_resolutions_naming(needle, after)
        self.read[needle] = (after, chunks)
        return chunks


_BODY_Q = re.compile(r"\b(?:panel|group of experts|experts|monitoring (?:team|group)|monitors)\b", re.I)
_BODY_NAMES = frozenset({"Panel", "Group of Experts", "Monitoring Team"})
# A body no place names: the ISIL (Da'esh) and Al-Qaida / Taliban sanctions' Monitoring Team, the Counter-Terrorism
# Committee Executive Directorate (CTED: "Decides that CTED will continue to operate … for the period ending 5
# January 2029", 2810 (2025) para. 3) and the Office of the Ombudsperson; each with the names its renewals use.
_PLACELESS_BODIES: dict[str, tuple[str, ...]] = {
    r"monitoring team": ("Monitoring Team",),
    r"counter-terrorism committee executive directorate|cted": ("CTED", "Counter-Terrorism Committee Executive "
                                                                        "Directorate"),
    r"(?:office of the )?ombudsperson": ("Ombudsperson",),
}
_TALIBAN_Q = re.compile(r"\bTaliban\b|\b1988\b|\bAfghan", re.I)
_OF_1988 = re.compile(r"paragraph 30 of resolution 1988\b|\b1988 Sanctions List\b")
_ISIL_Q = re.compile(r"\bISIL\b|\bDa['’]esh\b|\bAl-Qaida\b|\b1267\b", re.I)
_PLACELESS_BODY = re.compile(r"\b(?:" + "|".join(_PLACELESS_BODIES) + r")\b", re.I)
# "… will continue to operate … for the period ending 5 January 2029": a term set for a body that is not "renewed".
_CONTINUES_TO = re.compile(r"^\s*(?:\d{1,3}\.\s*)?(?:Decides|Further decides)\b[^;]{0,200}?\bcontinue to operate\b"
                           r"[^;]{0,200}?\b(?:for the period ending|until)\b")


# The resolution whose thing a renewal's object names: "extend until 1 August 2027 the authorisations and the measures
# in resolution 2146 (2014)"; not one a mandate's tasks refer to after a colon ("renew … the Panel, with the following
# mandate: (a) to conduct the tasks referred to in paragraph 11 of resolution 2444 (2018)", 2776 (2025) para. 25).
_RENEWED_OF = re.compile(r"\b(?:extend|renew|prolong)\w*\b[^;:]{0,160}?\b(?:in|of|by|under|pursuant to)\s+"
                         r"(?:paragraphs?\s+[\d\s,(a-z)]+?(?:and\s+\d+\s+)?of\s+)?resolution\s+(\d{3,4})\b")


def _first_resolution(text: str) -> str | None:
    """The first resolution a decision names, by number: what it renews is of that one ("the measures in resolution
    2146 (2014), as amended by …"); another regime's Panel worded alike names another."""
    m = re.search(r"\bresolutions? (\d{3,4})\b", text)
    return m.group(1) if m else None


def _renewal(text: str) -> bool:
    return any(_RENEWS.search(text[a:b]) for a, b in split_sentences(text))


def _countries(places: set[str]) -> set[str]:
    return {p for p in places if p in _COUNTRY_KEYS}


_COUNTRY_KEYS = {c.lower() for c in COUNTRIES}


def _authorizes_asked(text: str, specific: set[str]) -> bool:
    """Whether an operative sentence of ``text`` authorizes or establishes what was asked for a term of its own,
    renewing nothing: "Authorizes Member States to transition the MSS mission … to the Gang Suppression Force
    (GSF) … for an initial period of twelve months" (2793 (2025), para. 1), which "For how long is the Gang
    Suppression Force currently authorized?" asks (a probe got MINUSTAH's six months of 2004)."""
    # Every word asked, not half as a renewal's (a renewal names its series by number; an authorization by name):
    # MINUSTAH's "stabilization force" with its "authority" is no Gang Suppression Force.
    return any(_AUTHORIZES.match(text, a) and SETS_TERM.search(text, a, b) and specific <= terms(text[a:b])
               for a, b in split_sentences(text))


def _continues_asked(text: str, specific: set[str]) -> bool:
    """Whether an operative sentence of ``text`` keeps what was asked on for a term in other words than a renewal's:
    "Decides …, that the 1267/1988 … Monitoring Team … shall continue to support the Committee for a period of
    twelve months" (2816 (2026), para. 2, the Taliban Committee's; a probe got the 1267 Team's 36 months)."""
    return any(_CONTINUES_FOR.match(text, a, b) and renews_subject(specific, text[a:b])
               for a, b in split_sentences(text))


_CONTINUES_FOR = re.compile(r"\s*(?:\d{1,3}\.\s*)?(?:Decides|Further decides)\b[^;]{0,300}?\bshall continue to "
                            r"(?:support|assist|operate)\b[^;]{0,120}?\bfor (?:a|the) period\b")
_AUTHORIZES = re.compile(r"\s*(?:\d{1,3}\.\s*)?(?:Authori[sz]es|Decides to (?:establish|authori[sz]e|deploy))\b")


def _renews_asked(text: str, specific: set[str]) -> bool:
    """Whether a passage renews what was asked: the Panel when the question asks about the Panel (UNMHA's renewal
    is Yemen's, not the Yemen Panel's), anything when it asks only about a mission's mandate. Not read in the
    preamble a Council record's first passage holds ("Reiterating …", "Recalling …"), whose "Panel of Experts" made
    2649 (2022)'s renewal of the Mali measures read as renewing the Panel."""
    return _renewal(text) and renews_subject(specific, " ".join(
        text[a:b] for a, b in split_sentences(text) if not _RECITAL.match(text, a)))


_RECITAL = re.compile(r"\W*[A-Z][a-z]+ing\b")


def _renews_mission(text: str, missions: set[str]) -> bool:
    """Whether a renewing sentence of ``text`` extends the mandate of one of ``missions``."""
    return any(_RENEWS.search(s) and missions & renewed_missions(s)
               for s in (text[a:b] for a, b in split_sentences(text)))


def _renewed_pairs(text: str) -> set[tuple[int, int]]:
    """(resolution, paragraph) pairs the renewing sentences of ``text`` renew by number."""
    # The first resolution a renewing sentence names is where what it renews was set up; later ones modified it, and
    # one names every regime's Panel alike: "paragraph 6 of resolution 2664 (2022)", the humanitarian exemption,
    # in the Panel renewals of the DPRK (2680 (2023)), South Sudan (2821 (2026)) and Libya (2819 (2026)).
    out: set[tuple[int, int]] = set()
    for a, b in split_sentences(text):
        if _RENEWS.search(text[a:b]):
            renewed = renewed_paragraphs(renewing_part(text[a:b]))
            out.update((res, n) for res, numbers in list(renewed.items())[:1] for n in numbers)
    return out


def _wording(text: str) -> set[str]:
    """A passage's words, its dates and figures aside: what a renewal or restatement keeps of the text before."""
    return terms(_DATES_AND_NUMBERS.sub(" ", text))


def _alike(a: set[str], b: set[str]) -> float:
    """The share of two wordings' words they have in common (Jaccard)."""
    return len(a & b) / max(1, len(a | b))


def _restated_later(hits: list[Hit], window: int) -> list[Hit]:
    """The leading passages with each text the Council repeats from one decision to the next kept once: "How is
    Al-Shabaab financed?" had the same "Notes with concern Al-Shabaab's ability to generate revenue …" from 2776,
    2713, 2806 and 2662 in its top ten, and the Monitoring Team's account of how it is financed (S/2025/482 para.
    103, the closest passage by meaning) 19th. A passage worded like a better-ranked one of another document, with
    the same dates and figures, moves below the window's other passages; it is not dropped. One that changes a date
    or figure says something else (a restated request's new deadline): the currency rules read both."""
    kept: list[Hit] = []
    repeats: list[Hit] = []
    said: list[tuple[str, set[str], set[str]]] = []
    for h in hits[:window]:
        own, figures = _wording(h.chunk.text), _figures(h.chunk)
        if any(doc != h.doc.doc_id and figures == theirs and _alike(own, other) >= REPEATED_ALIKE
               for doc, other, theirs in said):
            repeats.append(h)
            continue
        said.append((h.doc.doc_id, own, figures))
        kept.append(h)
    return kept + repeats + hits[window:]


def _figures(chunk: Chunk) -> set[str]:
    """The dates and figures a passage states; paragraph labels ("8.", "2b:") are not figures."""
    return {m.group().rstrip(".,") for m in _DATES_AND_NUMBERS.finditer(chunk.text)
            if not _LABEL_NUMBER.fullmatch(m.group())}


def _merge(a: list[tuple[str, float]], b: list[tuple[str, float]]) -> list[tuple[str, float]]:
    best: dict[str, float] = {}
    for h, s in a + b:
        best[h] = max(s, best.get(h, -1.0))
    return sorted(best.items(), key=lambda kv: -kv[1])


def _each_named(hits: list[Hit], named: set[str], k: int) -> list[Hit]:
    """A question naming several documents ("When were resolutions 2775 and 2776 (2025) adopted?") sees each among
    its k passages: the longer one's many alike passages otherwise fill the list. A document missing from the top
    k takes the place of the last ones there (a PDF and its Council XML are one document)."""
    def name(h: Hit) -> str:
        return h.doc.symbol or h.doc.doc_id

    shown = {name(h) for h in hits[:k] if h.doc.doc_id in named}
    late: dict[str, Hit] = {}
    for h in hits[k:]:
        if h.doc.doc_id in named and name(h) not in shown:
            late.setdefault(name(h), h)
    if not late or len(late) >= k:
        return hits
    moved = list(late.values())
    keep = hits[:k - len(moved)]
    return keep + moved + [h for h in hits[k - len(moved):] if all(h is not m for m in moved)]


def _prefer(chunks: list[Chunk], docs: dict[str, DocInfo], named: set[str], years: set[int] | None = None) -> Chunk:
    """Among documents sharing a passage: a named one, else one of the year the question names, else the most
    recent (a revision over its original)."""
    return max(chunks, key=lambda c: (c.doc_id in named, bool(years) and year_fits(docs[c.doc_id], years or set()),
                                      docs[c.doc_id].date or "", "Rev" in (docs[c.doc_id].symbol or "")))


def _symbol_keys(symbol: str | None) -> set[str]:
    """The keys :func:`briefbot.symbols.symbols_match` compares (either half of a joint symbol)."""
    return {symbol_key(x) for x in split_joint(symbol)} if symbol else set()

