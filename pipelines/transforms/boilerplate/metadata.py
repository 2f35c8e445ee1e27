"""Author and publication date of a plain-text page, read off the lines the cleaner removed.

HTML pages get these from trafilatura; a plain-text scrape states them in the very lines the
cleaner drops: bylines ("By Jane Doe, Reuters"), datelines ("First Published:" then "June 02,
2025, 13:26 IST"), author bios ("Apoorva Misra is News Editor at ...") and funding disclosures
("Stefan Wolff is a past recipient of ..."). Each is read only from lines with that reason, so
body text never becomes metadata; `dates.py` reads the dates. The word lists are data:
pipelines/data/boilerplate/page_metadata.json.
"""
from __future__ import annotations

import re
import unicodedata

from ..document import RemovedLine
from .dates import DATE_LABEL_RE, PAGE_METADATA, UPDATE_LABELS, UPDATE_SPLIT_RE, alternation, has_year, parse_date


MAX_AUTHORS = 3
NAME_PARTICLES = frozenset(PAGE_METADATA["name_particles"]["words"])
# A name: capitalized words (initials, hyphens, apostrophes), with the particles names carry.
NAME_RE = re.compile(rf"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|{alternation(list(NAME_PARTICLES))})){{1,4}}")
BYLINE_LABEL_RE = re.compile(rf"^\s*(?:{alternation(PAGE_METADATA['byline_labels']['words'])})\b\s*[:,]?\s*", re.IGNORECASE)
# Where a byline's names end: a bar or dash, " on "/" at "/" for "/" in " ("By Ryan Fahey For Mailonline",
# "By Verna Yu in Hong Kong"),
# a digit, a month ("by Regan September 15, 2014"); and how they are separated ("Jane Doe, John
# Roe and Ann Poe").
BYLINE_END_RE = re.compile(
    r"\s*(?:[|·•—–(@]| - | on | at | for | in |\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?\s+\d)",
    re.IGNORECASE)
ROLE_WORDS = frozenset(PAGE_METADATA["role_words"]["words"])
GLUED_BY_RE = re.compile(r"^By(?=[A-Z][a-z])")  # "ByHolly Bennett": the label's span ran into the link's
KOREAN_REPORTER_RE = re.compile(r"^([가-힣]{2,4}) 기자$")  # "김민서 기자": a name, then "reporter"
NAME_SEPARATOR_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&|und|y|e|et|en|dan)\s+")  # "and" in de, es, pt/it, fr, nl, id
# A bio opens with its subject's name ("Apoorva Misra is News Editor ..."), and so does a
# funding disclosure ("Stefan Wolff is a past recipient of ..."); "Live Science is supported by
# its audience" is the site's own disclosure, no author's.
BIO_SUBJECT_RE = re.compile(rf"^({NAME_RE.pattern})(?: \([^)]{{1,60}}\))? (?:is|was|writes|covers|works|joined)\b")
DISCLOSURE_SUBJECT_RE = re.compile(
    rf"^({NAME_RE.pattern}) (?:does not work|receives|received|has received|is a past recipient"
    r"|has disclosed|works for)\b")
