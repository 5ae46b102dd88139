"""A Panel's report spells an actor's name out once and uses its acronym after: a browser walk's question on "the
Rapid Support Forces" and gold never reached the Sudan Panel's paragraph on gold sold "to RSF". BM25 reads the
question with the gazetteer's other name for an actor it names: the acronym for the name, the name for the
acronym; never a spelling ("Al-Qaeda") or a description ("de facto authorities"), which moved other answers."""

from __future__ import annotations

from briefbot.lexical import query_text
from briefbot.taxonomy import other_names


def test_a_name_brings_its_acronym_and_back() -> None:
    assert other_names("What role does gold play in financing the Rapid Support Forces in Sudan?") == ["RSF"]
    assert other_names("Who buys gold from the RSF?") == ["Rapid Support Forces"]
    assert other_names("How is AQAP funded?") == ["Al-Qaida in the Arabian Peninsula"]
    assert other_names("Which UN monitors track ISIL and Al-Qaida sanctions?") == []  # spellings are not added
    assert other_names("What revenue do the Taliban draw from opium?") == []
    assert other_names("How do gangs in Haiti raise money?") == []
    assert "RSF" in query_text("gold and the Rapid Support Forces").split()
