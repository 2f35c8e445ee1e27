"""Bytes -> text, or a reason why not. Encoding is detected, never assumed."""
from __future__ import annotations

import gzip
import io

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
    except (OSError, EOFError) as exc:
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
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise Rejected("empty", "no text after decoding" if data.strip() else "file is empty or whitespace only")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise Rejected("undecodable", "no text encoding fits these bytes")
    return str(best), best.encoding
