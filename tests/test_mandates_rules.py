"""Track membership rules on the titles and subjects the UN library gives real resolutions (data_extract lines,
quoted verbatim): a passing mention never places another operation's resolution in a mission's series, and a
title about troops is not a mandate renewal.
"""

from __future__ import annotations

from briefbot.mandates import load_tracks
from briefbot.mandates.analysis import match_track
from briefbot.mandates.corpus import RawParagraph, ResolutionRecord
from briefbot.taxonomy import load_taxonomy

BOOK = load_tracks(None, load_taxonomy(None).slugs)


def _record(symbol: str, title: str, subjects: list[str], paragraphs: list[str]) -> ResolutionRecord:
    number, year = int(symbol.split("/")[2].split()[0]), int(symbol[-5:-1])
    return ResolutionRecord(doc_id=symbol, sha256="", file_name=f"{number}.xml", symbol=symbol, number=number,
                            year=year, date=f"{year}-06-30", title=title, agenda=None, subjects=subjects, vote=None,
                            source="bulk",
                            paragraphs=[RawParagraph(i, str(i + 1), True, t, 0) for i, t in enumerate(paragraphs)])


# S/RES/2031 (2011) renews BINUCA; the library also files it under UNMISS for one mention in its paragraph 16.
BINUCA = _record(
    "S/RES/2031 (2011)",
    "Security Council resolution 2031 (2011) [on extension of the mandate of the UN Integrated Peacebuilding Office "
    "in the Central African Republic (BINUCA) until 31 Jan. 2013]",
    ["UN Integrated Peacebuilding Office in the Central African Republic", "UN Mission in South Sudan"],
    ["Decides to extend the mandate of BINUCA as recommended by the Secretary-General in his report (S/2011/739), "
     "until 31 January 2013;",
     "... the United Nations Organization Stabilization Mission in the Democratic Republic of the Congo (MONUSCO), "
     "the United Nations Mission in the Republic of South-Sudan (UNMISS) and the newly appointed African Union ..."])


def test_a_passing_mention_does_not_place_another_operations_resolution() -> None:
    assert match_track(BOOK.find("unmiss"), BINUCA) is None
    # The same subject on an UNMISS renewal still places it, with the title.
    renewal = _record("S/RES/2057 (2012)", "Security Council resolution 2057 (2012) [on extension of the mandate of "
                      "the UN Mission in South Sudan (UNMISS) until 15 July 2013]", ["UN Mission in South Sudan"],
                      ["Decides to extend the mandate of UNMISS, as set out in resolution 1996 (2011), until "
                       "15 July 2013;"])
    m = match_track(BOOK.find("unmiss"), renewal)
    assert m is not None and m.action == "renews" and "UN Library subject: UN Mission in South Sudan" in m.found_by
    # A resolution whose title names no operation keeps its subject placement.
    general = _record("S/RES/2046 (2012)", "Security Council resolution 2046 (2012) [on the situation between "
                      "Sudan and South Sudan]", ["UN Mission in South Sudan"], ["Decides that ..."])
    m = match_track(BOOK.find("unmiss"), general)
    assert m is not None and m.action == "other"


def test_titles_about_troops_are_not_mandate_renewals() -> None:
    more = _record("S/RES/1967 (2011)", "Security Council resolution 1967 (2011) [on authorization of the deployment "
                   "of additional military personnel and capacities to the UN Operation in Côte d'Ivoire (UNOCI) "
                   "until 30 June 2011]", ["UN Operation in Côte d'Ivoire"], ["Decides to authorize ..."])
    moved = _record("S/RES/1968 (2011)", "Security Council resolution 1968 (2011) [on extension up to 3 months of the "
                    "temporary redeployment of infantry companies and an aviation unit from the UN Mission in Liberia "
                    "(UNMIL) to the UN Operation in Côte d'Ivoire (UNOCI)]", ["UN Operation in Côte d'Ivoire"],
                    ["Decides to extend ..."])
    for rec in (more, moved):
        m = match_track(BOOK.find("unoci"), rec)
        assert m is not None and m.action == "other", (rec.symbol, m)
    renewal = _record("S/RES/1981 (2011)", "Security Council resolution 1981 (2011) [on renewal of the mandate of the "
                      "UN Operation in Côte d'Ivoire (UNOCI) until 31 July 2011]", ["UN Operation in Côte d'Ivoire"],
                      ["Decides to renew the mandate of UNOCI until 31 July 2011;"])
    m = match_track(BOOK.find("unoci"), renewal)
    assert m is not None and m.action == "renews" and m.extends_until == "2011-07-31"


