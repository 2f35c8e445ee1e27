"""Plain-text cleaner: a live blog's entries (writer, time, heading, paragraphs, share bar), which
look like a comment thread (a name repeated between blocks of prose) and like stray bits walled
in by share bars, but are the article."""
from __future__ import annotations

from pipelines.transforms.boilerplate import strip_boilerplate
from tests.unit.cleaner_samples import PARA_1, PARA_2, PARA_3, PARA_4, texts

ENTRIES = [
    ("Met Office brings forward end of red warning",
     ["The Met Office has said its red warning for wind across Argyll and the western Highlands will now end at "
      "six o'clock this evening, three hours earlier than planned, as the storm moves away to the north-east.",
      "Forecasters said the centre of the storm was moving towards Norway faster than their models had suggested "
      "this morning, although strong gusts are still likely along exposed coasts until late tonight."]),
    ("Number of homes without power passes 60,000",
     ["Scottish and Southern Electricity Networks said 38,400 of its customers were without power on Thursday "
      "afternoon, most of them in the Highlands, Argyll and the islands, where engineers cannot yet reach the lines.",
      "Northern Powergrid said about 14,000 properties were cut off in Northumberland, Cumbria and County Durham, "
      "and that it expected to restore most of them by the end of the day on Friday."]),
    ("Flights cancelled at Glasgow and Edinburgh",
     ["More than 90 flights have now been cancelled at the two largest airports in Scotland, with Loganair "
      "grounding its whole fleet until the evening and several airlines diverting flights to Manchester.",
      "Edinburgh airport said 52 departures and arrivals had been cancelled, and advised passengers to check "
      "with their airline before travelling to the airport on Thursday or Friday morning."]),
    ("Schools closed across Highland and Argyll",
     ["Highland council has closed all 203 of its schools and nurseries for the day, while Argyll and Bute has "
      "shut most of its schools on the mainland and told parents to keep children at home until Friday.",
      "Schools in Orkney and the Western Isles are also closed, along with a number in Dumfries and Galloway, "
      "where the council said buses could not run safely on the coast roads in the wind."]),
]


def test_a_live_blogs_entries_between_share_bars_are_its_article():
    page = ["Storm Ingrid live: red warning for wind as thousands lose power", "Share"]
    for k, (heading, paragraphs) in enumerate(ENTRIES):
        page += ["Priya Basra", f"{k + 1}h ago1{k}.31 GMT", heading, *paragraphs, "Share"]
    doc = strip_boilerplate("\n".join(page))
    # the first entry's heading stands above the first paragraph, where a kicker or a menu would:
    # the header keeps it (a known loss); every later entry keeps its heading
    article = [x for heading, paragraphs in ENTRIES for x in (heading, *paragraphs)][1:]
    assert texts(doc) == article
    assert {b.text for b in doc.blocks if b.kind == "heading"} == {heading for heading, _ in ENTRIES[1:]}


def test_a_live_blogs_writer_repeated_over_its_entries_is_no_comment_thread():
    # an intro long enough that a name repeated between blocks of prose under it would read as a
    # comment widget ("Reply"); here each repeat heads an entry with its own heading
    intro = [PARA_1, PARA_2, PARA_3, PARA_4, PARA_1.replace("city", "town"), PARA_2.replace("city", "town")]
    page = ["Storm Ingrid live: red warning for wind as thousands lose power", *intro]
    for k, (heading, paragraphs) in enumerate(ENTRIES):
        page += ["Share", "Priya Basra", f"{k + 1}h ago1{k}.31 GMT", heading, *paragraphs]
    doc = strip_boilerplate("\n".join(page))
    assert texts(doc) == [*intro, *(x for heading, paragraphs in ENTRIES for x in (heading, *paragraphs))]
