"""An answer must not depend on the process that gives it. Python hashes strings with a seed chosen per process, so
a set of words is iterated in another order in each; a plain float sum over it differs in its last bit from one
process to the next, and two quotes or passages scored alike swapped places between runs (dev q386 quoted another
sentence of S/PRST/2002/25 depending on the process). Scores summed over sets of words are exact (math.fsum). Each
seed runs in a real second process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import briefbot

_CHILD = """
from briefbot.models import Chunk, DocInfo, Hit, Span
from briefbot.refs import parse_references
from briefbot import rerank
text = "alpha beta delta epsilon"
doc = DocInfo(doc_id="d", file_name="d.pdf", path=None, sha256="0", source="pdf", symbol="S/2025/1",
              doc_type="sg_report", title="Report", date="2025-06-01", language="en", pages=1, chunks=1,
              empty_pages=[], warnings=[], missions=[], ingested_at="")
chunk = Chunk(text_hash="h", doc_id="d", ordinal=0, text=text, spans=[Span(page=1, start=0, end=len(text))],
              paragraph=None, section=None, kind="body")
hit = Hit(chunk=chunk, doc=doc, score=1.0, dense_score=0.5, lexical_score=1.0)
weights = {"alpha": 0.1, "beta": 0.2, "gamma": 0.3, "delta": 0.7, "epsilon": 1e-3, "zeta": 0.9}
rows = rerank.features([hit], set(weights), weights.__getitem__, parse_references(""), set())
print(repr(rows))
"""


def test_passage_features_summed_over_the_questions_words_are_the_same_in_every_process() -> None:
    src = str(Path(next(iter(briefbot.__path__))).resolve().parent)  # the code under test, where it was imported
    seen = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed),
               "PYTHONPATH": os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)}
        done = subprocess.run([sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, timeout=120,
                              check=True)
        seen.add(done.stdout.strip())
    assert len(seen) == 1, seen
