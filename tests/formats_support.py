"""Real input files of every non-PDF format (and an image-only PDF), written at test time with the libraries that
make such files: python-docx for Word, PIL for a scanned page. The web page is a committed fixture
(tests/fixtures/web/), since its point is the boilerplate a real site wraps round an article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import FIXTURES

WEB_PAGE = FIXTURES / "web" / "sahel_gold_briefing.html"
# Every piece of boilerplate on that page (navigation, cookie banner, "Most read", related, newsletter, footer).
WEB_BOILERPLATE = ["We use cookies", "Accept all cookies", "Subscribe to our newsletter", "Search the Review",
                   "Most read", "Five things to know about cocaine routes", "Why the charcoal ban in Somalia failed",
                   "Related articles", "Mercury, mining and militias", "Sign up to our weekly newsletter",
                   "inbox every Friday", "About us", "Privacy policy", "All rights reserved", "Share this article",
                   "Americas"]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


def write_docx(path: Path) -> Path:
    """A short Word analysis: title, author and date in its properties, numbered headings, a table."""
    import docx

    doc = docx.Document()
    props = doc.core_properties
    props.title = "Charcoal, sugar and the Shabaab economy"
    props.author = "Hodan Warsame; Peter Lind"
    props.created = dt.datetime(2023, 5, 9, 10, 0)
    # The organisation goes where Word keeps it: docProps/app.xml's Company (python-docx has no API for it).
    app = next(p for p in doc.part.package.iter_parts() if str(p.partname) == "/docProps/app.xml")
    app._blob = app.blob.replace(b"<Company/>", b"<Company>Horn Economic Observatory</Company>")
    doc.add_paragraph("Charcoal, sugar and the Shabaab economy", style="Title")
    doc.add_paragraph("Al-Shabaab still earns more from taxing trade than from any other source, three years "
                      "after the Security Council tightened the charcoal ban.")
    doc.add_heading("I. Revenue", level=1)
    doc.add_heading("A. Checkpoints", level=2)
    note = doc.add_paragraph("Drivers told us that the group charges about 400 dollars per truck of sugar at the "
                             "checkpoints on the road from Kismaayo to Jilib.")
    doc.add_heading("B. Charcoal exports", level=2)
    doc.add_paragraph("Charcoal still leaves the southern ports in dhows bound for the Gulf, relabelled as "
                      "produce of a neighbouring country.")
    table = doc.add_table(rows=2, cols=2)
    for row, (a, b) in zip(table.rows, [("Source", "Estimated annual revenue"), ("Checkpoints", "24 million "
                                                                                 "dollars")], strict=True):
        row.cells[0].text, row.cells[1].text = a, b
    add_footnote(doc, note.add_run(), "1", "Interviews with truck drivers in Kismaayo, January 2023.")
    doc.add_heading("II. Recommendations", level=1)
    doc.add_paragraph("Maritime interdiction should be paired with support for alternative livelihoods for "
                      "charcoal burners.")
    doc.save(str(path))
    return path


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def add_footnote(doc: Any, run: Any, number: str, text: str, doctype: str = "") -> None:
    """A real footnote as Word writes one (python-docx cannot): a footnotes part with separator and note, related
    to the document, and a reference mark in the run."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    blob = (f'{doctype}<w:footnotes xmlns:w="{_W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
            f'</w:r></w:p></w:footnote><w:footnote w:id="{number}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            "</w:footnote></w:footnotes>").encode()
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", blob,
                doc.part.package)
    doc.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes")
    run._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{_W}" w:id="{number}"/>'))


MARKDOWN = """---
title: Cocaine through the Sahel
author: Marie Keita
publisher: Sahel Security Monitor
date: 2022-11-03
---

# Cocaine through the Sahel

Cocaine shipped from South America reaches the Sahel through the ports of Guinea-Bissau.[^1]

## 1. Routes

Traffickers move the drug north in **convoys** of pick-up trucks escorted by armed men, paying each
[armed group](https://example.org/groups) along the way for safe passage.

- Seizures in Niger rose fourfold between 2019 and 2021.
- Most seizures were made on the road to Agadez.

[^1]: Interviews with port officials in Bissau, March 2022.
"""

TEXT = """Notes from the field mission to Bunia

Background

Gold from artisanal mines in Ituri is smuggled across the border to Uganda, where it is declared as Ugandan
gold before export.

Armed groups

The CODECO militia controls at least twelve mining sites north of Bunia and taxes every digger who works there.
"""


def write_markdown(path: Path) -> Path:
    path.write_text(MARKDOWN, encoding="utf-8")
    return path


def write_text(path: Path) -> Path:
    path.write_text(TEXT, encoding="utf-8")
    return path


SCAN_LINES = ["Note by the Secretariat", "",
              "The Committee on illicit trafficking met in Geneva on 12 March.",
              "It found that smugglers moved 300 tonnes of",
              "mercury through the port of Lome in one year.", "",
              "The Committee asked the Secretariat to report again next year."]


def write_image_pdf(path: Path, lines: list[str] = SCAN_LINES) -> Path:
    """A one-page PDF holding only a picture of typed text (no text layer), like a scanner makes."""
    from PIL import Image, ImageDraw, ImageFont

    dpi = 200
    image = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 36)
    y = 250
    for line in lines:
        if line:
            draw.text((200, y), line, fill=0, font=font)
        y += 60 if line else 40
    image.save(str(path), "PDF", resolution=float(dpi))
    return path
