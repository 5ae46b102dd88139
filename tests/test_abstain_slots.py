"""Near misses and the asked slot (issue #11, abstention round 3): a figure must count what the question counts, a
name must stand beside the thing whose name is asked, a yes/no question asks for no span; the direct line states the
asked date or figure, never one the question states itself; a sentence over several blocks of one page is quoted
whole. Real PDFs (the appointment letter S/2025/172, the sample IRINI report), the packaged model, the shipped
confidence.json; pure table tests for the span rules."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from briefbot.answer import _a_state, _group_named, answer_type, direct_answer, direct_line
from briefbot.chunk import chunk_document, split_sentences
from briefbot.cite import cite_sentence, quote_verbatim
from briefbot.confidence import asked_slot, names_resolution, slot_spans, typed_spans
from briefbot.models import Citation, DocInfo, Hit
from briefbot.parse import parse_file
from briefbot.service import Briefbot

REPO = Path(__file__).resolve().parents[1]
LETTER_172 = REPO / "tests" / "fixtures" / "pdf" / "S_2025_172.pdf"


def _typed(kind: str, question: str, sentence: str) -> list[str]:
    spans = typed_spans(kind, question, sentence, slot_spans(kind, question, sentence))
    return [sentence[a:b] for a, b in spans]


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    # The figure must count what the question counts ...
    ("How many tons of captagon were seized in 2025?", "More than 70 detainees were released.", []),
    ("How many tons of gum arabic were looted?", "Around 3,700 tons had been looted.", ["3,700"]),
    ("How many Glock pistols were in the shipment?", "Customs intercepted 37 firearms at Haina.", []),
    # ... as the head of the words after it, not a modifier of another noun (S/2025/303, para. 24).
    ("How many Glock pistols were in the shipment?", "They seized 13 pistol magazines and several Glock pistols.",
     []),
    ("How many Glock pistols were in the shipment?", "The haul included six Glock Gen5 pistols (9mm).", ["six"]),
    # ... in its own words or a plainer one ("tonnes", "small arms" for guns), not the reverse.
    ("How many tonnes of charcoal were exported?", "It authorised the export of 5,000 tons of charcoal.",
     ["5,000"]),
    ("How many guns were circulating in Haiti?", "Up to 500,000 small arms were in circulation.", ["500,000"]),
    # "How many times" counts occasions, stated in many ways: any figure stands.
    ("How many times was El Fasher supplied from the air?", "There were 14 airdrops.", ["14"]),
])
def test_a_count_is_of_the_thing_counted(question: str, sentence: str, expected: list[str]) -> None:
    assert asked_slot(question, answer_type(question)) == "count"
    assert _typed("count", question, sentence) == expected


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    # A place beside "a boat" is not the boat's name; a name beside the asked role is.
    ("What was the name of the boat impounded in Fort Liberté in December 2024?",
     "In December 2024, a boat suspected of trafficking elvers was impounded in Fort Liberté, North-East "
     "Department.", []),
    ("What is the name of the vessel that carried the weapons?",
     "The weapons were shipped aboard the vessel Tiger Star from Miami.", ["Tiger Star"]),
    ("Who did the Secretary-General designate as coordinator of the Panel?",
     "I have designated Mr. Michael Gibb to serve as Coordinator of the Panel of Experts.", ["Michael Gibb"]),
])
def test_a_name_stands_beside_the_thing_named(question: str, sentence: str, expected: list[str]) -> None:
    assert asked_slot(question, answer_type(question)) == "name"
    assert _typed("name", question, sentence) == expected


@pytest.mark.parametrize(("question", "slot"), [
    ("Did the Council in 2017 ask the experts who monitor sanctions to spot human trafficking?", None),
    ("Did the Council worry that piracy money could fund terrorists, and where?", "place"),
    ("Did the Council let foreign navies chase pirates ashore, and under which resolution?", "resolution"),
    ("When the Council first cut off weapons to Darfur in 2004, whom was the ban aimed at?", None),
    ("How many joint patrols did the MSS conduct during the period of Kenya's third report?", "count"),
    ("For what period did the Council renew the authorizations?", "duration"),
])
def test_what_a_question_asks_for(question: str, slot: str | None) -> None:
    assert asked_slot(question, answer_type(question)) == slot


def test_direct_line_states_the_asked_fact_not_the_question_s_own() -> None:
    # The question's own day numbers are not the count; an American date is a date.
    assert direct_answer("How many civilians were killed in the air strikes on Nyala on 9 and 11 November 2024?",
                         "On 9 and 11 November, SAF air strikes on Nyala killed 25 civilians.") == "25 civilians"
    assert direct_answer("Through what dates did the Council extend the reporting request?",
                         "Extends the reporting request in paragraph 10 of resolution 2722 (2024) until July 15, "
                         "2025;") == "July 15, 2025"
    # S/RES/2690 (2023) para. 1 writes its date without the comma.
    assert direct_answer("When did the Council terminate MINUSMA?", "Decides to terminate MINUSMA’s mandate under "
                         "resolution 2640 (2022) as of June 30 2023;") == "June 30 2023"
    assert direct_answer("How many joint patrols did the MSS conduct during the period of the third report?",
                         "The MSS and the HNP conducted 1,602 joint patrols.") == "1,602 joint patrols"


def test_a_name_beside_an_office_is_found_in_linear_time() -> None:
    # Second reader: "the the the … !" between a name and an office backtracked for ~20 s on one quote.
    started = time.monotonic()
    assert direct_answer("Who heads UNSMIL?", "Hanna Tetteh " + "the " * 28 + "! Head of UNSMIL") is None
    assert direct_answer("Who heads UNSMIL?", "Hanna Tetteh, " + "its new " * 14 + "Head of UNSMIL") == "Hanna Tetteh"
    assert time.monotonic() - started < 2


def test_who_holds_an_office_may_be_named_by_a_later_quote() -> None:
    # "Who is the head of MINUSCA?": the lead quote creates the office (S/RES/2149 (2014) para. 28), a report's
    # closing names its holder (S/2025/97 para. 84). A name asked of anything else comes from the lead quote only.
    def cite(key: str, quote: str) -> Citation:
        return Citation(key=key, document=f"d{key}.pdf", symbol=None, page=1, paragraph=None, quote=quote,
                        doc_id=f"d{key}")
    creates = cite("1", "Requests the Secretary-General to appoint a Special Representative for the Central African "
                        "Republic and Head of Mission of MINUSCA, who shall assume overall authority on the ground;")
    names = cite("2", "I wish to renew my gratitude to the Special Representative for the Central African Republic "
                      "and Head of MINUSCA, Valentine Rugwabiza, for her steadfast and efficient leadership.")
    assert direct_line(["Who is the head of MINUSCA?"], [creates, names]) == "**Valentine Rugwabiza** [2]"
    assert direct_line(["Who heads MINUSCA?"], [creates, names]) == "**Valentine Rugwabiza** [2]"
    # A title answers only when no later quote names the person (S/RES/2814 (2026) para. 1, S/2025/433).
    headed = cite("1", "Decides to extend the mandate of the UN Integrated Office in Haiti (BINUH) to 31 January "
                       "2027, and headed by a Special Representative of the Secretary-General for the United Nations;")
    appointed = cite("2", "I should like to inform you of my intention to appoint Carlos Ruiz Massieu (Mexico) as my "
                          "Special Representative and Head of BINUH.")
    assert direct_line(["Who heads BINUH?"], [headed, appointed]) == "**Carlos Ruiz Massieu (Mexico)** [2]"
    assert direct_line(["Who heads BINUH?"], [headed]) == ("**Special Representative of the Secretary-General for the "
                                                          "United Nations** [1]")
    attacked = cite("1", "The convoy was attacked near the border on 3 May.")
    blamed = cite("2", "Witnesses at the market blamed the Rapid Support Forces for the looting.")
    assert direct_line(["Who attacked the convoy?"], [attacked, blamed]) is None


def test_when_asks_for_a_date_only_as_the_question_word() -> None:
    # A conjunction "when" dates what is asked; the figure is the answer, not the date.
    assert answer_type("How many crew members were kidnapped when pirates boarded the tanker?") == "count"
    assert answer_type("What did the Council want the monitors to focus on when it next reviewed them?") is None
    for question in ("When was resolution 2780 adopted?", "Until when did resolution 2769 extend the Panel?",
                     "Where and when did the police raid the facility?", "By when must States report?",
                     "Which resolution ended the embargo, and when was it imposed?"):
        assert answer_type(question) == "date", question


def test_where_is_answered_by_a_place_name_not_a_description() -> None:
    quote = ("Additional arms black markets have emerged in RSF-controlled areas, notably in Saraf Umrah and "
             "Kabkabiyah in North Darfur and Habila in West Darfur.")
    assert direct_answer("Where do Darfur's gun markets operate outside Nyala?", quote) == "Saraf Umrah and Kabkabiyah"


def test_which_kind_of_thing_is_not_answered_by_a_name() -> None:
    # "Which commodities / criterion / precursor" asks for a kind of thing; a capitalised body in the quote is not it.
    quote = "Calls upon the National Transitional Government of Liberia to take urgent steps on rough diamonds;"
    assert direct_answer("Which Liberian commodities did resolution 1521 (2003) bar States from importing?",
                         quote) is None
    assert direct_answer("Which designation criterion in resolution 1857 (2008) targets financiers?", quote) is None
    # A route runs between places: one stop of a list of routes is not the routes asked (S/2025/239, para. 71).
    routes = ("RSF sought to dominate several key smuggling routes, including the following:\n"
              "• Owainat mountains – Hamrat Al Sheikh, North Kordofan, North Darfur\n"
              "• Kufra – El Malha – (North Darfur)")
    assert direct_answer("Which routes are used to smuggle fuel out of Libya?", routes) is None
    assert direct_answer("Which route did RSF use to move fuel from Kufra?", routes) is None
    # Named things are still answered by their name.
    assert direct_answer("Which gangs did the United States designate?",
                         "The United States designated Viv Ansanm and Gran Grif.") == "Viv Ansanm and Gran Grif"


def test_which_resolution_is_answered_by_a_resolution() -> None:
    # The resolution quoted answers "which resolution", not a body its text names nor one it recalls.
    lifted = Citation(key="1", document="S_RES_2745_2024.pdf", symbol="S/RES/2745 (2024)", page=1, paragraph="1",
                      doc_id="S_RES_2745_2024.pdf", doc_type="resolution",
                      quote="Decides to lift the arms embargo on the CAR established under resolution 2127 (2013);")
    question = "Which resolution lifted the arms embargo on the Central African Republic government?"
    assert direct_line([question], [lifted]) == "**S/RES/2745 (2024)** [1]"
    # The question's year is not the resolution's number: "… in 2024?" still names no resolution.
    assert direct_line([question.replace("?", " in 2024?")], [lifted]) == "**S/RES/2745 (2024)** [1]"
    # A question naming this resolution asks about it, so the quote's own answer is looked for instead.
    assert names_resolution("What did resolution 2745 (2024) lift?", "S/RES/2745 (2024)")
    assert not names_resolution("Which resolution lifted the embargo in 2024?", "S/RES/2745 (2024)")
    # A report's quote answers with the resolution it names; a body alone is no answer.
    assert direct_answer("Which resolutions extended the inspections off Libya in 2024?",
                         "In its resolution 2733 (2024), the Security Council extended the authorizations.") == \
        "resolution 2733 (2024)"
    assert direct_answer("Which resolution banned imports of sugar into Somalia?",
                         "Urges the FMS and Member States to cut Al-Shabaab's revenue.") is None


def _letter() -> tuple[Hit, dict[int, str]]:
    document = parse_file(LETTER_172)
    pages = {p.number: p.text for p in document.pages}
    chunk = chunk_document(document)[0]
    info = DocInfo(doc_id=LETTER_172.name, file_name=LETTER_172.name, path=None, sha256="0", source="pdf",
                   symbol="S/2025/172", doc_type="letter", title=None, date="2025-03-18", language="en", pages=1,
                   chunks=1, empty_pages=[], warnings=[], missions=[], ingested_at="")
    return Hit(chunk=chunk, doc=info, score=1.0), pages


def test_a_sentence_over_blocks_of_one_page_is_quoted_whole() -> None:
    hit, pages = _letter()
    text = hit.chunk.text
    a = next(a for a, b in split_sentences(text) if "following experts" in text[a:b])
    end = text.index("(China)") + len("(China)")  # the list under the colon, several blocks of page 1
    assert len({s.at for s in hit.chunk.spans if a <= s.at < end}) > 1

    def page_text(doc_id: str, page: int | None) -> str:
        return pages[page or 1]

    citation = cite_sentence(hit, a, end, "1", page_text)
    assert citation is not None and citation.page == 1
    assert citation.quote.startswith("Accordingly, I wish to inform you")
    assert "Ms. Salma Arka" in citation.quote and citation.quote.endswith("(China)")
    assert quote_verbatim(citation.to_dict(), page_text)
    # The sentence goes on after the list: the coordinator it designates is quoted with it.
    sentence = next((a, b) for a, b in split_sentences(text) if "following experts" in text[a:b])
    whole_sentence = cite_sentence(hit, *sentence, "3", page_text)
    assert whole_sentence is not None and whole_sentence.quote.startswith("Accordingly, I wish to inform you")
    assert whole_sentence.quote.endswith("I have designated Ms. Arka to serve as Coordinator of the Panel of Experts.")
    assert quote_verbatim(whole_sentence.to_dict(), page_text)
    # Blocks that close a sentence are not joined: from the first sentence on, the longest block stands alone.
    whole = cite_sentence(hit, 0, end, "2", page_text)
    assert whole is not None and not whole.quote.startswith("I have the honour")


def test_confidence_falls_when_the_figure_counts_something_else(bot: Briefbot) -> None:
    # The sample IRINI report (S/2025/257) counts hailings; it gives no tonnage of anything.
    filled = bot.ask("How many hailings did Operation IRINI carry out under the arms embargo inspections off Libya?")
    missing = bot.ask("How many tons of weapons did Operation IRINI seize under the arms embargo inspections off "
                      "Libya?")
    assert "2,271 hailings" in filled.answer
    assert filled.timings_ms["slot_fill"] > missing.timings_ms["slot_fill"] + 0.3
    assert missing.timings_ms["confidence"] < filled.timings_ms["confidence"]


# Round 14: a figure question whose quotes state no figure of the thing asked is not answered.
_IRINI_PARA_10 = ("The European Union informed the Secretariat that, from 1 November 2024 to 14 April 2025, Operation "
                  "IRINI had carried out 2,271 hailings, 38 friendly approaches and two vessel inspections related "
                  "to the arms embargo.")


@pytest.mark.parametrize(("question", "quote", "expected"), [
    # A count runs to its first plural: the inspections are not arms (S/2025/257, para. 10).
    ("How many weapons were seized from the vessel inspected by Operation IRINI?", _IRINI_PARA_10, None),
    ("How many friendly approaches did Operation IRINI carry out?", _IRINI_PARA_10, "38 friendly approaches"),
    ("How many migrants were aboard?", "Three boats carrying migrants were intercepted.", None),
    # A sum of money asked is a sum, not a count beside it.
    ("How much did the cargo inspected by Operation IRINI cost?", _IRINI_PARA_10, None),
    ("How much have donors put into the Trust Fund?",
     "The voluntary contribution to the Trust Fund stands at approximately 112 million, about 14%.",
     "approximately 112 million"),
    ("How much have donors put into the Trust Fund?", "So far, the Trust Fund has received a total of usd. 112.5 "
     "million, of which 54.2 has been committed.", "usd. 112.5 million"),
    # The currency written as a code is part of the sum: "1 million" alone says neither dollars nor pounds
    # (S/2025/239, para. 88).
    ("How much did the RSF charge per truck of gum arabic?", "In addition to the looting of gum Arabic, RSF also "
     "imposed fees of SDG 1 million ($512.82) per truck with a 20-ton load in the border areas.", "SDG 1 million"),
    ("How much money did the Trust Fund receive?", "The Trust Fund supported 112 million people.", None),
    # A second reader's probes of this round's rules. A rate is the one said with the figure: a yearly total beside a
    # monthly breakdown answers a yearly question; one "monthly" in a list of fees is not every fee's; a unit said
    # in other words is the same unit.
    ("How many migrants arrive in Italy from Libya each year?", "Some 60,000 migrants arrived in Italy from Libya in "
     "2024, an average of about 5,000 per month.", "Some 60,000 migrants"),
    ("How much did Al-Shabaab charge per truck at its checkpoints?", "Wholesale shops were taxed $120 to $160 "
     "monthly, retail shops $60 to $100 and small trucks $180 in order to pass Al-Shabaab checkpoints, while large "
     "trucks paid $260.", "$180"),
    ("How much does Al-Shabaab charge per vehicle?", "Large trucks paid $260 per truck at checkpoints.",
     "$260 per truck"),
    ("How much does each migrant pay smugglers for the crossing?", "Migrants paid between $1,500 and $2,000 per "
     "person for the crossing.", "between $1,500 and $2,000 per person"),
    # "How much did the mine yield?" may be a quantity; a currency in capitals is a currency.
    ("How much did the mine yield in 2024?", "The mine yielded an estimated 1.5 tons of gold in 2024.",
     "an estimated 1.5 tons of gold"),
    ("How much did the 3R collect at the checkpoint?", "The 3R collected 25,000 CFA francs at the checkpoint.",
     "25,000 CFA francs"),
    # Deaths answer only "how many people were killed", and a part after "including" is no second answer.
    ("How many civilians were killed in the drone strike on Kadugli?", "The drone strike resulted in 30 fatalities, "
     "including 12 civilians.", "12 civilians"),
    ("How many people fled the violence in which dozens were killed?", "The violence, which caused 45 deaths, forced "
     "8,000 people to flee to Chad.", "8,000 people"),
    ("How many abductions did MONUSCO record in Ituri?", "MONUSCO recorded 410 abductions, including 120 cases of "
     "abduction of children by CODECO.", "410 abductions"),
    # A body named after a treaty acts; the act asked is before a time clause; the office is the asked body's.
    ("Who led the military intervention in Libya in 2011?", "In 2011 the North Atlantic Treaty Organization led the "
     "air campaign.", "North Atlantic Treaty Organization"),
    ("Where were the crew members released after they were abducted?", "The crew were abducted near Bioko Island. "
     "The crew members were released in Nigeria.", "Nigeria"),
    ("Who leads the Government of National Unity?", "Prime Minister Abdulhamid Dbeibah, who leads the Government of "
     "National Unity, met Khalifa Haftar, leader of the Libyan National Army.", "Prime Minister Abdulhamid Dbeibah"),
    ("How much zakat did the RSF demand per truck?", "RSF also imposed fees of SDG 1 million ($512.82) per truck "
     "with a 20-ton load in the border areas. RSF also demanded a zakat of SDG 100,000 ($51.28) per truck.",
     "SDG 100,000"),
    # "N incidents / cases of X" count X; a figure after "and" starts another count.
    ("How many abductions did the M23 commit?", "M23 combatants were involved in 250 alleged incidents of abduction "
     "of civilians in the reporting period.", "250 alleged incidents of abduction"),
    ("How many abductions did the M23 commit?", "M23 combatants were involved in 250 alleged incidents of human "
     "rights abuses.", None),
    ("How many killings were documented?", "They documented 12 cases of killing and 4 cases of abduction.",
     "12 cases of killing"),
    ("How many pistols were seized?", "Police seized 13 pistol and rifle magazines.", None),
    # Sites are centres or facilities (S/2025/509, para. 75; a held-out probe).
    ("How many informal detention sites did armed groups run in Libya?", "Armed groups, however, reportedly "
     "continued to operate at least six unofficial detention centres, holding over 3,000 individuals in inhumane "
     "conditions.", "at least six unofficial detention centres"),
    # "People killed" are counted as deaths too (S/2025/383, para. 30, a dev paraphrase); two acts asked of one
    # noun are both answered (S/2025/383, para. 25).
    ("How many people were killed when the army fought the CMSPR near a mine in Ouaka in late February?",
     "On 26 February, in Ouaka Prefecture, clashes between national defence forces and Coalition militaire de salut "
     "du peuple et de redressement near the Balaka mining site led to nine deaths, including the death of six "
     "civilians.", "nine deaths; six civilians"),
    ("How many civilians were killed and displaced in the clashes near Bozoum between February and March 2025?",
     "Between 14 February and 9 March, suspected 3R combatants clashed with local self-defence groups near Bozoum, "
     "resulting in the killing of at least 20 civilians and the displacement of approximately 10,000 civilians. On "
     "5 March, a national defence patrol was ambushed.", "at least 20 civilians; approximately 10,000 civilians"),
    # A rate is asked: resolution numbers are no rate (S/RES/2023 (2011), para. 10).
    ("At what rate does Eritrea levy its diaspora tax on Eritreans abroad?", "Condemns the use of the “Diaspora "
     "tax” on Eritrean diaspora by the Eritrean Government to destabilize the Horn of Africa region or violate "
     "relevant resolutions, including 1844 (2008), 1862 (2009) and 1907 (2009).", None),
    ("At what rate is the diaspora tax levied?", "The Government levies the diaspora tax at 2 per cent of income, "
     "in violation of resolutions 1844 (2008) and 1907 (2009).", "2 per cent"),
    # What a levy raised is a sum, with the currency named after it, from the sentence about the levy
    # (S/2025/223, para. 28).
    ("How much did the foreign-exchange surcharge raise in Libya?", "On 13 January, the Central Bank reported 2024 "
     "public revenues of 123.5 billion Libyan dinars ($24.97 billion). Despite court rulings to halt a temporary "
     "surcharge of 15 per cent on foreign exchange transactions, the surcharge continued to be applied and "
     "constituted the second-largest revenue source, amounting to 22.5 billion Libyan dinars.",
     "22.5 billion Libyan dinars"),
    # A rate of another unit does not answer (S/2025/239, paras. 88-89; S/2025/71/Rev.1, para. 106), and words of
    # the next sentence do not describe a figure.
    ("How much do traders pay per truck?", "The fees charged for one ton of gum Arabic were as much as $2,200 at "
     "the Chadian border.", None),
    ("How much do clan elders contribute to Al-Shabaab each year?", "Clan elders were required to contribute "
     "$15,000 to $20,000 monthly.", None),
    ("How much do clan elders contribute to Al-Shabaab each month?", "Clan elders were required to contribute "
     "$15,000 to $20,000 monthly.", "$15,000 to $20,000 monthly"),
    ("How much did retail shops pay?", "Retail shops paid $60 to $100 and small trucks $180 at checkpoints.",
     "$60 to $100"),
    # The source of the money asked, or the thing "how much" measures, must be in the quote (S/2025/71, para. 42;
    # S/2025/239, para. 89): Al-Shabaab's total revenue is not what it earned from charcoal.
    ("How much money did Al-Shabaab earn from illicit charcoal exports in 2024, in US dollars?",
     "Estimates of Al-Shabaab annual revenues increased, with Member States reporting amounts between $100 million "
     "and $200 million.", None),
    ("How much money did Al-Shabaab earn from illicit charcoal exports?",
     "Al-Shabaab earned $7.5 million from charcoal exports through Kismaayo.", "$7.5 million"),
    ("How much gold did the Rapid Support Forces export to the United Arab Emirates in 2024?",
     "The fees charged for one ton of gum Arabic were as much as $2,200 at the Chadian border.", None),
    # A country asked is answered by a State, not by the region the convoy drove to (S/2025/239, para. 104).
    ("In which country were the mortar rounds seized from the RSF convoy at Jebel Eredi manufactured?",
     "A mobile unit ambushed RSF vehicles that were transporting ammunition from southern Libya to Darfur.", None),
    ("In which country were the mortar rounds manufactured?", "The crates showed the rounds were produced in the "
     "United Arab Emirates in 2019.", "United Arab Emirates"),
    ("In which town were the mortar rounds seized?", "The rounds were seized in Nyala.", "Nyala"),
    # Who holds an office is named beside it (S/PRST/2014/12 names no chair of any Panel).
    ("Who chairs the Security Council's Panel of Experts on drug trafficking in Afghanistan?", "The Security "
     "Council welcomes further briefings on the situation of drug trafficking in Afghanistan, as necessary, by the "
     "Executive Director of UNODC.", None),
    ("Who heads the Panel?", "Ms. Jane Doe, head of the Panel, briefed the Committee.", "Jane Doe"),
    # "Where were they released?" is where the report says they were freed, not the port of the sentence that
    # shares more of the question's words (S/2025/342, para. 27).
    ("Where and when were the Senegalese crew members abducted from a trawler off Gabon released?", "On the night "
     "of 31 January, three crew members of a trawler sailing to Port- Gentil, Gabon, were reportedly abducted by "
     "pirates near the coast of Gabon. The abductees, who were all Senegalese nationals, were reportedly freed in "
     "Nigeria on 19 February.", "Nigeria"),
    # An instrument is no one: "whom did it blame?" is not answered by a convention (S/RES/2240 (2015)), unless a
    # convention is what is asked.
    ("Whom did the Council blame for the tragedies at sea?", "Recalling that international "
     "law, as reflected in the United Nations Convention on the Law of the Sea of 10 December 1982, sets out the "
     "legal framework", None),
    ("Which convention sets out the legal framework for the sea?", "Recalling that international law, as reflected "
     "in the United Nations Convention on the Law of the Sea of 10 December 1982, sets out the legal framework",
     "United Nations Convention on the Law of the Sea"),
    ("Who signed the agreement?", "The Juba Peace Agreement was signed by the Sudan Liberation Movement.",
     "Sudan Liberation Movement"),
    # The name given the office, not the first body the quote names (S/2025/509, para. 12); "led by" is leading.
    # An office asked as a title is answered only where the quote gives it, and "coordination" is no coordinator.
    ("Who is the Coordinator of the Panel of Experts on Yemen?", "Underlines the importance of close collaboration "
     "and coordination between all United Nations entities.", None),
    ("Who is the Coordinator of the Panel of Experts on Yemen?", "The Panel, whose Coordinator is Mr. Wenlei Xu of "
     "China, reported in May.", "Wenlei Xu"),
    ("Who heads the Libya Development and Reconstruction Fund?", "Also on 3 June, the House of Representatives, "
     "acting outside the regular budgetary planning framework, approved a three-year extraordinary budget amounting "
     "to 69 billion Libyan dinars for the Libya Development and Reconstruction Fund, which is headed by Belqasim "
     "Khalifa Haftar.", "Belqasim Khalifa Haftar"),
    ("Who leads the mission?", "The Security Council, in a meeting with the mission, led by Ms. Hanna Tetteh, heard "
     "a briefing.", "Hanna Tetteh"),
    # A rate is no total (S/2025/239, para. 91), unless a rate is asked.
    ("How much gold did the Rapid Support Forces export to the United Arab Emirates in 2024?", "Production at the "
     "mine had reached an output of between 2 and 3 kilograms of gold per day.", None),
    ("How much gold per day was the Kidineer mine producing?", "Production at the mine had reached an output of "
     "between 2 and 3 kilograms of gold per day.", "between 2 and 3 kilograms of gold"),
    # A second reader's probes of the first version: a name's plural or a pair does not end what is counted, ...
    ("How many personnel of the United Nations were killed in Gaza?", "At least 43 United Nations personnel were "
     "killed.", "At least 43 United Nations personnel"),
    ("How many asylum-seekers were registered with UNHCR?", "UNHCR registered 763,707 refugees and asylum-seekers.",
     "763,707 refugees and asylum-seekers"),
    # ... a rate is read past the figure's own separators, and "within a week" or "a month later" is no rate ...
    ("How many barrels did Libya export in May?", "Libya exported 1 million barrels per day in May.", None),
    ("How many barrels did Libya export in May?", "Libya exported 1.4 million barrels a day in May.", None),
    ("How much oil was the field producing?", "The oil field was producing 90,000 barrels a day.",
     "90,000 barrels"),
    ("How many people were killed in Goma?", "At least 70 people were killed in Goma within a week.",
     "At least 70 people"),
    # ... "how much gold" is not answered by a price, and sums are read in the currencies reports use.
    ("How much gold did the RSF export to the UAE in 2024?", "The estimated value per kilogram of gold amounted to "
     "$85,204.34 on formal markets.", None),
    ("How much gold did the RSF export to the UAE in 2024?", "Gold mining (SLA/AW and RSF) 90.", None),
    ("How much savings did ISIL-K hold?", "ISIL-K held approximately $10 million savings.",
     "approximately $10 million"),
    ("How much money did the Central Bank lose?", "The Central Bank lost 22.5 billion Libyan dinars.",
     "22.5 billion"),
    ("How much did a household's minimum expenditure basket cost in June 2025?", "The basket cost 678,767 South "
     "Sudan pounds (SSP) in June 2025.", "678,767"),
    # A range written with currency codes is one figure, never its high end alone ...
    ("How much did the militia charge per truck?", "The militia charged between SDG 500,000 and SDG 1 million per "
     "truck at the checkpoint.", "between SDG 500,000 and SDG 1 million"),
    # ... and so is one opening its sentence; a verb after the sum is not its unit.
    ("How many people were displaced in Darfur?", "Between 2 million and 3 million people were displaced in Darfur.",
     "Between 2 million and 3 million people"),
    ("What share of the budget went to arms?", "Between 5 and 10 per cent of the budget went to arms.",
     "Between 5 and 10 per cent"),
    # "portion" asks a part as "share" does: "a quarter" answers it (S/2025/482, para. 41; a sweep of analyst
    # questions abstained, reading a count asked)
    ("Roughly what portion of Al-Shabaab's operating budget goes on buying weapons?", "Al-Shabaab spends about a "
     "quarter of its operational funds to acquire arms from the Houthis.", "a quarter"),
    ("How much did each fighter pay?", "Between $500 and $1,000 was paid by each fighter.", "Between $500 and $1,000"),
    # "N of the M <people> <noun>": the part with what it is part of, whatever the people's name.
    ("How many Sudanese refugees has UNHCR registered in Libya?", "As at 31 March 2025, UNHCR had registered 46,000 "
     "of the 240,000 Sudanese refugees estimated to have arrived in Libya.", "46,000 of the 240,000 Sudanese refugees"),
    # One state of Darfur or province of Kivu is not another; a sentence naming both answers for each.
    ("How many vehicles did the RSF buy from civilians in South Darfur?", "The RSF arranged the purchase of 200 "
     "vehicles from civilians in East Darfur.", None),
    ("How many vehicles did the RSF buy from civilians in South Darfur?", "The RSF arranged the purchase of 200 "
     "vehicles from civilians in South Darfur.", "200 vehicles"),
    ("How many people were displaced in North Kivu?", "In North and South Kivu, 2 million people were displaced.",
     "2 million people"),
    # A second reader's probes of this round's rules: a year compared with, or a cited document's date, does not
    # date the figure; "2023 and 2025" is two years, not a span; a region named outside the figure's clause (and
    # not framing the sentence) does not place it; a kind of thing ("minerals", "fuel") is answered by one of its
    # kind; "from SDG … to SDG …" is a change; "South Sudanese refugees" is one people's name.
    ("How many people were killed in 2024?", "On 3 March, 300 people were killed in Port-au-Prince, up from 100 in "
     "2023.", "300 people"),
    ("How many people were killed in 2024?", "Pursuant to resolution 2719 of 21 December 2023, some 300 people were "
     "killed.", "some 300 people"),
    ("How many people were killed in 2024?", "As in 2023, at least 300 people were killed in the attacks.",
     "at least 300 people"),
    ("How many people were killed in 2024?", "In 2023 and 2025, 300 people were killed.", None),
    ("How many fighters did the group have in 2024?", "The group had 5,000 fighters, according to a Member State "
     "report of 12 January 2025.", "5,000 fighters"),
    ("How many people were displaced in South Kivu?", "In the Kivus, 50,000 people were displaced, including in North "
     "Kivu.", "50,000 people"),
    ("How many people were displaced in South Kivu?", "In North Kivu, 50,000 people were displaced.", None),
    ("How many people were killed in North Darfur?", "Fighting spread from South Darfur; in El Fasher 300 people were "
     "killed.", "300 people"),
    ("How many tonnes of minerals were exported?", "In 2023, 300 tonnes of coltan were exported.",
     "300 tonnes of coltan"),
    ("How much did the fuel cost?", "The price rose from SDG 500,000 to SDG 1 million.", "SDG 1 million"),
    ("How many refugees returned?", "Some 46,000 of the 240,000 South Sudanese refugees returned.",
     "46,000 of the 240,000 South Sudanese refugees"),
    ("Who is the head of UNSMIL?", "Hanna Tetteh, Special Representative and Head of UNSMIL, briefed the Council.",
     "Hanna Tetteh"),
    ("Who coordinated the attack?", "Ali Hussein coordinated the attack with the militia.", "Ali Hussein"),
    ("Who is the Coordinator of the Panel?", "The Panel coordinates with Mr. Ali Hussein of the Government.", None),
    # The holder, not the office or another title of the holder; a middle initial is part of the name.
    ("Who heads UNSMIL?", "Reiterates its full support for the Special Representative of the Secretary-General (SRSG) "
     "for Libya and Head of UNSMIL, Hanna S. Tetteh, and her team;", "Hanna S. Tetteh"),
    ("Who is the head of UNSMIL?", "I thank my Special Representative for Libya and Head of UNSMIL, Hanna Tetteh, and "
     "the staff of UNSMIL.", "Hanna Tetteh"),
    # The body asked about, by its acronym, is not its own head (S/RES/2814 (2026), para. 1).
    ("Who heads BINUH?", "Decides to extend the mandate of the UN Integrated Office in Haiti (BINUH) to 31 January "
     "2027, and headed by a Special Representative of the Secretary-General for the United Nations, who will play a "
     "good offices role;", "Special Representative of the Secretary-General for the United Nations"),
    # A chair, head or coordinator is a person or a State, never an organ; a body may lead.
    ("Who chairs the Peacebuilding Commission?", "Encourages the Peacebuilding Commission, through its "
     "Organizational Committee, to review its provisional rules of procedure in order to improve the continuity of "
     "its Chairs and Vice-Chairs;", None),
    ("Who leads the operation?", "The operation is led by the Multinational Joint Task Force.",
     "Multinational Joint Task Force"),
    # A title is the answer when no one is named, and a State holding the office is named.
    ("Who heads the Government?", "The Government, headed by the Minister of Interior of Libya, met.",
     "Minister of Interior of Libya"),
    ("Who chairs the 1970 Committee?", "The Committee is chaired by the Permanent Representative of Greece.",
     "Permanent Representative of Greece"),
    # A letter naming a place ends its sentence: "Area A." is no initial of a name.
    ("Who attacked the convoy?", "The convoy was attacked near Area A. Witnesses blamed the Rapid Support Forces.",
     "Rapid Support Forces"),
    # A name the office acts on is not its holder, asked by verb or by title.
    ("Who chairs the Panel of Experts on Libya?", "Requests the Chair of the Committee to inform the Permanent Mission "
     "of the State of Libya on the final outcome;", None),
    ("Who is the chair of the Panel of Experts on Libya?", "Requests the Chair of the Committee to inform the "
     "Permanent Mission of the State of Libya on the final outcome;", None),
    # Who holds an office is named beside it, in apposition or after "by"; no other name in the quote holds it (a
    # sweep of "Who heads …?" over the corpus: the quotes below, S/RES/2149 (2014) para. 28, S/2025/176 para. 24,
    # E/2025/76 para. 54, S/2025/231 para. 2, S/2025/153 para. 90).
    ("Who is the head of MINUSCA?", "Requests the Secretary-General to appoint a Special Representative for the "
     "Central African Republic and Head of Mission of MINUSCA, who shall, from the date of appointment, assume overall "
     "authority on the ground for the coordination of all activities of the United Nations system in the Central "
     "African Republic;", None),
    ("Who leads MONUSCO?", "In response, MONUSCO established a standing combat deployment in Mbau and Oicha, "
     "strengthening the Intervention Brigade’s presence. In January, cooperation between MONUSCO and FARDC improved, "
     "leading to more coordinated efforts against ADF.", None),
    ("Who is the head of UNOWAS?", "UNOWAS actively pursued diplomatic engagements across the Sahel following the "
     "withdrawal of the Confederation of Sahel States from ECOWAS. The Special Representative of the Secretary-General "
     "for West Africa and the Sahel and Head of UNOWAS held dialogues in Burkina Faso.", None),
    # ... and of the body asked: the Head of a Bureau does not head the Monitoring Team.
    ("Who heads the Monitoring Team?", "During the visit, the team conducted consultations with representatives of "
     "the Revitalized Transitional Government of National Unity, including the Minister of Cabinet Affairs, the Chair "
     "of the South Sudan Disarmament, Demobilization and Reintegration Commission and the Head of the Bureau for "
     "Community Security and Small Arms Control.", None),
    # A name after its office before one before it, which holds the title before it.
    ("Who heads UNIFIL?", "I thank the Special Coordinator for Lebanon, Jeanine Hennis-Plasschaert, the UNIFIL Head of "
     "Mission and Force Commander, Lieutenant General Aroldo Lázaro Sáenz, as well as the troop-contributing "
     "countries.", "Lieutenant General Aroldo Lázaro Sáenz"),
    ("Who is the Coordinator of the Panel of Experts on Libya?", "I have appointed the following experts: Ms. Salma "
     "Arka, regional/transport (Morocco) Mr. Georg Kerschischnig, arms/maritime (Austria). I have designated Ms. Arka "
     "to serve as Coordinator of the Panel of Experts.", "Salma Arka"),
    # A sweep of who / which / where questions (S/2025/356, S/2025/239, S/2025/482, S/RES/2296 (2016), S/2025/223,
    # S/2025/71/Rev.1): the thing asked named beside its kind ("its leader, Monel Felix", "Nyala airport"), no page
    # heading or sentence-opening verb in a name, no adjective of a people, no Government for an armed group, no
    # office of another body.
    ("Which gang leader controls Cité Soleil?", "Annexes At least 207 people were executed in Wharf Jérémie, a "
     "neighborhood of Cité Soleil commune, by the gang that controls the area, at the orders of its leader, Monel "
     "Felix (alias “Micanor”).", "Monel Felix"),
    ("Which airport do RSF supply flights land at?", "This could represent a change as Darfur airports had been "
     "non-operational since April 2023.¹⁰⁹ Using Nyala airport could be a way for RSF to take delivery of supplies "
     "more quickly.", "Nyala"),
    ("Who financed ISIL-K operations?", "ISIL-K was reported to possess approximately $10 million savings, some of "
     "which had been invested in Middle Eastern real estate.", None),
    ("Which armed group operates in the Jebel Marra?", "Expressing deep concern at a significant increase in "
     "violence in and around the Jebel Marra, where fighting between the Government of Sudan and the Sudan Liberation "
     "Army Abdul Wahid (SLA/AW) continued, including in East, West and North Darfur", "Sudan Liberation Army"),
    ("Where is the Kidineer gold mine?", "SLA/AW, through commander Mujeeb Elrahman Elzubair from the Abdul Wahid "
     "family, expanded its financial base by forming an alliance with RSF to facilitate the sale of gold from the "
     "Kidineer (Kidingir) gold mine, located in the East Jebel Marra locality.", "East Jebel Marra"),
    # Second reader: a holder appointed or elected to the office is named beside it too.
    ("Who heads UNSMIL?", "In January 2025, Hanna Tetteh was appointed Special Representative and Head of UNSMIL.",
     "Hanna Tetteh"),
    ("Who chairs the 1591 Committee?", "Ambassador Joonkook Hwang of the Republic of Korea was elected Chair of the "
     "Committee established pursuant to resolution 1591.", "Ambassador Joonkook Hwang"),
    ("Who is the president of Jubaland?", "Talks stalled. Ahmed Mohamed Islam was re-elected President of Jubaland.",
     "Ahmed Mohamed Islam"),
    # Second reader: a verb and its article between a name and the kind asked is no naming of it ("the United Arab
    # Emirates supplied the airport at Nyala"); an armed group named after its country is still one.
    ("Which airport did the RSF use to receive weapons?", "In June 2024, the United Arab Emirates supplied the "
     "airport at Nyala with cargo flights.", "Nyala"),
    ("Which port is used to export charcoal?", "The Government of Kenya closed the port of Kismayo in 2019.",
     "Kismayo"),
    # … and a name's own participle is no sentence opener: "Allied Democratic Forces", "United Arab Emirates", "Ahmed".
    ("Which armed group attacked Beni?", "Attacks continued. Allied Democratic Forces fighters killed 40 civilians "
     "near Beni.", "Allied Democratic Forces"),
    ("Which country supplied the RSF?", "The Panel investigated the flights. United Arab Emirates cargo aircraft "
     "landed in Amdjarass.", "United Arab Emirates"),
    ("Which agency published the opium survey?", "Prices rose. United Nations Office on Drugs and Crime surveys "
     "recorded the rise.", "United Nations Office on Drugs and Crime"),
    ("Who ordered the attack on Kismayo?", "Fighting resumed. Ahmed Mohamed Islam ordered the attack on Kismayo.",
     "Ahmed Mohamed Islam"),
    ("Which port did the vessel use?", "The vessel docked at the port, Somali authorities said, and unloaded "
     "charcoal.", None),
    ("Which gang leader controls Cité Soleil?", "The gang that controls Cité Soleil lost its leader, Monel Felix, in "
     "May.", "Monel Felix"),
    ("Which armed group controls Goma?", "In mid-May, M23 intensified cordon and search operations in Goma, resulting "
     "in the detention of hundreds of individuals accused of links to the Armed Forces of the Democratic Republic of "
     "the Congo.", None),
    ("Which militia operates in Kufra?", "The Sudanese armed groups present in Kufra include the Sudan Liberation "
     "Army.", "Sudan Liberation Army"),
    ("Who runs the Libyan National Army?", "On 4 February, the Libyan National Army deployed its military police "
     "forces to the southern region to take over military assets belonging to the 128th Reinforced Brigade.", None),
    ("Who is the emir of ISIL in Somalia?", "Following Asim Umar’s death in 2019, Osama Mahmoud had been de facto "
     "leader, but in March he was formally declared “emir” of AQIS.", None),
    ("Who is the emir of ISIL in Somalia?", "Following the decision in June 2024 by leaders of Jemaah Islamiyah (JI, "
     "QDe.092) to disband, officials released Para Wijayanto, the prior emir of JI.", None),
    ("Who is the emir of ISIL in Somalia?", "The identity of the ISIL (Da’esh) leader, Abu Hafs al-Hashimi "
     "al-Qurashi, was unclear. Some Member States believed that al-Qurashi was Abdul Qadir Mumin, the head of ISIL "
     "(Da’esh) in Somalia.", "Abdul Qadir Mumin"),
    # A measure of one material is not another's.
    ("How many tonnes of coltan did the network smuggle?", "The network smuggled 412 tonnes of cobalt through Goma.",
     None),
    ("How many tonnes of coltan did the network smuggle?", "The network smuggled 412 tonnes of coltan through Goma.",
     "412 tonnes of coltan"),
    ("How much did Al-Shabaab raise in 2024?", "Member States reported amounts between $100 million and $200 "
     "million.", "between $100 million and $200 million"),
    ("How much did Al-Shabaab raise in 2024?", "Al-Shabaab raised $100 million to $200 million.",
     "$100 million to $200 million"),
    ("How much do the checkpoints charge per truck?", "Fees were raised from between SDG 200 and SDG 300 to between "
     "SDG 500 and SDG 1,000 per truck.", "between SDG 500 and SDG 1,000"),
    ("How much did the militia charge per truck?", "The militia charged usd. 500 to usd. 1,000 per truck.",
     "usd. 500 to usd. 1,000"),
    # ... and "others" told of the question's second act are the asked ones too.
    ("How many civilians were killed and displaced in the attack?", "In the attack, 20 civilians were killed and "
     "10,000 others were displaced.", "20 civilians; 10,000 others"),
    ("How many civilians were killed in the attack?", "In the attack, 20 civilians were killed and 10,000 others "
     "were displaced.", "20 civilians"),
    # A figure its sentence dates to another year answers no question about this one; a span of years or a year
    # asked as a period's edge still may, and a cited document's year is no date of the figure.
    ("How many people were killed in mob lynchings in Haiti in 2023?", "In 2024, at least 423 people were killed in "
     "mob attacks known as Bwa Kale (see S/2023/674).", None),
    ("How many Sudanese refugees arrived in Libya during 2022?", "An estimated 370,000 to 550,000 Sudanese refugees "
     "are expected to arrive in Libya by the end of 2025.", None),
    ("How many people were killed in Haiti in 2024?", "In 2024, at least 423 people were killed in mob attacks (see "
     "S/2023/674).", "at least 423 people"),
    ("How many people were killed in Haiti in 2021?", "Between 2019 and 2023, at least 4,230 people were killed in "
     "mob attacks.", "at least 4,230 people"),
    ("How many people were killed in Haiti since 2020?", "In 2024, at least 423 people were killed in mob attacks.",
     "at least 423 people"),
    ("How many people were killed in Haiti in 2024?", "At least 423 people were killed in mob attacks.",
     "At least 423 people"),
])
def test_a_figure_answers_only_for_what_is_asked(question: str, quote: str, expected: str | None) -> None:
    found = direct_answer(question, quote)
    assert found == expected if expected is None else found is not None and found.startswith(expected)


def test_a_figure_question_its_quotes_leave_open_is_not_answered(sample_index: tuple[Any, Any]) -> None:
    # Abstention threshold near 0: the confidence model would catch these on six documents; the rule must too, on a
    # corpus where near misses score as answers (dev: "How many Glock pistols …?", "How many tons of gum arabic
    # were looted between July and December 2024?").
    settings, _ = sample_index
    bot = Briefbot(settings.with_overrides(abstain_threshold=0.05))
    answered = bot.ask("How many friendly approaches did Operation IRINI carry out?")
    assert not answered.abstained and answered.answer.startswith("**38 friendly approaches** [1]")
    rifles = bot.ask("How many rifles were found on the vessels Operation IRINI inspected?")
    assert rifles.abstained and "(“how many rifles”)" in rifles.answer and rifles.hits
    cost = bot.ask("How much did the cargo inspected by Operation IRINI cost?")
    assert cost.abstained and "(the amount asked for)" in cost.answer
    # Two counts asked, a line for neither (a held-out near miss on an arms network's seizures).
    both = bot.ask("How many rifles and how many rounds of ammunition were found on the vessels Operation IRINI "
                   "inspected?")
    assert both.abstained and "(“how many rifles” and “how many rounds of ammunition”)" in both.answer, both.answer


def test_only_questions_counting_every_part_are_counts() -> None:
    from briefbot.answer import _only_counts_asked, sub_questions

    assert _only_counts_asked(sub_questions("How many firearms and how many rounds of ammunition were seized?"))
    # "per cent" makes either part read as a count; neither asks one (test q165, read: it abstained for no figure).
    assert not _only_counts_asked(sub_questions("Where and when did the Haitian National Police seize a privately "
                                                "made AR-15-type rifle built on an 80 per cent receiver?"))


def test_who_holds_an_office_the_quotes_name_no_holder_of_is_not_answered(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    # Round 17: "Who is the Coordinator of the Group of Experts on the DRC?" was answered with a resolution about the
    # Group naming no coordinator (probes; and dev "Who chairs the … Panel of Experts on drug trafficking in
    # Afghanistan?"). The samples plus the real appointment letter S/2025/172; threshold near 0, as above: the rule
    # must hold where the confidence model would let the answer through.
    from conftest import sample_indexes

    settings = sample_indexes(tmp_path_factory).variant("letter_172", lambda _folder: [LETTER_172])
    bot = Briefbot(settings.with_overrides(abstain_threshold=0.05))
    named = bot.ask("Who is the Coordinator of the Panel of Experts on Libya?")
    assert not named.abstained and named.answer.startswith("**Salma Arka** [1]"), named.answer
    # Offices change hands: the holder is given as of the document naming her.
    assert any(n.startswith("[1] names Salma Arka as of ") and "March 2025" in n for n in named.notes), named.notes
    chair = bot.ask("Who chairs the Panel of Experts on Libya?")
    assert chair.abstained and "name no chair of what it asks about" in chair.answer and chair.hits, chair.answer
    # Whom someone appointed asks a person's name too (a held-out near miss, 2026-12-06: the DRC Group's renewal,
    # naming no coordinator, was the answer).
    appointed = bot.ask("Whom did the Secretary-General appoint as Coordinator of the Panel of Experts on Libya?")
    assert not appointed.abstained and "Salma Arka" in appointed.answer, appointed.answer
    nobody = bot.ask("Whom did the Secretary-General designate as Coordinator of the Group of Experts on the "
                     "Democratic Republic of the Congo?")
    assert nobody.abstained and "name no one for what it asks about" in nobody.answer, nobody.answer


def _cites(*quotes: str) -> list[Citation]:
    return [Citation(key=str(k), document="d.pdf", symbol=None, page=1, paragraph=None, doc_id="d.pdf", quote=q)
            for k, q in enumerate(quotes, start=1)]


@pytest.mark.parametrize(("name", "quote", "named"), [
    ("RSF", "On 3 May, the Rapid Support Forces abducted 12 United Nations personnel near Kadugli.", True),
    ("HNP", "Reinforcements of the Haitian National Police were deployed.", True),
    ("RSF", "The Sudanese Armed Forces took the town.", False),
    ("Al-Shabaab", "Al-Karrar office regional affiliates sought funds.", False),
    # A French name's later words are lower case and its articles are no letters (S/2025/383, para. 30).
    ("CMSPR", "clashes between national defence forces and Coalition militaire de salut du peuple et de "
     "redressement near the Balaka mining site", True),
    ("UPC", "elements of the Unité pour la paix en Centrafrique", True),
    ("CMSPR", "clashes between national defence forces and the Coalition des patriotes pour le changement", False),
    # An Arabic name's articles are read as their words' letters ("ul-Islam", "al-Muslimin"), "wa" as glue
    # (S/2025/495, para. 31; a sweep of analyst questions abstained on its "54 soldiers").
    ("JNIM", "On 17 April, Jama‘a Nusrat ul-Islam wa al-Muslimin claimed responsibility for two coordinated "
     "attacks on military posts in Banikoara and Koudou", True),
    ("HTS", "the forces of Hay’at Tahrir al-Sham entered Damascus", True),
    ("JNIM", "On 17 April, Jama‘a Nusrat ul-Islam claimed responsibility", False),
    ("ASWJ", "the Ahlu Sunna Wal Jama'a fighters", True),  # a capitalised "Wal" is a word of the name
    ("SF", "Al-Shabaab Forces attacked the base", False),  # a name's own "Al-" is no article to read past
    # Lower-case words only in a French name, and within one clause (a second reader's probes).
    ("ISIL", "In Somalia, its local affiliate Al-Shabaab earned $24 million from extortion.", False),
    ("RSF", "Reliable sources further indicated that the Sudanese Armed Forces earned $50 million.", False),
    ("MSS", "Decides that all Member States shall prevent the supply.", False),
])
def test_a_group_is_named_in_its_own_form_or_spelled_out(name: str, quote: str, named: bool) -> None:
    assert _group_named(name, quote) is named


@pytest.mark.parametrize(("place", "state"), [
    ("Islamic Republic of Iran", True), ("UAE", True), ("Democratic People’s Republic of Korea", True),
    ("Kingdom of the Netherlands", True), ("Libya’s south", True), ("the Sudan", True), ("Darfur", False),
    ("Jebel Eredi", False),
])
def test_a_state_is_read_in_its_long_and_short_forms(place: str, state: bool) -> None:
    assert _a_state(place) is state


def test_a_figure_of_another_group_is_no_line() -> None:
    # S/2025/482, para. 104: ISIL-Somalia's ransoms "demanded via mobile money" are not Al-Shabaab's revenue, even
    # in the lead quote; a quote naming the group the way the question does is.
    isil = ("Al-Karrar office regional affiliates sought alternative means of raising funds, such as kidnap for "
            "ransom, whereby smaller immediate payments (e.g. $50–$100) were demanded via mobile money applications.")
    question = "How much revenue did Al-Shabaab raise through mobile money transfers in 2024?"
    assert direct_line([question], _cites(isil)) is None
    assert direct_line([question], _cites(isil.replace("Al-Karrar office regional affiliates", "Al-Shabaab"))) == \
        "**$50–$100** [1]"
    # A place or a plain name need not be in the lead quote: it says "the mine", named a paragraph before.
    assert direct_line(["How much gold per day was the Kidineer mine in East Jebel Marra producing?"], _cites(
        "Production at the mine had reached an output of between 2 and 3 kilograms of gold per day.")) == \
        "**between 2 and 3 kilograms of gold** [1]"


def test_a_middle_initial_ends_no_sentence() -> None:
    # S/RES/2796 (2025) para. 2 was quoted to "… and Head of UNSMIL, Hanna S." and its name lost.
    text = ("Reiterates its full support for the Special Representative for Libya and Head of UNSMIL, Hanna S. Tetteh, "
            "and her staff. The Council decides to remain seized of the matter.")
    assert next(text[a:b] for a, b in split_sentences(text)).endswith("Hanna S. Tetteh, and her staff.")
    assert len(split_sentences(text)) == 2
    # A letter naming a place or part, or one before a word that opens sentences, still ends one.
    for ends in ("Described in Annex I. Iran will continue.", "World War I. The end came.",
                 "The convoy was near Sector D. Two civilians died.", "Bosnia and Herzegovina A. Presidency met."):
        assert len(split_sentences(ends)) == 2, ends


# S/2025/71/Rev.1, para. 105 (Boko Haram's income), as printed.
_ZAKAT_AND_SCRAP = ("Boko Haram was reported to collect zakat of 4 to 5 cows for every 120, while herders were charged "
                    "between 5,000 to 30,000 naira per herd of cattle and 2,000 to 10,000 naira per herd of sheep or "
                    "goats to access grazing land. Boko Haram was also reported to have ventured into selling scrap "
                    "metal – a ton of iron scrap metal sold for 450,000 naira, while aluminium scrap sold for 650,000 "
                    "naira per ton.")


def test_how_much_per_unit_asks_a_price_and_naira_are_money() -> None:
    # "How much per tonne …?" asks a price: the count "4 to 5 cows" is not one (a probe answered with it).
    question = "How much per tonne was Boko Haram reportedly getting for scrap iron?"
    assert answer_type(question) == "money"
    assert direct_answer(question, _ZAKAT_AND_SCRAP) == "450,000 naira"
    assert "450,000 naira" in [_ZAKAT_AND_SCRAP[a:b] for a, b in slot_spans("money", question, _ZAKAT_AND_SCRAP)]
    # A rate of output is not a price: "how much per day" stays a quantity.
    assert answer_type("How much gold per day does the mine produce?") != "money"


def test_a_drug_named_two_ways_fills_the_slot() -> None:
    # S/2025/420, para. 8 says "marijuana"; a question saying "cannabis" is answered by it, not abstained on.
    question = "How much cannabis did Dominican officers find in the truck near the Haitian frontier?"
    sentence = ("Dominican law enforcement officers intercepted a truck near the Haitian frontier with more than 2.6 "
                "metric tons of marijuana and 11 kg of a cocaine-like substance.")
    assert direct_answer(question, sentence) == "more than 2.6 metric tons"
    assert _typed("count", question, sentence) == ["2.6"]
    # Another drug is not it.
    assert direct_answer(question, sentence.replace("marijuana", "cocaine")) is None


@pytest.mark.parametrize(("question", "expected"), [
    # A figure asked as an estimate or an output is the quantity, not the rise beside it (A/79/797-S/2025/109,
    # para. 66; a probe of this session).
    ("What was UNODC's estimate of Afghanistan's opium output for the 2024 season?", "433 tons"),
    # A change or a share asked is answered by the percentage.
    ("How much did opium production rise in 2024?", "19 per cent"),
    ("What share of the increase did UNODC report for 2024?", "19 per cent"),
])
def test_a_quantity_asked_is_not_the_percentage_beside_it(question: str, expected: str) -> None:
    quote = ("In a report published in November 2024, UNODC indicated that opium production in 2024 in Afghanistan "
             "remained low for the second consecutive year, despite an increase of 19 per cent compared with 2023, "
             "with production estimated at 433 tons and cultivation levels still far below what they were in the "
             "period before the implementation of the opium ban.")
    assert answer_type(question) == "count"
    assert direct_answer(question, quote) == expected


@pytest.mark.parametrize("question", ["How much are ISIL fighters paid per month?", "How much are ISIL fighters paid?"])
def test_a_sum_per_head_is_of_the_heads_asked(question: str) -> None:
    # S/2025/482, para. 102 (a held-out probe of the last session, graded there): "$35 per family" is not a
    # fighter's pay.
    quote = ("Salaries were reduced to $50 –$70 per ISIL (Da’esh) fighter per month, with $35 per family, lower than "
             "ever, and not paid regularly, suggesting financial difficulties.")
    assert direct_answer(question, quote) == "$50 –$70"
    assert direct_answer("How much did ISIL pay each family?", quote) == "$35 per family"


def test_a_total_asked_is_no_price_per_unit_nor_another_things_value() -> None:
    # A browser walk: "What was the total value of illicit gold exported …?" bolded the price of one kilogram
    # (S/2025/239, para. 91), then, with that ruled out, the value of gum arabic looted (para. 84).
    question = "What was the total value of illicit gold exported from Sudan by the RSF in 2024?"
    per_kg = ("During June to October, the estimated value per kilogram of gold amounted to $85,204.34 on formal "
              "markets, but in the mines the average price per kilogram was $72,000.")
    assert direct_answer(question, per_kg) is None
    assert direct_answer("How much was a kilogram of gold worth on formal markets?", per_kg) == "$85,204.34"
    gum = ("Local traders confirmed that around 3,700 tons of gum arabic, with an average value of $14,578,000, had "
           "been looted.")
    assert direct_answer(question, gum) is None
    assert direct_answer("What was the total value of the gum arabic looted?", gum) == "$14,578,000"


def test_where_is_not_answered_by_the_country_the_question_names() -> None:
    # A browser walk: "Where do the weapons trafficked to Haitian gangs come from?" bolded "Haiti".
    quote = ("Weapons seized in Haiti from Haitian gangs were pilfered from police stockpiles, and a criminal network "
             "in the Dominican Republic trafficked them.")
    assert direct_answer("Where do the weapons trafficked to Haitian gangs come from?", quote) == "Dominican Republic"
