"""Prompt files: Markdown with ``## <section>`` headings and ``{placeholder}`` slots, checked when loaded.

Where they live: the package ships them in ``briefbot/prompts_data/`` (package data, so an installed wheel and a
source checkout read the same files through importlib.resources; the checkout's top-level ``prompts/`` is a
symlink to that folder, so there is one copy to edit). Setting ``prompts_dir`` points at a folder whose files
replace the packaged ones of the same name, for tuning a deployment without touching the install.

Only the placeholders a caller names are substituted; any other brace in the file stays as written, and values
are inserted verbatim (never re-read as a template), so document text cannot smuggle in a placeholder.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .config import Settings
from .errors import ConfigError

log = logging.getLogger(__name__)

_SECTION = re.compile(r"^##\s+(\w+)\s*$", re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class Prompt:
    name: str
    source: str  # where it was read from, for error messages and logs
    sections: dict[str, str]

    def render(self, section: str, **values: str) -> str:
        """The section with ``{name}`` replaced by ``values[name]``; other braces untouched."""
        text = self.sections[section]
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)] if m.group(1) in values else m.group(0), text)


def _read(name: str, settings: Settings | None) -> tuple[str, str]:
    file_name = f"{name}.md"
    if settings is not None and settings.prompts_dir is not None:
        folder = Path(settings.prompts_dir)
        if not folder.is_dir():
            raise ConfigError(f"prompts_dir {folder} is not a folder")
        override = folder / file_name
        if override.is_file():
            return override.read_text(encoding="utf-8"), str(override)
        log.debug("no %s in %s; using the packaged prompt", file_name, folder)
    packaged = resources.files("briefbot") / "prompts_data" / file_name
    try:
        return packaged.read_text(encoding="utf-8"), str(packaged)
    except OSError as exc:
        raise ConfigError(f"prompt file {file_name} not found in the package ({packaged})",
                          "reinstall briefbot or set prompts_dir to a folder holding it") from exc


def load_prompt(name: str, sections: dict[str, tuple[str, ...]], settings: Settings | None = None) -> Prompt:
    """Entry point: read ``<name>.md`` and check it has each section with the placeholders the code fills in.

    ``sections`` maps a section name to the placeholders it must contain, e.g. ``{"user": ("question",)}``.
    """
    raw, source = _read(name, settings)
    text = _COMMENT.sub("", raw)
    found: dict[str, str] = {}
    marks = list(_SECTION.finditer(text))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        found[m.group(1).lower()] = text[m.end():end].strip()
    for section, placeholders in sections.items():
        if not found.get(section):
            raise ConfigError(f"prompt file {source} has no '## {section}' section",
                              f"add it, or remove prompts_dir to use the packaged {name}.md")
        missing = [p for p in placeholders if "{" + p + "}" not in found[section]]
        if missing:
            names = ", ".join("{" + p + "}" for p in missing)
            raise ConfigError(f"prompt file {source}: section '{section}' lacks placeholder(s) {names}",
                              f"put them back, or remove prompts_dir to use the packaged {name}.md")
    return Prompt(name, source, found)
