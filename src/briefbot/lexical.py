"""Lexical index (bm25s) over the distinct chunk texts, saved beside the catalog.

It carries the catalog version it was built from; a reader that finds it stale (an ingest ran since, in this
process or another, or a run was killed before rebuilding) loads the newer build from disk or makes one. So the
lexical and dense sides never disagree for long, in embedded and in Chroma server mode alike (the catalog is the
shared truth). A reader never waits for a build once it has one: while an ingest writes (it rebuilds when it
ends) the current build keeps serving, and otherwise a new one is made in a background thread. (A web app's
searches had all queued behind a reader's 10-20 s rebuild over the whole corpus during an upload.)
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Collection
from pathlib import Path

import bm25s
import numpy as np

from .config import quiet_libraries
from .glossary import council_words
from .store import Store
from .symbols import find_symbols, symbol_key
from .taxonomy import other_names

log = logging.getLogger(__name__)
quiet_libraries()  # bm25s has just set its own logger to DEBUG

# An ingest that set its "open" flag this long ago without clearing it was killed: readers rebuild without it.
INGEST_OPEN_MAX_S = 30 * 60

try:
    import Stemmer

    _STEMMER = Stemmer.Stemmer("english")
except ImportError:  # PyStemmer is a dependency; without it BM25 still works, unstemmed
    _STEMMER = None


def lexical_text(text: str, context: str = "") -> str:
    """Text plus symbol tokens ("S/2025/356" → "s2025356") so symbols match as whole words."""
    keys = " ".join(symbol_key(s).replace("/", "").lower() for s in find_symbols(f"{context} {text}"))
    return f"{context} {text} {keys}"


def query_text(question: str) -> str:
    """The question as BM25 reads it, with the Council's words for what it says in plain words."""
    return f"{lexical_text(question)} {council_words(question)} {' '.join(other_names(question))}"


# Each passage's tokens, kept beside the build so the next build tokenises only new passages: one line per passage,
# "<key>\t<token> <token> …" (tokens are word characters only, never a space or a tab), then "end <count>". The
# key is the passage's text hash and its document context's CRC (a retitled document's passages are tokenised
# again), under a format number that changes with what tokenising means (lexical_text, the stemmer, stopwords).
TOKENS_FILE = "tokens.txt"
TOKENS_FORMAT = "briefbot-lexical-tokens 1"
TOKENS_END = "end"


def _token_key(text_hash: str, context: str) -> str:
    return f"{text_hash}:{zlib.crc32(context.encode('utf-8')):08x}"


def _read_tokens(path: Path) -> dict[str, list[str]]:
    """The tokens a previous build kept; nothing when the file is missing, of another format or damaged."""
    try:
        with path.open(encoding="utf-8") as fh:
            if fh.readline().rstrip("\n") != TOKENS_FORMAT:
                return {}
            out: dict[str, list[str]] = {}
            for line in fh:
                key, sep, words = line.rstrip("\n").partition("\t")
                if not sep:
                    # The last line counts the passages: a file cut short anywhere is trusted in none of it.
                    return out if key == f"{TOKENS_END} {len(out)}" else {}
                out[key] = words.split(" ") if words else []
            return {}
    except (OSError, UnicodeDecodeError):
        return {}


