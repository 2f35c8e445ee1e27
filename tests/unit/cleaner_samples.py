"""Sample body paragraphs and small readers shared by the plain-text cleaner's tests."""
from __future__ import annotations

from pipelines.transforms.boilerplate import strip_boilerplate

PARA_1 = ("The city council voted on Tuesday to approve a new budget that raises spending on schools and "
          "public transport by a tenth, after a debate that lasted more than six hours.")
PARA_2 = ("Opponents said the plan would force the city to borrow more money next year, while supporters "
          "argued that the investment was long overdue and would pay for itself over time.")
PARA_3 = ("The mayor is expected to sign the budget into law before the end of the month, according to "
          "a spokesperson who spoke to reporters outside the chamber on Wednesday evening.")
PARA_4 = ("Transit officials said the first new buses could be on the road by the spring, if the suppliers "
          "deliver on time and the drivers' union agrees to the new timetable.")


def texts(doc) -> list[str]:
    """The body blocks' texts of a CleanedDoc."""
    return [b.text for b in doc.blocks]


def reasons(doc) -> dict[str, str]:
    """Removed line -> its reason code."""
    return {r.text: r.reason for r in doc.removed}


def between_paragraphs(line: str):
    """The CleanedDoc of `line` between two sample paragraphs above and two below."""
    return strip_boilerplate("\n".join([PARA_1, PARA_2, line, PARA_3, PARA_4]))
