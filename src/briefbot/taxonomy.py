"""The organised-crime theme taxonomy and the actor gazetteer: TOML data files that analysts edit.

The packaged files live in ``briefbot/data``; ``Settings.themes_file`` names a replacement taxonomy. Loading
validates everything up front (unknown keys, bad weights, regexes that do not compile) and names the file and
the key path in the error, so a typo in an edited file fails loudly instead of silently dropping a theme.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


class TaxonomyError(ConfigError):
    remedy = "fix the taxonomy file (see src/briefbot/data/themes.toml for the format) or unset themes_file"


@dataclass(slots=True)
class Term:
    pattern: str
    weight: float
    regex: re.Pattern[str]
    unless: re.Pattern[str] | None = None  # negative context for this term alone

    def finditer(self, text: str) -> list[re.Match[str]]:
        return list(self.regex.finditer(text))


@dataclass(slots=True)
class Theme:
    slug: str
    label: str
    terms: list[Term]
    negative: list[re.Pattern[str]] = field(default_factory=list)
    min_score: float | None = None
    description: str = ""
    parent: str | None = None  # set on subthemes
    subthemes: list[Theme] = field(default_factory=list)

    def all_terms(self) -> list[tuple[Term, str | None]]:
        """(term, subtheme slug or None): a subtheme's terms also count for its parent."""
        out: list[tuple[Term, str | None]] = [(t, None) for t in self.terms]
        for sub in self.subthemes:
            out.extend((t, sub.slug) for t in sub.terms)
        return out


@dataclass(slots=True)
class Scoring:
    min_score: float = 4.0  # evidence score a theme needs to be tagged
    length_ref_words: int = 4000  # documents longer than this need proportionally more evidence
    length_factor: float = 0.5  # ... by this much per doubling of length (shorter ones need less, ...
    short_floor: float = 0.75  # ... but never less than this fraction of min_score)
    footnote_weight: float = 0.5  # matches in footnotes count less (they mostly cite sources)
    sentence_cap: float = 6.0  # most one sentence can add to a theme
    min_strong: float = 3.0  # a tag needs one sentence scoring at least this (weak hints alone do not count)
    max_evidence: int = 5  # evidence paragraphs kept per theme
    list_themes: int = 3  # a sentence naming this many themes strongly is an enumeration ...
    list_weight: float = 0.4  # ... and counts this much (never as a tag's strong sentence)


@dataclass(slots=True)
class Taxonomy:
    themes: list[Theme]
    scoring: Scoring
    source: str  # file path or "package:briefbot/data/themes.toml"
    digest: str  # SHA-256 of the file bytes: triage results depend on it

    def theme(self, slug: str) -> Theme:
        for t in self.themes:
            if t.slug == slug:
                return t
        raise KeyError(slug)

    @property
    def slugs(self) -> list[str]:
        return [t.slug for t in self.themes]

    def label(self, slug: str) -> str:
        """A theme's name as an analyst reads it ("Arms trafficking and diversion"); anything else as given."""
        return next((t.label for t in self.themes if t.slug == slug), slug)


@dataclass(slots=True)
class Actor:
    name: str
    kind: str
    regex: re.Pattern[str]
    region: str = ""
    said: tuple[str, ...] = ()  # its name and aliases as written ("Rapid Support Forces", "RSF")