def test_a_year_misprinted_in_the_title_yields_to_the_paragraph() -> None:
    # The library's title of S/RES/2362 (2017) says "until 15 Nov. 2017"; its paragraphs 2 and 13 say 15 November
    # 2018 (a lapse the timeline then reported as a gap).
    rec = _record(
        "S/RES/2362 (2017)",
        "Security Council resolution 2362 (2017) [on extension of the authorizations provided by and the measures "
        "imposed by Security Council resolution 2146 (2014) and on extension of the mandate of the Panel of Experts "
        "concerning Libya until 15 Nov. 2017]",
        ["UN. Panel of Experts Established pursuant to Security Council Resolution 1973 (2011)"],
        ["Decides to extend until 15 November 2018 the authorizations provided by and the measures imposed by "
         "resolution 2146 (2014), and decides further that the authorisations provided by and the measures imposed "
         "by that resolution shall apply with respect to vessels loading, transporting, or discharging"])
    m = match_track(BOOK.find("libya_sanctions"), rec)
    assert m is not None and m.action == "renews" and m.extends_until == "2018-11-15"
    # A title and a paragraph giving two different dates (measures and Panel) keep the title's.
    two = _record(
        "S/RES/2509 (2020)",
        "Security Council resolution 2509 (2020) [on extension of the authorizations provided by and the measures "
        "imposed by Security Council resolution 2146 (2014) and on extension of the mandate of the Panel of Experts "
        "on Libya until 15 May 2021]", [],
        ["Decides to extend until 30 April 2021 the authorizations provided by and the measures imposed by "
         "resolution 2146 (2014)"])
    m = match_track(BOOK.find("libya_sanctions"), two)
    assert m is not None and m.extends_until == "2021-05-15"


