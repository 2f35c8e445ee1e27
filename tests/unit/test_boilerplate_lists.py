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
    ["1 1/2 cups flour", "3 Tbsp oil", "200g sugar", "½ cup milk"],
    ["2 eggs", "1 lemon, juiced", "2 cups flour"],
    ["1 ½ pounds boneless chicken thighs", "2 ½ cups chicken broth", "¼ cup grated Parmesan"],
])
def test_quantities_in_any_writing_are_an_item_run(items):
    lines = [make_line(no, text, STOPS) for no, text in enumerate(items)]
    mark_item_runs(lines)
    assert all(line.list_item and line.item_run for line in lines)


@pytest.mark.parametrize("items", [
    ["iPhone 11", "iPhone 11 Pro", "iPad mini 5"],  # a menu: its words start with a capital
    ["Seven ways to save on groceries", "Why pears ripen off the tree", "The best jam jars"],  # headlines
    ["10 things to know about the new budget", "5 ways the city plans to save money",
     "7 reasons bus fares could rise"],  # a listicle's headlines count things
    ["2 hours ago", "3 replies", "5 days ago"],  # a page's counters
    ["3 dead after storm hits the coast", "5 injured in Paris knife attack", "2 arrested over jewellery robbery"],  # headlines
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


def test_a_teaser_under_a_bulleted_list_of_links_is_still_cut_off_the_body():
    # bullets are list items, but no list of quantities: the teaser under them is another story's
    teaser = "The mayor's plan for the new stadium would cost the city more than it earns in rent."
    page = [PARA_1, PARA_2, PARA_3, PARA_4, "Read more:", "• Council delays vote on stadium",
            "• Bus fares to rise in spring", "• Schools get new funding", "• Transit union sets deadline",
            teaser, "Share this article", "Facebook", "Twitter"]
    assert teaser not in texts(strip_boilerplate("\n".join(page)))


def test_a_recipes_ingredients_end_a_box_of_related_posts_above_them():
    box = ["More Easy Dinners", "Honey Garlic Salmon Bites", "One-Pan Lemon Garlic Chicken and Orzo", "Print Recipe"]
    page = [PARA_1, PARA_2, *box, "Ingredients", *INGREDIENTS, "Instructions", PARA_3, PARA_4]
    kept = texts(strip_boilerplate("\n".join(page)))
    assert kept[-len(INGREDIENTS) - 3:] == [*INGREDIENTS, "Instructions", PARA_3, PARA_4]


def test_headlines_that_start_with_a_number_do_not_end_a_box_of_related_stories():
    teasers = ["3 dead after storm hits the coast", "5 injured in Paris knife attack", "2 arrested over jewellery robbery"]
    kept = texts(strip_boilerplate("\n".join([PARA_1, PARA_2, "Related", *teasers, PARA_3, PARA_4])))
    assert not set(teasers) & set(kept)
