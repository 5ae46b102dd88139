"""Theme tags read the clause a crime is named in (evals/README.md, triage, third round): four real resolutions
(tests/fixtures/akn/triage) ingested into a real index with the packaged model, then carded as `briefbot triage`
cards them.

* an operative paragraph that asks for action against the crimes it lists counts for each of them;
* an annex (a Monitoring Team task list, a designation narrative), the humanitarian paragraph and review
  benchmarks are mentions: scored like an enumeration, never a tag's strong sentence, still cited as evidence;
* a sentence that names a theme strongly in two places is about it, even when it names other themes too;
* a preambular recital that names a crime as one item of a list of other things is a mention (fourth round).
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest

from briefbot.cite import is_section_title
from briefbot.config import Settings
from briefbot.models import Chunk, DocInfo, Span
from briefbot.service import Briefbot
from briefbot.store import Store
from briefbot.taxonomy import load_taxonomy
from briefbot.triage import (
    DocText,
    Sentence,
    ThemeHit,
    TriageCard,
    _theme_hits,
    dwells_on,
    in_passing,
    is_exemption,
    listed_among,
    recalls_embargo,
    score_themes,
    triage_document,
)
from triage_support import Pages, resolution

XML = Path(__file__).resolve().parent / "fixtures" / "akn" / "triage"


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> dict[str, TriageCard]:
    bot = Briefbot(Settings(index=tmp_path_factory.mktemp("clauses") / "idx", engine="extractive"), create=True)
    report = bot.ingest(sorted(XML.glob("*.xml")))
    assert not report.failed, report.failed
    taxonomy = load_taxonomy()
    return {info.file_name: triage_document(bot.store, info, taxonomy) for info in bot.store.documents()}


def theme(card: TriageCard, slug: str) -> tuple[bool, list[str]]:
    t = next(t for t in card.themes if t.slug == slug)
    return t.tagged, [e.citation.quote for e in t.evidence]


def test_an_operative_list_of_crimes_to_combat_counts_for_each(cards: dict[str, TriageCard]) -> None:
    # S/RES/2512 (2020) para. 20: "... to combat transnational organized crime, including drug trafficking,
    # trafficking in persons and money-laundering ...; ... to fight drug trafficking, illegal fishing, and illegal
    # exploitation of natural resources".
    card = cards["S_RES_2512_2020-2003205E.xml"]
    for slug in ("drug_trafficking", "trafficking_in_persons", "illicit_financial_flows", "piracy_maritime_crime"):
        tagged, quotes = theme(card, slug)
        assert tagged, slug
        assert any("legislations and mechanisms" in q or "illegal fishing" in q for q in quotes), (slug, quotes)


def test_the_humanitarian_paragraph_is_a_mention(cards: dict[str, TriageCard]) -> None:
    # S/RES/2647 (2022): "Expressing grave concern at the humanitarian situation in Libya, including ... the
    # smuggling of migrants and refugees and human trafficking through Libya" is its only sentence on them.
    card = cards["S_RES_2647_2022-2211906E.xml"]
    for slug in ("migrant_smuggling", "trafficking_in_persons"):
        tagged, quotes = theme(card, slug)
        assert not tagged, slug
        assert any("living standards" in q for q in quotes), (slug, quotes)  # still shown as evidence
    assert theme(card, "arms_trafficking")[0]  # the embargo paragraphs of the same resolution still count


def test_an_annex_task_list_is_a_mention_and_a_paragraph_on_drugs_is_not_a_list(
        cards: dict[str, TriageCard]) -> None:
    # S/RES/2611 (2021): kidnapping for ransom only in annex item (s) of the Monitoring Team's tasks; the preamble's
    # paragraph on Afghan drug trafficking financing terrorist groups names three themes but is about drugs.
    card = cards["S_RES_2611_2021-2119269E.xml"]
    tagged, quotes = theme(card, "kidnapping_for_ransom")
    assert not tagged and any("hostage-taking for ransom" in q for q in quotes)
    assert theme(card, "drug_trafficking")[0]
    assert theme(card, "sanctions_measures")[0]


def test_benchmarks_and_a_designation_narrative_are_mentions(cards: dict[str, TriageCard]) -> None:
    # S/RES/2794 (2025): kidnappings in the review benchmarks, a preambular list and a listed gang leader's
    # biography; illicit financial flows only in a benchmark; arms trafficking in operative paragraphs.
    card = cards["S_RES_2794-2516869E.xml"]
    assert not theme(card, "kidnapping_for_ransom")[0]
    assert not theme(card, "illicit_financial_flows")[0]
    assert not theme(card, "extortion_illegal_taxation")[0]
    assert theme(card, "arms_trafficking")[0] and theme(card, "sanctions_measures")[0]


def test_a_theme_named_twice_apart_is_what_the_sentence_is_about() -> None:
    hit = lambda start, end, weight=4.0: ThemeHit("drug_trafficking", None, "t", weight, start, end)  # noqa: E731
    assert dwells_on([hit(10, 30), hit(200, 210, 3.0)])
    assert not dwells_on([hit(10, 30), hit(12, 30, 3.0)])  # two terms on the same words
    assert not dwells_on([hit(10, 30), hit(200, 210, 1.5)])  # a weak second mention


def test_two_terms_joined_by_and_are_one_item_not_two_places() -> None:
    # S/RES/2347 (2017), a preambular list: corruption is one item ("bribery and corruption"), not the subject.
    text = ("Strongly concerned about the links between the activities of terrorists and organized criminal groups "
            "that, in some cases, facilitate criminal activities, including trafficking in cultural property, illegal "
            "revenues and financial flows as well as money-laundering, bribery and corruption,")
    hits = [ThemeHit("corruption", None, t, 3.0, text.index(t), text.index(t) + len(t))
            for t in ("bribery", "corruption")]
    assert not dwells_on(hits, text=text)
    assert listed_among(text, hits)
    # Named again further on, after other words, it is two places.
    text2 = text + " and stressing that corruption undermines"
    hits.append(ThemeHit("corruption", None, "c", 3.0, text2.rindex("corruption"), len(text2) - len(" undermines")))
    assert dwells_on(hits, text=text2)


def test_a_crime_named_once_in_a_preambular_list_is_a_mention(cards: dict[str, TriageCard]) -> None:
    # S/RES/2721 (2023): "the challenges faced by Afghanistan, including …, security and terrorism, narcotics,
    # development, economic and social challenges, dialogue, governance and the rule of law" is its only sentence
    # on drugs (labels: no organised-crime content).
    tagged, quotes = theme(cards["S_RES_2721-2326292E.xml"], "drug_trafficking")
    assert not tagged
    assert any("narcotics, development" in q for q in quotes), quotes  # still shown as evidence
    # S/RES/2157 (2014): "the fight against drug trafficking, organized crime and human trafficking" is its only
    # sentence on human trafficking; drug trafficking has operative paragraphs of its own and stays.
    card = cards["S_RES_2157_1454246E.xml"]
    assert not theme(card, "trafficking_in_persons")[0]
    assert theme(card, "drug_trafficking")[0]


def test_one_operative_call_to_combat_a_crime_tags_it(cards: dict[str, TriageCard]) -> None:
    # S/RES/2030 (2011), para. 10: "Urges the Government of Guinea-Bissau to continue to tackle corruption
    # including by implementing the United Nations Convention against Corruption" is its one paragraph on
    # corruption, under corruption's threshold by score alone.
    card = cards["S_RES_2030_N1164769.xml"]
    tagged, quotes = theme(card, "corruption")
    assert tagged and any("tackle corruption" in q for q in quotes), quotes
    t = next(t for t in card.themes if t.slug == "corruption")
    assert t.score < t.threshold
    assert theme(card, "drug_trafficking")[0]


def _hits(text: str, *terms: str) -> list[ThemeHit]:
    return [ThemeHit("t", None, term, 4.0, text.index(term), text.index(term) + len(term)) for term in terms]


def test_what_makes_a_theme_one_item_of_a_list() -> None:
    harms = ("These incidents resulted in killings, increased sexual violence, kidnappings, forced displacement and "
             "extortion.")
    assert listed_among(harms, _hits(harms, "kidnappings"))
    # The list gives examples of the theme itself (S/RES/2825 (2025)): about natural resources, not a mention.
    minerals = ("Further recognizing the role of natural resources linked to the conflict, including but not limited "
                "to gold, tin, tantalum, tungsten, and niobium, in funding illicit activities by armed groups")
    assert not listed_among(minerals, _hits(minerals, "natural resources", "gold", "tantalum"))
    # A run of clauses is not a list of things (the 1988 renewals' preamble).
    clauses = ("the territory of Afghanistan should not be used to threaten or attack any country, to plan or finance "
               "terrorist acts, or to shelter and train terrorists")
    assert not listed_among(clauses, _hits(clauses, "finance terrorist acts"))
    # A list of the theme's own items, and a match across items, are about the theme.
    own = "the illicit trade in gold, diamonds, timber and charcoal, which funds armed groups"
    assert not listed_among(own, _hits(own, "gold", "diamonds", "timber", "charcoal"))
    embargo = "to prevent the direct or indirect supply, sale or transfer of arms and related materiel"
    assert not listed_among(embargo, _hits(embargo, "supply, sale or transfer of arms"))


def test_a_list_whose_last_item_runs_on() -> None:
    # S/RES/2199 (2015): extortion is one source of income among others; the last item runs on.
    income = ("are generating a significant portion of the groups’ income, alongside extortion, private foreign "
              "donations, kidnap ransoms and stolen money from the territory they control, which support their "
              "recruitment efforts")
    assert listed_among(income, _hits(income, "extortion"))
    # S/RES/2754 (2025): drugs are one element of the Final Agreement's implementation.
    colombia = ("through comprehensive implementation of the Final Agreement, including rural reform, inclusive "
                "political participation, its ethnic and gender provisions, and countering illicit drugs including "
                "through crop substitution programmes, and recalling the disproportionate impact of the conflict")
    assert listed_among(colombia, _hits(colombia, "illicit drugs"))


def test_asides_shared_verbs_and_examples_are_not_list_items() -> None:
    # S/RES/2161 (2014): "inter alia" is an aside, "production and trafficking of drugs" one item.
    drugs = ("to prevent and suppress the financing of terrorism and terrorist organizations, including from the "
             "proceeds of organized crime, inter alia, the illicit production and trafficking of drugs and their "
             "chemical precursors, and the importance of continued international cooperation to that aim")
    assert not listed_among(drugs, _hits(drugs, "trafficking of drugs"))
    # S/RES/1735 (2006): three verbs sharing one object.
    verbs = "supplying, selling or transferring arms and related materiel to AQ, UBL or the Taliban"
    assert not listed_among(verbs, _hits(verbs, "transferring arms and related materiel"))
    # S/RES/2769 (2025), a heading: the crude oil and petroleum products are examples of the illicit exports.
    heading = "Prevention of Illicit Exports of Petroleum, including Crude Oil and Refined Petroleum Products"
    assert not listed_among(heading, _hits(heading, "Illicit Exports of Petroleum"))


def _sentence(text: str) -> Sentence:
    return Sentence(Chunk("h", "d", 0, text, [], None, None, "body"), 0, len(text), 0)


def test_what_the_council_is_ready_to_consider_is_a_mention() -> None:
    # S/RES/2782 (2025), UNDOF: its one sentence on sanctions; the convention counts measures imposed, renewed,
    # modified, reviewed or directed, not a readiness to consider them.
    assert in_passing(_sentence(
        "Reaffirming its readiness to consider listing individuals, groups, undertakings, and entities providing "
        "support to the Islamic State in Iraq and the Levant (ISIL, also known as Da’esh) or to the Al-Nusra Front,"))
    assert in_passing(_sentence("Expresses its intention to consider targeted sanctions for individuals and entities "
                                "involved in trafficking in persons in areas affected by armed conflict;"))
    assert not in_passing(_sentence("Decides to renew until 1 July 2027 the measures as set out or extended in "
                                    "paragraphs 1 and 3 of resolution 2783 (2025);"))


def _theme_hits_of(slug: str, text: str) -> list[ThemeHit]:
    theme = next(t for t in load_taxonomy().themes if t.slug == slug)
    return _theme_hits(theme, text)


def test_a_term_reaching_across_list_items_is_read_by_the_match_inside_it() -> None:
    # S/RES/2255 (2015), a recital: "armed groups … exploitation of natural resources" (a term whose parts may lie
    # apart) reaches back across the list to "illegal armed groups"; the match inside it, "illicit exploitation of
    # natural resources", is one item of a list of threats.
    threats = ("Recognizing the threats that the Taliban, illegal armed groups and criminals involved in narcotics "
               "trade, and illicit exploitation of natural resources, continue to pose to the security and stability "
               "of Afghanistan and urges the Government of Afghanistan with the support of the international community "
               "to continue to address these threats,")
    hits = _theme_hits_of("illicit_natural_resources", threats)
    assert any(threats[h.start:h.end].startswith("armed groups") for h in hits)  # the reaching match is there
    assert listed_among(threats, hits)
    # S/RES/2196 (2015): a term without such a gap ("illicit trade, exploitation and smuggling of natural resources")
    # keeps its own reach, so its verbs are not read as list items.
    car = ("and further expressing concern that illicit trade, exploitation and smuggling of natural resources "
           "including gold, diamonds and wildlife poaching and trafficking continues to threaten the peace and "
           "stability of CAR,")
    assert not listed_among(car, _theme_hits_of("illicit_natural_resources", car))


def _report(section: str, *texts: str) -> DocText:
    """A one-section report whose paragraphs are ``texts``, one chunk each."""
    sentences = []
    for i, text in enumerate(texts):
        chunk = Chunk(f"h{i}", "d", i, text, [Span(1, 0, len(text), None, 0)], None, section, "body")
        sentences.append(Sentence(chunk, 0, len(text), i))
    info = DocInfo("d", "r.pdf", None, "", "test", "S/2025/1", "sg_report", None, None, "en", 1, len(texts), [], [],
                   [], "")
    return DocText(info, sentences, sum(len(t.split()) for t in texts), cast(Store, Pages(" ".join(texts))))


def test_a_section_heading_is_not_evidence_of_its_own() -> None:
    # S/2025/153 (UNIFIL): "Arms embargo and border control 42." is the heading of section D run into the number of
    # the paragraph after it; the paragraphs under it are read themselves.
    heading = _report("D. Arms embargo and border control", "Arms embargo and border control 42.")
    first = heading.sentences[0]
    assert is_section_title(first.section, first.text)
    results, _ = score_themes(heading, load_taxonomy())
    assert not next(t for t in results if t.slug == "sanctions_measures").tagged
    # The same words under the heading, in a paragraph of the section, still count.
    body = _report("Annex II Implementation of the arms embargo", "Annex II Implementation of the arms embargo 1.",
                   "This applies to the implementation of the arms embargo under paragraph 15 of resolution 1701 "
                   "(2006) and any decision that would be adopted by the Security Council in this regard.")
    title, text = body.sentences[0], body.sentences[1]
    assert is_section_title(title.section, title.text) and not is_section_title(text.section, text.text)
    results, _ = score_themes(body, load_taxonomy())
    assert next(t for t in results if t.slug == "sanctions_measures").score == 3.0


def test_an_embargo_formula_naming_non_state_targets_between_its_parts_is_one_match() -> None:
    # S/RES/1390 (2002) para. 2 (c): the targets lie between "supply, sale and transfer" and "arms and related
    # materiel", further apart than the taxonomy's 120 characters; the arms embargo on the list counts as arms.
    listed = ("Prevent the direct or indirect supply, sale and transfer, to these individuals, groups, undertakings "
              "and entities from their territories or by their nationals outside their territories, or using their "
              "flag vessels or aircraft, of arms and related materiel of all types including weapons and ammunition, "
              "military vehicles and equipment, paramilitary equipment, and spare parts for the aforementioned;")
    doc = resolution(("2", listed))
    arms = next(t for t in score_themes(doc, load_taxonomy())[0] if t.slug == "arms_trafficking")
    assert arms.tagged and arms.score >= 3
    assert any(listed[h.start:h.end].startswith("sale and transfer, to these individuals")
               for h in _theme_hits(load_taxonomy().theme("arms_trafficking"), listed, reach=True))
    # S/RES/1929 (2010) para. 8: an embargo on a State keeps the taxonomy's bound (the labels read it as sanctions).
    iran = ("Decides that all States shall prevent the direct or indirect supply, sale or transfer to Iran, from or "
            "through their territories or by their nationals or individuals subject to their jurisdiction, or using "
            "their flag vessels or aircraft, and whether or not originating in their territories, of any battle "
            "tanks, armoured combat vehicles, large calibre artillery systems, combat aircraft, attack helicopters, "
            "warships, missiles or missile systems, or related materiel, including spare parts, and decides further "
            "that all States shall prevent the provision to Iran of technical training related to the supply, "
            "manufacture, maintenance or use of such arms and related materiel;")
    assert not next(t for t in score_themes(resolution(("8", iran)), load_taxonomy())[0]
                    if t.slug == "arms_trafficking").tagged
    # A recital keeps the bound too: the reach is for the operative formula.
    assert not next(t for t in score_themes(resolution((None, listed)), load_taxonomy())[0]
                    if t.slug == "arms_trafficking").tagged


def test_the_risk_of_diversion_to_armed_groups_is_arms() -> None:
    # S/RES/2688 (2023) and 2783 (2025), the DRC sanctions renewals' recital on stockpiles: labelled arms, and the
    # only arms wording either holds besides measures renewed by paragraph number.
    recital = ("Welcoming the report of the Government of the DRC provided pursuant to resolution 2667 (2022), "
               "stressing the importance of enhancing the safe and effective management, storage and security of "
               "stockpiles of weapons and ammunition, including to reduce the risk of diversion to armed groups of "
               "source materials for improvised explosive devices, calling for continued efforts by the Government of "
               "the DRC,")
    assert any(recital[h.start:h.end] == "diversion to armed groups" and h.weight >= 3
               for h in _theme_hits_of("arms_trafficking", recital))
    arms = next(t for t in score_themes(resolution((None, recital)), load_taxonomy())[0]
                if t.slug == "arms_trafficking")
    assert arms.tagged


def test_a_committee_established_by_its_resolution_and_sanctioned_individuals_are_sanctions() -> None:
    # S/RES/2157 (2014) para. 9: the Guinea-Bissau committee named "pursuant to its resolution 2048 (2012)".
    invites = ("Invites the Special Representative of the Secretary-General to share all relevant information with the "
               "Committee established pursuant to its resolution 2048 (2012), particularly names of individuals who "
               "meet the criteria set forth in paragraph 6 and encourages the Committee to consider them;")
    sanctions = next(t for t in score_themes(resolution(("9", invites)), load_taxonomy())[0]
                     if t.slug == "sanctions_measures")
    assert sanctions.tagged
    # The counter-terrorism Committee of 1373 is no sanctions committee, however it is named.
    ctc = "with the Committee established pursuant to paragraph 6 of its resolution 1373 (2001);"
    assert not _theme_hits_of("sanctions_measures", ctc)
    # S/2025/420 (UNODC on Haiti): accounts frozen of "individuals sanctioned under Security Council resolution 2653".
    frozen = ("Build on the administrative freezing measures against individuals sanctioned under Security Council "
              "resolution 2653 (2022) to locate their assets and to operate a criminal seizure.")
    assert max(h.weight for h in _theme_hits_of("sanctions_measures", frozen)) >= 3


def test_a_table_of_contents_line_is_not_evidence_of_its_own() -> None:
    # S/2025/239 and E/2025/28 open with contents lines ("Drone usage in El Fasher warfare ........ ."; "Report of
    # the International Narcotics Control Board ......................."): the sections they name are read themselves.
    contents = _report("Contents", "Report of the International Narcotics Control Board .......................",
                       "Illicit trafficking in small arms and light weapons .............................. 12")
    results, _ = score_themes(contents, load_taxonomy())
    assert all(t.score == 0 for t in results if t.slug in ("drug_trafficking", "arms_trafficking"))
    # An ellipsis inside a quoted sentence is no leader.
    quoted = _report("Findings", "The Panel found that the group “financed … the illicit trafficking in small arms and "
                                 "light weapons” through the border crossings it controls.")
    results, _ = score_themes(quoted, load_taxonomy())
    assert next(t for t in results if t.slug == "arms_trafficking").score >= 4


def test_a_match_inside_a_stronger_one_adds_nothing() -> None:
    # S/2025/71 para. 47: "gold mining" (gold, 2.5) holds "mining" (2); the same words are one match, not two.
    text = ("ISIL-Libya was also involved in criminal activities, including smuggling weapons, drugs and fuel, and "
            "exploiting gold mining.")
    resources = next(t for t in score_themes(_report("North Africa", text), load_taxonomy())[0]
                     if t.slug == "illicit_natural_resources")
    assert resources.score == 2.5
    # Two terms on different words still add up: the best one plus half of the other.
    both = "Armed groups control artisanal mining sites and the gold trade in the east."
    resources = next(t for t in score_themes(_report("East", both), load_taxonomy())[0]
                     if t.slug == "illicit_natural_resources")
    assert resources.score == 3.5


def test_an_exemption_from_a_measure_is_a_mention() -> None:
    # S/RES/1970 (2011) para. 9 (b)-(c): what the embargo on the Libyan Arab Jamahiriya leaves out is no arms flow.
    exempt = ("Protective clothing, including flak jackets and military helmets, temporarily exported to the Libyan "
              "Arab Jamahiriya by United Nations personnel, representatives of the media and humanitarian and "
              "development workers and associated personnel, for their personal use only; or (c) Other sales or "
              "supply of arms and related materiel, or provision of assistance or personnel, as approved in advance "
              "by the Committee;")
    assert is_exemption(_sentence(exempt))
    results = score_themes(resolution(("9", exempt)), load_taxonomy())[0]
    arms = next(t for t in results if t.slug == "arms_trafficking")
    assert not arms.tagged and arms.score > 0  # still cited
    # An exemption modifies the measures, which the sanctions convention counts: for sanctions it is no mention (a
    # waiver worded for this test after the charcoal-ban exemptions of the Somalia regime).
    waiver = ("Decides that the measures on the import and export of charcoal imposed by paragraph 22 of resolution "
              "2036 (2012) shall not apply to the disposal of the charcoal stockpile, and that the Committee shall "
              "review the sanctions measures;")
    sanctions = next(t for t in score_themes(resolution(("1", waiver)), load_taxonomy())[0]
                     if t.slug == "sanctions_measures")
    assert sanctions.tagged
    # S/RES/1903 (2009) para. 5: "shall not apply to: (a) Supplies of arms … intended solely for … UNMIL".
    assert is_exemption(_sentence("Decides that the measures in paragraph 4 above shall not apply to: (a) Supplies of "
                                  "arms and related materiel as well as technical training and assistance intended "
                                  "solely for support of or use by the United Nations Mission in Liberia (UNMIL);"))


def test_an_embargo_on_any_related_materiel_for_non_state_entities_is_arms() -> None:
    # S/RES/1903 (2009) para. 4: the embargo on all non-governmental entities in Liberia says "arms and any related
    # materiel", which the formula's term did not read.
    embargo = ("Decides that all States shall take the necessary measures to prevent the direct or indirect supply, "
               "sale or transfer, from their territories or by their nationals, or using their flag vessels or "
               "aircraft, of arms and any related materiel and the provision of any assistance, advice or training "
               "related to military activities, including financing and financial assistance, to all "
               "non-governmental entities and individuals operating in the territory of Liberia for a period of 12 "
               "months from the date of adoption of this resolution;")
    arms = next(t for t in score_themes(resolution(("4", embargo)), load_taxonomy())[0]
                if t.slug == "arms_trafficking")
    assert arms.tagged and not in_passing(_sentence(embargo))


def test_a_report_naming_an_arms_embargo_by_its_resolution_is_a_mention_for_arms() -> None:
    # S/2025/211 (UNMISS) para. 16: a Government's demand to lift the embargo is a regime the report refers to, not
    # arms flows it reports on; it scored arms 3 of its 7 (threshold 5.9).
    lift = ("On 28 January, the Ad Hoc Committee proposed appointing an African Union Special Representative for South "
            "Sudan to oversee implementation of the Revitalized Agreement and noted growing demands by the Government "
            "to lift the arms embargo imposed by resolution 2428 (2018).")
    assert recalls_embargo(lift, _theme_hits_of("arms_trafficking", lift))
    arms = next(t for t in score_themes(_report("Political situation", lift), load_taxonomy())[0]
                if t.slug == "arms_trafficking")
    assert arms.score == pytest.approx(1.2) and [e.citation.quote for e in arms.evidence]  # still cited
    # Arms flows in the same sentence still count in full.
    flows = ("The Panel traced weapons smuggled across the border in violation of the arms embargo imposed by "
             "resolution 2428 (2018).")
    assert not recalls_embargo(flows, _theme_hits_of("arms_trafficking", flows))
    # A resolution's renewal recalling the embargo directs its implementation, which the labels count (UNSMIL 2647,
    # 2656, 2702: "… the arms embargo established by resolution 1970 (2011)"); the rule reads reports only.
    renewal = ("Decides that UNSMIL shall support the implementation of the arms embargo established by resolution "
               "1970 (2011);")
    arms = next(t for t in score_themes(resolution(("1", renewal)), load_taxonomy())[0]
                if t.slug == "arms_trafficking")
    assert arms.score == 3.0
