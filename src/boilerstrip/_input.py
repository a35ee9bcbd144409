"""Input handling: accepted types, bytes decoding, HTML-or-text detection, safe parsing.

Everything here is built to survive hostile input (see docs/robustness.md):

* bytes that are not text (images, PDFs, archives, random data) are refused with a
  reason instead of being decoded into garbage (:func:`binary_kind`);
* gzip-compressed bytes are decompressed, up to :data:`MAX_GUNZIP_BYTES`;
* the HTML parser never reads a DTD, expands an entity, touches the network or the
  file system, and its depth limit is handled by re-parsing a flattened copy instead of
  dropping the rest of the page (:func:`parse_html`);
* :func:`metadata_view` gives the (slow, third-party) metadata extractor a bounded tree.
"""
from __future__ import annotations

import codecs
import re
import zlib
from typing import Any

from lxml import etree, html as lxml_html

from . import segment as _segment

ACCEPTED = "str, bytes, bytearray, an lxml element or tree, or a bs4 BeautifulSoup/Tag"

#: Largest output a gzip-compressed input may decompress to (bytes); beyond it the input is
#: refused as "binary input (gzip): ..." (a compression bomb or a dump, not a page).
MAX_GUNZIP_BYTES = 64 * 1024 * 1024
#: Nesting depth above which tags are dropped (their text kept) when libxml2's own limit
#: (2048 levels) is hit.
MAX_DEPTH = 1000
#: A tree larger than this (elements, nesting depth, characters of text and attribute
#: values) gets only its <head> passed to the metadata extractor, whose cost grows fast
#: with page size (it runs regular expressions over the whole serialised page).
META_MAX_NODES = 50_000
META_MAX_DEPTH = 512
META_MAX_CHARS = 6_000_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{1,40})""", re.I
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:+-]{1,40})""", re.I)
_HTML_SNIFF = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|br|span|a\s|table|ul|ol|li|h[1-6]|"
    r"article|section|main|nav|header|footer|script|style|img|link|form|strong|em|b|i|td|tr|"
    r"blockquote|pre|iframe|\?xml)\b",
    re.I,
)
_TAGLIKE = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]{0,500})?/?>")
# Characters XML/libxml2 refuse (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/F).
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# any character that the binary test, clean_text_chars or the text segmenter's control
# characters (segment._CONTROL) look for: most texts hold none, and one search of them
# spares the other three
_ANY_CTRL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd-\uffff]")

