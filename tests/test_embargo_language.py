"""Arms-embargo and smuggling language the mandate tracker missed (a new user's walk through the CAR, Haiti and
Libya tracks): small arms listed with commas ("small arms, light weapons, and ammunition"), "trafficking and
diversion of", smuggling named a little further from "migrants" (the taxonomy); an arms embargo imposed, lifted,
replaced or extended in an operative paragraph, and a decision on a measure of the same resolution (the tracker's
reading). Paragraphs verbatim from the Council's XML."""

from __future__ import annotations

import pytest

from briefbot.mandates import load_tracks
from briefbot.mandates.analysis import ParagraphTagger
from briefbot.mandates.corpus import RawParagraph
from briefbot.taxonomy import load_taxonomy

# S/RES/2653 (2022) para. 11: the targeted arms embargo of the Haiti regime.
HAITI_TARGETED = (
    "11. Decides that, for an initial period of one year from the date of adoption of this resolution, all Member "
    "States shall immediately take the necessary measures to prevent the direct or indirect supply, sale or transfer "
    "to, or for the benefit of, the individuals and entities designated by the Committee from or through their "
    "territories or by their nationals, or using their flag vessels or aircraft of arms and related materiel of all "
    "types, including weapons and ammunition, military vehicles and equipment, paramilitary equipment, and spare "
    "parts for the aforementioned, and technical assistance, training, financial or other assistance, related to "
    "military activities or the provision, maintenance or use of any arms and related materiel, including the "
    "provision of armed mercenary personnel whether or not originating in their territories;")
# S/RES/2699 (2023) para. 14: the same paragraph replaced by a territorial small-arms embargo.
HAITI_REPLACED = (
    "14. Decides that paragraph 11 of resolution 2653 (2022) shall be replaced by the following:\n“Decides that, for "
    "an initial period of one year from the date of adoption of this resolution, all Member States shall take the "
    "necessary measures to prevent the direct or indirect supply, sale, or transfer to Haiti, from or through their "
    "territories or by their nationals, or using their flag vessels or aircraft of small arms, light weapons, and "
    "ammunition, and further decides that this measure shall not apply to:")
# S/RES/2700 (2023) paras. 6 and 8.
HAITI_REAFFIRMED = (
    "6. Reaffirms paragraph 14 of resolution 2699 (2023), which decided that all Member States shall take the "
    "necessary measures to prevent the direct or indirect supply, sale, or transfer to Haiti, from or through their "
    "territories or by their nationals, or using their flag vessels or aircraft, of small arms, light weapons, and "
    "ammunition, and further decided that this measure shall not apply to:")
HAITI_DIVERSION = ("8. Decides that Member States shall take appropriate steps to prevent the illicit trafficking and "
                   "diversion of small arms, light weapons, and ammunition in Haiti;")
# S/RES/2698 (2023) para. 2.
LIBYA_MIGRANTS = ("2. Calls upon Member States to place the human rights and the immediate needs of migrants and "
                  "refugees at the core of their efforts to prevent and counter smuggling and trafficking;")


@pytest.fixture(scope="module")
def tagger() -> ParagraphTagger:
    tax = load_taxonomy()
    return ParagraphTagger(tax, load_tracks(None, tax.slugs).tagging)


def test_trafficking_and_diversion_of_a_listed_small_arms_category_is_arms(tagger: ParagraphTagger) -> None:
    assert "arms_trafficking" in tagger.tag(HAITI_DIVERSION)


def test_smuggling_a_little_further_from_migrants_is_migrant_smuggling(tagger: ParagraphTagger) -> None:
    assert "migrant_smuggling" in tagger.tag(LIBYA_MIGRANTS)


def test_a_list_of_other_contraband_near_migrants_is_not(tagger: ParagraphTagger) -> None:
    # Smuggling of something else beyond the window is not migrant smuggling.
    assert "migrant_smuggling" not in tagger.tag(
        "Expressing concern at the situation of migrants and refugees in the region and at the reported increase in "
        "organized criminal activity along the coast over the past year, including drug smuggling.")


# --- the tracker's own reading: an arms embargo decided in an operative paragraph is the track's arms language ---

# S/RES/2745 (2024) paras. 1-3: the CAR embargo lifted, an embargo on armed groups imposed, and seizure of what it
# prohibits.
CAR_LIFTED = ("1. Decides to lift the arms embargo on the CAR established under resolution 2127 (2013) as amended and "
              "extended by resolution 2693 (2023);")
