"""Stage 2, scoring (placeholder: keeps everything; the real scorer replaces it)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Options:
    include_comments: bool = False
    include_tables: bool = True
    favor: str = "balanced"
    site_profile: frozenset = field(default_factory=frozenset)


def score(seg, opts: Options, title: str | None = None) -> None:
    for b in seg.blocks:
        b.reason = None
