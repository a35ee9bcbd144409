"""The systems the HTML benchmark compares, each as ``str (HTML) -> str (text)``.

Every system gets the same input (the page decoded to ``str``) and its timed call is
the whole ``str -> text`` conversion, parsing included. ``post`` (if any) runs after
the timer stops and only reshapes the output for scoring (it never sees the HTML).

A system whose library is not installed is reported as missing rather than crashing
the run: :func:`load` returns ``(systems, missing)``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata as _md
from typing import Callable

#: distribution names whose versions are reported in docs/benchmark.md
DISTRIBUTIONS = (
    "boilerstrip", "trafilatura", "readability-lxml", "html-text", "justext",
    "resiliparse", "lxml",
)


@dataclass
class System:
    name: str  # short id used on the command line and in dumps
    label: str  # what the call is, for the tables
    extract: Callable[[str, str], str | None]  # (html, url) -> text; timed
    metadata: bool = False  # True: compared (timing) with boilerstrip metadata=True
    post: Callable[[str], str] | None = None  # untimed reshaping for scoring
    dist: str = ""  # distribution whose version is reported


def _boilerstrip(metadata: bool):
    from boilerstrip import clean_article

    def run(html: str, url: str) -> str:
        return clean_article(html, url=url or None, metadata=metadata).text

    return run


def _trafilatura(**kw):
    import trafilatura

    def run(html: str, url: str) -> str | None:
        return trafilatura.extract(html, url=url or None, **kw)

    return run


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def _strip_front_matter(text: str) -> str:
    """trafilatura's with_metadata=True output starts with a '---' metadata header:
    score only the text after it, like boilerstrip's ``.text`` (metadata is separate)."""
    return _FRONT_MATTER.sub("", text, count=1)


def _readability():
    import html_text
    from readability import Document

    def run(html: str, url: str) -> str:
        summary = Document(html).summary()
        # html_text puts line breaks around block elements, so words of adjacent
        # paragraphs are not glued together as lxml's text_content() would do.
        return html_text.extract_text(summary)

    return run


def _justext():
    import justext

    # The usage documented in jusText's README: the English stoplist.
    stoplist = justext.get_stoplist("English")

    def run(html: str, url: str) -> str:
        paragraphs = justext.justext(html, stoplist)
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _resiliparse():
    from resiliparse.extract.html2text import extract_plain_text

    def run(html: str, url: str) -> str:
        return extract_plain_text(html, main_content=True)

    return run


#: name -> (label, factory, metadata, post, distribution); order is the table order
SPECS: dict[str, tuple] = {
    "boilerstrip": ("clean_article(metadata=False).text", lambda: _boilerstrip(False), False, None, "boilerstrip"),
    "boilerstrip-meta": ("clean_article(metadata=True).text", lambda: _boilerstrip(True), True, None, "boilerstrip"),
    "trafilatura": ("extract()", lambda: _trafilatura(), False, None, "trafilatura"),
    "trafilatura-precision": ("extract(favor_precision=True)", lambda: _trafilatura(favor_precision=True), False, None, "trafilatura"),
    "trafilatura-meta": ("extract(with_metadata=True)", lambda: _trafilatura(with_metadata=True), True, _strip_front_matter, "trafilatura"),
    "readability": ("Document().summary() -> html_text", _readability, False, None, "readability-lxml"),
    "justext": ("justext(English stoplist)", _justext, False, None, "justext"),
    "resiliparse": ("extract_plain_text(main_content=True)", _resiliparse, False, None, "resiliparse"),
}

BASELINE = "boilerstrip"  # metadata-off rows' time ratio is against this
BASELINE_META = "boilerstrip-meta"  # metadata-on rows' time ratio is against this
PEER = "trafilatura"
PEER_META = "trafilatura-meta"


def load(names: list[str] | None = None) -> tuple[list[System], dict[str, str]]:
    """Build the requested systems (default: all). Returns (systems, {missing name: why})."""
    names = list(SPECS) if not names else names
    unknown = [n for n in names if n not in SPECS]
    if unknown:
        raise SystemExit(f"unknown system(s): {', '.join(unknown)}; known: {', '.join(SPECS)}")
    systems, missing = [], {}
    for name in names:
        label, factory, meta, post, dist = SPECS[name]
        try:
            fn = factory()
        except ImportError as exc:
            missing[name] = f"not installed ({exc.name or exc})"
            continue
        systems.append(System(name, label, fn, meta, post, dist))
    return systems, missing


def versions() -> dict[str, str]:
    out = {}
    for dist in DISTRIBUTIONS:
        try:
            out[dist] = _md.version(dist)
        except _md.PackageNotFoundError:
            out[dist] = "not installed"
    return out
