import polars as pl

from pipelines.transforms.document import BODY_SEPARATOR
from pipelines.transforms.schemas import BLOCK_DTYPE
from pipelines.transforms.segment import segment_articles


def test_offsets_index_into_the_body_and_kinds_are_kept():
    blocks = [{"kind": "heading", "text": "The strike"}, {"kind": "paragraph", "text": "Drones hit four bases."},
              {"kind": "list_item", "text": "Over 40 bombers hit"}]
    body = BODY_SEPARATOR.join(b["text"] for b in blocks)
    articles = pl.DataFrame({"article_id": ["a1"], "blocks": [blocks]}, schema={"article_id": pl.String, "blocks": BLOCK_DTYPE})
    paragraphs = segment_articles(articles)
    assert paragraphs["kind"].to_list() == ["heading", "paragraph", "list_item"]
    assert paragraphs["paragraph_index"].to_list() == [0, 1, 2]
    for row in paragraphs.iter_rows(named=True):
        assert body[row["char_start"]:row["char_end"]] == row["text"]
    assert paragraphs["word_count"].to_list() == [2, 4, 4]