CAR_IMPOSED = (
    "2. Decides that, until 31 July 2025, all Member States shall take the necessary measures to prevent the direct "
    "or indirect supply, sale or transfer, from their territories or by their nationals, or using their flag vessels "
    "or aircraft of arms and related materiel of all types, including weapons and ammunition, military vehicles and "
    "equipment, paramilitary equipment, and spare parts for the aforementioned to armed groups and associated "
    "individuals operating in the CAR, including prohibiting technical assistance, training, financial or other "
    "assistance, related to military activities or the provision, maintenance or use of any arms and related "
    "materiel;")
CAR_SEIZED = (
    "3. Decides to authorise all Member States to, and that all Member States shall, upon discovery of items "
    "prohibited by paragraph 2 of this resolution, seize, register and dispose (such as through destruction, "
    "rendering inoperable, storage or transferring to a State other than the originating or destination States for "
    "disposal) items the supply, sale, transfer or export of which is prohibited by paragraph 2 of this resolution, "
    "decides that the Member State who seizes and disposes (such as through destruction, rendering inoperable, "
    "storage or transferring to a State other than the originating or destination States for disposal) of such items "
    "shall notify the Committee of such disposal within 30 days providing details of all items disposed of and the "
    "precise manner in which they were disposed of, and decides further that all Member States shall cooperate in "
    "such efforts;")
# S/RES/2700 (2023) para. 7.
HAITI_EXTENDED = ("7. Decides to extend the measure described in paragraph 6 of this resolution until one year from "
                  "the date of adoption of this resolution;")


def _raw(label: str, text: str, operative: bool = True) -> RawParagraph:
    return RawParagraph(0, label, operative, text, 0)


@pytest.mark.parametrize("text", [HAITI_TARGETED, HAITI_REPLACED, HAITI_REAFFIRMED, CAR_LIFTED, CAR_IMPOSED],
                         ids=["2653-11", "2699-14", "2700-6", "2745-1", "2745-2"])
def test_an_operative_embargo_is_arms_language_of_the_track(tagger: ParagraphTagger, text: str) -> None:
    assert "arms_trafficking" in tagger.tag(text, True)


def test_a_mention_of_the_embargo_is_not(tagger: ParagraphTagger) -> None:
    # A recital recalling it, a call to comply with it and a Panel's task keep the second indicator rule.
    assert tagger.tag(CAR_LIFTED.removeprefix("1. "), False) == {}
    assert "arms_trafficking" not in tagger.tag(
        "9. Calls upon all States, in particular those in the region, to provide the Committee with all available "
        "information on violations of the arms embargo;", True)
    assert "arms_trafficking" not in tagger.tag(
        "(a) to investigate the violations of the arms embargo covering access to Somalia by land, air and sea;", True)
    # An embargo on a State's own arms trade stays out, decided or not (the taxonomy's negative context).
    assert "arms_trafficking" not in tagger.tag(
        "8. Decides that all States shall prevent the direct or indirect supply, sale or transfer to the DPRK, "
        "through their territories or by their nationals, of any battle tanks, or of arms and related materiel;", True)


def test_a_decision_on_a_measure_of_the_same_resolution_carries_its_themes(tagger: ParagraphTagger) -> None:
    car = tagger.tag_paragraphs([_raw("1", CAR_LIFTED), _raw("2", CAR_IMPOSED), _raw("3", CAR_SEIZED)])
    assert all("arms_trafficking" in t for t in car)
    assert car[2]["arms_trafficking"] == ["items prohibited by paragraph 2 of this resolution"]
    haiti = tagger.tag_paragraphs([_raw("6", HAITI_REAFFIRMED), _raw("7", HAITI_EXTENDED), _raw("8", HAITI_DIVERSION)])
    assert [sorted(t) for t in haiti] == [["arms_trafficking"]] * 3
    assert haiti[1]["arms_trafficking"] == ["measure described in paragraph 6 of this resolution"]


@pytest.mark.parametrize("text", [
    "4. Decides to review the measures imposed by paragraph 2 above in light of the progress achieved;",
    "5. Decides that the individual listed in the annex of this resolution shall be subject to the measures imposed "
    "by paragraph 2 above;",
    "6. Decides that the mandate of the Committee shall apply to the measures in paragraph 2 above;",
    "7. Decides that all States shall, during the period of enforcement of the measures referred to in paragraph 2 "
    "above, immediately freeze the funds of the persons designated by the Committee;",
    "8. Requests the Panel to report on the measures imposed by paragraph 2 above;",
])
def test_what_does_not_act_on_that_measure_does_not(tagger: ParagraphTagger, text: str) -> None:
    tags = tagger.tag_paragraphs([_raw("2", CAR_IMPOSED), _raw(text.split(".")[0], text)])
    assert "arms_trafficking" not in tags[1]