def test_authorisations_are_placed_and_dated_by_their_granting_paragraph() -> None:
    """Catalogue titles say "on piracy … off the coast of Somalia" for grants and renewals alike: the paragraph
    that grants or renews the authority places the resolution, gives its action and its end date."""
    piracy = BOOK.find("somalia_piracy")
    assert piracy.kind == "authorization" and BOOK.find("piracy off somalia") is piracy
    grant = _record(
        "S/RES/1816 (2008)", "Security Council resolution 1816 (2008) [on acts of piracy and armed robbery against "
        "vessels in territorial waters and the high seas off the coast of Somalia]", [],
        ["Decides that for a period of six months from the date of this resolution, States cooperating with the TFG "
         "in the fight against piracy and armed robbery at sea off the coast of Somalia, for which advance "
         "notification has been provided by the TFG to the Secretary-General, may:"])
    m = match_track(piracy, grant)
    assert m is not None and m.action == "establishes" and m.extends_until == "2008-12-30"
    renewal = _record(
        "S/RES/2554 (2020)", "Security Council resolution 2554 (2020) [on piracy and armed robbery at sea off the "
        "coast of Somalia]", [],
        ["Decides that, for a further period of 12 months from the date of this resolution to renew the "
         "authorizations as set out in paragraph 14 of resolution 2500 (2019) granted to States and regional "
         "organizations cooperating with Somali authorities in the fight against piracy and armed robbery at sea off "
         "the coast of Somalia, for which advance notification has been provided by Somali authorities to the "
         "Secretary-General;"])
    m = match_track(piracy, renewal)
    assert m is not None and m.action == "renews" and m.extends_until == "2021-06-30"
    # A piracy-titled resolution on prosecution grants nothing: in the track, but not a renewal.
    courts = _record("S/RES/2015 (2011)", "Security Council resolution 2015 (2011) [on acts of piracy and armed "
                     "robbery at sea off the coast of Somalia]", [], ["Calls upon States to criminalize piracy;"])
    m = match_track(piracy, courts)
    assert m is not None and m.action == "other"
    # The arms-embargo and charcoal inspections off Somalia (2182 (2014)) are not the piracy authorisation.
    charcoal = _record(
        "S/RES/2182 (2014)", "Security Council resolution 2182 (2014) [on renewal of the provisions of para. 2 of "
        "Security Council resolution 2142 (2014) until 30 Oct. 2015 concerning the arms embargo on Somalia and on "
        "extension of the mandate of the African Union Mission in Somalia (AMISOM) until 30 Nov. 2015]", [],
        ["Authorizes for a period of 12 months from the date of this resolution Member States, acting nationally or "
         "through voluntary multinational naval partnerships, in order to ensure strict implementation of the arms "
         "embargo on Somalia and the charcoal ban, to inspect, without undue delay, in Somali territorial waters"])
    assert match_track(piracy, charcoal) is None

    smuggling = BOOK.find("2240")
    first = _record(
        "S/RES/2240 (2015)", "Security Council resolution 2240 (2015) [on migrant smuggling and human trafficking "
        "into, through and from the Libyan territory and off the coast of Libya]", [],
        ["Decides, with a view to saving the threatened lives of migrants or of victims of human trafficking on board "
         "such vessels as mentioned above, to authorise, in these exceptional and specific circumstances, for a "
         "period of one year from the date of the adoption of this resolution, Member States, acting nationally or "
         "through regional organisations that are engaged in the fight against migrant smuggling and human "
         "trafficking, to inspect on the high seas off the coast of Libya vessels that they have reasonable grounds "
         "to suspect are being used for migrant smuggling or human trafficking from Libya"])
    m = match_track(smuggling, first)
    assert m is not None and m.action == "establishes" and m.extends_until == "2016-06-30"


def test_a_mission_renewal_filed_under_the_group_of_experts_is_not_the_regimes() -> None:
    """MONUSCO's renewals carry the subject heading of the DRC Group of Experts (a paragraph on cooperating with
    it); they belong to the mission's track, while a sanctions renewal with that heading stays in the regime's."""
    drc = BOOK.find("drc_sanctions")
    monusco = _record(
        "S/RES/2409 (2018)", "Security Council resolution 2409 (2018) [on extension of the mandate of the UN "
        "Organization Stabilization Mission in the Democratic Republic of the Congo (MONUSCO) until 31 Mar. 2019]",
        ["UN. Group of Experts Established pursuant to Resolution 1533 (2004)"],
        ["Decides to extend until 31 March 2019 the mandate of MONUSCO in the DRC;"])
    assert match_track(drc, monusco) is None
    assert match_track(BOOK.find("monusco"), monusco) is not None
    regime = _record(
        "S/RES/2424 (2018)", "Security Council resolution 2424 (2018) [on renewal of measures on arms embargo against "
        "the Democratic Republic of the Congo imposed by Security Council resolution 1807 (2008) and extension of the "
        "mandate of the Group of Experts until 1 Aug. 2019]",
        ["UN. Group of Experts Established pursuant to Resolution 1533 (2004)"],
        ["Decides to renew until 1 July 2019 the measures as set out in paragraph 1 of resolution 2293 (2016);"])
    m = match_track(drc, regime)
    assert m is not None and m.action == "renews"


