"""The bad-input corpus, generated into a temp dir (a 50 MB file must never be committed).

`build_corpus(inbox, outside)` writes every nasty input of issue 7 and returns what each input
key must end as: "article", "duplicate", or the quarantine reason code.
"""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

ARTICLE = "article"
DUPLICATE = "duplicate"

PARAGRAPHS = (
    "The city council approved a new budget on Tuesday after a debate that lasted more than six hours, "
    "setting aside money for schools, road repairs and a long-delayed expansion of the central library.",
    "Council members said the plan would raise property taxes by about two percent, the first increase in "
    "five years, and several residents who spoke at the meeting warned that families were already struggling.",
    "The mayor, who proposed the budget in March, said the city had no choice after years of deferred "
    "maintenance left bridges and water pipes in poor condition, and promised regular public reports on spending.",
)
GERMAN = (
    "Der Stadtrat hat am Dienstag nach einer mehr als sechsstündigen Debatte einen neuen Haushalt beschlossen. "
    "Das Geld ist für Schulen, Straßenreparaturen und die lange verzögerte Erweiterung der Stadtbibliothek "
    "vorgesehen. Die Bürgermeisterin sagte, die Stadt habe nach Jahren aufgeschobener Instandhaltung keine "
    "andere Wahl gehabt, und versprach regelmäßige öffentliche Berichte über die Ausgaben der Verwaltung."
)


def article(tag: str, extra: str = "") -> str:
    """A plain-text article of about 100 words, made unique by `tag` (so no two are duplicates)."""
    lead = f"Report {tag}: residents of the town gathered at city hall to hear the decision{extra}."
    return "\n\n".join((lead, *PARAGRAPHS)) + "\n"


def html_page(body_html: str, head: str = "<!DOCTYPE html>") -> str:
    return f"{head}<html><head><title>Council budget</title></head><body><article>{body_html}</article></body></html>"


def paragraphs_html(tag: str) -> str:
    return f"<h1>Budget approved {tag}</h1>" + "".join(f"<p>{p}</p>" for p in article(tag).split("\n\n"))


def billion_laughs() -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 2 else "") + ";") * 10}">' for i in range(2, 10))
    return html_page(paragraphs_html("lol") + "<p>&lol9;</p>", head=f'<?xml version="1.0"?><!DOCTYPE html [{entities}]>')


def xxe(secret: Path) -> str:
    head = f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    return html_page(paragraphs_html("xxe") + "<p>Leaked: &xxe;</p>", head=head)


