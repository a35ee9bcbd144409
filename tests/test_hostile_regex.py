"""Regex-hostile text against every regular expression in the package.

Every pattern is found automatically: compiled patterns held by any module of the
package (module globals and the containers in them), each WIDGET_PHRASES source compiled
on its own, and every string literal passed to ``re.compile/search/match/sub/...`` in
the package's source (found with ``ast``). Each is run over long runs of punctuation and
whitespace and over text made of the pattern's own words repeated, which is what makes a
backtracking pattern blow up. A SIGALRM guard turns a runaway search into a failure
instead of a hang (``re`` checks for signals while it backtracks).
"""
from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import signal
import string
import time
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip import clean_article, rules

PKG = Path(boilerstrip.__file__).resolve().parent
N = 20_000               # length of each hostile string
PER_PATTERN_CEILING = 5.0  # seconds for all hostile strings against one pattern (linear: ~0.01 s)
_RE_FUNCS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


def _walk(value, depth=0):
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, dict):
        for v in value.values():
            yield from _walk(v, depth + 1)
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _walk(v, depth + 1)


def _literal(node):
    """The str/bytes value of a constant expression (constants joined by +), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = _literal(node.left), _literal(node.right)
        if a is not None and b is not None and type(a) is type(b):
            return a + b
    return None


def _source_patterns():
    for path in sorted(PKG.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in _RE_FUNCS and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re" and node.args
            ):
                src = _literal(node.args[0])
                if src is not None:
                    yield f"{path.relative_to(PKG)}:{node.lineno}", src


def all_patterns() -> dict[str, re.Pattern]:
    found: dict[tuple, tuple[str, re.Pattern]] = {}

    def add(where, pat):
        found.setdefault((pat.pattern, pat.flags), (where, pat))

    for info in pkgutil.walk_packages(boilerstrip.__path__, "boilerstrip."):
        mod = importlib.import_module(info.name)
        for name, value in vars(mod).items():
            for pat in _walk(value):
                add(f"{info.name}.{name}", pat)
    for reason, sources in rules.WIDGET_PHRASES.items():
        for i, src in enumerate(sources):
            add(f"rules.WIDGET_PHRASES[{reason}][{i}]", re.compile(src, re.I))
    for where, src in _source_patterns():
        for flags in (0, re.I):
            try:
                add(where, re.compile(src, flags))
            except re.error:  # a fragment joined at run time; the whole is found above
                pass
    return {f"{where} {pat.pattern[:60]!r}": pat for where, pat in found.values()}


PATTERNS = all_patterns()


def hostile_strings(pat: re.Pattern) -> list[str]:
    """Long runs of every punctuation and whitespace character, and the pattern's own
    literal words repeated (with and without separators) so that each repetition
    starts a partial match."""
    out = [c * N for c in string.punctuation]
    out += [c * N for c in " \t\n\r\u00a0\u2003\u200b\u3000"]
    out += [" \t" * (N // 2), "\n \n" * (N // 3), "\r\n" * (N // 2), ". " * (N // 2), "a" * N,
            "a " * (N // 2), "1" * N, "1," * (N // 2), "a." * (N // 2), "<a " * (N // 3),
            "&#" * (N // 2), "© " * (N // 2), "…" * N, "é" * N]
    src = pat.pattern if isinstance(pat.pattern, str) else pat.pattern.decode("latin-1")
    words = re.findall(r"[^\W\d_]{2,}", src.replace("\\b", " ").replace("\\s", " ").replace("\\d", " "))
    if words:
        phrase = " ".join(words)
        out += [(phrase + " ") * (N // (len(phrase) + 1)), phrase.replace(" ", "") * (N // len(phrase) + 1)]
        for w in set(words[:6]):
            out += [(w + " ") * (N // (len(w) + 1)), (w + "!") * (N // (len(w) + 1))]
        out.append((" ".join(words[:3]) + " 12 ") * (N // 20))
    if isinstance(pat.pattern, bytes):
        return [s.encode("utf-8") for s in out]
    return out


class _Runaway(Exception):
    pass


def _alarm(signum, frame):
    raise _Runaway()


@pytest.fixture
def alarm():
    old = signal.signal(signal.SIGALRM, _alarm)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, old)


def test_patterns_were_found():
    # The scan must see the tables and the modules' own patterns, or the test proves nothing.
    names = " ".join(PATTERNS)
    assert len(PATTERNS) > 80
    for where in ("WIDGET_PHRASES", "boilerstrip.segment.", "boilerstrip.score.", "boilerstrip._input."):
        assert where in names, where


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_catastrophic_backtracking(name, alarm):
    pat = PATTERNS[name]
    texts = hostile_strings(pat)
    signal.setitimer(signal.ITIMER_REAL, PER_PATTERN_CEILING * 4)
    t0 = time.perf_counter()
    try:
        for text in texts:
            pat.search(text)
            for _ in zip(range(1000), pat.finditer(text)):
                pass
            if pat.pattern[:1] not in ("^", b"^"):
                pat.match(text)
    except _Runaway:
        pytest.fail(f"{name}: still searching after {PER_PATTERN_CEILING * 4}s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    took = time.perf_counter() - t0
    assert took < PER_PATTERN_CEILING, f"{name}: {took:.1f}s over {len(texts)} strings of {N} chars"


def test_hostile_text_through_the_whole_pipeline(alarm):
    """The same kind of text through clean_article, as text and as HTML (every block
    below the widget-phrase length limits too, where the phrase tables are matched)."""
    runs = [c * 5_000 for c in "!.-|:;,?*#=_~/\\\"'()[]{}<>&%$@^`+"]
    runs += [" " * 5_000, "\t \u00a0\u2003" * 1_250, "\n" * 2_000, "© 2024 " * 500]
    short = [c * n for c in "!.-|:" for n in (50, 139, 140, 259, 260)]
    doc = "\n\n".join(runs + short + ["Leave a " + "reply " * 30, "Sign up for our " * 30, "Share " * 40])
    html = "<html><body>" + "".join(f"<p>{r}</p>" for r in runs + short) + "</body></html>"
    signal.setitimer(signal.ITIMER_REAL, 60)
    t0 = time.perf_counter()
    try:
        for d, mode in ((doc, "text"), (doc, "auto"), (html, "html")):
            art = clean_article(d, input=mode)
            assert isinstance(art.text, str)
    except _Runaway:
        pytest.fail("clean_article still running after 60 s on regex-hostile text")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    assert time.perf_counter() - t0 < 30
