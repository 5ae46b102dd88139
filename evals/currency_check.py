#!/usr/bin/env python3
"""Currency check: does the answer to "Until when is … extended/renewed?" lead with the regime's or mission's
current decision and state its term?

    python evals/currency_check.py --index IDX [--dataset evals/currency.jsonl]

Each line of the dataset names the decision in force on the full-corpus index (103 PDFs + the Council XML) as
read in the resolutions themselves: its symbol, paragraph and term. A question passes when the answer's first
citation is that paragraph and its direct line is that term; a line with ``"abstain": true`` asks about a place
the Council set no such body up for, or about measures no decision sets a term for, and passes when the answer
abstains. These questions were written while
fixing currency (the fourth to eighth rounds of issue #11), so this is a regression check, not a held-out result.

``--dataset evals/decisions.jsonl`` checks the same way which decision imposed, lifted or ended measures or a
mission, and when a resolution was adopted (the eighth round): the "term" is then the direct line (a symbol, a
date, a meeting), and ``"symbol": null`` accepts any passage (a decision older than the documents, which later
ones name).

``--dataset evals/names.jsonl`` checks who / which / where lines (the nineteenth round): the "term" is the name
the quotes give (``"symbol": null``: any passage), and a line with ``"no_line": true`` asks something its closest
quotes name no answer to, and passes when the answer bolds nothing (quotes alone, or an abstention): a bold name
there is a wrong one.

``--dataset evals/lines.jsonl`` checks the direct lines of figures, dates and names of the twentieth round's fresh
analyst questions (read from S/2025/342, /420, /482, /496, /504 and the 2025-2026 Council resolutions), with their
near misses and off-topic questions: same rules. Written before the round's fixes but the fixes were made after
reading their answers, so, like the rest, a regression check.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--dataset", type=Path, default=Path(__file__).with_name("currency.jsonl"))
    args = parser.parse_args()
    from briefbot.config import Settings
    from briefbot.service import Briefbot

    bot = Briefbot(Settings(index=args.index))
    rows = [json.loads(line) for line in args.dataset.read_text(encoding="utf-8").splitlines() if line.strip()]
    passed = 0
    for row in rows:
        answer = bot.ask(row["question"])
        if row.get("abstain"):
            # A place for which the Council never set up what is asked: no other place's renewal answers it.
            passed += answer.abstained
            sys.stdout.write(f"{'ok  ' if answer.abstained else 'MISS'} {row['question']}\n     "
                             + (answer.answer.splitlines()[0] if answer.abstained else
                                f"answered {answer.answer.splitlines()[0][:120]}; want an abstention") + "\n")
            continue
        first = answer.citations[0] if answer.citations and not answer.abstained else None
        direct = answer.answer.split("**")[1] if answer.answer.startswith("**") else ""
        if row.get("no_line"):
            passed += not direct
            sys.stdout.write(f"{'ok  ' if not direct else 'MISS'} {row['question']}\n     "
                             + (f"bolded {direct}; want no line" if direct else
                                "abstained" if answer.abstained else "no line") + "\n")
            continue
        # "symbol": null: any passage may carry the answer (a decision older than the documents, named by many).
        ok = (first is not None and row["symbol"] in (None, first.symbol)
              and (row["symbol"] is None or first.paragraph == row["paragraph"]) and direct == row["term"])
        passed += ok
        got = f"{first.symbol} para. {first.paragraph}: {direct or '(no direct line)'}" if first else "abstained"
        sys.stdout.write(f"{'ok  ' if ok else 'MISS'} {row['question']}\n     {got}"
                         + ("" if ok else f"\n     want {row['symbol']} para. {row['paragraph']}: {row['term']}")
                         + "\n")
    sys.stdout.write(f"\n{passed}/{len(rows)} lead with the expected decision and state its answer, or abstain\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