def _compile(pattern: str, where: str, source: str, case: bool = False) -> re.Pattern[str]:
    """Terms are regexes matched as whole words; case-insensitive unless ``case = true``."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise TaxonomyError(f"{source}: {where}: pattern must be a non-empty string")
    try:
        return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", 0 if case else re.I)
    except re.error as exc:
        raise TaxonomyError(f"{source}: {where}: invalid regular expression {pattern!r}: {exc}") from exc


def _check_keys(table: dict[str, Any], allowed: set[str], where: str, source: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise TaxonomyError(f"{source}: {where}: unknown key(s) {', '.join(unknown)} "
                            f"(allowed: {', '.join(sorted(allowed))})")


def _number(value: Any, where: str, source: str, positive: bool = True) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TaxonomyError(f"{source}: {where}: expected a number, got {value!r}")
    if positive and value <= 0:
        raise TaxonomyError(f"{source}: {where}: must be greater than 0, got {value!r}")
    return float(value)


def _terms(raw: Any, where: str, source: str) -> list[Term]:
    if not isinstance(raw, list):
        raise TaxonomyError(f"{source}: {where}: expected a list of terms")
    terms: list[Term] = []
    for i, item in enumerate(raw):
        at = f"{where}[{i}]"
        if isinstance(item, str):  # a bare phrase weighs 1
            terms.append(Term(item, 1.0, _compile(item, at, source)))
            continue
        if not isinstance(item, dict):
            raise TaxonomyError(f"{source}: {at}: a term is a string or {{ pattern = \"…\", weight = 2 }}")
        _check_keys(item, {"pattern", "weight", "case", "unless"}, at, source)
        if "pattern" not in item:
            raise TaxonomyError(f"{source}: {at}: missing 'pattern'")
        weight = _number(item.get("weight", 1.0), f"{at}.weight", source)
        unless = item.get("unless")
        unless_re = None
        if unless is not None:
            try:
                unless_re = re.compile(unless, re.I)
            except (re.error, TypeError) as exc:
                raise TaxonomyError(f"{source}: {at}.unless: invalid regular expression {unless!r}: {exc}") from exc
        terms.append(Term(item["pattern"], weight, _compile(item["pattern"], f"{at}.pattern", source,
                                                            bool(item.get("case", False))), unless_re))
    return terms


def _negatives(raw: Any, where: str, source: str) -> list[re.Pattern[str]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise TaxonomyError(f"{source}: {where}: expected a list of patterns")
    return [_compile(p, f"{where}[{i}]", source) for i, p in enumerate(raw)]


_THEME_KEYS = {"label", "description", "terms", "negative", "min_score", "subthemes"}


def _theme(slug: str, raw: Any, source: str, parent: str | None = None) -> Theme:
    where = f"themes.{parent + '.subthemes.' if parent else ''}{slug}"
    if not re.fullmatch(r"[a-z][a-z0-9_]*", slug):
        raise TaxonomyError(f"{source}: {where}: a slug is lower-case letters, digits and underscores")
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{source}: {where}: expected a table")
    _check_keys(raw, _THEME_KEYS - ({"subthemes"} if parent else set()), where, source)
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        raise TaxonomyError(f"{source}: {where}: missing 'label'")
    subs_raw = raw.get("subthemes", {})
    if not isinstance(subs_raw, dict):
        raise TaxonomyError(f"{source}: {where}.subthemes: expected tables [themes.{slug}.subthemes.NAME]")
    theme = Theme(slug=slug, label=label, terms=_terms(raw.get("terms", []), f"{where}.terms", source),
                  negative=_negatives(raw.get("negative"), f"{where}.negative", source),
                  min_score=_number(raw["min_score"], f"{where}.min_score", source) if "min_score" in raw else None,
                  description=str(raw.get("description", "")), parent=parent)
    theme.subthemes = [_theme(s, r, source, parent=slug) for s, r in subs_raw.items()]
    if not theme.terms and not theme.subthemes:
        raise TaxonomyError(f"{source}: {where}: no terms")
    return theme


def parse_taxonomy(text: str, source: str) -> Taxonomy:
    """Validate a taxonomy given as TOML text; ``source`` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{source}: not valid TOML: {exc}") from exc
    _check_keys(data, {"version", "scoring", "themes"}, "top level", source)
    scoring = Scoring()
    raw_scoring = data.get("scoring", {})
    if not isinstance(raw_scoring, dict):
        raise TaxonomyError(f"{source}: scoring: expected a table")
    _check_keys(raw_scoring, set(Scoring.__slots__), "scoring", source)
    for key, value in raw_scoring.items():
        number = _number(value, f"scoring.{key}", source)
        setattr(scoring, key, int(number) if key in ("max_evidence", "length_ref_words", "list_themes") else number)
    themes_raw = data.get("themes")
    if not isinstance(themes_raw, dict) or not themes_raw:
        raise TaxonomyError(f"{source}: no [themes.SLUG] tables")
    themes = [_theme(slug, raw, source) for slug, raw in themes_raw.items()]
    return Taxonomy(themes, scoring, source, hashlib.sha256(text.encode()).hexdigest())


def _packaged(name: str) -> tuple[str, str]:
    return resources.files("briefbot").joinpath("data").joinpath(name).read_text(encoding="utf-8"), f"package:{name}"


