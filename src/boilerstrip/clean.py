"""Stage 3, cleaning: drop removed blocks, normalise, render text / markdown / dict."""
from __future__ import annotations

from .article import Article, Block, make_block

#: kinds that sit on their own line without a blank line when they follow one another
_TIGHT = {"list_item", "table_row"}


def _public(seg, b, flat: bool = False) -> Block:
    text = b.text.replace("\n", " ") if flat else b.text
    ld = b.link_chars / b.chars if b.chars else 0.0
    # (kind, text, position, tag, level, link_density, score, reason, features; where the
    # path comes from: none for text input)
    return make_block((b.kind, text, b.position, b.tag, b.level, ld, b.score, b.reason, b.features),
                      (seg, b.node) if b.node >= 0 else None)


def join_blocks(blocks) -> str:
    """Paragraphs separated by a blank line; runs of list items / table rows one per line."""
    out: list[str] = []
    prev = None
    for b in blocks:
        if out:
            out.append("\n" if (b.kind == prev and b.kind in _TIGHT) else "\n\n")
        out.append(b.text)
        prev = b.kind
    return "".join(out)


def build_article(seg, _scored, opts, url=None, kind="html") -> Article:
    raw = seg.blocks
    kept_raw = [b for b in raw if b.reason is None]
    # Text input read back must give the same paragraphs (idempotence): a lone kept
    # paragraph with line breaks would be read as one paragraph per line, so its lines
    # are joined.
    flat = kind == "text" and len(kept_raw) == 1 and "\n" in kept_raw[0].text
    text = kept_raw[0].text.replace("\n", " ") if flat else join_blocks(kept_raw)
    comments = ""
    if opts.include_comments:
        comments = join_blocks([b for b in raw if b.reason == "comments"])
    # The public Block objects are made when first read: most callers want the text only.
    return Article._deferred(
        {"blocks": lambda: [_public(seg, b, flat) for b in kept_raw],
         "removed": lambda: [_public(seg, b) for b in raw if b.reason is not None]},
        text=text, url=url, input_kind=kind, comments=comments, language=seg.language,
        reason="" if text else _empty_reason([b for b in raw if b.reason is not None]),
    )


def _empty_reason(removed) -> str:
    if removed and all(b.reason == "title" for b in removed):
        return "no main content found: the input holds only a title line (kept as the title)"
    return "no main content found: every block was judged boilerplate"


def render_markdown(art: Article) -> str:
    out: list[str] = []
    if art.title:
        out.append(f"# {art.title}\n\n")
    prev = None
    for b in art.blocks:
        if out and not (b.kind == prev and b.kind in _TIGHT):
            out.append("\n\n" if prev is not None else "")
        elif out:
            out.append("\n")
        if b.kind == "heading":
            out.append("#" * max(2, min(6, b.level or 2)) + " " + b.text)
        elif b.kind == "list_item":
            out.append("- " + b.text.replace("\n", " "))
        elif b.kind == "quote":
            out.append("\n".join("> " + line for line in b.text.split("\n")))
        elif b.kind == "code":
            out.append("```\n" + b.text + "\n```")
        elif b.kind == "table_row":
            out.append("| " + b.text.replace("\n", " ") + " |")
        else:
            out.append(b.text)
        prev = b.kind
    return "".join(out).rstrip("\n") + "\n" if out else ""
