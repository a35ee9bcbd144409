"""What every renderer shows: the blocks of one Article in document order, each with its
decision, reason, score and features; counts per decision; a colour per reason.

Everything here is renderer-neutral: the terminal view, the HTML page and ``--json`` all
read the same :class:`Entry` list, so they cannot disagree.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Iterable

from ..article import Article, Block
from ..rules import REASONS

#: Features shown first, in this order, when the scorer reports them; any other keys
#: follow in the order the scorer wrote them.
COMMON_FEATURES = ("chars", "words", "link_density", "stopword_density", "hints", "cohesion")

#: Legend key for kept blocks; removed blocks use their reason.
KEPT = "kept"
#: Reason shown for a removed block whose ``reason`` is empty (should not happen).
UNKNOWN_REASON = "boilerplate"


@dataclass(frozen=True, slots=True)
class Entry:
    """One block with its decision."""

    block: Block
    kept: bool

    @property
    def key(self) -> str:
        """``"kept"`` or the removal reason (the legend key)."""
        return KEPT if self.kept else (self.block.reason or UNKNOWN_REASON)

    @property
    def decision(self) -> str:
        return "kept" if self.kept else "removed"


def entries(art: Article) -> list[Entry]:
    """Kept and removed blocks merged into document order (by ``Block.position``)."""
    merged = [Entry(b, True) for b in art.blocks] + [Entry(b, False) for b in art.removed]
    merged.sort(key=lambda e: e.block.position)  # stable: ties keep kept-before-removed
    return merged


def feature_items(features: dict[str, Any] | None) -> list[tuple[str, Any]]:
    """``features`` as (key, value) pairs: the common keys first, then the rest as given."""
    if not features:
        return []
    first = [(k, features[k]) for k in COMMON_FEATURES if k in features]
    rest = [(k, v) for k, v in features.items() if k not in COMMON_FEATURES]
    return first + rest


def fmt_value(v: Any) -> str:
    """A short human form of a feature value (numbers rounded, collections joined)."""
    if v is None:
        return "–"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return str(v)
        if v == int(v) and abs(v) >= 1:
            return str(int(v))
        return f"{v:.3f}".rstrip("0").rstrip(".") or "0"
    if isinstance(v, dict):
        return ", ".join(f"{k}={fmt_value(x)}" for k, x in v.items()) or "–"
    if isinstance(v, (list, tuple, set, frozenset)):
        items = sorted(v, key=str) if isinstance(v, (set, frozenset)) else v
        return ", ".join(fmt_value(x) for x in items) or "–"
    return str(v)


def legend(items: Iterable[Entry]) -> dict[str, dict[str, int]]:
    """``{"kept" | reason: {"blocks": n, "chars": c}}``: kept first, then reasons by chars removed."""
    out: dict[str, dict[str, int]] = {}
    for e in items:
        slot = out.setdefault(e.key, {"blocks": 0, "chars": 0})
        slot["blocks"] += 1
        slot["chars"] += len(e.block.text)
    ordered = {KEPT: out.pop(KEPT)} if KEPT in out else {}
    for k in sorted(out, key=lambda k: (-out[k]["chars"], k)):
        ordered[k] = out[k]
    return ordered


def explain_dict(art: Article, source: str | None = None) -> dict[str, Any]:
    """The JSON form of ``boilerstrip explain``: metadata, a summary and every block in order."""
    es = entries(art)
    leg = legend(es)
    kept = [e for e in es if e.kept]
    removed = [e for e in es if not e.kept]
    return {
        "source": source,
        "url": art.url,
        "title": art.title,
        "input_kind": art.input_kind,
        "reason": art.reason or None,
        "summary": {
            "blocks": len(es),
            "kept": len(kept),
            "removed": len(removed),
            "chars_kept": sum(len(e.block.text) for e in kept),
            "chars_removed": sum(len(e.block.text) for e in removed),
        },
        "legend": leg,
        "blocks": [
            {
                "position": e.block.position,
                "kind": e.block.kind,
                "decision": e.decision,
                "reason": None if e.kept else e.key,
                "score": round(e.block.score, 4),
                "link_density": round(e.block.link_density, 4),
                "tag": e.block.tag,
                "path": e.block.path,
                "features": _jsonable(e.block.features or {}),
                "text": e.block.text,
            }
            for e in es
        ],
    }


def _jsonable(v: Any) -> Any:
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, (set, frozenset)):
        return sorted((_jsonable(x) for x in v), key=str)
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else str(v)
    return str(v)


# --------------------------------------------------------------------------
# colours
# --------------------------------------------------------------------------
KEPT_COLOR = "#2e7d32"
#: A fixed colour per reason, so a reason looks the same in every report. Green is kept
#: for "kept"; neighbours in meaning get distinct hues where it matters (promo vs ads).
REASON_COLORS = {
    "related": "#d62728", "teaser": "#e377c2", "comments": "#9467bd", "view-counter": "#8c564b",
    "share": "#1f77b4", "newsletter": "#ff7f0e", "navigation": "#17becf", "header": "#4e79a7",
    "footer": "#59606b", "sidebar": "#b07aa1", "cookie": "#c49c2e", "promo": "#e15759",
    "ads": "#f28e2b", "tags": "#4f9d97", "byline-box": "#9c755f", "login": "#6a3d9a",
    "title": "#3366cc", "hidden": "#8a8a8a", "link-list": "#0e7c86", "after-end": "#a05195",
    "outside-main": "#003f5c", "low-score": "#bc5090", "duplicate": "#b8860b", "site-repeat": "#d45087",
    "form": "#7f6a00", "caption": "#5c7a29", "control": "#b15928", "meta": "#6b6ecf",
    "table": "#8da0cb",
}
OTHER_COLOR = "#757575"


def reason_color(reason: str) -> str:
    """The ``#rrggbb`` colour of a legend key (``"kept"`` or a reason; unknown ones are grey)."""
    if reason == KEPT:
        return KEPT_COLOR
    return REASON_COLORS.get(reason, OTHER_COLOR)


_SLUG = re.compile(r"[^a-z0-9-]+")


def slug(s: str) -> str:
    """A CSS-class-safe form of a reason name."""
    return _SLUG.sub("-", s.lower()).strip("-") or "x"


def one_line(text: str, limit: int | None) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    t = " ".join(text.split())
    if limit is not None and len(t) > limit:
        t = t[: max(limit - 1, 0)].rstrip() + "…"
    return t
