"""Dates as news pages print them, read into datetimes: "June 02, 2025, 13:26 IST", "Sun 17
Nov 2019 14.42 GMT", "12 марта 2024", "2024年3月12日 18時00分", "Published 6:12 PM GMT+1, March 12,
2024". dateutil does the reading; this module hands it what it can read (English month names,
"14:42" for "14.42", "+01:00" for "GMT+1") and says when a day comes first. The word lists are
data: pipelines/data/boilerplate/page_metadata.json (date labels, month names, time zones).
"""
from __future__ import annotations

import json
import re
import warnings
from datetime import datetime

from dateutil import parser as dateparser
from dateutil.tz import gettz, tzoffset

from .rules import DATA_DIR

PAGE_METADATA = json.loads((DATA_DIR / "page_metadata.json").read_text(encoding="utf-8"))


def alternation(words: list[str]) -> str:
    """A regex alternative of each word, the longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


DATE_LABEL_RE = re.compile(rf"^[\s|:–—-]*({alternation(PAGE_METADATA['date_labels']['words'])})\b", re.IGNORECASE)
UPDATE_LABELS = frozenset(PAGE_METADATA["date_labels"]["update_labels"])
UPDATE_SPLIT_RE = re.compile(rf"\W+(?:{alternation(PAGE_METADATA['date_labels']['update_labels'])})\b", re.IGNORECASE)
# "2024", "2024年" (no word boundary before 年), "송고시간2023-03-14" (a label glued on, in a script
# with no spaces to lose), not "A2024" or "12024"
YEAR_RE = re.compile(r"(?<![0-9A-Za-z_])(?:19|20)\d\d(?=\D|$|\d{1,2}:\d\d)")  # or a time glued on: "20235:00"
# Other languages' month names, each read as its English month's: "12 marzo 2024", "12 марта 2024"
FOREIGN_MONTHS = {name: month for month, names in PAGE_METADATA["month_names"]["names"].items() for name in names}
# only a month name next to its day or year is one: "12 Marzo 2024", "marzo de 2024", not "By Mai Nguyen"
FOREIGN_MONTH_RE = re.compile(
    rf"(?<=\d)(\.?\s+(?:de\s+)?)({alternation(list(FOREIGN_MONTHS))})(?!\w)"
    rf"|(?<!\w)({alternation(list(FOREIGN_MONTHS))})(?=\s+(?:de\s+)?\d)", re.IGNORECASE)
# A month by its name, or an all-numbers date (20/11/2019, 2019-11-20): what dateutil reads
MONTH_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b"
    rf"|{FOREIGN_MONTH_RE.pattern}", re.IGNORECASE)
SHORT_YEAR_DATE_RE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d\d(?=\s+\d{1,2}:\d\d)")
YEAR_FIRST_RE = re.compile(r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b")  # "2016/12/01", as in Japan: never day first
DOTTED_DATE_RE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")  # "12.03.2024": the day first, wherever it is written so
# a time written with a full stop or an "h" ("Sun 17 Nov 2019 14.42 GMT", "12/03/2024 06h00"),
# which dateutil reads as no time
DOTTED_TIME_RE = re.compile(r"(?<=\s)([01]?\d|2[0-3])[.h]([0-5]\d)(?=[\s,;]|$)")
# dates written in Chinese characters or Hangul: "2024年3月12日 18時00分", "2024년 3월 12일"
CJK_DATE_RE = re.compile(r"(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]")
CJK_TIME_RE = re.compile(r"(\d{1,2})\s?[時시]\s?(\d{1,2})\s?[分분]")
CJK_MERIDIEM_RE = re.compile(r"(午前|午後|오전|오후)\s?(\d{1,2}:\d{2})")  # "오후 6:00": 6 pm
MERIDIEM = {"午前": "AM", "午後": "PM", "오전": "AM", "오후": "PM"}
YEAR_GLUED_RE = re.compile(r"\b((?:19|20)\d\d),(?=\d{1,2}(?::\d\d|\s?[ap]\.?m))", re.IGNORECASE)  # "Mar 12, 2024,07:30am EDT"
YEAR_TIME_GLUED_RE = re.compile(r"\b((?:19|20)\d\d)(\d{1,2}:\d\d)")  # "March 7, 20235:00 AM ET": inline spans run together
LABEL_GLUED_RE = re.compile(r"(?<=[^\W\d_])(?=(?:19|20)\d\d[-/.])")  # "송고시간2023-03-14 15:32"
# "GMT+1": dateutil reads it the POSIX way, an hour west; the page means east
GMT_OFFSET_RE = re.compile(r"\b(?:GMT|UTC)\s?([+-])(\d{1,2})(?::?(\d{2}))?\b")
PART_SEPARATOR_RE = re.compile(r"\s\|\s|[·•]")  # "Nov 19, 2019 · 6 min read", "4:07 PM EDT·6 min read"
TIME_ZONES = {name: tzoffset(name, int(hours * 3600)) for name, hours in PAGE_METADATA["time_zones"]["hours"].items()}
# "PT", "ET": a region's time, summer or standard by the date, where the tz database has the region
TIME_ZONES |= {name: zone for name, region in PAGE_METADATA["time_zones"]["regions"].items()
               if name != "why" and (zone := gettz(region)) is not None}
# Two defaults for dateutil: a month or day the text lacks shows up as a difference between them.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))



def parse_date(text: str, *, dayfirst: bool = False) -> datetime | None:
    """A date with its year, month and day written out; "2 hours ago" or "Monday" is no date.
    A line of parts ("Nov 19, 2019 · 6 min read") is read part by part if not as a whole.
    dayfirst: read "12/03/2024" as 12 March (a dotted "12.03.2024" always is)."""
    text = CJK_TIME_RE.sub(r" \1:\2 ", CJK_DATE_RE.sub(r" \1-\2-\3 ", LABEL_GLUED_RE.sub(" ", text)))
    text = CJK_MERIDIEM_RE.sub(lambda m: f" {m.group(2)} {MERIDIEM[m.group(1)]} ", text)
    if not _dated(text):
        return None
    dayfirst = (dayfirst or DOTTED_DATE_RE.search(text) is not None) and not YEAR_FIRST_RE.search(text)
    when = _parse_date(text, dayfirst)
    if when is None and PART_SEPARATOR_RE.search(text):
        parts = (part for part in PART_SEPARATOR_RE.split(text) if _dated(part))
        when = next((w for part in parts if (w := _parse_date(part, dayfirst)) is not None), None)
    return when


def has_year(text: str) -> bool:
    """A year written out, or a US date with a two-digit year before its time ("11/08/23 3:12 PM")."""
    return YEAR_RE.search(text) is not None or SHORT_YEAR_DATE_RE.search(text) is not None


def _dated(text: str) -> bool:
    """A year and a month or an all-numbers date: what a line needs before dateutil is asked."""
    return has_year(text) and MONTH_RE.search(text) is not None


def _parse_date(text: str, dayfirst: bool) -> datetime | None:
    # "November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM": one date, not two
    text = UPDATE_SPLIT_RE.split(DATE_LABEL_RE.sub("", text), maxsplit=1)[0].strip(" :|-–")
    text = FOREIGN_MONTH_RE.sub(_english_month, text)
    text = YEAR_TIME_GLUED_RE.sub(r"\1 \2", YEAR_GLUED_RE.sub(r"\1, ", text))
    text = DOTTED_TIME_RE.sub(r"\1:\2", text)
    text = GMT_OFFSET_RE.sub(lambda m: f" {m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}", text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateutil warns about zone names it does not know
        try:
            first = _parse(text, _DEFAULTS[0], dayfirst)
            if first.month != _DEFAULTS[0].month and first.day != _DEFAULTS[0].day:
                return first  # neither can be the default's
            # "November 2019" has no day: parsed against the other default it differs
            return first if _parse(text, _DEFAULTS[1], dayfirst) == first else None
        except (ValueError, OverflowError):
            return None


def _english_month(match: re.Match[str]) -> str:
    if match.group(2):
        return match.group(1) + FOREIGN_MONTHS[match.group(2).lower()]
    return FOREIGN_MONTHS[match.group(3).lower()]


def _parse(text: str, default: datetime, dayfirst: bool) -> datetime:
    return dateparser.parse(text, fuzzy=True, tzinfos=TIME_ZONES, default=default, dayfirst=dayfirst)
