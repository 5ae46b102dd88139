"""Text from documents, readers and models inside Markdown: the one home for escaping it.

Two readers, two strengths. The chat shows text literally (:func:`md_text`: every character Markdown or HTML
would read is escaped, so our own bold and notes are the only markup in a message). A brief that an analyst
saves or forwards (:func:`md_safe`, :func:`md_cell` in a table) is also read as plain text, so only what could run
is escaped: HTML (an ``<img src=…>`` in a quote would be fetched by whatever renders it) and the syntax that makes
brackets a link or an image; ``para. 3 (a)`` stays as written.
"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$:=^])")
# What makes brackets a link or an image: "![", "](", "][" and a reference definition's "]:".
_LINK_SYNTAX = re.compile(r"!\[|\]\(|\]\[|\]:")


def md_text(text: str) -> str:
    """``text`` as literal Markdown: HTML escaped, Markdown punctuation backslash-escaped (``http\\://`` is no
    autolink, ``\\!\\[b\\]`` no image), line breaks kept."""
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return "  \n".join(escaped.splitlines())


def md_safe(text: str) -> str:
    """``text`` inside a Markdown brief, shown as written and never run: HTML escaped, and the syntax of links and
    images (``![y](http://…)``, ``[1]: http://…``); other punctuation is left alone for plain-text readers."""
    return _LINK_SYNTAX.sub(lambda m: m.group(0)[0] + "\\" + m.group(0)[1],
                            html.escape(text, quote=False).replace("\\", "\\\\"))


def md_cell(text: str) -> str:
    """``text`` as :func:`md_safe`, on one line, in a Markdown table cell (a ``|`` would end the cell)."""
    return " ".join(md_safe(text).replace("|", "\\|").splitlines())  # "\r" ends a table row too
