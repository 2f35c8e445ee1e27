"""The plain-text cleaner's shortcuts give what the plain per-line code gives: prefilters skip only
patterns that could not have matched, page-level string steps equal the per-line ones."""
from __future__ import annotations

import re

import pytest

from pipelines.transforms.boilerplate.prefilter import FirstMatch
from pipelines.transforms.boilerplate.regex_analysis import first_char_test, required_literals
from pipelines.transforms.boilerplate.rules import _load, split_alternatives
from tests.unit.cleaner_samples import PARA_1, PARA_2, PARA_3, PARA_4

LINES = [
    "", "Home", "home", "menu", "By Jane Smith", "by jane smith", "Related Articles", "2 hours ago",
    "about 3 minutes ago", "Posted on March 3, 2021 at 10:15 am", "Photo: Reuters", "(AP Photo/John Doe)",
    "Sign up for our newsletter", "All rights reserved.", "Share this article", "Read more...",
    "The mayor said the plan would cost more…", "© 2024 Example News", "Jan 5, 2023 10:30 am",
    "Monday, March 4, 2024", "2024-03-01 10:00", "12:30 pm EST 3/4/2024 more", "@reporter", "jane@example.com",
    "Jane Smith is a reporter for the Example Post", "ÉDITION DU SOIR", "Über uns", "İstanbul’da", "ſign up",
    "Kelvin K", "   leading spaces", "x", "?", "1 of 12", "Image 3 of 9", PARA_1, PARA_2, PARA_3,
    "Jane Doe for The New York Times", "Students gathered outside the court (Getty Images)",
]


def _named_alternation(patterns: list[str], flags: int) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<p{i}>{p})" for i, p in enumerate(patterns)), flags)


def _reference(patterns: list[str], flags: int, text: str):
    m = _named_alternation(patterns, flags).match(text)
    return int(m.lastgroup[1:]) if m else None


SYNTHETIC = [
    r"(about )?\d+ ?(hours?|minutes?) ago\W*$", r"home|menu", r"\W*$", r"(?i:by) [a-z]+", r"(?-i:[A-Z]\w+) is a",
    r"[^a-z].{0,5}$", r".{0,20}(\.\.\.|…)$", r"(?=\w)[éü]\w+", r"\s*leading", r"(?:x|y)?z?\??$", r"ſign",
    r"k", r"\bre(?:lated|ad)\b", r"(?>pos)ted", r"[\d@]\w+",
]


def _data_alternatives():
    anchored, cased = [], []
    for entry in _load("line_patterns.json")["patterns"]:
        for alt in split_alternatives(entry["pattern"]):
            if "(?-i" in alt:
                cased.append(alt.removeprefix("^"))
            elif alt.startswith("^"):
                anchored.append(alt[1:])
    return anchored, cased


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_first_match_agrees_with_one_named_alternation(flags):
    anchored, cased = _data_alternatives()
    for patterns, texts in ((SYNTHETIC, LINES), (anchored, [t.lower() for t in LINES]), (cased, LINES)):
        matcher = FirstMatch([(p, i) for i, p in enumerate(patterns)], flags)
        for text in texts * 2:  # the second round runs on the cached alternations
            assert matcher.match(text) == _reference(patterns, flags, text), (text, flags)


def test_first_match_without_patterns_matches_nothing():
    assert FirstMatch([]).match("anything") is None


def test_first_char_test_reads_literals_classes_and_optional_prefixes():
    test = first_char_test(r"(about )?\d+ ago")
    assert test("a") and test("7") and not test("b")
    assert first_char_test(r"home|menu")("m") and not first_char_test(r"home|menu")("x")
    assert first_char_test(r"(?i:by) x")("B")
    assert first_char_test(r".{0,9}x") is None  # may start with anything
    assert first_char_test(r"\W*$") is None  # may match the empty string


def test_required_literals_picks_a_necessary_set():
    assert required_literals(r".{0,160}[\w,;](\.\.\.|…)$") == {"...", "…"}
    assert required_literals(r"sign[ -]?up (for|to) (our|the) .{0,60}(newsletter|alerts?)") == {"newsletter", "alert"}
    assert required_literals(r".{0,9}\d+") is None
    assert required_literals(r"(?i)getty") is None  # case-folded letters are not literal


