"""The public entry point: :func:`clean_article`."""
from __future__ import annotations

import hashlib
import re
from typing import Any, Collection, Literal

from . import _input, clean, score, segment
from .article import Article

_NORM = re.compile(r"\W+", re.UNICODE)

Favor = Literal["balanced", "precision", "recall"]


def block_hash(text: str) -> str:
    """A short stable hash of a block's normalised text (case, spacing and punctuation ignored).

    ``--site-profile`` stores these; pass a collection of them as ``site_profile`` to
    :func:`clean_article` to drop matching blocks with reason ``site-repeat``.
    """
    norm = _NORM.sub(" ", text.lower()).strip()
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def clean_article(
    doc: Any,
    url: str | None = None,
    *,
    input: Literal["auto", "html", "text"] = "auto",
    metadata: bool | Literal["full"] = True,
    include_comments: bool = False,
    include_tables: bool = True,
    favor: Favor = "balanced",
    site_profile: Collection[str] | None = None,
    timeout: float | None = None,
) -> Article:
    """Separate the main content of ``doc`` from the boilerplate around it.

    ``doc`` is HTML or already-flattened text as ``str`` or ``bytes`` (bytes are decoded
    from their BOM, declared charset, or by detection), an lxml element or tree, or a
    ``bs4`` BeautifulSoup/Tag. ``input`` forces "html" or "text" instead of detecting it.

    Options: ``metadata`` (title, author and date the page declares; ``"full"`` also
    searches the page text for them, slower; ``False`` is fastest), ``include_comments``
    (comments go to ``Article.comments``), ``include_tables``, ``favor`` ("precision"
    drops doubtful blocks, "recall" keeps them), ``site_profile`` (block hashes from
    :func:`block_hash` to drop as ``site-repeat``), ``timeout`` (seconds; on expiry the
    result is an empty Article whose ``reason`` says so).

    Raises ``TypeError`` for an unsupported ``doc`` type and ``ValueError`` for a bad
    option value; bad *content* never raises: it gives an empty ``text`` and a ``reason``.
    """
    if favor not in ("balanced", "precision", "recall"):
        raise ValueError(f"favor must be 'balanced', 'precision' or 'recall', not {favor!r}")
    if timeout is not None:
        from ._limits import run_with_timeout

        return run_with_timeout(
            timeout, clean_article, doc, url, input=input, metadata=metadata,
            include_comments=include_comments, include_tables=include_tables,
            favor=favor, site_profile=site_profile,
        )
    # Markup given as str/bytes is parsed and segmented in one pass, unless the
    # metadata extractor needs a tree.
    kind, payload, _encoding, _raw = _input.coerce(doc, input, parse=metadata)
    opts = score.Options(
        include_comments=include_comments,
        include_tables=include_tables,
        favor=favor,
        site_profile=frozenset(site_profile) if site_profile else frozenset(),
    )
    meta = None
    if kind == "text":
        if not payload.strip():
            why = getattr(payload, "reason", "") or "empty input: no text"
            return Article(url=url, input_kind="text", reason=why)
        seg = segment.segment_text(payload, controls=False)  # (coerce made them spaces)
        title = None  # the scorer finds the headline
    elif isinstance(payload, bytes):
        if not payload:
            return Article(url=url, input_kind="html", reason="empty input: nothing to parse")
        seg, too_deep = segment.segment_markup(payload)
        if too_deep:  # libxml2 stopped at its nesting limit: flatten the deepest tags
            seg, _ = segment.segment_markup(_input.flatten_deep(payload))
        if seg is None:
            return Article(url=url, input_kind="html", reason="empty input: nothing to parse")
        title = seg.title
    else:
        if payload is None:
            return Article(url=url, input_kind="html", reason="empty input: nothing to parse")
        meta = _metadata(payload, url, full=metadata == "full") if metadata else None
        seg = segment.segment_html(payload)
        title = (meta or {}).get("title") or seg.title
    if not seg.blocks:
        art = Article(url=url, input_kind=kind, reason="no text in the input")
        _apply_meta(art, meta, title)
        return art
    scored = score.score(seg, opts, title=title)
    if kind == "text":
        title = seg.title or None
    art = clean.build_article(seg, scored, opts, url=url, kind=kind)
    _apply_meta(art, meta, title)
    return art


def _apply_meta(art: Article, meta: dict | None, title: str | None) -> None:
    art.title = title or None
    if meta:
        art.author = meta.get("author") or None
        art.date = meta.get("date") or None
        art.url = art.url or meta.get("url") or None


def _metadata(root: Any, url: str | None, full: bool = False) -> dict:
    """Title, author and date from trafilatura's metadata code and htmldate, on our tree.

    The default reads what the page declares: <meta> tags, JSON-LD, the <title>/<h1>, and
    htmldate's fast search. ``full`` runs trafilatura's whole extractor, which also looks
    for authors and dates in the page text (several times slower).
    """
    try:
        from lxml.html import HtmlElement

        if not isinstance(root, HtmlElement):  # a caller's plain lxml tree
            root = _input.parse_html(_input.etree.tostring(root, encoding="unicode"))
        # a huge tree would take the extractors minutes: they then see only the <head>
        view = _input.metadata_view(root)
        if full:
            from trafilatura.metadata import extract_metadata

            doc = extract_metadata(view, default_url=url)
            if doc is None:
                return {}
            return {"title": doc.title, "author": doc.author, "date": doc.date, "url": doc.url}
        from htmldate import find_date
        from trafilatura.metadata import examine_meta, extract_meta_json, extract_title

        doc = examine_meta(view)
        try:
            doc = extract_meta_json(view, doc)
        except Exception:  # malformed JSON-LD: keep what the <meta> tags said
            pass
        author = doc.author if doc.author and " " in doc.author.strip() else None
        date = find_date(view, url=url, extensive_search=False, original_date=True)
        return {"title": doc.title or extract_title(view), "author": author, "date": date,
                "url": doc.url or url}
    except Exception:  # metadata is best-effort; the text must not fail because of it
        return {}
