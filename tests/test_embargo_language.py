"""Arms-embargo and smuggling language the mandate tracker missed (a new user's walk through the CAR, Haiti and
Libya tracks): small arms listed with commas ("small arms, light weapons, and ammunition"), "trafficking and
diversion of", and smuggling named a little further from "migrants". Paragraphs verbatim from the Council's XML."""

from __future__ import annotations

import pytest

from briefbot.mandates import load_tracks
from briefbot.mandates.analysis import ParagraphTagger
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

