"""Pathological inputs for boilerstrip, and a harness that measures them.

Each case builds one hostile document (deterministically) and runs ``clean_article`` on
it. The harness runs every case in a fresh Python process, so the peak resident memory
it reports (``ru_maxrss``) belongs to that case alone (it includes the interpreter and
the imported libraries: see ``baseline``).

    python tools/hostile.py --list
    python tools/hostile.py --case deep-div              # one case in this process, JSON out
    python tools/hostile.py --measure                    # every case, each in a subprocess
    python tools/hostile.py --measure --out docs/robustness-table.md

``tests/test_hostile_pages.py`` runs the same cases (``--case``) in subprocesses and
checks their results against stated time and memory ceilings; precise numbers come
from ``--measure`` and go to docs/robustness.md.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000

_PARA = (
    "The council met on Tuesday evening to discuss the new bridge over the river, and after "
    "a long debate the members agreed that the work should begin in the spring. "
)


def _page(body: str, head: str = "<title>A hostile page</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def deep(tag: str, n: int = 100_000, close: bool = True) -> str:
    inner = "<p>Bottom of the well: the text at the deepest level.</p>"
    closing = f"</{tag}>" * n if close else ""
    return _page(f"<{tag}>" * n + inner + closing + "<p>After the deep part: still here.</p>")


def page_50mb(size: int = 50 * MB) -> str:
    """A 50 MB page the way real ones get big: inline JSON state and SVG sprites in the
    markup, around a long article (about 1 MB of prose)."""
    blob = json.dumps({"items": [{"id": i, "name": f"item {i}", "tags": ["a", "b"]} for i in range(200)]})
    parts: list[str] = ["<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><article><h1>A long report</h1>"]
    size_now = 0
    i = 0
    while size_now < size:
        if i % 5 == 4:  # numbered: repeated paragraphs would be dropped as duplicates
            chunk = f"<p>{i} {_PARA * 8}</p>\n"
        elif i % 5 in (0, 1):
            chunk = f"<script type='application/json'>{blob}</script>\n"
        else:
            chunk = "<svg><path d='" + "M0 0L10 10 " * 1500 + "'/></svg>\n"
        parts.append(chunk)
        size_now += len(chunk)
        i += 1
    parts.append("</article><footer>Copyright 2026</footer>")
    return _page("".join(parts))


def page_50mb_prose(size: int = 50 * MB) -> str:
    """50 MB of paragraphs: the worst case for the scorer (every byte is text)."""
    # numbered, so that no paragraph repeats another (repeats are dropped as duplicates)
    para = f"<p>{_PARA * 8}</p>\n"
    count = size // (len(para) + 8)
    return _page("<article>" + "".join(f"<p>{i} {para[3:]}" for i in range(count)) + "</article>")


def empty_elements(n: int = 1_000_000) -> str:
    unit = "<div></div><span></span><i></i><b></b><p></p>"
    return _page(unit * (n // 5))


def markup_99(n: int = 1_000_000) -> str:
    """More than 99% tags, with one sentence of text in the middle."""
    unit = "<div class='a'><span></span></div>"
    half = unit * (n // 4)
    return _page(half + "<p>One lonely sentence sits in a sea of markup here.</p>" + half)


def text_node(size: int = 20 * MB) -> str:
    words = "lorem ipsum dolor sit amet consectetur adipiscing elit "
    return _page("<p>" + words * (size // len(words)) + "</p>")


def text_node_nospace(size: int = 20 * MB) -> str:
    return _page("<p>" + "a" * size + "</p>")


def big_attribute(size: int = 10 * MB) -> str:
    return _page(
        f"<div class=\"{'related share x ' * (size // 16)}\" data-x=\"{'y' * size}\">"
        f"<p>{_PARA}</p></div><p>{_PARA}</p>"
    )


def big_id(size: int = 10 * MB) -> str:
    """A 10 MB id on a container of 300 paragraphs (labels and paths are built from ids)."""
    return _page(f"<div id=\"{'i' * size}\"><section>" + f"<div><p>{_PARA}</p></div>" * 300 + "</section></div>")


def big_style(size: int = 10 * MB) -> str:
    return _page(f"<div style=\"{'display: block; ' * (size // 16)}\"><p>{_PARA}</p></div>")


def random_bytes(size: int = 1 * MB) -> bytes:
    return random.Random(6).randbytes(size)


def fake_png(size: int = 1 * MB) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + random.Random(7).randbytes(size)


def fake_pdf(size: int = 1 * MB) -> bytes:
    r = random.Random(8)
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5000 >>\nstream\n" + r.randbytes(size)


def nul_bytes() -> bytes:
    return (
        b"<html><body><p>Null\x00 bytes\x00 inside\x00 a paragraph of text that is still text.</p>"
        + b"\x00" * 100_000 + b"<p>More words after the nulls.</p></body></html>"
    )


def gzip_page() -> bytes:
    return gzip.compress(_page(f"<article><p>{_PARA}</p><p>{_PARA}</p></article>").encode())


def gzip_bomb(size: int = 256 * 1024 * 1024) -> bytes:
    """256 MiB of zeros, about 250 KB compressed."""
    chunk = b"\x00" * (1024 * 1024)
    c = __import__("zlib").compressobj(9, 8, 31)
    out = [c.compress(chunk) for _ in range(size // len(chunk))]
    out.append(c.flush())
    return b"".join(out)


def invalid_utf8() -> bytes:
    good = _page(f"<p>{_PARA}</p>").encode()
    return good.replace(b"council", b"coun\xffcil\xc3").replace(b"bridge", b"bri\xed\xa0\x80dge")


def utf16(bom: bool, endian: str = "le") -> bytes:
    text = _page("<p>Grüße aus Köln: " + _PARA + "</p>")
    data = text.encode(f"utf-16-{endian}")
    return ({"le": b"\xff\xfe", "be": b"\xfe\xff"}[endian] if bom else b"") + data


def lying_charset() -> bytes:
    """Declares windows-1251 but is UTF-8 with accents."""
    head = '<meta charset="windows-1251"><title>Crème brûlée</title>'
    return _page("<p>Odile Fénelon makes crème brûlée every morning. " + _PARA + "</p>", head).encode()


def lying_charset_utf8() -> bytes:
    """Declares UTF-8 but is windows-1252."""
    head = '<meta charset="utf-8"><title>Crème brûlée</title>'
    return _page("<p>Odile Fénelon makes crème brûlée every morning. " + _PARA + "</p>", head).encode("cp1252")


XXE_TEMPLATE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
  <!ENTITY file SYSTEM "{file_url}">
  <!ENTITY web SYSTEM "{http_url}">
  <!ENTITY % remote SYSTEM "{http_url}/dtd">
  %remote;
]>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Entities</title>
<link rel="stylesheet" href="{http_url}/style.css"/>
<script src="{http_url}/app.js"></script></head>
<body><article>
<p>{para}</p>
<p>Laughs: &lol9; and a file: &file; and the web: &web;</p>
<img src="{http_url}/x.png"/><iframe src="{file_url}"></iframe>
<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{file_url}" parse="text"/>
</article></body></html>
"""


