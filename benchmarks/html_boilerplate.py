"""Which library removes a saved web page's boilerplate without losing its article (issue 16)?

Compares readability-lxml (what briefbot uses), trafilatura's own extraction and jusText on

* tests/fixtures/web/sahel_gold_briefing.html: an article wrapped in navigation, a cookie banner, "Most read",
  related links, a newsletter box and a footer (the boilerplate pieces are listed in tests/formats_support.py);
* ../shared/analyses/Still_Flying_Blind_ORG_2019.html: a real analysis saved as a plain page (nothing to remove).

For each it counts the article's units (paragraphs and headings) kept and the boilerplate pieces kept.
Run: ``PYTHONPATH=src python benchmarks/html_boilerplate.py``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from formats_support import WEB_BOILERPLATE, WEB_PAGE  # noqa: E402

ANALYSIS = ROOT.parent / "shared" / "analyses" / "Still_Flying_Blind_ORG_2019.html"


def readability(page: str) -> str:
    from briefbot.parse.webpage import html_elements, main_content

    return "\n".join(e.text for e in html_elements(main_content(page)))


def trafilatura_text(page: str) -> str:
    import trafilatura

    return trafilatura.extract(page, output_format="txt", include_tables=True,
                               favor_recall=True) or ""


def justext_text(page: str) -> str:
    import justext

    paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def units(page: str, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in lxml_html.fromstring(page).xpath(xpath)]


def main() -> None:
    pages = [(WEB_PAGE, "//article//p|//article//h1|//article//h2|//article//h3", WEB_BOILERPLATE)]
    if ANALYSIS.exists():
        pages.append((ANALYSIS, "//body/p|//body/h1|//body/h2", []))
    tools: dict[str, Callable[[str], str]] = {"readability-lxml": readability, "trafilatura": trafilatura_text,
                                               "jusText": justext_text}
    for path, xpath, boilerplate in pages:
        page = path.read_text(encoding="utf-8")
        wanted = [u for u in units(page, xpath) if u]
        print(f"{path.name}: {len(wanted)} article units, {len(boilerplate)} boilerplate pieces")
        for name, tool in tools.items():
            started = time.perf_counter()
            text = " ".join(tool(page).split())
            ms = (time.perf_counter() - started) * 1000
            kept = [u for u in wanted if u in text]
            junk = [b for b in boilerplate if b in text]
            lost = [u[:50] for u in wanted if u not in text]
            print(f"  {name:17s} article kept {len(kept):3d}/{len(wanted)}  boilerplate kept {len(junk):2d}/"
                  f"{len(boilerplate)}  {ms:6.0f} ms  lost: {lost[:4]}{' ...' if len(lost) > 4 else ''}")


if __name__ == "__main__":
    main()
