"""Triage quality on the shared corpus: document type and symbol against MANIFEST.csv, theme tags against the
human labels (evals/themes.csv for the 103 PDFs, evals/themes_bulk.csv for Council resolutions from the bulk XML),
per split and per theme, and where off-theme distractors rank.

    briefbot ingest ../shared/corpus/*.pdf <the bulk XML files named in themes_bulk.csv> --index /tmp/triage_idx
    python evals/triage_quality.py --index /tmp/triage_idx [--themes my_themes.toml] [--split dev] [--verbose]

Split (fixed before any rule was tuned, see evals/README.md): a labelled document is in ``test`` when the SHA-1 of
its file name, read as a number, is odd, otherwise in ``dev``. Rules are tuned on dev only; test is the held-back
figure. Cards are built from the index exactly as `briefbot triage` builds them (without summaries). Files the
index does not hold (the parser refused them, or the bulk XML was not ingested) count as misses for type and
symbol, and as untagged for themes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from briefbot.config import load_settings
from briefbot.errors import NotFoundError
from briefbot.store import open_store
from briefbot.symbols import symbols_match
from briefbot.taxonomy import load_taxonomy
from briefbot.triage import TriageCard, read_document, triage_document

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT.parent / "shared" / "corpus" / "MANIFEST.csv"  # ../shared beside the checkout
LABELS = [ROOT / "evals" / "themes.csv", ROOT / "evals" / "themes_bulk.csv"]
SPLITS = ("dev", "test")
TYPE_MAP = {"panel_of_experts_report": "panel_report", "letter": "other"}
# Off-theme documents that share vocabulary with on-theme ones (weapons, smuggling, corruption): Lebanon/UNIFIL,
# Kosovo/UNMIK, Cyprus/UNFICYP and the OPCW chemical-weapons reports.
DISTRACTORS = {"S_2025_153.pdf": "Lebanon", "S_2025_200.pdf": "Kosovo", "S_RES_2771_2025.pdf": "Cyprus",
               "S_2025_63.pdf": "chemical weapons", "S_2025_330.pdf": "chemical weapons"}

# Cards the issue named as reading wrong (#17): a Libya report on unissued banknotes and money laundering, and the
# Sudan Panel of Experts report that mentions MINUSCA in passing.
WATCH = {"S_2025_509.pdf": "UNSMIL, illicit finance", "S_2025_239.pdf": "Sudan Panel of Experts"}


def split_of(file_name: str) -> str:
    """The fixed dev/test split by document: SHA-1 of the file name, odd → test."""
    return "test" if int(hashlib.sha1(file_name.encode("utf-8")).hexdigest(), 16) % 2 else "dev"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def theme_report(labels: dict[str, dict[str, str]], cards: dict[str, TriageCard], slugs: list[str], title: str,
                 verbose: bool) -> dict[str, tuple[float, float, float]]:
    """Per-theme and micro/macro precision, recall, F1 of the tags against the labels; returns them by theme."""
    per: dict[str, list[int]] = {s: [0, 0, 0] for s in slugs}
    doc_tp = doc_fp = doc_fn = 0
    errors: list[str] = []
    for name, row in labels.items():
        gold = {t for t in row["themes"].split(";") if t}
        card = cards.get(name)
        got = {t.slug for t in card.tagged} if card else set()
        for s in slugs:
            if s in got and s in gold:
                per[s][0] += 1
            elif s in got:
                per[s][1] += 1
            elif s in gold:
                per[s][2] += 1
        on_gold, on_got = row["on_theme"] == "1", bool(got)
        doc_tp += on_gold and on_got
        doc_fp += on_got and not on_gold
        doc_fn += on_gold and not on_got
        if got != gold:
            errors.append(f"  {name}: +{sorted(got - gold)} -{sorted(gold - got)}"
                          f"{'' if card else ' (not in the index)'}")
    missing = sum(1 for n in labels if n not in cards)
    print(f"\nTheme tags, split {title}: {len(labels)} documents"
          f"{f', {missing} not in the index' if missing else ''}")
    print(f"{'theme':<28} {'gold':>4} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}")
    tot = [0, 0, 0]
    out: dict[str, tuple[float, float, float]] = {}
    for s in slugs:
        tp, fp, fn = per[s]
        tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
        p, r, f = out[s] = prf(tp, fp, fn)
        print(f"{s:<28} {tp + fn:>4} {tp:>4} {fp:>4} {fn:>4} {p:>6.2f} {r:>6.2f} {f:>6.2f}")
    p, r, f = out["micro"] = prf(*tot)
    print(f"{'micro-average':<28} {tot[0] + tot[2]:>4} {tot[0]:>4} {tot[1]:>4} {tot[2]:>4} "
          f"{p:>6.2f} {r:>6.2f} {f:>6.2f}")
    macro = [out[s] for s in slugs]
    print(f"{'macro-average':<28} {'':>4} {'':>4} {'':>4} {'':>4} {sum(m[0] for m in macro) / len(macro):>6.2f} "
          f"{sum(m[1] for m in macro) / len(macro):>6.2f} {sum(m[2] for m in macro) / len(macro):>6.2f}")
    low = [s for s in slugs if per[s][0] + per[s][2] and out[s][1] < 0.75]
    print(f"themes below 0.75 recall: {', '.join(low) or 'none'}")
    p, r, f = prf(doc_tp, doc_fp, doc_fn)
    print(f"On-theme documents (any tag): precision {p:.2f}, recall {r:.2f}, F1 {f:.2f} "
          f"(tp {doc_tp}, fp {doc_fp}, fn {doc_fn})")
    if verbose:
        print("Disagreements (+ extra tag, - missed tag):")
        print("\n".join(errors))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, action="append", default=None,
                    help="index directory (repeatable: a document is read from the first index holding it)")
    ap.add_argument("--themes", type=Path, default=None, help="taxonomy file (default: the packaged one)")
    ap.add_argument("--manifest", type=Path, default=MANIFEST)
    ap.add_argument("--labels", type=Path, action="append", default=None,
                    help="label CSV (repeatable; default: evals/themes.csv and evals/themes_bulk.csv)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all",
                    help="which split's theme figures to print (all: dev, test and both together)")
    ap.add_argument("--today", default="2025-09-01", help="reference date for recency (fixed for repeatability)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every disagreement")
    ap.add_argument("--indexed-only", action="store_true",
                    help="score only labelled documents the index holds (while an index is still being built)")
    args = ap.parse_args()

    stores = [open_store(load_settings(index=i)) for i in args.index or [Path("/tmp/triage_idx")]]
    taxonomy = load_taxonomy(args.themes)
    today = date.fromisoformat(args.today)
    manifest = {r["file"]: r for r in csv.DictReader(args.manifest.open(encoding="utf-8"))}
    label_files: list[Path] = args.labels or LABELS
    labels = {r["file"]: r for path in label_files for r in csv.DictReader(path.open(encoding="utf-8"))}

    cards: dict[str, TriageCard] = {}
    for name in dict.fromkeys([*manifest, *labels]):
        for store in stores:
            try:
                info = store.document(name)
            except NotFoundError:
                continue
            cards[name] = triage_document(store, info, taxonomy, today=today, doc=read_document(store, info))
            break

    # --- type and symbol ---------------------------------------------------------------------------------------
    type_ok = sym_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    wrong: list[str] = []
    for name, row in manifest.items():
        want_type = TYPE_MAP.get(row["doc_type"], row["doc_type"])
        want_sym = re.sub(r"\s*\(filed as [^)]*\)|\s*\(not retrieved\)", "", row["symbol"]).strip()
        card = cards.get(name)
        got_type = TYPE_MAP.get(card.doc_type, card.doc_type) if card else "(not indexed)"
        got_sym = card.symbol if card else None
        confusion[(want_type, got_type)] += 1
        type_ok += got_type == want_type
        sym_ok += symbols_match(got_sym, want_sym)
        if got_type != want_type or not symbols_match(got_sym, want_sym):
            wrong.append(f"  {name}: type {got_type} (want {want_type}); symbol {got_sym} (want {want_sym})")
    n = len(manifest)
    print(f"Documents: {n} in MANIFEST, {len(cards)} indexed")
    print(f"Type accuracy:   {type_ok}/{n} = {type_ok / n:.1%}   (letter counted as other)")
    print(f"Symbol accuracy: {sym_ok}/{n} = {sym_ok / n:.1%}")
    print("Type confusion (want → got: count): " + ", ".join(
        f"{w}→{g}: {c}" for (w, g), c in sorted(confusion.items()) if w != g))
    if args.verbose:
        print("\n".join(wrong))

    # --- themes ------------------------------------------------------------------------------------------------
    splits = [*SPLITS, "all"] if args.split == "all" else [args.split]
    for split in splits:
        chosen = {n: r for n, r in labels.items() if (split == "all" or split_of(n) == split)
                  and (n in cards or not args.indexed_only)}
        theme_report(chosen, cards, taxonomy.slugs, f"{split} ({', '.join(p.name for p in label_files)})",
                     args.verbose and split != "all")

    # --- ranking -----------------------------------------------------------------------------------------------
    # Ranked among the corpus PDFs, as a batch of the 103 would be.
    ranked = sorted((c for n, c in cards.items() if n in manifest),
                    key=lambda c: (-c.priority, c.symbol or c.file_name))
    position = {c.file_name: i for i, c in enumerate(ranked, start=1)}
    on = {name for name, row in labels.items() if row["on_theme"] == "1"}
    print(f"\nPriority ranking of {len(ranked)} documents (reference date {today}):")
    print("  top 10: " + ", ".join(f"{c.symbol or c.file_name} ({c.priority:.0f})" for c in ranked[:10]))
    for name, what in WATCH.items():
        card = cards.get(name)
        if card:
            print(f"  {what:<28} {card.symbol:<14} rank {position[name]:>3}/{len(ranked)} "
                  f"priority {card.priority:.0f} themes {[t.slug for t in card.tagged]} missions {card.missions}")
    for name, what in DISTRACTORS.items():
        card = cards.get(name)
        if card:
            print(f"  distractor {what:<17} {card.symbol:<14} rank {position[name]:>3}/{len(ranked)} "
                  f"priority {card.priority:.0f} themes {[t.slug for t in card.tagged]}")
    off_ranks = [position[n] for n in position if n not in on]
    on_ranks = [position[n] for n in position if n in on]
    if on_ranks and off_ranks:
        above = sum(1 for a in on_ranks for b in off_ranks if a < b) / (len(on_ranks) * len(off_ranks))
        print(f"  on-theme ranked above off-theme (pairwise AUC): {above:.3f}; "
              f"highest off-theme document at rank {min(off_ranks)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
