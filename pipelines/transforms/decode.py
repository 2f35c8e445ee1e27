"""Bytes -> text, or a reason why not. Encoding is detected, never assumed."""
from __future__ import annotations

import gzip
import io
import zlib

import charset_normalizer

# File signatures of formats that are certainly not articles.
BINARY_MAGIC: dict[bytes, str] = {
    b"%PDF": "pdf",
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF8": "gif",
    b"PK\x03\x04": "zip",
    b"\x7fELF": "elf",
}


class Rejected(Exception):
    """An input that cannot become an article; `reason` is the quarantine reason code."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def gunzip_limited(data: bytes, limit: int) -> bytes:
    """Decompress, refusing to inflate past `limit` bytes (a gzip bomb must not eat the memory)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:  # zlib.error: corrupt data inside a valid header
        raise Rejected("bad_gzip", str(exc)) from exc
    if len(out) > limit:
        raise Rejected("too_large", f"decompresses to more than {limit} bytes")
    return out


def sniff_binary(data: bytes) -> str | None:
    for magic, name in BINARY_MAGIC.items():
        if data.startswith(magic):
            return name
    head = data[:8192]
    # Text has almost no NUL bytes; UTF-16 would have many, but is caught by its BOM first.
    if head and head.count(0) / len(head) > 0.05 and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Line ends are normalized to \\n and NUL bytes dropped."""
    kind = sniff_binary(data)
    if kind:
        raise Rejected("binary", f"looks like {kind} data")
    text, encoding = _decode(data)
    text = normalize_text(text)
    if not text.strip():
        raise Rejected("empty", "no text after decoding" if data.strip() else "file is empty or whitespace only")
    return text, encoding


# The C0 information separators (file, group, record, unit): whitespace to Python's regex, which
# counts the clean stage's words, but not to polars' (Rust) regex, which counts the articles suite's
# (transforms/words.py), so an article of words joined by them passed the cleaner and failed a
# blocking check. Read as spaces.
_SEPARATORS = str.maketrans(dict.fromkeys("\x1c\x1d\x1e\x1f", " "))


def normalize_text(text: str) -> str:
    """Line ends (CRLF, lone CR) as LF, NUL bytes dropped, information separators as spaces."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").translate(_SEPARATORS)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(data)
    if repaired is not None:
        return repaired, "utf-8-repaired"
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise Rejected("undecodable", "no text encoding fits these bytes")
    # The detector tells the script apart well (Cyrillic cp1251 vs Latin) but often picks a
    # sibling Latin code page (cp1250 for a £ sign); within Latin text cp1252 is the likely one.
    western = _as_cp1252(data) if _latin_script(str(best)) else None
    if western is not None:
        return western, "cp1252"
    return str(best), best.encoding


def _utf16(data: bytes) -> tuple[str, str]:
    """UTF-16 by its byte-order mark. A file cut mid-character (an odd byte count) or holding a
    lone surrogate keeps its text with U+FFFD for the bad unit, as a BOM'd UTF-8 file does; a
    strict decode raised UnicodeDecodeError, which failed the whole ingest."""
    try:
        return data.decode("utf-16"), "utf-16"
    except UnicodeDecodeError:
        return data.decode("utf-16", errors="replace"), "utf-16-repaired"


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few corrupt bytes (a truncated download, a bad splice): keep it UTF-8, the bad
    bytes replaced by U+FFFD. Legacy 8-bit text almost never holds a valid multi-byte UTF-8
    sequence, so at least as many valid non-ASCII characters as bad bytes means UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return text if good >= bad else None


# Non-ASCII characters that Western-European news text is made of. cp1252 is the legacy
# encoding most mis-saved UTF-8 articles are in (and the HTML5 default), but any byte string
# decodes as cp1252, so it is only trusted when the result reads like such text.
_WESTERN = set("\u00a0\u00a3\u00a9\u00ab\u00ae\u00b0\u00b7\u00bb\u20ac\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026")
_WESTERN |= {chr(c) for c in range(0xC0, 0x100)} - {"\u00d7", "\u00f7"}


def _latin_script(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha() and ord(ch) > 127]
    return not letters or sum(ord(ch) < 0x250 for ch in letters) / len(letters) >= 0.9


def _as_cp1252(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = [ch for ch in text if ord(ch) > 127]
    if odd and sum(ch in _WESTERN for ch in odd) / len(odd) >= 0.97:
        return text
    return None