# ---------------------------------------------------------------------------
# Binary input
# ---------------------------------------------------------------------------
#: (magic bytes at offset 0, format name). Formats whose header is plain text
#: (PostScript, RTF, SVG) are not listed: they are text.
_MAGIC = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", None),  # checked below: too short to trust alone
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\x00\x00\x01\x00", "ico"),
    (b"wOFF", "woff"),
    (b"wOF2", "woff2"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"(\xb5/\xfd", "zstd"),
    (b"\x04\x22\x4d\x18", "lz4"),
    (b"\x7fELF", "elf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"SQLite format 3\x00", "sqlite"),
    (b"OggS\x00", "ogg"),
    (b"fLaC\x00", "flac"),
    (b"fLaC\x80", "flac"),
    (b"ID3\x02", "mp3"),
    (b"ID3\x03", "mp3"),
    (b"ID3\x04", "mp3"),
    (b"\x1a\x45\xdf\xa3", "webm"),
    (b"\x00asm", "wasm"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
# C0 controls that never occur in text in any encoding this module decodes (NUL is
# left out: stray NULs in otherwise good pages are common and are simply dropped;
# ESC is left out for ISO-2022 encodings).
_CTRL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CTRL_CHARS = re.compile("[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
_BINARY_SHARE = 0.05  # share of such bytes (of non-NUL bytes) that marks data as binary
_SAMPLE = 4096


def _magic(data: bytes) -> str | None:
    for magic, name in _MAGIC:
        if data.startswith(magic):
            if name is None:  # BMP: "BM" + little-endian file size + 4 reserved zero bytes
                if len(data) >= 14 and data[6:10] == b"\x00\x00\x00\x00":
                    return "bmp"
                continue
            return name
    if data[4:8] == b"ftyp":
        return "mp4"
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "webp", b"WAVE": "wav", b"AVI ": "avi"}[data[8:12]]
    if _BZIP2.match(data[:10]):
        return "bzip2"
    return None


def _samples(data, size: int = _SAMPLE):
    """Start, middle and end of ``data`` (bytes or str): binary files hide behind text headers."""
    n = len(data)
    if n <= 3 * size:
        return (data,)
    mid = n // 2
    return (data[:size], data[mid:mid + size], data[n - size:])


def _utf16_text(data: bytes) -> bool:
    """True when ``data`` reads as UTF-16 text without a BOM (e.g. CJK text, which has no
    tell-tale NUL bytes): strict decoding succeeds and the result is printable."""
    if len(data) % 2:
        return False
    head = data[:_SAMPLE]
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = head.decode(enc)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for c in text if c.isprintable() or c in "\t\n\r")
        if text and printable >= 0.98 * len(text):
            return True
    return False


def binary_kind(data: bytes) -> str | None:
    """Why ``data`` is not a page: "gzip", "pdf", "png", ... or "" for unknown binary
    data; None when it may be text (including UTF-16/32 with or without a BOM)."""
    if data.startswith(b"\x1f\x8b"):
        return "gzip"
    kind = _magic(data)
    if kind:
        return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for part in _samples(data):
        nonnul = len(part) - part.count(0)
        if nonnul and len(_CTRL_BYTES.findall(part)) > _BINARY_SHARE * nonnul:
            return None if _utf16_text(data) else ""
    return None


def binary_text_kind(text: str, plain: bool = False) -> str | None:
    """Like :func:`binary_kind` for binary data a caller already decoded to ``str``
    (it cannot be decompressed any more): None when it may be text. ``plain``: the text
    holds no control character (the caller searched it with _ANY_CTRL)."""
    head = text[:16]
    if head.startswith(("\x1f\x8b", "\x1f\ufffd\x08")):
        return "gzip"
    if head.startswith("%PDF-"):
        return "pdf"
    kind = _magic(head.encode("latin-1", "replace"))
    if kind or plain:
        return kind or None
    for part in _samples(text):
        nonnul = len(part) - part.count("\x00")
        if nonnul and len(_CTRL_CHARS.findall(part)) > 2 * _BINARY_SHARE * nonnul:
            return ""
    return None


def gunzip(data: bytes, limit: int = MAX_GUNZIP_BYTES) -> tuple[bytes | None, str]:
    """Decompress gzip ``data`` (all members) up to ``limit`` output bytes.

    Returns (bytes, "") or (None, why not). A truncated stream gives what it holds.
    """
    out: list[bytes] = []
    size = 0
    rest = data
    try:
        while rest:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            chunk = d.decompress(rest, limit - size + 1)
            while True:
                size += len(chunk)
                out.append(chunk)
                if size > limit:
                    return None, f"more than {limit // (1024 * 1024)} MB once decompressed"
                if not d.unconsumed_tail:
                    break
                chunk = d.decompress(d.unconsumed_tail, limit - size + 1)
            if not d.eof:
                break  # truncated: keep what we have
            rest = d.unused_data.lstrip(b"\x00")
            if rest and not rest.startswith(b"\x1f\x8b"):
                break  # trailing garbage after the last member
    except zlib.error:
        if not size:
            return None, "corrupt gzip data"
    return b"".join(out), ""


class Rejected(str):
    """An empty text payload that says why the input was refused (``.reason``)."""

    reason: str

    def __new__(cls, reason: str) -> "Rejected":
        self = super().__new__(cls, "")
        self.reason = reason
        return self


def _reject_binary(kind: str, detail: str = "") -> Rejected:
    what = f"binary input ({kind})" if kind else "binary input"
    return Rejected(f"{what}: {detail}" if detail else what)


# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------
_PARSER = etree.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    collect_ids=False,
    default_doctype=False,
    huge_tree=True,
    encoding="utf-8",
)
# Nodes are HtmlElement (the metadata extractor requires it), chosen by a C-level default
# lookup: lxml.html's own per-tag lookup runs Python code for every node.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity,
    )
)