def _folded(word: str) -> str:
    """Lower case without accents: "Lucía" and "lucia" are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


GIVEN_NAMES = frozenset(map(_folded, PAGE_METADATA["given_names"]["words"]))
NOT_NAME_WORDS = frozenset(PAGE_METADATA["not_name_words"]["words"])
# "Reporting by David Shepardson; Editing by Chizu Nomiyama": a wire's credit names its reporter
REPORTING_BY_RE = re.compile(r"^\(?(?:live )?reporting (by\b[^;()]*)", re.IGNORECASE)
BARE_NAME_REACH = 4  # lines under the headline where the author's bare name stands
BARE_NAME_WORDS = (2, 4)
# where a bare name's line goes on to its outlet: "Anggi Muliawati - detikNews"
_NAME_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")  # a word of a name in any script: "Ирина", "O'Neil", "Y."
NAME_TAIL_RE = re.compile(r"\s+[-–—|·]\s+|,\s*")
AUTHOR_HEADER_RE = re.compile(rf"^\W*(?:{alternation(PAGE_METADATA['author_headers']['words'])})\W*$", re.IGNORECASE)

# Where an unlabelled date belongs to the article: just under its headline (byline, dateline) or
# a few lines above it; found on the benchmark's dev pages, where the site's header date (the
# crawl day) sits further up and related-post and comment dates further down.
DATE_BELOW_TITLE, DATE_ABOVE_TITLE = 20, 12
DATE_RUN, DATE_RUN_GAP = 3, 4
# a bare "May 21, 2024, 4:07 PM" reads as a comment's time (comment_meta); this close under the
# headline it is the article's
COMMENT_TIME_REACH = 8
# "Posted on November 10, 2019 by Regan": a dated line that names its author at its end
BY_TAIL_RE = re.compile(r"\bby\s+\S.{0,60}$", re.IGNORECASE)


def page_metadata(removed: list[RemovedLine], language: str | None = None) -> tuple[str | None, str | None]:
    """(author, published_at as ISO 8601) from a page's removed lines, in page order. A page
    in another language than English writes its all-numbers dates day first ("12/03/2024").

    No site: a plain-text page names its host nowhere reliable. Its copyright line names a
    company ("Hearst Communications", "NYP Holdings"), and "originally published on Futurism"
    names another site than the one the page was scraped from (ScienceAlert), which is what
    `site` means for HTML pages (trafilatura's)."""
    title = next((r.line_no for r in removed if r.reason == "title"), None)
    return _author(removed, title), _published(removed, title, dayfirst=language not in (None, "en"))


def _author(removed: list[RemovedLine], title: int | None) -> str | None:
    """The names of the first source that gives any, surest first: a byline, a dated line's
    "by X", a wire's credit, an author bio or disclosure, an "About the Author" box, a bare name
    under the headline."""
    names = next((names for source in AUTHOR_SOURCES if (names := [n for n in source(removed, title) if _personal(n)])), [])
    return ", ".join(list(dict.fromkeys(names))[:MAX_AUTHORS]) or None


def _personal(name: str) -> bool:
    """Not a company's or a place's name ("Northbeam Renewables Inc." in its press release's
    "About" box)."""
    return name.split()[-1].lower().strip(".") not in NOT_NAME_WORDS


def _byline_authors(removed: list[RemovedLine], title: int | None) -> list[str]:
    # The page's own byline sits by its headline; further bylines are related posts' and
    # comments' ("by Surur on November 19, 2019", "by Anmol"), none of them a co-author.
    near, rest = _by_headline([r for r in removed if r.reason == "byline"], title)
    return next((names for r in near + rest if (names := byline_names(r.text))), [])


def _dateline_authors(removed: list[RemovedLine], title: int | None) -> list[str]:
    datelines = _by_headline([r for r in removed if r.reason == "dateline"], title)[0]
    return next((names for r in datelines if (names := _dateline_author(r.text.strip()))), [])


def _credit_authors(removed: list[RemovedLine], title: int | None) -> list[str]:
    """A wire's credit line: "Reporting by David Shepardson; Editing by ..." ("Reporting by CNN"
    names no one)."""
    return next((names for r in removed if r.reason == "credit"
                 if (m := REPORTING_BY_RE.match(r.text.strip())) and (names := byline_names(m.group(1)))
                 and len(names[0].split()) > 1), [])


def _bio_authors(removed: list[RemovedLine], title: int | None) -> list[str]:
    subjects = {"author_bio": BIO_SUBJECT_RE, "disclosure": DISCLOSURE_SUBJECT_RE}
    return [m.group(1) for r in removed if r.reason in subjects for m in [subjects[r.reason].match(r.text.strip())] if m]


def _author_box_authors(removed: list[RemovedLine], title: int | None) -> list[str]:
    """"About the Author" over a line holding just the name."""
    return [line.text.strip() for header, line in zip(removed, removed[1:])
            if header.reason == line.reason == "author_bio" and line.line_no == header.line_no + 1
            and AUTHOR_HEADER_RE.search(header.text) and NAME_RE.fullmatch(line.text.strip())]


def _bare_name_under(removed: list[RemovedLine], title: int | None) -> list[str]:
    """The bare name in the header under the headline: among the first BARE_NAME_REACH removed
    lines under it, and alone: a run of names is a list of topics ("Donald Trump", "Joe Biden"),
    and lines under a tags line are tags."""
    if title is None:
        return []
    # the first removed lines under it (blank lines between them in the raw text)
    header = [r for r in removed if title < r.line_no <= title + 2 * BARE_NAME_REACH][:BARE_NAME_REACH]
    names = [_bare_name(r.text) for r in header]
    for k, (r, name) in enumerate(zip(header, names)):
        if r.reason in ("tags", "related_block"):
            break
        neighbours = names[max(0, k - 1) : k] + names[k + 1 : k + 2]
        if name and not any(other and other != name for other in neighbours):
            return [name]  # the same name twice is a name and its link
    return []


def _bare_name(text: str) -> str | None:
    """The line's name, if it is a person's: two to four capitalized words, the first a common
    given name, none an outlet's or a job's ("Associated Press", "Senior Contributor")."""
    name = NAME_TAIL_RE.split(text.strip(), maxsplit=1)[0]
    words = name.split()
    if not BARE_NAME_WORDS[0] <= len(words) <= BARE_NAME_WORDS[1] or name.isupper():
        return None
    if not all(w[0].isupper() or w in NAME_PARTICLES for w in words) or not all(_NAME_WORD_RE.fullmatch(w) for w in words):
        return None
    if _folded(words[0]) not in GIVEN_NAMES or ROLE_WORDS.intersection(w.lower() for w in words):
        return None
    if words[-1].lower().strip(".") in NOT_NAME_WORDS:
        return None  # "Victoria Station", "Crystal Palace", "Morgan Stanley"
    return name


def _dateline_author(text: str) -> list[str]:
    """"Posted on November 10, 2019 by Regan" -> ["Regan"]: the names after "by" at the end of a
    publication date's line; not an update's ("Last updated ... by Moderator"), nor a line
    with no date ("Published by Bloomsbury")."""
    tail = BY_TAIL_RE.search(text)
    if tail is None or UPDATE_SPLIT_RE.search(" " + text[: tail.start()]) or parse_date(text[: tail.start()]) is None:
        return []
    return byline_names(tail.group(0))


def byline_names(text: str) -> list[str]:
    """"By Jane Doe and John Roe, Reuters" -> ["Jane Doe", "John Roe"]: the names up to the first
    part that is none (an outlet, a job, a date, a handle)."""
    reporter = KOREAN_REPORTER_RE.match(text)
    if reporter:
        return [reporter.group(1)]
    text = GLUED_BY_RE.sub("By ", text, count=1)
    label = BYLINE_LABEL_RE.match(text)
    if not label:
        return []
    names: list[str] = []
    for part in NAME_SEPARATOR_RE.split(BYLINE_END_RE.split(text[label.end():], maxsplit=1)[0]):
        words = part.split()
        if (not 1 <= len(words) <= 5 or not all(w[0].isupper() or w in NAME_PARTICLES for w in words)
                or ROLE_WORDS.intersection(w.lower() for w in words) or (names and len(words) == 1)):
            break  # a co-author has a first name and a surname; "Reuters", "Staff Writer" are none
        half = len(words) // 2
        if len(words) % 2 == 0 and words[:half] == words[half:]:
            words = words[:half]  # "Sean Martin Sean Martin": a name and its link, run together
        name = " ".join(words)
        names.append(name.title() if name.isupper() and len(name) > 3 else name)  # "LISA MASCARO"
    return names


def _published(removed: list[RemovedLine], title: int | None, *, dayfirst: bool = False) -> str | None:
    """The publication date: one labelled as such ("First Published:") anywhere but in a list of
    posts, else the first date just under the headline (or the nearest above it). Pages also
    show today's date in their header, lists of other posts with their dates, and dated
    comments: those lie outside the headline's window or in runs of dates. Update dates ("Last
    Updated:") are not publication dates: they are read only when the page shows no other.
    Lines are parsed in that order until one is a date (dateutil costs ~0.1 ms a line, more than
    the rest of this module for a page)."""
    dates = []  # (line_no, text, label): every dated or date-labelled line, for the runs
    dated = [r for r in removed if r.reason in ("dateline", "byline") or (
        r.reason == "comment_meta" and title is not None and title < r.line_no <= title + COMMENT_TIME_REACH)]
    consumed = -1
    for i, line in enumerate(dated):
        if i == consumed:
            continue
        text = line.text.strip()
        label = DATE_LABEL_RE.match(text)
        if label and not has_year(text) and i + 1 < len(dated) and dated[i + 1].line_no == line.line_no + 1:
            text, consumed = dated[i + 1].text, i + 1  # "First Published:" over its date
        if label or has_year(text):
            dates.append((line.line_no, text, label.group(1).lower() if label else None))
    # a list of posts labels its dates too ("Published 4h at 9:15 PM", "Published November 19, 2019")
    dates = [item for item in _outside_runs(dates) if has_year(item[1])]
    labelled = [text for _, text, label in dates if label is not None and label not in UPDATE_LABELS]
    near, _ = _by_headline([RemovedLine(no, text, "dateline") for no, text, label in dates if label is None], title)
    # a page that shows only when it was updated ("Aktualisiert am 27.09.2022"): the update's date
    updated = [text for _, text, label in dates if label in UPDATE_LABELS]
    texts = labelled + [r.text for r in near] + updated
    when = next((when for text in texts if (when := parse_date(text, dayfirst=dayfirst)) is not None), None)
    return when.isoformat() if when else None


def _by_headline(lines: list[RemovedLine], title: int | None) -> tuple[list[RemovedLine], list[RemovedLine]]:
    """(`lines` by the headline: just under it, then above it, nearest first; the rest, in page
    order). On a page without a headline every line counts as near, in page order."""
    if title is None:
        return lines, []
    after = [r for r in lines if title < r.line_no <= title + DATE_BELOW_TITLE]
    before = [r for r in reversed(lines) if title - DATE_ABOVE_TITLE <= r.line_no < title]
    return after + before, [r for r in lines if not title - DATE_ABOVE_TITLE <= r.line_no <= title + DATE_BELOW_TITLE]


def _outside_runs(lines: list[tuple]) -> list[tuple]:
    """Drop dated lines (line_no first) in runs of DATE_RUN or more, each close to the next: a
    list of posts."""
    runs: list[list[tuple]] = []
    for item in lines:
        if runs and item[0] - runs[-1][-1][0] <= DATE_RUN_GAP:
            runs[-1].append(item)
        else:
            runs.append([item])
    return [item for run in runs if len(run) < DATE_RUN for item in run]


# where `_author` looks for names, surest first (here, below the functions it names)
AUTHOR_SOURCES = (_byline_authors, _dateline_authors, _credit_authors, _bio_authors, _author_box_authors, _bare_name_under)
