"""A year box's value (the chat's filters, the Mandates tab), read as typed: a browser walk found " 2018 " cut to
" 201" by a four-character box, and "2015.5" read as 2015 without a word."""

from __future__ import annotations

import pytest

from briefbot.errors import BriefbotError
from briefbot.web.views import parse_year


def test_a_year_is_a_whole_number_in_range_with_spaces_around_it() -> None:
    assert parse_year(" 2018 ", 1946, 2026) == 2018
    assert parse_year(2015.0, 1946, 2026) == 2015  # what a number box gives
    assert parse_year("", 1946, 2026) is None and parse_year(None, 1946, 2026) is None
    for typed in ("2015.5", "abc", "99999", "1800", "nan", "inf"):
        with pytest.raises(BriefbotError, match="is not a year"):
            parse_year(typed, 1946, 2026, "a year")
