"""Questions of the tenth round: a sanctions committee named by its resolution's number, and what the tenth
new-user sweep found (real Council XML under tests/fixtures/akn, real index and model where a seam needs them)."""

from __future__ import annotations

import pytest

from briefbot.refs import parse_references, question_years

DPRK = "Democratic People's Republic of Korea"


@pytest.mark.parametrize(("question", "place"), [
    ("Until when did the Council extend the 1718 Committee's Panel of Experts in 2023?", DPRK),
    ("When did the Council end the 1572 sanctions regime?", "Côte d’Ivoire"),
    ("Until when is the 2653 Committee's Panel of Experts mandated?", "Haiti"),
    ("What did the (1970) sanctions committee's Panel report on fuel smuggling?", "Libya"),
])
def test_a_committee_named_by_its_resolution_names_its_country(question: str, place: str) -> None:
    # Named no place, "the 1718 Committee's Panel" got South Sudan's Panel renewal ("1 July 2024", 2683 (2023)),
    # and "the 1572 sanctions regime" a 2006 resolution listing every committee.
    assert parse_references(question).places == [place]


def test_a_committee_of_no_one_country_names_none() -> None:
    assert parse_references("When was the 1267 Committee's Monitoring Team last renewed?").places == []
    # "resolution 1718" alone still names the resolution, not a place.
    refs = parse_references("Under resolution 1718 what did the Panel report?")
    assert refs.places == [] and refs.resolutions == [1718]


def test_a_committee_number_is_no_year() -> None:
    assert question_years("What did the 2048 Committee decide in 2013?") == {2013}
    assert question_years("What did the Council decide on the Panel in 1970?") == {1970}
