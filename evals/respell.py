"""Write the gold questions that have words spelt otherwise outside the UN, respelt: British "-ise" ("organised",
"authorisations") and American "-or", "-er", "-ense", "-m" ("labor", "center", "defense", "program").

The gold set is written in the documents' own (Oxford) spelling, so it never measures a reader who spells their own
way. The respelt questions keep their ids, split, expected citations and key facts, so that

    python evals/respell.py --gold evals/gold.jsonl --out RESPELT.jsonl
    briefbot eval --dataset RESPELT.jsonl --index IDX --split dev

compares with the same questions of ``briefbot eval --dataset evals/gold.jsonl``. Only questions with a word to
respell are written (their count is logged). A word is respelt to a form :func:`briefbot.spelling.un_word` reads
back as it, so the set covers the variants the code knows, not every spelling a reader may use.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from briefbot.spelling import reader_word, respelt

log = logging.getLogger("respell")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    written = 0
    with args.gold.open(encoding="utf-8") as src, args.out.open("w", encoding="utf-8") as out:
        for line in src:
            if not line.strip():
                continue
            row = json.loads(line)
            other = respelt(row["question"], reader_word)
            if other != row["question"]:
                out.write(json.dumps({**row, "question": other}, ensure_ascii=False) + "\n")
                written += 1
    log.info("%d questions respelt into %s", written, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
