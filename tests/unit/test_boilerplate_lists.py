"""Plain-text cleaner: a list of quantities without bullets or a lead-in's colon (a recipe's
ingredients) is the article's (lists.mark_item_runs), and so is the paragraph under it; a menu is not."""
from __future__ import annotations

import pytest

from pipelines.transforms.boilerplate import strip_boilerplate
from pipelines.transforms.boilerplate.lines import make_line
from pipelines.transforms.boilerplate.lists import mark_item_runs
from tests.unit.cleaner_samples import PARA_1, PARA_2, PARA_3, PARA_4, texts

INGREDIENTS = ["8-9 ripe pears, cored and peeled", "1 lemon, or about 1/4 cup lemon juice",
               "6 tbsp fruit pectin powder", "1 tsp cinnamon"]
STOPS = frozenset({"and", "or", "the", "of", "in", "about"})


def kinds(doc) -> dict[str, str]:
    return {b.text: b.kind for b in doc.blocks}


def test_ingredients_between_paragraphs_are_kept_as_list_items():
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, "Ingredients", *INGREDIENTS, PARA_3, PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, "Ingredients", *INGREDIENTS, PARA_3, PARA_4]
    assert [kinds(doc)[item] for item in INGREDIENTS] == ["list_item"] * 4
    assert kinds(doc)["Ingredients"] == "heading"


def test_the_last_paragraph_under_the_list_is_not_cut_off_as_a_teaser():
    footer = ["Share this:", "Click to share on Facebook (Opens in new window)", "Like this:", "Related",
              "Easy Tres Leches Cake Recipe", "A New Twist On Homemade Laundry Detergent"]
    page = [PARA_1, PARA_2, PARA_3, "Ingredients", *INGREDIENTS, PARA_4, *footer]
    assert texts(strip_boilerplate("\n".join(page))) == [PARA_1, PARA_2, PARA_3, "Ingredients", *INGREDIENTS, PARA_4]


@pytest.mark.parametrize("items", [
    ["iPhone 11", "iPhone 11 Pro", "iPad mini 5"],  # a menu: its words start with a capital
    ["Seven ways to save on groceries", "Why pears ripen off the tree", "The best jam jars"],  # headlines
    ["1 tsp cinnamon", "1 tsp nutmeg"],  # two lines are no run
])
def test_menus_headlines_and_pairs_are_no_item_run(items):
    lines = [make_line(no, text, STOPS) for no, text in enumerate(items)]
    mark_item_runs(lines)
    assert not any(line.list_item for line in lines)


def test_lines_in_lower_case_without_quantities_are_no_item_run():
    items = ["contains spam or advertising;", "promotes violence or hatred;", "links to malicious software;"]
    lines = [make_line(no, text, STOPS) for no, text in enumerate(items)]
    mark_item_runs(lines)
    assert not any(line.list_item for line in lines)
