"""The one-page HTML view of ``boilerstrip explain FILE --html report.html``."""
from __future__ import annotations

import os

from ..article import Article
from ..rules import REASONS
from . import _html
from . import _model as m


def explain_html(art: Article, *, source: str | None = None) -> str:
    """A self-contained HTML page of ``art``'s blocks in order: kept ones plain, removed ones
    struck through and tinted by reason, reason and features on hover, and a legend."""
    es = m.entries(art)
    data = m.explain_dict(art, source=source)
    keys = [m.KEPT, *REASONS, *(k for k in data["legend"] if k != m.KEPT and k not in REASONS)]
    colors = {k: m.reason_color(k) for k in keys}
    heading = art.title or (os.path.basename(source) if source and source != "-" else None) or "document"
    return _html.render(
        "explain.html.j2",
        heading=heading,
        source=source,
        url=art.url,
        input_kind=art.input_kind,
        reason=art.reason,
        summary=data["summary"],
        legend=data["legend"],
        colors=colors,
        blocks=es,
    )


def write_explain_html(art: Article, path: str | os.PathLike[str], *, source: str | None = None) -> None:
    """Write :func:`explain_html` to ``path``."""
    _html.write(path, explain_html(art, source=source))