def _codec(name: bytes | str) -> str | None:
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``: BOM, then valid UTF-8, then a declared charset, then detection.

    Returns (text, encoding used). Never raises.
    """
    return _decode_bytes(data)[:2]


def _decode_bytes(data: bytes) -> tuple[str, str, bool]:
    """:func:`decode_bytes`, and whether ``data`` is exactly the UTF-8 of the text (valid
    UTF-8 read whole: no BOM cut off, nothing cut or replaced)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace"), enc, False
    head = data[:4096]
    declared = None
    m = _XML_DECL.search(head) or _META_CHARSET.search(head)
    if m:
        declared = _codec(m.group(1))
    # UTF-16/32 without a BOM: NUL bytes in every other position.
    if declared and declared.startswith(("utf-16", "utf-32")) and b"\x00" not in head[:200]:
        declared = None  # a page that *says* utf-16 but is plainly 8-bit
    if b"\x00" in head[:400] and (declared is None or declared.startswith(("utf-16", "utf-32"))):
        sample = head[:400]
        evens, odds = sample[0::2].count(0), sample[1::2].count(0)
        quarter = len(sample) // 4
        if odds > quarter and evens < 4:
            return data.decode("utf-16-le", "replace"), "utf-16-le", False
        if evens > quarter and odds < 4:
            return data.decode("utf-16-be", "replace"), "utf-16-be", False
    exact = False
    try:
        text = data.decode("utf-8")
        exact = True
    except UnicodeDecodeError as e:
        text = None
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":
            # A page cut off in the middle of a character (fetchers truncate at N bytes).
            text = data[:e.start].decode("utf-8", "replace")
    if text is not None and (declared is None or declared == "utf-8" or not text.isascii()):
        # Valid UTF-8 holding non-ASCII is almost never an accident: trust it over a
        # declared single-byte charset (pages often lie about their charset).
        return text, "utf-8", exact
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared, False
        except (UnicodeDecodeError, LookupError):
            pass
    if text is not None:
        return text, "utf-8", exact
    try:
        from charset_normalizer import from_bytes

        results = from_bytes(data[:200_000])
        best = results.best()
        if best is not None:
            # Ties are common on short texts (cp1250/cp1252/cp1257 read "é" alike): prefer
            # windows-1252, the web's fallback for undeclared or mislabelled Latin text.
            for m in results:
                if m.encoding == "cp1252" and (m.chaos, m.coherence) == (best.chaos, best.coherence):
                    best = m
        if best is not None and best.encoding:
            return data.decode(best.encoding, "replace"), best.encoding, False
    except Exception:  # detection is best-effort; fall through to lossy UTF-8
        pass
    return data.decode("utf-8", "replace"), "utf-8", False


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than flattened prose.

    Markup starts with a tag, or uses tags: several of them, or tags with attributes,
    or enough of them to make a noticeable share of the text. Prose that merely
    mentions a tag or two ("write it inside <p> and </p>") stays text.
    """
    head = text[:20000]
    if not _HTML_SNIFF.search(head):
        return False
    if head.lstrip(" \t\r\n\ufeff")[:1] == "<":
        return True
    tags = _TAGLIKE.findall(head)
    if len(tags) < 2:
        return False
    if len(tags) >= 6 or any(" " in t or "=" in t for t in tags):
        return True
    return sum(map(len, tags)) >= 0.02 * len(head.strip())


def clean_text_chars(text: str) -> str:
    """Drop characters no parser accepts (NUL and other C0 controls, lone surrogates)."""
    return _BAD_CHARS.sub("", text) if _BAD_CHARS.search(text) else text


def text_payload(text: str) -> str:
    """A text payload: :func:`clean_text_chars`, then the control characters left (DEL
    and the C1 controls) made spaces, as :func:`segment.segment_text` makes them: no
    control character is left but tab and line breaks."""
    from .segment import _CONTROL

    text = clean_text_chars(text)
    return _CONTROL.sub(" ", text) if _CONTROL.search(text) else text


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------
_TAG_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,63})(?:[\s/][^<>]*)?>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen".split()
)


def _flatten_deep(text: str, max_depth: int = MAX_DEPTH) -> str:
    """Drop the tags nested deeper than ``max_depth`` (by a naive open/close count),
    keeping their text; a dropped tag becomes a space so words do not run together."""
    out: list[str] = []
    depth = 0
    last = 0
    for m in _TAG_TOKEN.finditer(text):
        closing, name = m.group(1), m.group(2).lower()
        if name in _VOID or m.group(0).endswith("/>"):
            keep = depth < max_depth
        elif closing:
            depth = max(0, depth - 1)
            keep = depth < max_depth
        else:
            keep = depth < max_depth
            depth += 1
        if not keep:
            out.append(text[last:m.start()])
            out.append(" ")
            last = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


_DOCTYPE = re.compile(r"\A\s*(?:<\?xml[^<>]{0,500}>\s*)?<!doctype\b[^<>\[]{0,2000}\[", re.I)
_SUBSET_END = re.compile(r"\]\s*>")


_DOCTYPE_B = re.compile(_DOCTYPE.pattern.encode(), re.I)
_SUBSET_END_B = re.compile(_SUBSET_END.pattern.encode())


def _strip_dtd(text):
    """Remove a DOCTYPE's internal subset (``<!DOCTYPE html [ <!ENTITY ...> ]>``) from
    ``str`` or UTF-8 ``bytes``.

    The HTML parser never expands those entities, but it would show the tail of the
    subset as page text. Only a subset at the very start is removed.
    """
    doctype, subset_end = (_DOCTYPE_B, _SUBSET_END_B) if isinstance(text, bytes) else (_DOCTYPE, _SUBSET_END)
    m = doctype.match(text)
    if not m:
        return text
    end = subset_end.search(text, m.end())
    if end is None:
        return text
    return text[:m.start()] + text[end.end():]


def _depth_limited() -> bool:
    err = _PARSER.error_log.last_error
    return err is not None and err.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT


def _parse(data: bytes) -> Any:
    try:
        return etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None


# The characters of _BAD_CHARS as UTF-8: C0 controls (one byte each; deleted with
# bytes.translate, much faster than a regex scan) and U+FFFE/U+FFFF.
_BAD_BYTES = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
_NONCHARS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")
# (the compiled SAX driver's scan for those bytes: most pages have none to delete)
_control_free = _segment._sax.control_free if _segment._sax is not None else None


def markup_bytes(text: str, utf8: bytes | None = None) -> bytes:
    """The UTF-8 bytes the parser reads for ``text`` (bad characters and a DOCTYPE's
    internal subset removed); empty when there is nothing to parse. ``utf8``: the
    bytes ``text`` was decoded from, when they are exactly its UTF-8 (not encoded again)."""
    try:
        data = text.encode("utf-8") if utf8 is None else utf8
    except UnicodeEncodeError:  # lone surrogates: the slow path
        data = clean_text_chars(text).encode("utf-8", "replace")
    else:
        if _control_free is None or not _control_free(data):
            data = data.translate(None, _BAD_BYTES)
        if "\ufffe" in text or "\uffff" in text:  # (a one-character search is fast on str)
            for seq in _NONCHARS:
                data = data.replace(seq, b"")
    data = _strip_dtd(data)
    return b"" if not data or data.isspace() else data


def flatten_deep(data: bytes) -> bytes:
    """``data`` with the tags nested deeper than MAX_DEPTH removed (see parse_html)."""
    return _flatten_deep(data.decode("utf-8", "replace")).encode("utf-8", "replace")


def parse_html(text: str) -> Any:
    """Parse markup into an lxml tree root; None when nothing parses.

    No network, no file system, no entity expansion: the HTML parser ignores DTDs.
    When libxml2 stops at its nesting limit (it would drop the rest of the page), the
    markup is parsed again with the tags beyond :data:`MAX_DEPTH` levels removed.
    """
    text = _strip_dtd(clean_text_chars(text))
    data = text.encode("utf-8", "replace")
    if not data.strip():
        return None
    root = _parse(data)
    if _depth_limited():
        flat = _parse(_flatten_deep(text).encode("utf-8", "replace"))
        if flat is not None:
            root = flat
    return root


def metadata_view(root: Any) -> Any:
    """``root`` itself, or, for a tree too big for the metadata extractor (see
    META_MAX_*), a small tree holding only a copy of its <head>."""
    nodes = 0
    chars = 0
    depth = 0
    too_big = False
    try:
        for event, el in etree.iterwalk(root, events=("start", "end")):
            if event == "end":
                depth -= 1
                continue
            depth += 1
            nodes += 1
            if el.text:
                chars += len(el.text)
            if el.tail:
                chars += len(el.tail)
            for value in el.values():
                chars += len(value)
            if nodes > META_MAX_NODES or depth > META_MAX_DEPTH or chars > META_MAX_CHARS:
                too_big = True
                break
    except Exception:  # an odd caller tree: let the extractor deal with it as it is
        return root
    if not too_big:
        return root
    small = lxml_html.Element("html")
    old = root.find("head") if root.tag == "html" else None
    if old is not None:
        head = lxml_html.Element("head")
        for child in old:
            if len(head) >= 1000:
                break
            if isinstance(child.tag, str) and len(child) < 100:
                head.append(_copy(child))
        small.append(head)
    etree.SubElement(small, "body")
    return small


def _copy(el: Any) -> Any:
    import copy

    c = copy.deepcopy(el)
    c.tail = None
    return c


def coerce(doc: Any, mode: str, parse: bool = True) -> tuple[str, Any, str, str]:
    """Turn any accepted input into (kind, payload, encoding, raw_text).

    kind is "html" (payload: lxml root or None; with ``parse=False``, markup given as
    str/bytes stays unparsed: its :func:`markup_bytes`), or "text" (payload: str holding no
    control character but tab and line breaks, see :func:`text_payload`). Binary input
    is "text" with an empty :class:`Rejected` payload whose ``reason`` says what it is.
    Raises TypeError for unsupported types and ValueError for a bad ``mode``.
    """
    if mode not in ("auto", "html", "text"):
        raise ValueError(f"input must be 'auto', 'html' or 'text', not {mode!r}")
    encoding = ""
    checked = False  # the str was tested for binary data (and searched for controls: plain)
    utf8 = None  # the bytes given, when they are the UTF-8 of the str decoded from them
    plain = False
    if isinstance(doc, (bytes, bytearray, memoryview)):
        data = bytes(doc)
        kind = binary_kind(data)
        if kind == "gzip":
            data, why = gunzip(data)
            if data is None:
                return "text", _reject_binary("gzip", why), "", ""
            kind = binary_kind(data)  # one level only: a gzip inside a gzip is refused
            encoding = "gzip+"
        if kind is not None:
            return "text", _reject_binary(kind), "", ""
        doc, enc, exact = _decode_bytes(data)
        encoding += enc
        checked = True
        if exact:  # the bytes are the UTF-8 of ``doc``: the parser reads them as they are
            utf8 = data
    if isinstance(doc, str):
        kind = mode if mode != "auto" else ("html" if looks_like_html(doc) else "text")
        if not checked:
            # text is searched for control characters once, whole (markup, often long:
            # the binary test's samples, then the parser's own cleaning)
            plain = kind == "text" and _ANY_CTRL.search(doc) is None
            binary = binary_text_kind(doc, plain)
            if binary is not None:
                return "text", _reject_binary(binary), "", ""
        if kind == "text":
            return "text", doc if plain else text_payload(doc), encoding, doc
        return "html", parse_html(doc) if parse else markup_bytes(doc, utf8), encoding, doc
    # lxml objects
    if isinstance(doc, etree._ElementTree):
        doc = doc.getroot()
        if doc is None:  # a tree with no root element
            return "html", None, "", ""
    if isinstance(doc, etree._Element):
        if mode == "text":  # (a comment, processing instruction or entity holds no page text)
            text = etree.tostring(doc, method="text", encoding="unicode") if doc.tag.__class__ is str else ""
            return "text", text_payload(text or ""), "", ""
        return "html", doc, "", ""
    # bs4 objects, without importing bs4 unless the caller already did
    mod = type(doc).__module__ or ""
    if mod.startswith("bs4"):
        try:
            from bs4 import Tag
        except ImportError:  # pragma: no cover - bs4 object without bs4 is impossible
            Tag = None
        if Tag is not None and isinstance(doc, Tag):
            if mode == "text":
                return "text", text_payload(doc.get_text("\n")), "", ""
            return "html", parse_html(str(doc)), "", ""
    raise TypeError(f"clean_article() accepts {ACCEPTED}; got {type(doc).__name__}")
