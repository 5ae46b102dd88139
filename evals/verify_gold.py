#!/usr/bin/env python3
"""Check the briefbot gold set line by line against the corpus.

    python evals/verify_gold.py [--gold evals/gold.jsonl] [--corpus ../shared/corpus] [--raw]

Checks, for every line: the schema (exact keys and types), the kind and source, the dev/test split (fixed
by ``briefbot.evaldata.gold_split``: a hash of the smallest cited file name, or of the id for unanswerable
questions), unique ids, that
``answerable`` agrees with ``expected``/``evidence``/``kind``, that each cited file exists in the corpus
(and its symbol matches MANIFEST.csv or the bulk record), that each key fact occurs in the evidence, and
that every evidence string occurs verbatim on the cited page (PDF) or in the record text (bulk).

Text comparison folds all whitespace runs to one space and treats pdfium's line-break hyphen (U+FFFE) and
the soft hyphen (U+00AD) as '-'; it is case-sensitive. PDF page text comes from
``briefbot.parse.parse_file`` (the project's cleaned page text) when that can be imported, otherwise (or with
``--raw``) from pypdfium2's raw text layer. Bulk text is the ``text`` field of the record in
``bulk/unxml_sc/sc_documents_en.jsonl`` whose ``file`` ends with the cited XML name.

Prints one line per failure and a summary; exits 1 if anything failed, 0 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if (REPO_ROOT / "src" / "briefbot").is_dir():  # this checkout's code, not whichever briefbot is installed
    sys.path.insert(0, str(REPO_ROOT / "src"))

from briefbot.evaldata import SPLITS, gold_split  # noqa: E402  (the split rule has one home)

KINDS = ("lookup", "paraphrase", "numeric", "multi_doc", "unanswerable", "bulk")
SOURCES = ("pdf", "bulk")
TOP_KEYS = {"id", "question", "answerable", "expected", "evidence", "key_facts", "kind", "source", "split"}
EXPECTED_KEYS = {"document", "symbol", "page", "paragraph"}
ID_RE = re.compile(r"^q\d{3,}$")
# "23", "7 (c)", "4 (g) (ii)"
PARAGRAPH_RE = re.compile(r"^\d{1,3}(?: \((?:[a-z]{1,2}|[ivxl]{1,6})\))*$")
BULK_JSONL = Path("bulk") / "unxml_sc" / "sc_documents_en.jsonl"


def fold(text: str) -> str:
    """Whitespace folded, pdfium line-break hyphen and soft hyphen read as '-'."""
    text = text.replace("\ufffe", "-").replace("\u00ad", "-")
    return re.sub(r"\s+", " ", text).strip()


class Corpus:
    """Lazy access to page texts of corpus PDFs and to bulk record texts."""

    def __init__(self, root: Path, force_raw: bool) -> None:
        self.root = root
        self.notes: list[str] = []
        self._pages: dict[str, list[str] | None] = {}
        self._bulk: dict[str, list[dict]] | None = None
        self.manifest: dict[str, dict[str, str]] = {}
        manifest = root / "MANIFEST.csv"
        if manifest.is_file():
            with manifest.open(encoding="utf-8", newline="") as fh:
                self.manifest = {row["file"]: row for row in csv.DictReader(fh)}
        self.parse_file = None if force_raw else self._import_parser()
        self.mode = "briefbot.parse.parse_file" if self.parse_file else "pypdfium2 raw text"

    @staticmethod
    def _import_parser():
        try:
            from briefbot.parse import parse_file
        except ImportError:
            src = REPO_ROOT / "src"
            if not src.is_dir():
                return None
            sys.path.insert(0, str(src))
            try:
                from briefbot.parse import parse_file
            except ImportError:
                return None
        try:  # the parser reads PDFs through pypdfium2; without it parse_file cannot work
            import pypdfium2  # noqa: F401
        except ImportError:
            return None
        return parse_file

    def pdf_pages(self, name: str) -> list[str] | None:
        """Folded text of each page (index 0 = page 1), or None if the file cannot be read."""
        if name not in self._pages:
            self._pages[name] = self._read_pdf(self.root / name)
        return self._pages[name]

    def _read_pdf(self, path: Path) -> list[str] | None:
        if not path.is_file():
            return None
        if self.parse_file is not None:
            try:
                doc = self.parse_file(path)
                return [fold(p.text) for p in doc.pages]
            except Exception as exc:  # the project's parser refused the file: use the raw text layer
                self.notes.append(f"note: parse_file failed on {path.name} ({exc}); used pypdfium2 raw text")
        try:
            import pypdfium2
        except ImportError:
            note = "note: pypdfium2 is not importable, so PDF pages cannot be read"
            if note not in self.notes:
                self.notes.append(note)
            return None
        try:
            pdf = pypdfium2.PdfDocument(str(path))
        except Exception as exc:  # damaged or encrypted file
            self.notes.append(f"note: pypdfium2 cannot open {path.name} ({exc})")
            return None
        try:
            pages = []
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                pages.append(fold(textpage.get_text_range()))
                textpage.close()
                page.close()
            return pages
        finally:
            pdf.close()

    def bulk_records(self, xml_name: str) -> list[dict]:
        if self._bulk is None:
            self._bulk = {}
            path = self.root / BULK_JSONL
            if path.is_file():
                with path.open(encoding="utf-8") as fh:
                    for line in fh:
                        if line.strip():
                            rec = json.loads(line)
                            base = (rec.get("file") or "").rsplit("/", 1)[-1]
                            if base:
                                self._bulk.setdefault(base, []).append(rec)
        return self._bulk.get(xml_name, [])


def check_line(obj: object, corpus: Corpus) -> list[str]:
    """All problems with one gold record (empty list = good)."""
    errs: list[str] = []
    if not isinstance(obj, dict):
        return ["line is not a JSON object"]
    keys = set(obj)
    if keys != TOP_KEYS:
        missing, extra = TOP_KEYS - keys, keys - TOP_KEYS
        if missing:
            errs.append(f"missing keys: {', '.join(sorted(missing))}")
        if extra:
            errs.append(f"unknown keys: {', '.join(sorted(extra))}")
        if missing:
            return errs
    qid, question, answerable = obj["id"], obj["question"], obj["answerable"]
    expected, evidence, key_facts = obj["expected"], obj["evidence"], obj["key_facts"]
    kind, source = obj["kind"], obj["source"]
    if not isinstance(qid, str) or not ID_RE.match(qid):
        errs.append(f"id {qid!r} is not of the form q001")
    if not isinstance(question, str) or not question.strip():
        errs.append("question must be a non-empty string")
    if not isinstance(answerable, bool):
        errs.append("answerable must be true or false")
    if kind not in KINDS:
        errs.append(f"kind {kind!r} not in {', '.join(KINDS)}")
    if source not in SOURCES:
        errs.append(f"source {source!r} not in {', '.join(SOURCES)}")
    for name, value in (("expected", expected), ("evidence", evidence), ("key_facts", key_facts)):
        if not isinstance(value, list):
            errs.append(f"{name} must be a list")
    if errs:
        return errs
    split = obj["split"]
    if split not in SPLITS:
        errs.append(f"split {split!r} not in {', '.join(SPLITS)}")
    else:
        docs = [e["document"] for e in expected if isinstance(e, dict) and isinstance(e.get("document"), str)]
        rule = gold_split(qid, answerable, docs)
        if split != rule:
            errs.append(f"split {split!r} breaks the fixed split rule (hash of the first cited file name, "
                        f"or of the id when unanswerable): it must be {rule!r}")
    if not all(isinstance(e, str) and e.strip() for e in evidence):
        errs.append("evidence must be non-empty strings")
    if not all(isinstance(k, str) and k.strip() for k in key_facts):
        errs.append("key_facts must be non-empty strings")

    # answerable / kind / source consistency
    if kind == "unanswerable" or not answerable:
        if kind != "unanswerable":
            errs.append(f"answerable is false but kind is {kind!r}")
        if answerable:
            errs.append("kind 'unanswerable' but answerable is true")
        if expected or evidence or key_facts:
            errs.append("an unanswerable question must have empty expected, evidence and key_facts")
        return errs
    if not expected:
        errs.append("an answerable question needs at least one expected item")
    if not evidence:
        errs.append("an answerable question needs at least one evidence string")
    if not 1 <= len(key_facts) <= 3:
        errs.append(f"key_facts must hold 1-3 strings, has {len(key_facts)}")
    # kind "bulk" marks the original bulk-only questions; later bulk questions keep their real kind (paraphrase, …)
    if kind == "bulk" and source != "bulk":
        errs.append(f"kind {kind!r} does not fit source {source!r}")
    docs = {e.get("document") for e in expected if isinstance(e, dict)}
    if kind == "multi_doc" and len(docs) < 2:
        errs.append("multi_doc question must cite at least two documents")
    if errs:
        return errs

    # expected items and where each one's text lives
    locations: list[tuple[str, str | None]] = []  # (folded text, label) per expected item
    for i, item in enumerate(expected):
        where = f"expected[{i}]"
        if not isinstance(item, dict) or set(item) != EXPECTED_KEYS:
            errs.append(f"{where} must have exactly the keys {', '.join(sorted(EXPECTED_KEYS))}")
            locations.append(("", None))
            continue
        doc, sym, page, para = item["document"], item["symbol"], item["page"], item["paragraph"]
        if not isinstance(doc, str) or not doc or "/" in doc:
            errs.append(f"{where}.document must be a bare file name")
            locations.append(("", None))
            continue
        if not isinstance(sym, str) or not sym:
            errs.append(f"{where}.symbol must be a non-empty string")
        if para is not None and (not isinstance(para, str) or not PARAGRAPH_RE.match(para)):
            errs.append(f"{where}.paragraph {para!r} is not a printed paragraph number like '23' or '7 (c)'")
        if source == "pdf":
            if not doc.endswith(".pdf"):
                errs.append(f"{where}.document {doc!r} is not a PDF")
            if isinstance(page, bool) or not isinstance(page, int) or page < 1:
                errs.append(f"{where}.page must be a 1-based integer for a PDF, got {page!r}")
                locations.append(("", None))
                continue
            row = corpus.manifest.get(doc)
            if corpus.manifest and row is None:
                errs.append(f"{where}.document {doc} is not in MANIFEST.csv")
            elif row is not None and row.get("symbol") != sym:
                errs.append(f"{where}.symbol {sym!r} differs from MANIFEST.csv {row.get('symbol')!r}")
            pages = corpus.pdf_pages(doc)
            if pages is None:
                errs.append(f"{where}: cannot read {doc} in the corpus")
                locations.append(("", None))
            elif page > len(pages):
                errs.append(f"{where}.page {page} is beyond the last page ({len(pages)}) of {doc}")
                locations.append(("", None))
            else:
                locations.append((pages[page - 1], f"{doc} p.{page}"))
        else:
            if not doc.endswith(".xml"):
                errs.append(f"{where}.document {doc!r} is not an XML file name")
            if page is not None:
                errs.append(f"{where}.page must be null for a bulk record")
            recs = corpus.bulk_records(doc)
            if not recs:
                errs.append(f"{where}: no bulk record with file {doc}")
                locations.append(("", None))
                continue
            if all(r.get("symbol") != sym for r in recs):
                errs.append(f"{where}.symbol {sym!r} differs from the record ({recs[0].get('symbol')!r})")
            record_text = " \u2016 ".join(fold(r.get("text") or "") for r in recs)
            locations.append((record_text, f"{doc} (record text)"))

    # evidence on the cited page / record
    paired = len(evidence) == len(expected)
    for j, ev in enumerate(evidence):
        if "\ufffe" in ev:
            errs.append(f"evidence[{j}] contains the pdfium line-break mark U+FFFE")
        needle = fold(ev)
        candidates = [loc for loc in ([locations[j]] if paired else locations) if loc[1]]
        if not candidates:
            continue  # the cited location itself is wrong; already reported above
        if not any(needle in text for text, _ in candidates):
            where = candidates[0][1] if paired else "any cited page"
            errs.append(f"evidence[{j}] not found on {where}: {needle[:90]!r}")
    for k in key_facts:
        if not any(k in fold(ev) for ev in evidence):
            errs.append(f"key fact {k!r} does not occur in the evidence")
    return errs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Verify the briefbot gold set against the corpus.")
    ap.add_argument("--gold", type=Path, default=REPO_ROOT / "evals" / "gold.jsonl",
                    help="gold JSONL file (default: evals/gold.jsonl)")
    ap.add_argument("--corpus", type=Path, default=(REPO_ROOT / ".." / "shared" / "corpus"),
                    help="corpus directory with the PDFs, MANIFEST.csv and bulk/ (default: ../shared/corpus)")
    ap.add_argument("--raw", action="store_true",
                    help="compare against pypdfium2 raw page text even if briefbot.parse is importable")
    args = ap.parse_args(argv)

    if not args.corpus.is_dir():
        print(f"corpus directory not found: {args.corpus}")
        return 1
    try:
        lines = args.gold.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"cannot read {args.gold}: {exc}")
        return 1

    corpus = Corpus(args.corpus.resolve(), args.raw)
    seen: dict[str, int] = {}
    kinds: dict[str, int] = {}
    splits: dict[str, int] = {}
    total = failed = 0
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        total += 1
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"line {lineno}: invalid JSON ({exc.msg})")
            failed += 1
            continue
        errs = check_line(obj, corpus)
        qid = obj.get("id") if isinstance(obj, dict) else None
        if isinstance(qid, str):
            if qid in seen:
                errs.append(f"duplicate id (first on line {seen[qid]})")
            else:
                seen[qid] = lineno
        if isinstance(obj, dict) and obj.get("kind") in KINDS:
            kinds[obj["kind"]] = kinds.get(obj["kind"], 0) + 1
        if isinstance(obj, dict) and obj.get("split") in SPLITS:
            splits[obj["split"]] = splits.get(obj["split"], 0) + 1
        for e in errs:
            print(f"line {lineno} {qid or '?'}: {e}")
        if errs:
            failed += 1

    for note in corpus.notes:
        print(note)
    by_kind = ", ".join(f"{k} {kinds.get(k, 0)}" for k in KINDS)
    by_split = ", ".join(f"{s} {splits.get(s, 0)}" for s in SPLITS)
    print(f"{total} questions ({by_kind}; {by_split}); page text from {corpus.mode}")
    if total == 0:
        print("FAILED: no questions found")
        return 1
    if failed:
        print(f"FAILED: {failed} of {total} questions have problems")
        return 1
    print(f"OK: all {total} questions verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
