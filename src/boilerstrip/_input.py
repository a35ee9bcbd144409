"""Input handling: accepted types, bytes decoding, HTML-or-text detection, safe parsing."""
from __future__ import annotations

import codecs
import re
from typing import Any

from lxml import etree, html as lxml_html

ACCEPTED = "str, bytes, bytearray, an lxml element or tree, or a bs4 BeautifulSoup/Tag"

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
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace"), enc
    head = data[:4096]
    declared = None
    m = _XML_DECL.search(head) or _META_CHARSET.search(head)
    if m:
        declared = _codec(m.group(1))
    # UTF-16/32 without a BOM: NUL bytes in every other position.
    if declared and declared.startswith(("utf-16", "utf-32")) and b"\x00" not in head[:200]:
        declared = None  # a page that *says* utf-16 but is plainly 8-bit
    if b"\x00" in head[:400] and declared is None:
        evens, odds = head[0:400:2].count(0), head[1:400:2].count(0)
        if odds > 40 and evens < 4:
            return data.decode("utf-16-le", "replace"), "utf-16-le"
        if evens > 40 and odds < 4:
            return data.decode("utf-16-be", "replace"), "utf-16-be"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and (declared is None or declared == "utf-8" or not text.isascii()):
        # Valid UTF-8 holding non-ASCII is almost never an accident: trust it over a
        # declared single-byte charset (pages often lie about their charset).
        return text, "utf-8"
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    if text is not None:
        return text, "utf-8"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, "replace"), best.encoding
    except Exception:  # detection is best-effort; fall through to lossy UTF-8
        pass
    return data.decode("utf-8", "replace"), "utf-8"


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than flattened prose."""
    head = text[:20000]
    if not _HTML_SNIFF.search(head):
        return False
    tags = len(_TAGLIKE.findall(head))
    return tags >= 2 or head.lstrip()[:1] == "<"


def clean_text_chars(text: str) -> str:
    """Drop characters no parser accepts (NUL and other C0 controls, lone surrogates)."""
    return _BAD_CHARS.sub("", text) if _BAD_CHARS.search(text) else text


def parse_html(text: str) -> Any:
    """Parse markup into an lxml tree root; None when nothing parses.

    No network, no file system, no entity expansion: the HTML parser ignores DTDs.
    """
    data = clean_text_chars(text).encode("utf-8", "replace")
    if not data.strip():
        return None
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    return root


def coerce(doc: Any, mode: str) -> tuple[str, Any, str, str]:
    """Turn any accepted input into (kind, payload, encoding, raw_text).

    kind is "html" (payload: lxml root or None), or "text" (payload: str).
    Raises TypeError for unsupported types and ValueError for a bad ``mode``.
    """
    if mode not in ("auto", "html", "text"):
        raise ValueError(f"input must be 'auto', 'html' or 'text', not {mode!r}")
    encoding = ""
    if isinstance(doc, (bytes, bytearray, memoryview)):
        doc, encoding = decode_bytes(bytes(doc))
    if isinstance(doc, str):
        kind = mode if mode != "auto" else ("html" if looks_like_html(doc) else "text")
        if kind == "text":
            return "text", clean_text_chars(doc), encoding, doc
        return "html", parse_html(doc), encoding, doc
    # lxml objects
    if isinstance(doc, etree._ElementTree):
        doc = doc.getroot()
    if isinstance(doc, etree._Element):
        if mode == "text":
            return "text", clean_text_chars(etree.tostring(doc, method="text", encoding="unicode") or ""), "", ""
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
                return "text", clean_text_chars(doc.get_text("\n")), "", ""
            return "html", parse_html(str(doc)), "", ""
    raise TypeError(f"clean_article() accepts {ACCEPTED}; got {type(doc).__name__}")
