"""The terminal view of ``boilerstrip explain``, drawn with rich.

One record per block, in document order::

      3  paragraph  removed  share           score 0.12
         chars=31 words=6 link_density=0.8 class=bad
         │ Share this story on Facebook Twitter

then a summary line. Colours only on a terminal (rich drops them when the output is not
a TTY, when ``NO_COLOR`` is set, or with ``color=False``); the layout is the same
either way, so the plain form is grep-friendly.
"""
from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.text import Text

from ..article import Article
from . import _model as m

#: Characters of block text shown per block unless ``full`` is set.
TEXT_LIMIT = 200


def make_console(file: IO[str] | None = None, *, color: bool | None = None) -> Console:
    """A console that writes plain text unless ``file`` is a terminal (or ``color=True``)."""
    kw: dict = dict(file=file, highlight=False, soft_wrap=True, emoji=False, markup=False)
    if color is False:
        kw.update(no_color=True, force_terminal=False, color_system=None)
    elif color is True:
        kw.update(force_terminal=True, color_system="truecolor")
    return Console(**kw)


def render(art: Article, console: Console, *, full: bool = False, source: str | None = None) -> None:
    """Print every block of ``art`` with its decision, reason, score and features."""
    es = m.entries(art)
    if source or art.title:
        head = Text()
        if source:
            head.append(source, style="bold")
        if art.title:
            head.append(("  " if source else "") + f"title: {art.title}", style="italic")
        console.print(head)
    width = len(str(max((e.block.position for e in es), default=0)))
    for e in es:
        console.print(_block(e, width, full, console))
    console.print(_summary(art, es, console))


def _color(console: Console, key: str) -> str:
    """The key's colour; on a 16-colour terminal, where the reason colours would collapse
    to greys, plain green for kept and yellow for removed."""
    if console.color_system in ("standard", "windows"):
        return "green" if key == m.KEPT else "yellow"
    return m.reason_color(key)


def _block(e: m.Entry, width: int, full: bool, console: Console) -> Text:
    b = e.block
    color = _color(console, e.key)
    t = Text()
    t.append(f"{b.position:>{width}}  ", style="dim")
    t.append(f"{b.kind:<10} ", style="cyan")
    if e.kept:
        t.append("kept    ", style=f"bold {color}")
        t.append(f"{'':<14}")
    else:
        t.append("removed ", style=f"bold {color}")
        t.append(f"{e.key:<14}", style=color)
    t.append(f" score {b.score:.2f}", style="dim")
    if b.tag:
        t.append(f"  <{b.tag}>", style="dim")
    feats = m.feature_items(b.features)
    pad = " " * (width + 2)
    shown = [(k, v) for k, v in feats if v is not None]
    if shown:
        t.append("\n" + pad)
        for i, (k, v) in enumerate(shown):
            if i:
                t.append(" ")
            t.append(f"{k}=", style="dim")
            t.append(m.fmt_value(v))
    t.append("\n" + pad + "│ ", style="dim")
    body = m.one_line(b.text, None if full else TEXT_LIMIT)
    t.append(body, style="strike dim" if not e.kept else "")
    return t


def _summary(art: Article, es: list[m.Entry], console: Console) -> Text:
    t = Text()
    if not es:
        t.append(f"no blocks: {art.reason or 'nothing to show'}", style="bold yellow")
        return t
    leg = m.legend(es)
    kept = leg.get(m.KEPT, {"blocks": 0, "chars": 0})
    n_rm = sum(v["blocks"] for k, v in leg.items() if k != m.KEPT)
    c_rm = sum(v["chars"] for k, v in leg.items() if k != m.KEPT)
    t.append(f"{kept['blocks']} kept ({kept['chars']:,} chars)", style=f"bold {_color(console, m.KEPT)}")
    t.append(f", {n_rm} removed ({c_rm:,} chars)", style="bold")
    parts = [(k, v) for k, v in leg.items() if k != m.KEPT]
    if parts:
        t.append(": ")
        for i, (k, v) in enumerate(parts):
            if i:
                t.append(", ")
            t.append(k, style=_color(console, k))
            t.append(f" {v['blocks']} ({v['chars']:,})")
    if art.reason:
        t.append(f"\nnote: {art.reason}", style="yellow")
    return t
