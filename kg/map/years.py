"""Read a project's ``year`` value: ``2020``, ``"2020-2021"``, ``"2019-"``,
``"2024 - pågående"``, ``"2025 - 2026."``, ``"2021–22"``, ``"2019 to 2021"``, ``"since 2023"``,
``"desde 2023"`` …

An open range ("2019-", "2019 - ", "2024 - pågående"/"ongoing") is ongoing, and so is a
year after a word for "since" ("seit 2022", "depuis 2021", "2020 alkaen"). A
value that is no range of years raises :class:`BadYears`: a warning, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.diagnostics import shown

#: Words that mean "still running" in the site's languages.
ONGOING_WORDS = {
    "pågående", "pagaende", "pågår", "ongoing", "present", "now", "nu", "idag", "today", "current", "continuing",
    "en cours", "aujourd'hui", "aujourd’hui", "présent", "en curso", "actualidad", "hoy", "presente", "in corso",
    "oggi", "heute", "laufend", "fortlaufend", "andauernd", "lopend", "heden", "igangværende", "i gang",
    "nå", "käynnissä", "jatkuu", "em curso", "atualmente", "en marxa", "actualitat",
}
"""Words for "ongoing" at the end of a range, in the languages sites are written in."""
_RANGE = re.compile(r"^(\d{4})\s*(?:(?:-|–|—|/|to|till|until|tills|bis|tot|a|al|au|à|até|fino al|do|til)\s*"
                    r"(\d{4}|\d{2}(?!\d)|[^\d\s][^\d]*)?)?$", re.IGNORECASE)
SINCE_WORDS = {
    "since", "from", "seit", "ab", "sinds", "vanaf", "desde", "depuis", "dès", "dal", "dall'", "da", "dalla",
    "sedan", "från", "fra", "siden", "fra og med", "od", "a partir de", "a partir del", "des de", "a partir do",
    "starting", "started", "started in", "since the start of",
}
"""Words for "since" before a year: "since 2023", "seit 2022", "desde 2023" (started then, and still running)."""
_SINCE = re.compile(r"^(" + "|".join(sorted(map(re.escape, SINCE_WORDS), key=len, reverse=True)) + r")\s*(\d{4})$",
                    re.IGNORECASE)
_SINCE_AFTER = re.compile(r"^(\d{4})\s*(?:alkaen|lähtien|óta|onward|onwards|and ongoing)$", re.IGNORECASE)
_MIN, _MAX = 1900, 2100


class BadYears(ValueError):
    """A ``year`` value that is not a year or a range of years."""


@dataclass(frozen=True)
class YearRange:
    start: int
    end: int | None
    ongoing: bool


def parse_years(value: Any) -> YearRange:
    """Parse one ``year`` front-matter value."""
    if isinstance(value, bool) or value is None:
        raise BadYears(f"{shown(value)} is not a year")
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, str):
        text = value
    else:
        raise BadYears(f"expected a year or a range such as 2020-2021, got a {type(value).__name__}")
    cleaned = " ".join(text.strip().rstrip(".").split())
    since = _SINCE.match(cleaned) or _SINCE_AFTER.match(cleaned)
    if since:
        start = int(since.group(since.lastindex or 1))
        if not _MIN <= start <= _MAX:
            raise BadYears(f"{text!r}: {start} is outside {_MIN}–{_MAX}")
        return YearRange(start, None, True)
    match = _RANGE.match(cleaned)
    if not match:
        raise BadYears(f"{text!r} is not a year or a range such as 2020-2021 or 2019-")
    start = int(match.group(1))
    tail = match.group(2)
    has_dash = cleaned != match.group(1)
    if tail is None:
        end, ongoing = (None, True) if has_dash else (start, False)
    elif tail.isdigit() and len(tail) == 2:
        end, ongoing = start - start % 100 + int(tail), False  # "2021–22"
        if end < start:
            raise BadYears(f"{text!r}: the range ends ({end}) before it starts ({start})")
    elif tail.isdigit():
        end, ongoing = int(tail), False
    elif " ".join(tail.strip().lower().split()) in ONGOING_WORDS:
        end, ongoing = None, True
    else:
        raise BadYears(f"{text!r}: {tail.strip()!r} is neither a year nor a word for 'ongoing'")
    for year in (start, end):
        if year is not None and not _MIN <= year <= _MAX:
            raise BadYears(f"{text!r}: {year} is outside {_MIN}–{_MAX}")
    if end is not None and end < start:
        raise BadYears(f"{text!r}: the range ends ({end}) before it starts ({start})")
    return YearRange(start, end, ongoing)
