"""Jinja2 environment shared by the HTML reports.

Autoescaping is on for every template: block text, titles and URLs come from hostile
pages, and a template that forgot ``|e`` once would be an injection. Each page also
carries a Content-Security-Policy that forbids scripts and any network load, so even a
bug in escaping could not run code or fetch anything.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from . import _model as m


@lru_cache(maxsize=1)
def env() -> Environment:
    e = Environment(
        loader=PackageLoader("boilerstrip.report", "templates"),
        autoescape=True,  # every template, whatever its extension
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    e.filters["slug"] = m.slug
    e.filters["fmt"] = m.fmt_value
    e.filters["features"] = m.feature_items
    e.filters["reason_color"] = m.reason_color
    return e


def render(template: str, **ctx: Any) -> str:
    from .. import __version__

    return env().get_template(template).render(version=__version__, **ctx)


def write(path: str | os.PathLike[str], html: str) -> None:
    """Write ``html`` to ``path`` (UTF-8) via a temporary file, so a reader never sees half a page."""
    path = os.fspath(path)
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(html)
    os.replace(tmp, path)