def xxe(file_url: str = "file:///etc/passwd", http_url: str = "http://127.0.0.1:9/x") -> str:
    return XXE_TEMPLATE.format(file_url=file_url, http_url=http_url, para=_PARA)


def deep_lxml_tree(n: int = 100_000):
    """A tree built with lxml by a caller: no parser depth limit applies."""
    from lxml import etree

    # TreeBuilder, not SubElement: lxml 6 makes each SubElement walk the new node's
    # ancestors, so building this tree that way takes ~45 s (quadratic) before we run.
    tb = etree.TreeBuilder()
    tb.start("html", {})
    tb.start("body", {})
    for _ in range(n):
        tb.start("div", {})
    tb.data("Deep inside a tree built by hand.")
    for _ in range(n):
        tb.end("div")
    tb.end("body")
    tb.end("html")
    return tb.close()


def regex_hostile(n: int = 20_000) -> str:
    """Flattened text made of long runs of punctuation and whitespace."""
    runs = ["!" * n, "." * n, " " * n, "\t \u00a0" * (n // 3), "-" * n, "|" * n, ":" * n,
            "© " * (n // 2), "\n" * 50 + " " * n, "&" * n, "<" * n, "a " * (n // 2), "1," * (n // 2)]
    return "\n".join(runs)


#: name -> (what it is, factory, run options)
CASES: dict[str, tuple[str, Callable[[], str | bytes], dict]] = {
    "deep-div": ("100,000 nested <div>", lambda: deep("div"), {}),
    "deep-inline": ("100,000 nested <b>", lambda: deep("b"), {}),
    "deep-unclosed": ("100,000 unclosed <div>", lambda: deep("div", close=False), {}),
    "deep-lxml-tree": ("lxml tree 100,000 levels deep (caller-built)", deep_lxml_tree, {}),
    "page-50mb": ("50 MB page (inline JSON and SVG, 1 MB prose)", page_50mb, {}),
    "page-50mb-prose": ("50 MB page, all paragraphs", page_50mb_prose, {}),
    "empty-1m": ("1,000,000 empty elements", empty_elements, {}),
    "markup-99": (">99% markup, one sentence", markup_99, {}),
    "text-node-20mb": ("one 20 MB text node (words)", text_node, {}),
    "text-node-20mb-nospace": ("one 20 MB text node, no spaces", text_node_nospace, {}),
    "attr-10mb": ("10 MB class + 10 MB data attribute", big_attribute, {}),
    "id-10mb": ("10 MB id on a container of 300 paragraphs", big_id, {}),
    "style-10mb": ("10 MB style attribute", big_style, {}),
    "binary-random": ("1 MB random bytes", random_bytes, {}),
    "binary-png": ("PNG header + 1 MB", fake_png, {}),
    "binary-pdf": ("PDF header + 1 MB", fake_pdf, {}),
    "nul-bytes": ("page with 100,000 NUL bytes", nul_bytes, {}),
    "gzip-page": ("gzip-compressed page", gzip_page, {}),
    "gzip-bomb": ("gzip bomb (256 MiB of zeros)", gzip_bomb, {}),
    "invalid-utf8": ("invalid UTF-8 sequences", invalid_utf8, {}),
    "utf16-bom": ("UTF-16-LE with BOM", lambda: utf16(True), {}),
    "utf16-nobom": ("UTF-16-LE without BOM", lambda: utf16(False), {}),
    "utf16be-nobom": ("UTF-16-BE without BOM", lambda: utf16(False, "be"), {}),
    "lying-charset": ("says windows-1251, is UTF-8", lying_charset, {}),
    "lying-charset-utf8": ("says UTF-8, is windows-1252", lying_charset_utf8, {}),
    "xxe": ("billion laughs + file:// and http:// entities", xxe, {}),
    "regex-text": ("runs of punctuation/whitespace, text mode", regex_hostile, {"input": "text"}),
    "text-dump-50mb": ("50 MB flattened text, one paragraph per line", lambda: (_PARA + "\n") * (50 * MB // (len(_PARA) + 1)), {"input": "text"}),
}


def run_case(name: str, timeout: float | None = None) -> dict:
    """Build case ``name``, clean it in this process, and describe the result."""
    what, factory, opts = CASES[name]
    doc = factory()
    size = len(doc)
    from boilerstrip import clean_article

    if isinstance(doc, str):
        nbytes = len(doc.encode("utf-8", "surrogatepass"))
    elif isinstance(doc, bytes):
        nbytes = size
    else:
        nbytes = None  # a parsed tree
    out: dict = {"case": name, "what": what, "input_bytes": nbytes}
    rss0 = peak_rss_mb()
    t0 = time.perf_counter()
    try:
        art = clean_article(doc, timeout=timeout, **opts)
    except BaseException as e:  # report, do not hide: the caller decides
        out.update(error=f"{type(e).__name__}: {str(e)[:300]}")
        art = None
    out["seconds"] = round(time.perf_counter() - t0, 3)
    out["maxrss_mb"] = peak_rss_mb()
    out["maxrss_before_mb"] = rss0
    if art is not None:
        out.update(
            reason=art.reason, input_kind=art.input_kind, text_chars=len(art.text),
            text_head=art.text[:300], text_tail=art.text[-300:], blocks=len(art.blocks),
            removed=len(art.removed), title=art.title,
        )
    return out


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB: VmHWM (Linux), which starts afresh at
    exec, unlike ru_maxrss, which a child inherits from the process that started it."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_isolated(name: str, hard_timeout: float, timeout: float | None = None,
                 address_space_mb: float | None = 8192) -> dict:
    """Run one case in a fresh interpreter; a run past ``hard_timeout`` is killed, and the
    child's address space is capped at ``address_space_mb`` (a blow-up then fails with
    MemoryError instead of taking the machine's memory)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--case", name]
    if timeout:
        cmd += ["--timeout", str(timeout)]

    def cap():
        if address_space_mb:
            lim = int(address_space_mb * 1024 * 1024)
            resource.setrlimit(resource.RLIMIT_AS, (lim, lim))

    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=hard_timeout, preexec_fn=cap)
    except subprocess.TimeoutExpired:
        return {"case": name, "killed": f"still running after {hard_timeout}s"}
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        return {"case": name, "crashed": f"exit {p.returncode}: {p.stderr[-2000:]}"}
    res = json.loads(p.stdout.strip().splitlines()[-1])
    res["wall_seconds"] = round(wall, 2)
    return res


def baseline() -> dict:
    """Peak RSS of a process that imported boilerstrip and cleaned a small page."""
    from boilerstrip import clean_article

    clean_article(_page(f"<p>{_PARA}</p>"))
    return {"maxrss_mb": peak_rss_mb()}


def _table(rows: list[dict], base: dict) -> str:
    lines = [
        f"Measured by `python tools/hostile.py --measure` on {platform.machine()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores (shared), "
        f"{time.strftime('%Y-%m-%d')}. Peak RSS is the whole process; a process that only "
        f"imported boilerstrip and cleaned a small page peaks at {base['maxrss_mb']:.0f} MB.",
        "",
        "| case | input | seconds | peak RSS (MB) | result |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for r in rows:
        what = CASES[r["case"]][0]
        if "killed" in r or "crashed" in r or "error" in r:
            res = r.get("killed") or r.get("crashed", "")[:120] or r.get("error")
            lines.append(f"| `{r['case']}` | {what} | - | - | **{res}** |")
            continue
        if r.get("text_chars"):
            res = f"{r['input_kind']}, {r['text_chars']:,} chars kept"
            if r.get("reason"):
                res += f" ({r['reason']})"
        else:
            res = f"empty: \"{r.get('reason')}\""
        size = f" ({r['input_bytes'] / MB:.1f} MB)" if r.get("input_bytes") else ""
        lines.append(
            f"| `{r['case']}` | {what}{size} | {r['seconds']:.2f} | "
            f"{r['maxrss_mb']:.0f} | {res} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--case", help="run one case in this process and print JSON")
    ap.add_argument("--timeout", type=float, help="clean_article(timeout=...)")
    ap.add_argument("--measure", action="store_true", help="every case in its own process")
    ap.add_argument("--only", nargs="*", help="with --measure: these cases")
    ap.add_argument("--hard-timeout", type=float, default=600)
    ap.add_argument("--out", help="with --measure: write the markdown table here")
    ap.add_argument("--baseline", action="store_true")
    a = ap.parse_args(argv)
    if a.list:
        for k, (what, _, _) in CASES.items():
            print(f"{k:28} {what}")
        return 0
    if a.baseline:
        print(json.dumps(baseline()))
        return 0
    if a.case:
        print(json.dumps(run_case(a.case, a.timeout)), flush=True)
        # Skip the interpreter's teardown (freeing a 50 MB page's objects): only the case's
        # own time and memory are of interest here.
        os._exit(0)
        return 0
    if a.measure:
        base = json.loads(subprocess.run([sys.executable, __file__, "--baseline"], capture_output=True, text=True).stdout)
        rows = []
        for name in a.only or CASES:
            r = run_isolated(name, a.hard_timeout, a.timeout)
            rows.append(r)
            print(json.dumps({k: v for k, v in r.items() if k not in ("text_head", "text_tail")}), flush=True)
        table = _table(rows, base)
        print(table)
        if a.out:
            Path(a.out).write_text(table, encoding="utf-8")
        return 0
    ap.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