def test_required_literals_hold_in_every_match():
    anchored, cased = _data_alternatives()
    cases = [(p, 0, [t.lower() for t in LINES]) for p in anchored + SYNTHETIC] + [(p, re.I, LINES) for p in cased]
    for pattern, flags, texts in cases:
        literals = required_literals(pattern, flags)
        for text in texts:
            if literals and re.compile(pattern, flags).search(text):
                assert any(lit in text for lit in literals), (pattern, text)


def test_back_references_switch_the_dispatch_off():
    patterns = ["(a)b", r"x(y)\1", "(c)+d"]
    matcher = FirstMatch([(p, i) for i, p in enumerate(patterns)])
    for text in ["ab", "xyy", "xyb", "ccd", "xy"]:
        assert matcher.match(text) == _reference(patterns, 0, text)


TRICKY_LINES = [
    "ΟΔΟΣ", "ΣΟΦΟΣ ΛΟΓΟΣ", "Σ", "İstanbul’da 2024", "ＡＢＣ１２３", "ﬁnancial ﬂows", "e\u0301te\u0301", "\u0301accent first",
    "© 2019 Foo", "— Related —", "  spaced   out  ", "Ǆemal", "ß", "ǅ", "x" * 70, "1 of 12", "",
]


def test_page_level_normalize_lines_equals_per_line():
    from pipelines.transforms.boilerplate.site import normalize_line, normalize_lines

    lines = TRICKY_LINES + LINES  # empty lines too: a line can be all inline noise
    assert normalize_lines(lines) == [normalize_line(x) for x in lines]
    assert normalize_lines(["plain ascii 123", "Home"]) == [normalize_line("plain ascii 123"), "home"]
    assert normalize_lines([]) == [] and normalize_lines([""]) == [""]
    joined = "\n".join(lines).lower().split("\n")  # what parse_lines hands the line rules
    assert joined == [x.lower() for x in lines]


def test_starts_anchored():
    from pipelines.transforms.boilerplate.regex_analysis import starts_anchored

    assert starts_anchored("^more (from|in) .{1,40}$")
    assert starts_anchored("^a|^b") and starts_anchored("(?:^a|^b)c") and starts_anchored(r"\Aa")
    assert not starts_anchored("^a|b") and not starts_anchored("a^") and not starts_anchored("(?m)^a")


def test_page_search_keeps_every_pattern_that_matches_the_page():
    from pipelines.transforms.boilerplate.prefilter import PageSearch

    unanchored = [alt for e in _load("line_patterns.json")["patterns"] for alt in split_alternatives(e["pattern"])
                  if not alt.startswith("^") and "(?-i" not in alt]
    patterns = [*unanchored, r"all rights reserved", r" at \d", r"subscribed", r"\d+"]
    search = PageSearch([(p, i) for i, p in enumerate(patterns)], re.MULTILINE)
    pages = [t.lower() for t in LINES + TRICKY_LINES] + ["\n".join(x.lower() for x in LINES), "copyrights reserved"]
    for page in pages:
        kept = [value for _, value in search.candidates(page)]
        assert kept == sorted(kept)
        matching = [i for i, p in enumerate(patterns) if re.search(p, page, re.MULTILINE)]
        assert set(matching) <= set(kept), page
    assert [v for _, v in search.candidates("chat")] == [len(patterns) - 1]  # only \d+ has no literal


def test_make_lines_gives_each_line_what_make_line_gives_it_alone():
    from dataclasses import asdict

    from pipelines.transforms.boilerplate.language import stopwords
    from pipelines.transforms.boilerplate.lines import make_line, make_lines

    page = [
        "Istanbul Peace Talks Hang By A ThreadThe talks between the two sides stalled on Monday.",
        "Read the conceptEVLA and RunDenny pages", "- a list item with McDonald and iPhone", "1. First point",
        "東京で会議が開かれた。", "Korean 한국어 text", "KANSAS CITY, March 2 - UtiliCorp said", PARA_1, "",
        "Student-AthleteA 24-year-old woman was hurt", "aBcDe", "end?Next",
    ]
    numbered = list(enumerate(page))
    for stops in (stopwords("en"), frozenset()):
        together = make_lines(numbered, stops)
        assert [asdict(x) for x in together] == [asdict(make_line(no, t, stops)) for no, t in numbered]
        assert any(x.link_card for x in together) == bool(stops) and any(x.glued for x in together)
    from pipelines.transforms.boilerplate.lines import GLUE_POINT_RE

    written_plainly = re.compile(r"(?<=[a-z0-9?!’'”])(?:[A-Z][a-z]*)\b")
    for text in [*page, "\n".join(page), "x”The", "?A", "9Bc1", "ABC"]:
        assert [m.span() for m in GLUE_POINT_RE.finditer(text)] == [m.span() for m in written_plainly.finditer(text)]