def _write_tokens(path: Path, keys: list[str], tokens: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(TOKENS_FORMAT + "\n")
        fh.writelines(f"{k}\t{' '.join(t)}\n" for k, t in zip(keys, tokens, strict=True))
        fh.write(f"{TOKENS_END} {len(keys)}\n")


def _tokenize(texts: list[str]) -> list[list[str]]:
    tokens = bm25s.tokenize(texts, stopwords="en", stemmer=_STEMMER, show_progress=False, return_ids=False)
    return [list(t) for t in tokens]


class LexicalIndex:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.dir = store.layout.lexical
        self._lock = threading.Lock()  # guards the build in use (short holds only)
        self._build_lock = threading.Lock()  # one build at a time
        self._refreshing = False  # a background build is running
        self._retriever: bm25s.BM25 | None = None
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}  # text_hash → position in _ids, built on first need
        self._version = -1  # catalog version of the build in use; -1: none yet
        self._idf_cache: dict[str, float] = {}  # word → IDF for the build in _idf_of
        self._idf_of: bm25s.BM25 | None = None

    def _current(self) -> tuple[bm25s.BM25 | None, list[str]]:
        """The build to search: the catalog's own version when it is at hand (in memory or on disk); else the one
        in use while a newer one is made (see the module's docstring); with none yet, one made now."""
        version = self.store.version()
        with self._lock:
            if self._version == version or self._load(version):
                return self._retriever, self._ids
            have = self._version >= 0
        if not have:
            self.rebuild(version)
        elif not self._ingest_open():
            self._refresh_in_background()
        with self._lock:
            return self._retriever, self._ids

    def _load(self, version: int) -> bool:
        """Take the build on disk when it is of ``version`` (another process or instance made it). Under _lock."""
        stamp = self.dir / "stamp.json"
        if not stamp.exists():
            return False
        try:
            meta = json.loads(stamp.read_text())
            if meta.get("version") != version:
                return False
            retriever = bm25s.BM25.load(str(self.dir / "bm25"), mmap=False)
            ids = json.loads((self.dir / "ids.json").read_text())
            # Another process may have swapped in its build while we read: then the parts may not match.
            if json.loads(stamp.read_text()) != meta or len(ids) != meta.get("n"):
                raise ValueError("replaced while loading")
        except (OSError, ValueError) as exc:
            log.warning("lexical index unreadable (%s); rebuilding", exc)
            return False
        self._retriever, self._ids, self._version, self._pos = retriever, ids, version, {}
        return True

    def _ingest_open(self) -> bool:
        """Whether an ingest is writing now (it rebuilds when it ends, so readers keep their build meanwhile)."""
        value = self.store.flag("ingest_open")
        try:
            return value is not None and time.time() - float(value) < INGEST_OPEN_MAX_S
        except ValueError:  # an older run's "1": its age is unknown, so it may be a killed run's
            return False

    def _refresh_in_background(self) -> None:
        with self._lock:
            if self._refreshing:
                return
            self._refreshing = True

        def run() -> None:
            try:
                self.rebuild()
            except Exception:  # the build in use keeps serving; the next search tries again
                log.exception("lexical index rebuild failed")
            finally:
                with self._lock:
                    self._refreshing = False

        threading.Thread(target=run, name="briefbot-lexical-rebuild", daemon=True).start()

    def rebuild(self, version: int | None = None) -> None:
        """Build from the catalog now, and save it for other processes; one build at a time (a caller that
        waited for another's build of the same version takes it). Searches keep the previous build meanwhile."""
        with self._build_lock:
            version = self.store.version() if version is None else version
            with self._lock:
                if self._version == version:
                    return
            rows = self.store.unique_texts()
            ids = [r[0] for r in rows]
            retriever = bm25s.BM25()
            keys = [_token_key(h, c) for h, _, c in rows]
            tokens: list[list[str]] = []
            if rows:
                # Only passages the last build did not hold are tokenised: reading symbols and tokenising every
                # passage is ~15 s of Python on the full corpus, which a two-passage upload paid in full.
                known = _read_tokens(self.dir / TOKENS_FILE)
                fresh = [i for i, k in enumerate(keys) if k not in known]
                made = _tokenize([lexical_text(rows[i][1], rows[i][2]) for i in fresh]) if fresh else []
                known.update({keys[i]: t for i, t in zip(fresh, made, strict=True)})
                tokens = [known[k] for k in keys]
                retriever.index(tokens, show_progress=False)
                log.debug("lexical tokens: %d passages reused, %d tokenised", len(rows) - len(fresh), len(fresh))
            with self._lock:
                # An unindexed BM25 has no vocabulary to look words up in.
                self._retriever, self._ids, self._version, self._pos = retriever if rows else None, ids, version, {}
            if rows:
                try:
                    self._save(retriever, ids, version, keys, tokens)
                except OSError as exc:  # another process (ingest, web app) swapped its build in at the same moment
                    log.info("lexical index kept in memory only (%s)", exc)
            log.info("lexical index rebuilt: %d passages (catalog version %d)", len(rows), version)

    def _save(self, retriever: bm25s.BM25, ids: list[str], version: int, keys: list[str],
              tokens: list[list[str]]) -> None:
        try:
            if json.loads((self.dir / "stamp.json").read_text()).get("version") == version:
                return  # the same build is already on disk
        except (OSError, ValueError):
            pass
        # Names of our own: the ingest process and the web app may rebuild at the same time.
        tag = f"{os.getpid()}-{threading.get_ident()}"
        tmp, old = self.dir.with_name(f"lexical.tmp-{tag}"), self.dir.with_name(f"lexical.old-{tag}")
        _rmtree(tmp)
        tmp.mkdir(parents=True)
        try:
            retriever.save(str(tmp / "bm25"))
            (tmp / "ids.json").write_text(json.dumps(ids))
            _write_tokens(tmp / TOKENS_FILE, keys, tokens)
            (tmp / "stamp.json").write_text(json.dumps({"version": version, "n": len(ids)}))
            # Swap in whole so a concurrent reader never sees half an index.
            if self.dir.exists():
                os.replace(self.dir, old)
            os.replace(tmp, self.dir)
        finally:
            _rmtree(tmp)
            _rmtree(old)

    def idf(self, words: set[str]) -> dict[str, float]:
        """Inverse document frequency of stemmed words over the passages (unknown words get the maximum)."""
        retriever, ids = self._current()
        n = max(len(ids), 1)
        with self._lock:
            # Retrieval (reranking) and the answer stage both ask for a question's words: each costs a scan of
            # every passage's score, so the values are kept per build.
            if self._idf_of is not retriever:
                self._idf_cache, self._idf_of = {}, retriever
            cache = self._idf_cache
        out: dict[str, float] = {}
        for word in words:
            if word not in cache:
                df = 0
                if retriever is not None and word in retriever.vocab_dict:
                    df = int(np.count_nonzero(retriever.get_scores([word])))
                cache[word] = float(np.log(1 + (n - df + 0.5) / (df + 0.5)))
            out[word] = cache[word]
        return out

    def search(self, question: str, n: int, allowed: set[str] | None = None,
               also: Collection[str] = (), excluded: set[str] | None = None) -> list[tuple[str, float]]:
        """(text_hash, bm25 score) best first; the scores of the passages in ``also`` (the dense side's
        candidates) follow the top ``n``, so fusion sums both scores for every candidate, not one and a zero.
        ``allowed``: only these passages; ``excluded``: none of these (cheaper when they are few)."""
        retriever, ids = self._current()
        with self._lock:
            # A small allowed set (one year's decisions, a few documents) is masked by its positions: reading
            # every passage's hash against it cost ~8 ms a search on the full index.
            few = allowed is not None and len(allowed) < len(ids) // 4
            if self._ids is not ids:  # a newer build came in meanwhile: positions are of the one we search
                pos = {h: i for i, h in enumerate(ids)} if also or excluded or few else {}
            else:
                if (also or excluded or few) and len(self._pos) != len(ids):
                    self._pos = {h: i for i, h in enumerate(ids)}
                pos = self._pos
        if retriever is None or not ids:
            return []
        tokens = _tokenize([query_text(question)])[0]
        tokens = [t for t in tokens if t in retriever.vocab_dict]
        if not tokens:
            return []
        scores = np.asarray(retriever.get_scores(tokens), dtype=np.float32)
        if allowed is not None:
            if few:
                mask = np.zeros(len(ids), dtype=bool)
                mask[[pos[h] for h in allowed if h in pos]] = True
            else:
                mask = np.fromiter((i in allowed for i in ids), dtype=bool, count=len(ids))
            scores = np.where(mask, scores, 0.0)
        if excluded:
            scores = scores.copy()  # never write into the retriever's own arrays
            for h in excluded:
                if h in pos:
                    scores[pos[h]] = 0.0
        n = min(n, len(ids))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top])]
        out = [(ids[i], float(scores[i])) for i in top if scores[i] > 0]
        seen = {h for h, _ in out}
        extra = [(h, float(scores[pos[h]])) for h in also if h not in seen and h in pos and scores[pos[h]] > 0]
        return out + sorted(extra, key=lambda kv: -kv[1])


