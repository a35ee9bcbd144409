"""The public result types: :class:`Article` and :class:`Block`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Block kinds a caller can see in ``Article.blocks`` / ``Article.removed``.
KINDS = ("heading", "paragraph", "list_item", "quote", "code", "table_row", "caption")


class Block:
    """One text block of the input, in document order (read-only).

    ``reason`` is ``None`` for a kept block and names why it was dropped otherwise
    (see ``boilerstrip.REASONS``). ``features`` holds the numbers the scorer used.
    ``path`` (tag#id.class/... of the containers above it) is worked out when first read.
    """

    __slots__ = ("kind", "text", "position", "tag", "level", "_path", "link_density", "score",
                 "reason", "features", "_where")
    _FIELDS = ("kind", "text", "position", "tag", "level", "path", "link_density", "score",
               "reason", "features")

    def __init__(
        self, kind: str, text: str, position: int, tag: str = "", level: int = 0,
        path: str | None = None, link_density: float = 0.0, score: float = 0.0,
        reason: str | None = None, features: dict[str, Any] | None = None, *, where=None,
    ) -> None:
        b = _SET
        b["kind"](self, kind)
        b["text"](self, text)
        b["position"](self, position)
        b["tag"](self, tag)
        b["level"](self, level)
        b["_path"](self, path)
        b["link_density"](self, link_density)
        b["score"](self, score)
        b["reason"](self, reason)
        b["features"](self, features if features is not None else {})
        b["_where"](self, where)  # (segmentation, node) to work the path out from

    @property
    def path(self) -> str:
        if self._path is None:
            seg_node = self._where
            _SET["_path"](self, seg_node[0].path(seg_node[1]) if seg_node else "")
            _SET["_where"](self, None)
        return self._path

    def __setattr__(self, name, value):
        raise AttributeError(f"Block is read-only (cannot set {name!r})")

    def __eq__(self, other) -> bool:
        if other.__class__ is not Block:
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._FIELDS)

    __hash__ = None  # like a frozen dataclass holding a dict: not hashable

    def __reduce__(self):  # pickle (batch workers send results between processes)
        return (Block, tuple(getattr(self, f) for f in self._FIELDS))

    def __repr__(self) -> str:
        return f"Block(kind={self.kind!r}, text={self.text[:40]!r}, position={self.position}, reason={self.reason!r})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "position": self.position,
            "tag": self.tag,
            "level": self.level,
            "path": self.path,
            "link_density": round(self.link_density, 4),
            "score": round(self.score, 4),
            "reason": self.reason,
            "features": dict(self.features),
        }


# The slots' own setters: Block overrides __setattr__ to stay read-only, and these are
# twice as fast as object.__setattr__ (a page builds a Block per text block).
_SET = {name: getattr(Block, name).__set__ for name in Block.__slots__}


@dataclass(slots=True)
class Article:
    """What :func:`boilerstrip.clean_article` returns.

    ``text`` is the main content: paragraphs separated by a blank line, headings and
    list items on their own lines. It is empty when nothing could be kept, and then
    ``reason`` says why.
    """

    text: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    removed: list[Block] = field(default_factory=list)
    comments: str = ""
    reason: str = ""
    input_kind: str = "html"
    language: str | None = None

    def removed_counts(self) -> dict[str, int]:
        """Characters removed, by reason."""
        out: dict[str, int] = {}
        for b in self.removed:
            out[b.reason or "boilerplate"] = out.get(b.reason or "boilerplate", 0) + len(b.text)
        return out

    def to_markdown(self) -> str:
        """The kept blocks as Markdown (title as a level-1 heading when known)."""
        from .clean import render_markdown

        return render_markdown(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the whole result."""
        return {
            "text": self.text,
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "url": self.url,
            "input_kind": self.input_kind,
            "language": self.language,
            "reason": self.reason,
            "comments": self.comments,
            "blocks": [b.to_dict() for b in self.blocks],
            "removed": [b.to_dict() for b in self.removed],
            "removed_chars": self.removed_counts(),
        }
