"""An exported answer is stamped with when it was asked, not when it was exported (a browser walk, 7 December 2026:
asked at 08:10, exported at 08:12, the file said 08:12), since its notes ("today is …", a term that "has passed")
are about the day it was asked. Real service over the samples."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from briefbot.export import answer_markdown
from briefbot.history import answer_from_json, answer_to_json
from briefbot.models import Answer


def test_the_export_is_stamped_with_when_the_answer_was_asked() -> None:
    answer = Answer(question="q", answer="a", abstained=False, citations=[], hits=[],
                    asked_at="2026-12-07T08:10:31+00:00")
    assert "2026-12-07 08:10 UTC" in answer_markdown(answer)
    # A saved answer keeps it.
    assert answer_from_json(answer_to_json(answer)).asked_at == answer.asked_at


def test_the_service_stamps_every_answer(bot: Any) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    answer = bot.ask("Until when is the mandate of the Panel of Experts extended?")
    assert answer.asked_at is not None
    assert before <= datetime.fromisoformat(answer.asked_at) <= datetime.now(UTC)
