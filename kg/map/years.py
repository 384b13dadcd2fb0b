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
    "till date", "to date", "till now", "आज तक", "वर्तमान", "இன்று வரை", "বর্তমান", "დღემდე", "მიმდინარე",
    "մինչ օրս", "bu günə qədər", "indiyədək", "davam edir", "по настоящее время", "настоящее время", "н.в.",
    "наст. время", "сейчас",
}
"""Words for "ongoing" at the end of a range, in the languages sites are written in."""
_RANGE = re.compile(r"^(\d{4})\s*(?:(?:-|–|—|/|to|till|until|tills|bis|tot|a|al|au|à|até|fino al|do|til|से|по|до)\s*"
                    r"(\d{4}|\d{2}(?!\d)|[^\d\s][^\d]*)?)?$", re.IGNORECASE)
SINCE_WORDS = {
    "since", "from", "seit", "ab", "sinds", "vanaf", "desde", "depuis", "dès", "dal", "dall'", "da", "dalla",
    "sedan", "från", "fra", "siden", "fra og med", "od", "a partir de", "a partir del", "des de", "a partir do",
    "starting", "started", "started in", "since the start of", "alates", "od roku", "nuo", "frá", "síðan",
    "începând cu", "incepand cu", "din", "с", "со",
}
"""Words for "since" before a year: "since 2023", "seit 2022", "desde 2023" (started then, and still running)."""
_SINCE = re.compile(r"^(" + "|".join(sorted(map(re.escape, SINCE_WORDS), key=len, reverse=True)) + r")\s*(\d{4})$",
                    re.IGNORECASE)
_SINCE_AFTER = re.compile(r"^(\d{4})\s*(?:alkaen|lähtien|óta|onward|onwards|and ongoing|से|पासून|முதல்|থেকে|"
                          r"წლიდან|წლის დასაწყისიდან|թ\.?-ից|թվականից|-ից|-?c[iıuü] ildən|ildən)$", re.IGNORECASE)
"""A year, then "since" as the languages put it after: "2020 alkaen", "2021 से" (Hindi), "2022 წლიდან"
(Georgian), "2024 թ.-ից" (Armenian), "2023-cü ildən" (Azerbaijani)."""
_MIN, _MAX = 1900, 2100

#: Eras that count years from their first (元年): Japan's and the Republic of China's (Taiwan's).
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "民國": 1911, "民国": 1911}
_ERA_YEAR = re.compile(r"(令和|平成|昭和|民國|民国)\s*(元|\d{1,3})\s*年?")
_ERA_RANGE = re.compile(r"(令和|平成|昭和|民國|民国)\s*(元|\d{1,3})\s*年?\s*[〜～~至到\-–]\s*"
                        r"(?:令和|平成|昭和|民國|民国)?\s*(\d{1,3})\s*年")
"""An era's range whose second year is of the same era ("民國110年至111年")."""


def _era(era: str, year: str) -> int:
    return _ERAS[era] + (1 if year == "元" else int(year))


_CJK_YEAR = re.compile(r"(\d{4})\s*年(?:度)?")
_CJK_SINCE = re.compile(r"^(\d{4})\s*(?:[〜～~\-–]\s*(?:現在|至今|迄今|今)?|起|から|以降|開始|より|以來|以来)$")
_HU_RANGE = re.compile(r"^(\d{4})-(?:t[óő]l|tól|től)\s*(\d{4})-ig$")
_HU_SINCE = re.compile(r"^(\d{4})-(?:t[óő]l|tól|től|óta|ota)$")
_TRAILING_UNIT = re.compile(r"(?:\s+(?:m|r|g|г|гг|года|годы|gg|év|ár|aastal|aastani|წწ|წ|թթ|թ|तक|illər|il)|"
                            r"-c[iıuü] illər)\.?$")
_FISCAL = re.compile(r"^(?:fy|f\.y\.|financial year|fiscal year|वित्त वर्ष|वित्तीय वर्ष|நிதியாண்டு|অর্থবছর)\s*"
                     r"(\d{4})\s*[-–/]\s*(\d{2}|\d{4})(?:\s*[-–—]\s*(?:fy|f\.y\.)?\s*(\d{4})\s*[-–/]\s*(\d{2}|\d{4}))?$",
                     re.IGNORECASE)
"""Financial years ("FY 2022-23", "FY 2021-22 – FY 2023-24", "वित्त वर्ष 2022-23"): from the first one's first
calendar year to the last one's last."""
_WORDS_AROUND_YEARS = re.compile(r"^(?:[^\d\-–—]+\s)?(\d{4})(?:\s[^\d\-–—]+?)?\s*[-–—]\s*(?:[^\d\-–—]+\s)?(\d{4})"
                                 r"(?:\s[^\d\-–—]+)?$")
"""Two years joined by a dash, each with words of its own around it: months or seasons ("Nov 2022 – Mar 2023",
"நவம்பர் 2022 – மார்ச் 2023", "2020 წლის შემოდგომა – 2021 წლის ზაფხული"): the range of those years."""
_LEADING_FROM = re.compile(r"^(?:de|from|von|van|dal|nuo|frá|entre)\s+"
                           r"(?=\d{4}\s*(?:à|a|to|bis|tot|al|iki|til|y|and)\s*\d)", re.IGNORECASE)


def _local_forms(text: str) -> str:
    """A year value in the plain form the patterns read: eras counted in common years ("令和3年" → 2021,
    "民國110年" → 2021), "年" and range marks of Japanese and Chinese ("2021年〜2023年" → "2021-2023",
    "2024年〜" and "民國112年起" → since), Hungarian case endings ("2020-tól 2022-ig"), financial years ("FY
    2022-23"), a trailing word for year ("2020–2022 m.", "2021–2023 гг.", "2023–2024 წწ."), words around two
    years ("Nov 2022 – Mar 2023") and a leading "from" ("de 2022 à 2024")."""
    text = _ERA_RANGE.sub(lambda m: f"{_era(m.group(1), m.group(2))}-{_era(m.group(1), m.group(3))}", text)
    text = _ERA_YEAR.sub(lambda m: str(_era(m.group(1), m.group(2))), text)
    text = _CJK_YEAR.sub(r"\1", text)
    text = re.sub(r"\s*[〜～~至到]\s*", "-", text) if re.search(r"[〜～至到]", text) else text
    if (since := _CJK_SINCE.match(text)) or (since := _HU_SINCE.match(text)):
        return f"since {since.group(1)}"
    if match := _HU_RANGE.match(text):
        return f"{match.group(1)}-{match.group(2)}"
    if fiscal := _FISCAL.match(text):
        first, second, third, fourth = fiscal.groups()
        base, last = (third, fourth) if third else (first, second)
        end = int(last) if len(last) == 4 else int(base) - int(base) % 100 + int(last)
        if len(last) == 2 and end < int(base):
            end += 100  # "FY 1999-00" ends in 2000
        return f"{first}-{end}"
    text = _TRAILING_UNIT.sub("", text)
    if around := _WORDS_AROUND_YEARS.match(text):
        return f"{around.group(1)}-{around.group(2)}"
    return _LEADING_FROM.sub("", text)


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
    cleaned = _local_forms(" ".join(text.strip().rstrip(".").split()))
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
