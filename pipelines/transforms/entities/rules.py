"""`person_after_title`: tag a name the model missed when a title introduces it.

The small model misses names it has not seen ("Defence Minister Rustem Umerov countered" yields
no PERSON at all). A capitalised title word from person_titles.json followed by one to three
capitalised, non-stopword tokens is a person's name. The rule only fills gaps: it never touches
a name the model already tagged PERSON, nor a nationality (NORP, "Major Russian cities"), nor an
entity that reaches outside the name ("General Motors").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipelines.transforms.entities.data import person_titles

MAX_NAME_TOKENS = 3
UNTOUCHABLE_LABELS = frozenset({"PERSON", "NORP"})


@Language.factory("person_after_title")
def make_person_after_title(nlp: Language, name: str) -> "PersonAfterTitle":
    return PersonAfterTitle(person_titles())


class PersonAfterTitle:
    def __init__(self, titles: frozenset[str]):
        self.titles = titles

    def __call__(self, doc: Doc) -> Doc:
        names = [span for span in self._names_after_titles(doc) if self._fills_gap(doc, span)]
        if names:
            covered = {i for span in names for i in range(span.start, span.end)}
            kept = [e for e in doc.ents if not covered.intersection(range(e.start, e.end))]
            doc.ents = sorted(kept + names, key=lambda span: span.start)
        return doc

    def _names_after_titles(self, doc: Doc):
        for token in doc[:-1]:
            if not (token.is_title and token.lower_ in self.titles):
                continue
            end = token.i + 1
            while end < len(doc) and end - token.i <= MAX_NAME_TOKENS and _is_name_word(doc[end]):
                end += 1
            if end > token.i + 1:
                yield Span(doc, token.i + 1, end, label="PERSON")

    @staticmethod
    def _fills_gap(doc: Doc, name: Span) -> bool:
        for ent in doc.ents:
            if ent.end <= name.start or ent.start >= name.end:
                continue
            if ent.label_ in UNTOUCHABLE_LABELS or ent.start < name.start or ent.end > name.end:
                return False
        return True


def _is_name_word(token) -> bool:
    return token.is_title and token.is_alpha and not token.is_stop and len(token) > 1