def test_count_glued_counts_what_glued_re_finds_line_by_line():
    from pipelines.transforms.boilerplate.lines import GLUED_RE, count_glued, line_starts

    lines = ["aBcDe", "aBcdEf", "xYzWv", "McDonald iPhone", "", "ABC", "conceptEVLA RunDenny", "aBc\nDe".split("\n")[0]]
    lines += ["".join("aBcD"[(i * 7 + j) % 4] for j in range(i % 9)) for i in range(40)]
    page = "\n".join(lines)
    assert count_glued(page, line_starts(lines)) == [len(GLUED_RE.findall(x)) for x in lines]
    assert count_glued("aBcDe", [0]) == [1] and count_glued("aBcdEf", [0]) == [2]


def test_line_starts_are_the_offsets_of_the_joined_lines():
    from pipelines.transforms.boilerplate.lines import line_starts

    lines = ["ab", "", "cde", "f"]
    page = "\n".join(lines)
    assert line_starts(lines) == [0, 3, 4, 8] and [page[s : s + len(x)] for s, x in zip(line_starts(lines), lines)] == lines
    assert line_starts([]) == []


def test_nfkc_lines_normalizes_only_where_needed_with_the_same_result():
    import unicodedata

    from pipelines.transforms.boilerplate.site import nfkc_lines

    for lines in (TRICKY_LINES, LINES, ["plain", "ascii"], ["ﬁ", "e\u0301", "…", "\u00a0x"]):
        page = "\n".join(lines)
        assert nfkc_lines(page) == unicodedata.normalize("NFKC", page)
    assert nfkc_lines("already normal") == "already normal"


def test_page_search_opens_the_patterns_of_each_literal_the_page_holds():
    from pipelines.transforms.boilerplate.prefilter import PageSearch

    search = PageSearch([("ap photo/", 0), ("photo", 1), ("ap", 2), (r"\(ap photo/x", 3)], 0)
    assert [v for _, v in search.candidates("an (ap photo/x here")] == [0, 1, 2, 3]
    assert [v for _, v in search.candidates("a photo")] == [1]
    assert [v for _, v in search.candidates("apricot")] == [2]


def test_case_context_chars_are_all_that_lower_casing_splits_or_reclassifies():
    import sys

    from pipelines.transforms.boilerplate.lines import CASE_CONTEXT_CHARS

    word = re.compile(r"\w")
    odd = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        low = char.lower()
        if low != char and (len(low) != 1 or bool(word.match(char)) != bool(word.match(low))):
            odd.append(char)
    assert set(odd) <= set(CASE_CONTEXT_CHARS)
    assert "Σ" in CASE_CONTEXT_CHARS  # lower-cased by context: "ΟΔΟΣ'Α" keeps a medial σ
    assert "ΟΔΟΣ'Α".lower() != "'".join(t.lower() for t in "ΟΔΟΣ'Α".split("'"))


def test_lines_keep_their_lower_cased_tokens_unless_the_page_has_a_case_context_char():
    from pipelines.transforms.boilerplate.language import stopwords
    from pipelines.transforms.boilerplate.lines import WORD_RE, make_lines

    page = ["Über die Straße”s END", "DON’T Stop", "", "x_y 12ab", *LINES[:20]]
    lines = make_lines(list(enumerate(page)), stopwords("en"))
    assert [x.lower_tokens.split() for x in lines] == [WORD_RE.findall(x.text.lower()) for x in lines]
    for odd in ("İstanbul’da", "ΟΔΟΣ'Α"):
        assert all(x.lower_tokens is None for x in make_lines(list(enumerate([*page, odd])), stopwords("en")))


