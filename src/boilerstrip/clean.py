"""Stage 3, cleaning: drop removed blocks, normalise, render text / markdown / dict."""
from __future__ import annotations

from .article import Article, Block


def build_article(seg, _scored, opts, url=None, kind="html") -> Article:
    kept, removed = [], []
    for b in seg.blocks:
        blk = Block(kind=b.kind, text=b.text, position=b.position, tag=b.tag, level=b.level,
                    path=seg.path(b.node) if b.node >= 0 else "",
                    link_density=b.link_chars / b.chars if b.chars else 0.0,
                    score=b.score, reason=b.reason, features=dict(b.features))
        (removed if b.reason else kept).append(blk)
    text = "\n\n".join(b.text for b in kept)
    return Article(text=text, url=url, blocks=kept, removed=removed, input_kind=kind,
                   reason="" if text else "no main content found")


def render_markdown(art: Article) -> str:
    out = []
    if art.title:
        out.append(f"# {art.title}")
    for b in art.blocks:
        if b.kind == "heading":
            out.append("#" * max(2, min(6, b.level or 2)) + " " + b.text)
        elif b.kind == "list_item":
            out.append("- " + b.text)
        elif b.kind == "quote":
            out.append("\n".join("> " + line for line in b.text.split("\n")))
        elif b.kind == "code":
            out.append("```\n" + b.text + "\n```")
        else:
            out.append(b.text)
    return "\n\n".join(out) + ("\n" if out else "")