def rebuild_niced(store: Store, nice: int) -> None:
    """Build and save the index in a child process that lowers its priority by ``nice`` (a web upload's ingest):
    tokenising every passage is ~10 s of Python, which in the serving process holds the GIL against the answers.
    The child reads only the catalog; readers take its build from disk. In this process when the child fails."""
    config = store.settings.model_dump_json()
    try:
        done = subprocess.run([sys.executable, "-m", "briefbot.lexical", str(nice)], input=config.encode(),
                              capture_output=True, timeout=3600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("lexical build in a child process failed (%s); building here", exc)
    else:
        if done.returncode == 0:
            return
        log.warning("lexical build in a child process failed (exit %d: %s); building here", done.returncode,
                    done.stderr.decode(errors="replace")[-500:])
    LexicalIndex(store).rebuild()


def main(argv: list[str] | None = None) -> int:
    """The child of :func:`rebuild_niced`: settings as JSON on stdin, niceness as the argument."""
    from .config import Settings

    os.nice(int((argv or sys.argv[1:] or ["0"])[0]))
    settings = Settings.model_validate_json(sys.stdin.buffer.read())
    LexicalIndex(Store(settings, create=False)).rebuild()
    return 0


def _rmtree(path: Path) -> None:
    import shutil

    if path.exists():
        shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