def test_broad_first_character_patterns_with_a_literal_run_behind_an_in_check():
    patterns = [r"home\W*$", r"[\w .'’-]{2,40}\s?@\w{2,20}$", r"(?-i:[A-Z]\w+(?: [A-Z]\w+){0,3}) for \w+", r"[a-z]\w+ ", r"\w+"]
    for flags in (0, re.IGNORECASE):
        matcher = FirstMatch([(p, i) for i, p in enumerate(patterns)], flags)
        # not \w+ (no literal), nor " for " under IGNORECASE (its letters are not literal there:
        # " " is left, in every line)
        assert [i for i, _, _ in matcher._gated] == ([1, 2] if flags == 0 else [1])
        for text in [*LINES, "jane @jdoe", "Jane Doe for Reuters", "home @x", "a for b"]:
            assert matcher.match(text) == _reference(patterns, flags, text), (text, flags)


def test_marker_key_is_the_text_with_each_punctuation_or_digit_run_made_a_space():
    import unicodedata

    from pipelines.transforms.boilerplate.rules import marker_key

    def spelled_out(line: str) -> str:
        text = unicodedata.normalize("NFKC", line).lower().replace("'", "").replace("’", "")
        return " ".join(re.sub(r"[\W\d_]+", " ", text).split())

    for line in [*LINES, *TRICKY_LINES, "Related Articles:", "RELATED  ARTICLES", "don't miss", "top_10 stories", "²nd ½ 3rd"]:
        assert marker_key(line) == spelled_out(line), line
    assert marker_key("— Related —") == "related" and marker_key("Don’t Miss!") == "dont miss"


def test_match_heads_name_the_first_two_characters_of_every_match():
    from pipelines.transforms.boilerplate.regex_analysis import match_heads

    assert match_heads("(home|menu)") == {"ho", "me"}
    assert match_heads("a(b|$)") == {"ab", "a"}  # "a" then anything: the match may end after it
    assert match_heads("x?y") == {"xy", "y"} and match_heads("(ab)*c") == {"ab", "c"}
    assert match_heads(r"\[?(related|read more)") == {"[r", "re"}
    assert match_heads(r"\d+") is None and match_heads(".x") is None and match_heads("(?i)ab") is None
    texts = ["", "a", "ab", "abc", "xy", "y", "yz", "c", "abab", "x", "ho", "home", "me", "[re", "related"]
    for pattern in ["(home|menu)", "a(b|$)", "x?y", "(ab)*c", r"\[?(related|read more)", "a{2,3}", "(?:a|b)(?=c)", "[a-c]{0,2}z"]:
        heads = match_heads(pattern)
        for text in texts:
            if re.match(pattern, text):
                assert any(text.startswith(h) for h in heads), (pattern, text)


def test_first_match_picks_by_two_characters_as_one_alternation_would():
    patterns = ["(home|menu)", "ho", "a(b|$)", "x?y", "(ab)*c", r"\w+", "(?:a|b)(?=c)", "[a-c]{0,2}z", r"\d+ ago"]
    matcher = FirstMatch([(p, i) for i, p in enumerate(patterns)])
    assert matcher._by_two  # the two-character buckets are in use
    texts = ["", "a", "ab", "abc", "xy", "y", "yz", "c", "abab", "x", "ho", "home", "me", "menu", "acz", "bz", "3 ago", "!"]
    for text in texts * 2:
        assert matcher.match(text) == _reference(patterns, 0, text), text


def test_marker_patterns_through_first_match_find_what_the_alternation_finds():
    from pipelines.transforms.boilerplate.rules import marker_key, rules

    ruleset = rules()
    assert ruleset.marker_first is not None  # the shipped marker patterns are all anchored
    keys = [marker_key(x) for x in LINES + TRICKY_LINES] + [
        "more from the guardian", "related stories from reuters", "most read in world", "more world news",
        "comments", "3 comments", "comment box", "view all comments", "trending now", "about the author", "about us",
    ]
    for key in keys:
        m = ruleset.marker_regex.match(key)
        expected = ruleset.marker_reasons[int(m.lastgroup[1:])] if m else None
        found = ruleset.marker_first.match(key)
        assert (None if found is None else ruleset.marker_reasons[found]) == expected, key


