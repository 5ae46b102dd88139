"""Track definitions: the editable ``briefbot/data/tracks.toml`` (format in its header), validated up front.

A typo in an edited file fails loudly with the file and key path, as the theme taxonomy does.
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

from ..errors import ConfigError


class TracksError(ConfigError):
    remedy = "fix the tracks file (see src/briefbot/data/tracks.toml for the format) or unset tracks_file"


@dataclass(slots=True)
class TrackDef:
    slug: str
    name: str
    label: str
    kind: str  # one of KINDS
    aliases: list[str]
    title: list[re.Pattern[str]]
    subject: list[re.Pattern[str]]
    text: list[re.Pattern[str]]
    exclude: list[re.Pattern[str]]
    stages: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    # How the track ended without a resolution ending it ("not renewed: …"); its last term running out is then
    # not a renewal missing from the data.
    lapsed: str | None = None
    # Terms the Council let run out while the track went on, by the resolution whose term it was: Sierra Leone's
    # diamond ban, last renewed by 1446 (2002) to June 2003, while the arms embargo ran to 1940 (2010). Such a term
    # is no renewal missing from the data; the sentence says what happened instead.
    ran_out: dict[int, str] = field(default_factory=dict)

    def names(self) -> list[str]:
        """Every name the CLI accepts for this track, lower-case."""
        return [self.slug, self.name.lower(), *self.aliases] + [s.lower() for s, _ in self.stages]


@dataclass(slots=True)
class TaggingConfig:
    themes: list[str]
    min_score: float
    theme_min_score: dict[str, float]
    # theme → regexes on operative wording that is the theme's own measure (an arms embargo imposed, extended,
    # narrowed or lifted): such a paragraph carries the theme by itself.
    decisions: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)

    def threshold(self, theme: str) -> float:
        return self.theme_min_score.get(theme, self.min_score)


@dataclass(slots=True)
class TrackBook:
    tracks: list[TrackDef]
    tagging: TaggingConfig
    source: str
    digest: str

    def find(self, name: str) -> TrackDef:
        """The track called ``name`` (slug, name, alias or stage, any case); KeyError lists what exists."""
        key = name.strip().lower()
        for t in self.tracks:
            if key in t.names():
                return t
        raise KeyError(name)


def _patterns(raw: Any, where: str, source: str) -> list[re.Pattern[str]]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(p, str) and p for p in raw):
        raise TracksError(f"{source}: {where}: expected a list of regular expressions")
    out = []
    for i, p in enumerate(raw):
        try:
            out.append(re.compile(p, re.I))
        except re.error as exc:
            raise TracksError(f"{source}: {where}[{i}]: invalid regular expression {p!r}: {exc}") from exc
    return out


# A peace operation, a sanctions regime, or an authorisation to Member States (piracy off Somalia, migrant smuggling
# off Libya) renewed for fixed periods.
KINDS = ("mission", "sanctions", "authorization")
_TRACK_KEYS = {"name", "label", "kind", "aliases", "title", "subject", "text", "exclude", "stages", "lapsed", "ran_out"}


def _track(slug: str, raw: Any, source: str) -> TrackDef:
    where = f"tracks.{slug}"
    if not isinstance(raw, dict):
        raise TracksError(f"{source}: {where}: expected a table")
    unknown = sorted(set(raw) - _TRACK_KEYS)
    if unknown:
        raise TracksError(f"{source}: {where}: unknown key(s) {', '.join(unknown)} "
                          f"(allowed: {', '.join(sorted(_TRACK_KEYS))})")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise TracksError(f"{source}: {where}: missing 'name'")
    kind = raw.get("kind", "mission")
    if kind not in KINDS:
        raise TracksError(f"{source}: {where}.kind: one of {', '.join(repr(k) for k in KINDS)}, not {kind!r}")
    stages: list[tuple[str, re.Pattern[str]]] = []
    for i, st in enumerate(raw.get("stages", [])):
        if not (isinstance(st, list) and len(st) == 2 and all(isinstance(x, str) for x in st)):
            raise TracksError(f"{source}: {where}.stages[{i}]: expected [\"NAME\", 'regex']")
        stages.append((st[0], _patterns([st[1]], f"{where}.stages[{i}]", source)[0]))
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise TracksError(f"{source}: {where}.aliases: expected a list of names")
    lapsed = raw.get("lapsed")
    if lapsed is not None and not (isinstance(lapsed, str) and lapsed.strip()):
        raise TracksError(f"{source}: {where}.lapsed: expected a sentence saying how the track ended")
    ran_out = raw.get("ran_out", {})
    if not isinstance(ran_out, dict) or not all(
            isinstance(k, str) and k.isdigit() and isinstance(v, str) and v.strip() for k, v in ran_out.items()):
        raise TracksError(f"{source}: {where}.ran_out: expected {{\"RESOLUTION NUMBER\" = \"what happened when its "
                          f"term ran out\"}}")
    t = TrackDef(slug=slug, name=name, label=str(raw.get("label", name)), kind=kind, lapsed=lapsed,
                 ran_out={int(k): v.strip() for k, v in ran_out.items()},
                 aliases=[a.lower() for a in aliases],
                 title=_patterns(raw.get("title"), f"{where}.title", source),
                 subject=_patterns(raw.get("subject"), f"{where}.subject", source),
                 text=_patterns(raw.get("text"), f"{where}.text", source),
                 exclude=_patterns(raw.get("exclude"), f"{where}.exclude", source), stages=stages)
    if not (t.title or t.subject or t.text):
        raise TracksError(f"{source}: {where}: no title, subject or text rule, so no resolution can join it")
    return t


def parse_tracks(text: str, source: str, known_themes: list[str] | None = None) -> TrackBook:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TracksError(f"{source}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"version", "tagging", "tracks"})
    if unknown:
        raise TracksError(f"{source}: top level: unknown key(s) {', '.join(unknown)}")
    tag = data.get("tagging", {})
    themes = tag.get("themes", [])
    if not isinstance(themes, list) or not themes:
        raise TracksError(f"{source}: tagging.themes: expected a non-empty list of theme slugs")
    if known_themes is not None:
        missing = [t for t in themes if t not in known_themes]
        if missing:
            raise TracksError(f"{source}: tagging.themes: {', '.join(missing)} not in the theme taxonomy "
                              f"({', '.join(known_themes)})")
    per_theme = tag.get("theme_min_score", {})
    try:
        tagging = TaggingConfig(list(themes), float(tag.get("min_score", 3.0)),
                                {str(k): float(v) for k, v in per_theme.items()})
    except (TypeError, ValueError, AttributeError) as exc:
        raise TracksError(f"{source}: tagging: scores must be numbers ({exc})") from exc
    decisions = tag.get("decisions", {})
    if not isinstance(decisions, dict):
        raise TracksError(f"{source}: tagging.decisions: expected a table of theme = [regexes]")
    for theme, raw in decisions.items():
        if theme not in themes:
            raise TracksError(f"{source}: tagging.decisions.{theme}: not one of tagging.themes")
        tagging.decisions[theme] = _patterns(raw, f"tagging.decisions.{theme}", source)
    raw_tracks = data.get("tracks")
    if not isinstance(raw_tracks, dict) or not raw_tracks:
        raise TracksError(f"{source}: no [tracks.SLUG] tables")
    tracks = [_track(slug, raw, source) for slug, raw in raw_tracks.items()]
    seen: dict[str, str] = {}
    for t in tracks:
        for n in t.names():
            if seen.get(n, t.slug) != t.slug:
                raise TracksError(f"{source}: the name {n!r} is used by tracks {seen[n]} and {t.slug}")
            seen[n] = t.slug
    return TrackBook(tracks, tagging, source, hashlib.sha256(text.encode()).hexdigest())


@lru_cache(maxsize=8)
def _load(path: str | None, mtime: float, themes: tuple[str, ...] | None) -> TrackBook:
    if path is None:
        text = resources.files("briefbot").joinpath("data").joinpath("tracks.toml").read_text(encoding="utf-8")
        source = "package:tracks.toml"
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise TracksError(f"cannot read tracks file {path}: {exc.strerror}") from exc
        source = path
    return parse_tracks(text, source, list(themes) if themes is not None else None)


def load_tracks(path: Path | None = None, known_themes: list[str] | None = None) -> TrackBook:
    """The packaged track definitions, or the file at ``path``; cached until the file changes."""
    themes = tuple(known_themes) if known_themes is not None else None
    if path is None:
        return _load(None, 0.0, themes)
    try:
        mtime = Path(path).stat().st_mtime
    except OSError as exc:
        raise TracksError(f"tracks file {path} does not exist: {exc.strerror}") from exc
    return _load(str(path), mtime, themes)
