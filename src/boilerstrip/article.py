"""The public result types: :class:`Article` and :class:`Block`."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

#: Block kinds a caller can see in ``Article.blocks`` / ``Article.removed``.
KINDS = ("heading", "paragraph", "list_item", "quote", "code", "table_row", "caption")


class Block:
    """One text block of the input, in document order (read-only).

    ``reason`` is ``None`` for a kept block and names why it was dropped otherwise
    (see ``boilerstrip.REASONS``). ``features`` holds the numbers the scorer used.
    ``path`` (tag#id.class/... of the containers above it) is worked out when first read.
    """

    # The fields live in one tuple (one slot to set: a page builds a Block per text
    # block), read through properties; ``_p`` is the path, or (segmentation, node) to
    # work it out from, or None (no path).
    __slots__ = ("_v", "_p")
    _FIELDS = ("kind", "text", "position", "tag", "level", "path", "link_density", "score",
               "reason", "features")

    def __init__(
        self, kind: str, text: str, position: int, tag: str = "", level: int = 0,
        path: str | None = None, link_density: float = 0.0, score: float = 0.0,
        reason: str | None = None, features: dict[str, Any] | None = None, *, where=None,
    ) -> None:
        _set_v(self, (kind, text, position, tag, level, link_density, score, reason,
                      features if features is not None else {}))
        _set_p(self, path if path is not None else where)

    kind: str = property(lambda self: self._v[0])  # type: ignore[assignment]
    text: str = property(lambda self: self._v[1])  # type: ignore[assignment]
    position: int = property(lambda self: self._v[2])  # type: ignore[assignment]
    tag: str = property(lambda self: self._v[3])  # type: ignore[assignment]
    level: int = property(lambda self: self._v[4])  # type: ignore[assignment]
    link_density: float = property(lambda self: self._v[5])  # type: ignore[assignment]
    score: float = property(lambda self: self._v[6])  # type: ignore[assignment]
    reason: str | None = property(lambda self: self._v[7])  # type: ignore[assignment]
    features: dict[str, Any] = property(lambda self: self._v[8])  # type: ignore[assignment]

    @property
    def path(self) -> str:
        p = self._p
        if p is None:
            return ""
        if p.__class__ is not str:  # (segmentation, node)
            p = p[0].path(p[1])
            _set_p(self, p)
        return p

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


# The slots' own setters: Block overrides __setattr__ to stay read-only.
_set_v = Block._v.__set__
_set_p = Block._p.__set__
_new = object.__new__


def make_block(values: tuple, where=None) -> Block:
    """A Block from its fields in one tuple (kind, text, position, tag, level,
    link_density, score, reason, features) and where its path comes from (the path, or
    (segmentation, node), or None): what Block(...) gives, without parsing arguments."""
    b = _new(Block)
    _set_v(b, values)
    _set_p(b, where)
    return b


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
    # Fields left unset until first read, with the function that builds each: most
    # callers read only ``text``, and a page's Block objects cost more to make than the
    # text (see :func:`boilerstrip.clean.build_article`).
    _lazy: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def __getattr__(self, name: str) -> Any:  # reached only for an unset field
        lazy = object.__getattribute__(self, "_lazy") if name != "_lazy" else None
        make = lazy.pop(name, None) if lazy else None
        if make is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = make()
        setattr(self, name, value)
        return value

    @classmethod
    def _deferred(cls, lazy: dict[str, Any], **values: Any) -> Article:
        """An Article whose fields named in ``lazy`` are built by ``lazy[name]()`` when
        first read."""
        art = cls(**values)
        for name in lazy:
            delattr(art, name)
        art._lazy = dict(lazy)
        return art

    def __getstate__(self) -> dict[str, Any]:  # pickle and copy: every field built
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "_lazy"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._lazy = None
        for name, value in state.items():
            setattr(self, name, value)

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