def test_has_sentence_is_the_sentence_end_or_an_inner_boundary_found_by_the_regex():
    from pipelines.transforms.boilerplate.language import stopwords
    from pipelines.transforms.boilerplate.lines import has_inner_sentence, make_lines

    page = ["Wow！ Great news here", "Stop。Go", "No marks at all", "St. Paul won", "He left. She stayed",
            "Lead-in with five words here:", "U.S. troops", "Why? Because", "plain", ""]
    for lines in (page, [x for x in page if x.isascii()]):
        for line in make_lines(list(enumerate(lines)), stopwords("en")):
            assert line.has_sentence == (line.ends_sentence or has_inner_sentence(line.text)), line.text


def test_make_lines_page_steps_agree_with_the_per_line_definitions():
    from pipelines.transforms.boilerplate.language import stopwords
    from pipelines.transforms.boilerplate.lines import LIST_MARKER_RE, MEDIUM_MIN_WORDS, ends_with_sentence, make_lines

    page = ["- a list item", "1. First point", "12) twelfth", "-", "2.", "- ", "•\tbullet", "— not a marker", "Ends here.",
            "Quote ends.”", "Lead-in line with five words:", "Short:", "No end", *LINES[:25]]
    for line, text in zip(make_lines(list(enumerate(page)), stopwords("en")), page):
        marker = LIST_MARKER_RE.match(text)
        cut = text[marker.end():] if marker and len(text) > marker.end() else text
        assert (line.text, line.list_item) == (cut, cut is not text), text
        lead_in = line.words >= MEDIUM_MIN_WORDS and cut.endswith(":")
        assert line.ends_sentence == (ends_with_sentence(cut) or lead_in), text


def test_first_match_over_a_page_of_lines_gives_each_line_its_own_match():
    anchored, cased = _data_alternatives()
    gated_patterns = [r"home\W*$", r"[\w .'’-]{2,40}\s?@\w{2,20}$", r".{0,20}(\.\.\.|…)$", r"(?-i:[A-Z]\w+) for \w+", r"\w+ at \d"]
    # literals split over two lines ("... " + "at 5"), a literal on the last line, lines without text
    texts = [*LINES, "jane @jdoe", "Jane Doe for Reuters", "home @x", "wait...", "seen", "at 5", "", "x at 5", "@"]
    for patterns, flags in ((SYNTHETIC, 0), (gated_patterns, 0), (gated_patterns, re.IGNORECASE), (anchored, 0), (cased, re.IGNORECASE)):
        matcher = FirstMatch([(p, i) for i, p in enumerate(patterns)], flags)
        for page in (texts, [t.lower() for t in texts], texts[::-1], texts[-3:], []):
            assert matcher.match_lines(page) == [matcher.match(t) for t in page], (patterns, flags)
            assert matcher.match_lines(page) == [_reference(patterns, flags, t) for t in page]


def test_other_whitespace_is_all_that_str_split_splits_on_besides_space_and_newline():
    from pipelines.transforms.boilerplate import site

    every = [c for c in map(chr, range(0x110000)) if c.isspace() and c not in " \n"]
    assert sorted(site._OTHER_WHITESPACE) == every
    assert site._OTHER_WHITESPACE[: site._ASCII_WHITESPACE] == "".join(c for c in every if c.isascii())


@pytest.mark.parametrize("line", ["a  b", "a\tb", "a\u3000b", " a ", "- a -", "a\xa0b", "a b", "", "\u2028", "a \x1c b"])
def test_normalize_lines_without_runs_of_whitespace_equals_the_split_and_join(line):
    from pipelines.transforms.boilerplate.site import _EDGE_PUNCT, normalize_lines

    for page in ([line], [line, "plain line"], ["plain", "- x -"], [line.encode("ascii", "replace").decode()]):
        slow = [" ".join(x.lower().split()).strip(_EDGE_PUNCT) for x in page]
        assert normalize_lines(page) == slow, page


def test_marker_key_of_the_normalized_line_is_the_marker_key():
    from pipelines.transforms.boilerplate.rules import marker_key, marker_key_of_normalized, rules
    from pipelines.transforms.boilerplate.site import normalize_line

    odd = ["don't miss", "'Tis the season'", "top_10 stories", "²nd ½ 3rd", "a1b", "Related\u00a0Articles", "ǅungla ⅷ", "x’s", "-- Share --"]
    for line in [*LINES, *TRICKY_LINES, *odd]:
        assert marker_key_of_normalized(normalize_line(line)) == marker_key(line), line
        assert rules().marker(line, normalize_line(line)) == rules().marker(line), line


