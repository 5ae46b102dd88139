"""Run the gold set against one or more briefbot configurations and write the report.

A configuration is a preset name (``hybrid``, ``rrf``, ``dense``, ``lexical``) or ``name:key=value,...``
of Settings overrides (``rrf30:rrf_k=30``, ``small:chunk_max_tokens=128``). Settings that shape the index
(chunking, model) select another collection, which must have been ingested with the same settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .cite import quote_verbatim
from .config import Settings
from .errors import ConfigError, IndexMissingError
from .evaldata import select_split
from .evalreport import write_report
from .evaluate import EvalRun, load_dataset, run_eval
from .service import Briefbot

log = logging.getLogger(__name__)

# Named for what they run. "hybrid" is both retrievers with the configured fusion (weighted by default); a
# "weighted" preset was that same configuration again under a second name.
PRESETS: dict[str, dict[str, Any]] = {
    "hybrid": {"retrieval": "hybrid"},
    "rrf": {"retrieval": "hybrid", "fusion": "rrf"},
    "dense": {"retrieval": "dense"},
    "lexical": {"retrieval": "lexical"},
}


def parse_config(spec: str) -> tuple[str, dict[str, Any]]:
    name, _, rest = spec.partition(":")
    name = name.strip()
    if not rest:
        if name not in PRESETS:
            raise ConfigError(f"unknown configuration {spec!r}",
                              f"use one of {', '.join(PRESETS)} or NAME:key=value,...")
        return name, dict(PRESETS[name])
    overrides: dict[str, Any] = dict(PRESETS.get(name, {}))
    for pair in rest.split(","):
        key, eq, value = pair.partition("=")
        if not eq or key.strip() not in Settings.model_fields:
            raise ConfigError(f"bad setting {pair!r} in configuration {spec!r}",
                              "write NAME:key=value with keys from briefbot.toml")
        overrides[key.strip()] = value.strip()
    return name, overrides


def quote_checker(bot: Briefbot) -> Callable[[Mapping[str, Any]], bool]:
    def check(citation: Mapping[str, Any]) -> bool:
        return quote_verbatim(citation, bot.page_text)

    return check


def evaluate_configs(dataset_path: Path, settings: Settings, configs: Sequence[str], out: Path | None,
                     progress: Callable[[str, int, int], None] | None = None,
                     limit: int | None = None, split: str = "all") -> list[EvalRun]:
    """Entry point of the evaluate stage: one run per configuration, report written to ``out``.

    ``split`` picks the dev or test half of the gold set (see :func:`briefbot.evaldata.gold_split`).
    """
    dataset = select_split(load_dataset(dataset_path), split)
    if limit:
        dataset = dataset[:limit]
    runs: list[EvalRun] = []
    for spec in configs or ["hybrid"]:
        name, overrides = parse_config(spec)
        try:
            cfg = Settings.model_validate({**settings.model_dump(), **overrides})
        except ValueError as exc:
            raise ConfigError(f"invalid configuration {spec!r}: {str(exc).splitlines()[0]}") from exc
        try:
            bot = Briefbot(cfg)
        except IndexMissingError as exc:
            raise IndexMissingError(f"configuration {name!r} has no index ({exc.message})",
                                    "ingest the corpus with these settings first") from exc

        def answer(question: str, bot: Briefbot = bot) -> Mapping[str, Any]:
            return bot.ask(question).to_dict()

        def tick(done: int, total: int, name: str = name) -> None:
            if progress:
                progress(name, done, total)

        runs.append(run_eval(dataset, answer, quote_checker(bot), name, progress=tick,
                             meta={"overrides": overrides, "collection": cfg.collection_name(),
                                   "split": split}))
    if out is not None:
        write_report(runs, out)
    return runs
