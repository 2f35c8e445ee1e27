"""Figures: every numeric fact in a body paragraph, normalized so SQL can compare them.

A fast grammar (compiled regexes built from the tables in pipelines/data/figures/) instead of a
parser: the pipeline's spaCy pass runs only tok2vec+ner, and figures may add at most 10% to it.

`extract_figures(text, reference_date=None)` returns dicts with: text, char_start, char_end
(text[char_start:char_end] == text), value, value_high (ranges), kind (money | percent | count |
quantity | duration | ordinal | year | date), unit (canonical: mile, kilometre, day, percent,
per_barrel ...; None for bare counts and plain money), currency (ISO 4217), qualifier (exact |
about | over | under | at_least | at_most | up_to | nearly), subject (heuristic noun phrase after
the number), iso_date (YYYY-MM-DD, or YYYY-MM for "June 2018"), date_inferred (year taken from
reference_date) and converted_from (index of the figure this one converts, "€5bn (£4.2bn)").

Conventions: money values are in the major unit ("50 cents" -> 0.5 USD, unit "cent"); percents
are in percent ("a third of" -> 33.3, about); vague amounts ("thousands of kilometres",
"dozens") are not figures; non-figures (model names, phone numbers, clock times, scores, list
numbers) are listed with reasons in pipelines/data/figures/non_figures.json.
"""
from pipelines.transforms.figures.extract import extract_figures
from pipelines.transforms.figures.frame import FIGURES_SCHEMA, figures_frame, figures_jsonl

__all__ = ["extract_figures", "figures_frame", "figures_jsonl", "FIGURES_SCHEMA"]