def test_a_term_through_a_day_is_traced_to_its_paragraph() -> None:
    # S/RES/2057 (2012) para. 1 (verbatim) extends UNMISS "through 15 July 2013"; its title says "until": the date
    # was cited to the title, as if no paragraph stated it.
    from briefbot.mandates.model import Term

    rec = _record("S/RES/2057 (2012)", "Security Council resolution 2057 (2012) [on extension of the mandate of the "
                  "UN Mission in South Sudan (UNMISS) until 15 July 2013]", ["UN Mission in South Sudan"],
                  ["1. Decides to extend the mandate of the United Nations Mission in South Sudan (UNMISS) as set out "
                   "in paragraph 3 of resolution 1996 (2011) through 15 July 2013;"])
    m = match_track(BOOK.find("unmiss"), rec)
    assert m is not None and m.term == Term("2013-07-15", "para. 1", "mandate")


_COMMITTEE_1267 = ("UN. Security Council Committee Established pursuant to Resolution 1267 (1999) concerning Al-Qaida "
                   "and the Taliban and Associated Individuals and Entities")


def test_other_bodies_renewals_filed_under_the_1267_committee_are_not_the_regimes() -> None:
    """UNAMA's, CTED's, the 1540 Committee's and MINUSMA's renewals carry the 1267 Committee's subject for a
    paragraph or two on the regime; they were in its track as "other". The regime's own renewals stay."""
    isil = BOOK.find("isil_alqaida")
    for symbol, body in [
            ("S/RES/1746 (2007)", "on extension of the mandate of the UN Assistance Mission in Afghanistan (UNAMA)"),
            ("S/RES/1805 (2008)", "on extending the mandate of the Counter-Terrorism Committee Executive Directorate "
                                  "(CTED) as special political mission under the policy guidance of the "
                                  "Counter-Terrorism Committee (CTC)"),
            ("S/RES/1810 (2008)", "on non-proliferation of weapons of mass destruction and on extension of the "
                                  "mandate of the Security Council Committee Established pursuant to Resolution 1540 "
                                  "(2004) concerning Non-Proliferation of Nuclear, Chemical and Biological Weapons"),
            ("S/RES/2164 (2014)", "on extension the mandate of the UN Multidimensional Integrated Stabilization "
                                  "Mission in Mali (MINUSMA) until 30 June 2015")]:
        rec = _record(symbol, f"Security Council resolution {symbol[6:]} [{body}]", [_COMMITTEE_1267],
                      ["Decides to extend the mandate until a date;"])
        assert match_track(isil, rec) is None, symbol
    own = _record("S/RES/1822 (2008)", "Security Council resolution 1822 (2008) [on continuation of measures imposed "
                  "against the Taliban and Al-Qaida]", [_COMMITTEE_1267], ["Decides that all States shall …;"])
    assert match_track(isil, own) is not None


def test_the_early_libya_panel_renewals_are_renewals() -> None:
    """S/RES/2095 (2013) para. 14 (verbatim): "the Panel of Experts, established by …", with a comma the rule did
    not allow, so UNSMIL's renewals that extended the Panel (2040 (2012), 2095 (2013)) were "other"."""
    rec = _record("S/RES/2095 (2013)", "Security Council resolution 2095 (2013) [on extension of the mandate of the UN "
                  "Support Mission in Libya (UNSMIL) for a period of 12 months]",
                  ["UN. Panel of Experts Established pursuant to Security Council Resolution 1973 (2011)"],
                  ["Decides to extend the mandate of the Panel of Experts, established by paragraph 24 of resolution "
                   "1973 (2011) and modified by resolution 2040 (2012), for a period of thirteen months, expresses its "
                   "intent to review the mandate and take appropriate action regarding further extension no later "
                   "than twelve months from the date of adoption of this resolution;"])
    m = match_track(BOOK.find("libya_sanctions"), rec)
    assert m is not None and m.action == "renews", m