def test_echo_check_stops_early_with_the_answer_of_counting_every_trigram():
    from pipelines.transforms.boilerplate.echoes import ECHO_SHARE, _restated_below, _shingles
    from pipelines.transforms.boilerplate.language import stopwords
    from pipelines.transforms.boilerplate.grading import grade
    from pipelines.transforms.boilerplate.lines import lower_words, make_lines

    def counted(lines, i):  # every trigram counted over the text below, then the line by line check
        own = _shingles(lines[i])
        if not own:
            return False
        needed = ECHO_SHARE * len(own)
        below = [x for x in lines[i + 1 :] if x.quality in ("good", "medium") and x.words > lines[i].words]
        page = " " + " ".join(" ".join(lower_words(x)) for x in below) + " "
        if sum(1 for gram in own if f" {' '.join(gram)} " in page) < needed:
            return False
        return any(len(own & _shingles(other)) >= needed for other in below)

    heads = [PARA_1[:60] + ".", PARA_1[:100] + ".", PARA_2[:80] + " and more words here.", "A short line with six words.",
             "Opponents said the plan would force the city to borrow.", PARA_3[:50] + " " + PARA_1[50:120] + "."]
    answers = set()
    for head in heads:
        for page in ([head, PARA_1, PARA_2], [head, PARA_3, PARA_1 + " " + PARA_2], [head, PARA_4], [head, "ΟΔΟΣ " + PARA_2]):
            lines = make_lines(list(enumerate(page)), stopwords("en"))
            for line in lines:
                line.quality = grade(line)
            for i in range(len(lines)):
                assert _restated_below(lines, i) == counted(lines, i), (page, i)
                answers.add(counted(lines, i))
    assert answers == {True, False}


def test_ignorecase_odd_chars_are_all_that_match_an_ascii_character_they_do_not_lower_case_to():
    from pipelines.transforms.boilerplate.rules import IGNORECASE_ODD_CHARS

    every_char = "".join(map(chr, range(0x110000)))
    printable_ascii = [chr(code) for code in range(32, 127)]
    odd = set()
    for c in re.findall("[ -~]", every_char, re.IGNORECASE):  # every character matching one of them
        matched = [a for a in printable_ascii if re.fullmatch(re.escape(a), c, re.IGNORECASE)]
        odd |= {c for a in matched if c.lower() != a.lower()}
    assert odd == set(IGNORECASE_ODD_CHARS)


def test_inline_noise_page_check_is_true_wherever_the_keyword_regex_finds_a_keyword():
    from dataclasses import replace

    from pipelines.transforms.boilerplate.rules import rules

    ruleset = rules()
    assert ruleset.inline_keywords_lowered  # today's keywords are ASCII: the cheap check runs
    texts = [*LINES, *TRICKY_LINES, "An ADVERTISEMENT here", "advertiſement", "ADVERTİSEMENT", "advertısement",
             "AdVeRtIsEmEnT", "adver tisement", "\n".join(LINES) + "\nAdvertisement"]
    for text in texts:
        found = ruleset.inline_keywords.search(text) is not None
        assert ruleset.may_hold_inline_noise(text) == found, text
        assert replace(ruleset, inline_keywords_lowered=()).may_hold_inline_noise(text) == found


def test_page_search_keeps_exactly_the_patterns_with_a_required_literal_on_the_page():
    from pipelines.transforms.boilerplate.prefilter import PageSearch

    unanchored = [alt for e in _load("line_patterns.json")["patterns"] for alt in split_alternatives(e["pattern"])
                  if not alt.startswith("^") and "(?-i" not in alt]
    patterns = [*unanchored, "ap photo/", "photo", "ap", r"\(ap photo/x", "…]", "ſign", "😀 x", r"\d+"]
    search = PageSearch([(p, i) for i, p in enumerate(patterns)], re.MULTILINE)
    literals = [required_literals(p, re.MULTILINE) for p in patterns]
    pages = [t.lower() for t in LINES + TRICKY_LINES] + ["\n".join(x.lower() for x in LINES), "an (ap photo/x here", "[…]", "😀😀 x", ""]
    for page in pages:
        plain = [i for i, found in enumerate(literals) if not found or any(literal in page for literal in found)]
        assert [value for _, value in search.candidates(page)] == plain, page
    assert PageSearch([(r"\d+", 0)]).candidates("x") and not PageSearch([]).candidates("x")
