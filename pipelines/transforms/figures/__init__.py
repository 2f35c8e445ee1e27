"""Figures: every numeric fact in a body paragraph, normalized so SQL can compare them.

A fast grammar instead of a parser: the pipeline's spaCy pass runs only tok2vec+ner, and figures
may add at most 10% to it. One regex finds where figures may start (digits, number words); the
words around each start are looked up in the tables of pipelines/data/figures/ (units,
currencies, scales, qualifiers, subject stop words, non-figure rules). Modules, in reading order:
tables/patterns (load + compile), extract (driver), scan (before a number: currency, sign,
qualifier; year/age/name decisions), after (scale, range, unit, currency word, rate), dates,
subject, ellipsis, lookup, numbers, frame (polars + JSONL faces).

`extract_figures(text, reference_date=None)` returns dicts with: text, char_start, char_end
(text[char_start:char_end] == text), value, value_high (ranges), kind (money | percent | count |
quantity | duration | ordinal | year | date), unit (canonical: mile, kilometre, tonne, day,
percent, year_of_age, barrel_per_day, per_share ...; None for bare counts and plain money),
currency (ISO 4217), qualifier (exact | about | over | under | at_least | at_most | up_to |
nearly), subject (the noun phrase after the number), iso_date (YYYY-MM-DD; YYYY-MM for "June
2018"; None when the year is unknown), date_inferred (year taken from reference_date: the
occurrence nearest to it) and converted_from (index of the figure this one converts:
"€5bn (£4.2bn)", "87 mph (140 km/h)").

Conventions: money values are in the major unit ("50 cents" -> 0.5 USD, unit "cent"); percents
are in percent ("a third of" -> 33.3, about); a range needs low < high ("from 4.8 to 4.7
percent" is two figures); elliptical numbers borrow their noun from a neighbour in the sentence
("435 homes ... and 187 by tender" -> homes); vague amounts ("thousands of kilometres",
"dozens") are not figures; non-figures (model names, phone numbers, clock times, scores, list
numbers, street addresses, designations like "Article 5") are rules with reasons in
pipelines/data/figures/non_figures.json, and `non_figure_spans(text)` lists them for audits.
"""
from pipelines.transforms.figures.extract import extract_figures, non_figure_spans
from pipelines.transforms.figures.frame import FIGURES_SCHEMA, figures_frame, figures_jsonl

LANGUAGE = "en"  # the grammar's words (units, scales, qualifiers, number words) are English

__all__ = ["extract_figures", "figures_frame", "figures_jsonl", "non_figure_spans", "FIGURES_SCHEMA", "LANGUAGE"]
