"""Wire datelines: where a wire or press-release story's first paragraph begins.

"PEARL RIVER, N.Y., March 2 - Oper shr eight cts vs five cts" is a lede however terse, never a
headline; "BAAR, SWITZERLAND" on a line of its own announces one.
"""
from __future__ import annotations

import re

from .lines import CLOSERS, DATELINE_RE, MONTH_DAY

# a wire dateline opening a paragraph: "NEW DELHI:", "BUFFALO, N.Y. —", "LONDON (Reuters) -",
# and with the day, in any case: "PEARL RIVER, N.Y., March 2 -", "Kansas City, April 7 -"
WIRE_DATELINE_RE = re.compile(
    r"(?:[A-Z][\w.' -]{2,30}(?:, [A-Z][\w.' -]{1,20}){0,2}, " + MONTH_DAY +
    r"|[A-Z][A-Z.' ]{2,30}(?:, [A-Z][\w.' ]{1,20})?)(?: \([\w .]{1,20}\))?\s?[:—–-]\s"
)
# a dateline on its own line: "BAAR, SWITZERLAND", "NEW YORK, N.Y."
DATELINE_LINE_RE = re.compile(r"^[A-Z][A-Z.' -]{2,30}(?:, [A-Z][A-Z.' -]{1,30})?$")


def opens_wire_lede(text: str) -> bool:
    """The line opens with a wire dateline and a dash ("CHICAGO, March 11 - IC Industries
    said..."): an article's first paragraph, never a headline. A colon also ends "BREAKING:"
    or "WATCH:", which head a headline, and a wire headline in capitals has dashes too
    ("ECONOMIC SPOTLIGHT - EMS MARKS EIGHTH BIRTHDAY"): neither counts here."""
    dateline = WIRE_DATELINE_RE.match(text)
    if dateline is None or dateline.group().rstrip().endswith(":") or text[dateline.end():].isupper():
        return False
    # headlines and labels have a dash too ("US - China talks resume", "CANADIAN METALS - April 7",
    # "Live updates, March 2 - What we know"): a line without a full stop opens a lede only under
    # the day and a place's name ("DENVER, March 3 - Shr nil vs nil", "Toronto, April 1 - ...")
    if text.rstrip(CLOSERS).endswith("."):
        return True
    place = text.partition(",")[0].split()
    return bool(DATELINE_RE.search(dateline.group())) and all(word[0].isupper() for word in place)


def opens_with_dateline(text: str) -> bool:
    """A wire dateline, with a colon too ("NEW DELHI: The Supreme Court..."), or one on a line
    of its own: what a standfirst stands above."""
    return bool(WIRE_DATELINE_RE.match(text) or DATELINE_LINE_RE.match(text))
