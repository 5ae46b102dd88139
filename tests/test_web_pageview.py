"""The page viewer in Debian Chromium: a citation over a page break opens both pages, each with its part
highlighted; previous/next page and zoom work; no error toast or badge at any step.

The app is the session's real app over ingest/samples (web_support). Paragraph 1 of S/RES/2781 (2025) runs from
page 4 onto page 5 of its PDF.
"""

from __future__ import annotations

import re
from typing import Any

from briefbot.service import Briefbot
from web_support import ARTIFACTS, BROWSER_MARKS, ask, assert_no_errors

QUESTION = "Until when did resolution 2781 (2025) renew the arms embargo on South Sudan?"

pytestmark = BROWSER_MARKS

# The shown page image: its natural and displayed sizes, and how many pixel rows in its top and bottom halves
# carry the highlight yellow (read back through a canvas; the image is served by the app itself).
IMAGE_JS = """async () => {
  const img = document.querySelector('#page-image img');
  if (!img) return null;
  if (!img.complete || !img.naturalWidth) await new Promise(r => { img.onload = r; setTimeout(r, 10000); });
  const c = document.createElement('canvas');
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext('2d');
  g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data;
  let top = 0, bottom = 0;
  for (let y = 0; y < c.height; y += 2) {
    let n = 0;
    for (let x = 0; x < c.width; x += 2) {
      const i = 4 * (y * c.width + x);
      if (d[i] > 200 && d[i + 1] > 170 && d[i + 2] < 160) n++;
    }
    if (n > 10) { if (y < c.height / 2) top++; else bottom++; }
  }
  return {src: img.src, natural: [img.naturalWidth, img.naturalHeight],
          shown: img.getBoundingClientRect().width, top, bottom};
}"""


def _caption_has(page: Any, *parts: str) -> str:
    page.wait_for_function("parts => { const t = document.querySelector('#page-caption')?.innerText || '';"
                           " return parts.every(p => t.includes(p)); }", arg=list(parts), timeout=90_000)
    return str(page.inner_text("#page-caption"))


def _image(page: Any, before: str | None = None) -> dict[str, Any]:
    """The page image once it shows a new file (``before``: the previous one's address)."""
    page.wait_for_function("before => { const i = document.querySelector('#page-image img');"
                           " return i && i.src !== before && i.complete && i.naturalWidth > 0; }",
                           arg=before or "", timeout=90_000)
    info: dict[str, Any] = page.evaluate(IMAGE_JS)
    return info


def test_two_page_citation_paging_and_zoom(app: tuple[str, Briefbot], browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(app[0])
    page.wait_for_selector("#question textarea", timeout=60_000)
    assert not page.locator("#page-nav").is_visible()  # nothing to turn before a citation is opened
    ask(page, QUESTION)

    card = page.locator("#cards button").filter(has_text="S/RES/2781 (2025)").filter(
        has_text=re.compile(r"para\.\s1\s.*pp\.\s4-5"))
    assert card.count() == 1, page.inner_text("#cards")
    card.click()
    caption = _caption_has(page, "S/RES/2781 (2025), para. 1, pp. 4-5", "pp. 4-5 of 7")
    assert "quote highlighted on pp. 4-5" in caption
    both = _image(page)
    width, height = both["natural"]
    assert height > 2.5 * width, both  # two A4 pages, one under the other
    assert both["top"] > 0 and both["bottom"] > 0, f"each page carries its part of the quote: {both}"
    assert_no_errors(page, "opening a citation over a page break")
    assert page.locator("#page-nav").is_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web_page_viewer.png"))

    page.click("#page-next")
    caption = _caption_has(page, "p. 6 of 7")
    assert "the cited text is on pp. 4-5" in caption
    six = _image(page, both["src"])
    assert six["natural"][1] < 1.5 * six["natural"][0] and six["top"] == six["bottom"] == 0, six
    assert_no_errors(page, "next page")
    # At the last page "Next page" is disabled: it stayed active and did nothing (a browser walk's find).
    assert page.locator("#page-next").is_enabled()
    page.click("#page-next")
    _caption_has(page, "p. 7 of 7")
    seven = _image(page, six["src"])
    page.wait_for_function("document.querySelector('#page-next').disabled", timeout=30_000)
    assert page.locator("#page-prev").is_enabled()
    page.click("#page-prev")
    _caption_has(page, "p. 6 of 7")
    six = _image(page, seven["src"])
    page.wait_for_function("!document.querySelector('#page-next').disabled", timeout=30_000)

    page.click("#page-prev")
    caption = _caption_has(page, "p. 5 of 7")
    assert "quote highlighted" in caption
    five = _image(page, six["src"])
    assert five["top"] + five["bottom"] > 0, five  # page 5 alone still shows its part highlighted
    page.click("#page-prev")
    _caption_has(page, "p. 4 of 7")
    four = _image(page, five["src"])
    assert_no_errors(page, "previous page")

    page.click("#page-zoom-in")
    _caption_has(page, "p. 4 of 7", "zoom 150 %")
    bigger = _image(page, four["src"])
    assert bigger["shown"] > 1.3 * four["shown"], (four, bigger)
    assert bigger["natural"][0] > four["natural"][0]  # rendered with more pixels, not stretched
    page.click("#page-zoom-out")
    _caption_has(page, "zoom 100 %")
    back = _image(page, bigger["src"])
    page.click("#page-zoom-out")
    _caption_has(page, "zoom 75 %")
    smaller = _image(page, back["src"])
    assert smaller["shown"] < 0.9 * four["shown"], (four, smaller)
    assert_no_errors(page, "zooming")
    # At the smallest zoom "Zoom out" is disabled, and at page 1 "Previous page".
    page.click("#page-zoom-out")
    _caption_has(page, "zoom 50 %")
    shown = _image(page, smaller["src"])
    page.wait_for_function("document.querySelector('#page-zoom-out').disabled", timeout=30_000)
    assert page.locator("#page-zoom-in").is_enabled()
    for number in (3, 2, 1):
        page.click("#page-prev")
        _caption_has(page, f"p. {number} of 7")
        shown = _image(page, shown["src"])
    page.wait_for_function("document.querySelector('#page-prev').disabled", timeout=30_000)
    assert page.locator("#page-next").is_enabled() and page.locator("#page-zoom-out").is_disabled()
    assert_no_errors(page, "paging and zooming to their ends")
    assert errors == []
    context.close()