def build_corpus(inbox: Path, outside: Path, *, big_bytes: int = 50 * 1024 * 1024) -> dict[str, str]:
    """Write the corpus under `inbox` (and a secret under `outside`); return key -> expected outcome."""
    inbox.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    secret = outside / "secret.txt"
    secret.write_text("root:x:0:0:TOP-SECRET-LINE\n")
    expected: dict[str, str] = {}

    def put(key: str, data: bytes | str, outcome: str) -> None:
        path = inbox / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected[key] = outcome

    put("plain.txt", article("plain"), ARTICLE)
    put("empty.txt", b"", "empty")
    put("whitespace.txt", b"  \n\t \r\n   \n", "empty")
    put("disguised_pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>\nendobj\n" * 50, "binary")
    put("picture.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 20, "binary")
    put("scan.pdf", b"%PDF-1.4 not an article", "unsupported_format")
    put("cp1252.txt", article("cp1252", " \u2014 \u201ca \u00a3300 caf\u00e9 bill\u201d").encode("cp1252"), ARTICLE)
    put("latin1.txt", article("latin1", ", na\u00efve r\u00e9sum\u00e9 \u00e0 la carte").encode("latin-1"), ARTICLE)
    put("undecodable.txt", bytes((i * 7919) % 128 + 128 for i in range(6000)), "undecodable")
    put("bom.txt", b"\xef\xbb\xbf" + article("bom").encode("utf-8"), ARTICLE)
    put("crlf.txt", article("crlf").replace("\n", "\r\n"), ARTICLE)
    put("lone_cr.txt", article("lone-cr").replace("\n", "\r"), ARTICLE)
    put("nul_bytes.txt", article("nul").replace(". ", ".\x00 ", 3), ARTICLE)
    put("big.txt", (article("big") * (big_bytes // len(article("big")) + 1))[:big_bytes], "too_large")
    put("bomb.txt.gz", gzip.compress(b"a" * (big_bytes // 2)), "too_large")
    put("article.txt.gz", gzip.compress(article("gzipped").encode()), ARTICLE)
    put("scripts_only.html", html_page("<script>var a = 1; document.write('x');</script><style>p {color: red}</style>"),
        "no_body")
    put("page.html", html_page(paragraphs_html("page")), ARTICLE)
    put("billion_laughs.html", billion_laughs(), "entity_declaration")
    put("xxe.html", xxe(secret), "entity_declaration")
    put("xxe.json", json.dumps({"url": "https://x.test/xxe", "html": xxe(secret)}), "entity_declaration")
    put("one.json", json.dumps({"url": "https://x.test/one", "title": "One", "text": article("json")}), ARTICLE)
    put("broken.json", '{"title": "cut off", "text": "the council', "malformed_json")
    lines = [json.dumps({"text": article("line1")}), "{not json at all", "", json.dumps({"title": "no body"}),
             json.dumps(["an", "array"]), json.dumps({"html": html_page(paragraphs_html("line6"))})]
    put("mixed.jsonl", "\n".join(lines) + "\n", ARTICLE)
    del expected["mixed.jsonl"]
    expected.update({"mixed.jsonl#L1": ARTICLE, "mixed.jsonl#L2": "malformed_json", "mixed.jsonl#L4": "no_text_field",
                     "mixed.jsonl#L5": "malformed_json", "mixed.jsonl#L6": ARTICLE})
    put("german.txt", GERMAN + "\n\n" + GERMAN.replace("Dienstag", "Mittwoch") + "\n", ARTICLE)
    put("short.txt", "The council met on Tuesday evening and approved the budget for next year.\n", "too_short")
    # A copy of an input the cleaner rejects shares its rejection (no article for it to duplicate).
    put("short_copy.txt", "The council met on Tuesday evening and approved the budget for next year.\n", "too_short")
    put("notes.docx", b"PK\x03\x04 a word document", "unsupported_format")
    put("name with spaces \u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9.txt", article("spaces"), ARTICLE)
    put("sub dir/\u041a\u0438\u0457\u0432 \u2013 news.html", html_page(paragraphs_html("kyiv")), ARTICLE)
    put("copy_a.txt", article("copied"), ARTICLE)
    put("sub dir/copy_b.txt", article("copied"), DUPLICATE)
    (inbox / "link_out.txt").symlink_to(secret)
    expected["link_out.txt"] = "symlink_outside_inbox"
    (inbox / "linked_dir").symlink_to(outside, target_is_directory=True)
    expected["linked_dir"] = "symlink_outside_inbox"
    (inbox / "loop_a.txt").symlink_to(inbox / "loop_b.txt")
    (inbox / "loop_b.txt").symlink_to(inbox / "loop_a.txt")
    expected.update({"loop_a.txt": "not_a_file", "loop_b.txt": "not_a_file"})
    # A name saved in Latin-1 (not UTF-8): quarantined under a key that spells the bad byte.
    Path(os.fsdecode(os.fsencode(inbox) + b"/caf\xe9 latin-1 name.txt")).write_text(article("latin1-name"))
    expected["caf\\xe9 latin-1 name.txt"] = "unreadable"
    # A page saved without line breaks: one paragraph longer than spaCy's NER takes.
    put("one_line.txt", " ".join(PARAGRAPHS) * 1_800, "too_large")
    # A file named like line 1 of mixed.jsonl: quarantined under a key no JSONL line can have.
    (inbox / "mixed.jsonl#L1").write_text(article("named-like-a-line"), encoding="utf-8")
    expected["mixed.jsonl%23L1"] = "reserved_name"
    return expected