@lru_cache(maxsize=8)
def _load_cached(path: str | None, mtime: float) -> Taxonomy:
    if path is None:
        text, source = _packaged("themes.toml")
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise TaxonomyError(f"cannot read themes_file {path}: {exc.strerror}") from exc
        source = path
    return parse_taxonomy(text, source)


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The packaged taxonomy, or the file at ``path`` (Settings.themes_file); cached until the file changes."""
    if path is None:
        return _load_cached(None, 0.0)
    try:
        mtime = Path(path).stat().st_mtime
    except OSError as exc:
        raise TaxonomyError(f"themes_file {path} does not exist: {exc.strerror}") from exc
    return _load_cached(str(path), mtime)


@lru_cache(maxsize=1)
def load_actors() -> list[Actor]:
    """The gazetteer of armed groups, gangs and other actors (``briefbot/data/actors.toml``)."""
    text, source = _packaged("actors.toml")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{source}: not valid TOML: {exc}") from exc
    actors: list[Actor] = []
    for i, raw in enumerate(data.get("actor", [])):
        where = f"actor[{i}]"
        _check_keys(raw, {"name", "kind", "aliases", "region", "case"}, where, source)
        name = raw.get("name")
        if not isinstance(name, str):
            raise TaxonomyError(f"{source}: {where}: missing 'name'")
        aliases = [re.escape(name), *raw.get("aliases", [])]
        actors.append(Actor(name, str(raw.get("kind", "armed group")),
                            _compile("|".join(aliases), where, source, bool(raw.get("case", True))),
                            str(raw.get("region", "")), (name, *raw.get("aliases", []))))
    return actors


@lru_cache(maxsize=1)
def _named_actors() -> tuple[Actor, ...]:
    # Names said two or three ways, each plain words: "Sudan Liberation Army" has six factions' aliases, which are
    # not one another.
    return tuple(a for a in load_actors()
                 if 1 < len(a.said) <= 3 and all(re.fullmatch(r"[\w/ '’-]+", n) for n in a.said))


def other_names(question: str) -> list[str]:
    """The other names of the actors ``question`` names: "RSF" for "the Rapid Support Forces", and back (a Panel's
    report spells a name out once and uses its acronym after; a browser walk's question on "the Rapid Support
    Forces" and gold never reached the paragraph on gold sold to the RSF)."""
    out: list[str] = []
    for actor in _named_actors():
        acronyms = [n for n in actor.said if _ACRONYM.fullmatch(n)]
        if not acronyms or not actor.regex.search(question):
            continue  # only a name and its acronym: spellings ("Al-Qaeda") and descriptions are not added
        said = [n for n in actor.said if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", question, re.I)]
        out += [n for n in actor.said if n not in said and (n in acronyms) != any(a in said for a in acronyms)]
    return out


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")


def theme_hits(theme: Theme, text: str, terms: list[tuple[Term, str | None]] | None = None,
               negatives: bool = True) -> list[tuple[Term, str | None, re.Match[str]]]:
    """(term, subtheme, first match) of every term of ``theme`` found in ``text``, after negative context.

    The scoring rules of the themes.toml header: a theme negative or a term's ``unless`` in the same text
    cancels the match. Used on one sentence at a time; ``terms`` limits the search to some of the theme's terms
    (those a caller's cheaper pre-check left possible). ``negatives=False`` ignores the theme's negatives: a
    crime the sentence names still makes it a list even when the context rules it out as evidence.
    """
    if negatives and any(neg.search(text) for neg in theme.negative):
        return []
    out: list[tuple[Term, str | None, re.Match[str]]] = []
    for term, sub in theme.all_terms() if terms is None else terms:
        m = term.regex.search(text)
        if m is not None and not (term.unless is not None and term.unless.search(text)):
            out.append((term, sub, m))
    return out


def named_items(taxonomy: Taxonomy, text: str, strong: float = 3.0) -> int:
    """How many themes a sentence names strongly (a term of weight >= ``strong``), before the themes' negative
    context: "terrorism, illicit drugs, money-laundering, illegal arms-trafficking and illegal movement of nuclear
    … materials" is a list of threats even though "nuclear" rules it out as arms-trafficking evidence.

    One phrase that two themes' terms match alike is one item: "the arms embargo" names arms trafficking and the
    sanctions measures with the same words, so "violations of the arms embargo … and the import of diamonds not
    controlled by the certificate of origin scheme" names two things, not three. Only a theme whose strong matches
    are exactly another's is skipped (every match of each term, so "the arms embargo, the asset freeze and the
    travel ban" are the measures' own words too), which does not depend on the themes' order."""
    counted: set[frozenset[tuple[int, int]]] = set()
    for theme in taxonomy.themes:
        spans = frozenset(m.span() for term, _, _ in theme_hits(theme, text, negatives=False)
                          if term.weight >= strong for m in term.regex.finditer(text))
        if spans:
            counted.add(spans)
    return len(counted)


def sentence_score(weights: list[float], cap: float) -> float:
    """A sentence's evidence for one theme: its best term's weight plus half of the others', at most ``cap``."""
    ordered = sorted(weights, reverse=True)
    return min(cap, ordered[0] + 0.5 * sum(ordered[1:])) if ordered else 0.0


# How a theme's evidence in a document is spread out (briefbot.triage.theme_features computes them): what a
# decision layer over the rules would read. evals/fit_theme_decision.py measured one on dev (README: not kept).
THEME_FEATURES = ("ratio", "best", "sentences", "paragraphs", "numbered", "listed", "footnoted", "words",
                  "resolution", "rule")
