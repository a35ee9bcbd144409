"""Property checks and a long fuzz run of clean_article() (hypothesis with a large budget).

The properties (also run, with a small budget, by tests/test_properties.py):

* **no crash** - for any ``str`` or ``bytes`` (and generated HTML), ``clean_article``
  returns an ``Article``; nothing escapes.
* **words subset** - every ``\\w+`` token of ``art.text`` and of ``art.comments``,
  case-folded, occurs as a substring of the case-folded *reference text* of the input:
  for text input, the decoded input with the characters no parser accepts removed
  (``_input.clean_text_chars``); for HTML, the text nodes of the parsed tree
  (entity-decoded) concatenated in document order, leaving out comments and the content
  of elements that never hold text (script, style, ...: ``rules.SKIP_TAGS``) but not the
  text after them; and, as a second reference, the same text without the inline (not
  block-level) elements a browser hides (``hidden``, ``display: none``, ``visibility: hidden``,
  and a class or id that pages hide by convention: ``rules.HIDDEN_CLASSES``, e.g. ``sr-only``,
  ``visually-hidden``, ``d-none``, read as the name's letters and digits), because
  dropping ``a<i hidden>x</i>b`` joins "a" and "b" as a browser shows them: a token must
  occur in one of the two. Substring, not token equality, because inline tags join text
  nodes into one word (``foo<b>bar</b>`` -> "foobar", as a browser shows it) and block
  boundaries split them. Refused input (binary) must give empty text.
* **deterministic** - cleaning the same input twice gives equal ``to_dict()``.
* **text mode idempotent** - ``t1 = clean(doc, input="text").text`` then
  ``clean(t1, input="text").text == t1``.

Run (nice, in the background; it prints progress and a summary, and writes every
failure as one JSON line):

    nice -n 10 python tools/fuzz.py --examples 100000 --out bench/out/fuzz-failures.jsonl
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import traceback
from collections import Counter

from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from boilerstrip import Article, clean_article
from boilerstrip import _input

_TOKEN = re.compile(r"\w+")

# --------------------------------------------------------------------------
# strategies
# --------------------------------------------------------------------------
WORDS = (
    "the council met on Tuesday evening to discuss bridge river and after long debate members "
    "agreed work should begin spring Grüße Köln crème brûlée naïve façade Straße ΑΣΣΟΣ "
    "Привет мир 東京 銭湯 営業 مرحبا שלום 😀 ﬁne İstanbul ß 123 4,567 3.14 _x_ e-mail"
).split()
WIDGETS = [
    "Share", "Share this", "Tweet", "Related articles", "You may also like", "Leave a reply",
    "1,234 views", "Read more: the other story", "Subscribe to our newsletter", "We use cookies",
    "Advertisement", "Tags:", "Filed under: News", "About the author", "Sign in", "© 2024 Example",
    "All rights reserved", "Skip to content", "Home", "Menu", "Next post", "Comments (3)", "Reply",
]
ENTITIES = [
    "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&#65;", "&#x1F600;", "&eacute;",
    "&bogus;", "&#0;", "&#xD800;", "&#99999999;", "&", "&amp", "&#", "&#x;", "&lol9;", "&NotANumber;",
]
TAGS = (
    "p div span a b i em strong u s small sub sup ul ol li h1 h2 h3 h4 h5 h6 table thead tbody tr "
    "td th caption blockquote pre code article section nav header footer aside main form "
    "fieldset legend label figure figcaption dl dt dd details summary address center font "
    "button select option textarea noscript template iframe svg math video canvas object "
    "title head body html frameset frame marquee custom-element x:y"
).split()
VOID = "br img hr input meta link wbr source".split()
CLASS_TOKENS = (
    "content post entry article-body related share comments sidebar nav footer header ad "
    "hidden sr-only newsletter cookie-banner widget menu tags byline main story x"
).split()

text_piece = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(WIDGETS), st.sampled_from(ENTITIES),
    st.text(max_size=12), st.sampled_from([" ", "\n", "\t", "\u00a0", "\u200b", "  \n\n "]),
)
text_run = st.lists(text_piece, max_size=10).map(" ".join)


def _attr_value(v: str) -> str:
    return v.replace('"', "&quot;")


attr = st.one_of(
    st.lists(st.sampled_from(CLASS_TOKENS), min_size=1, max_size=3).map(lambda c: f'class="{" ".join(c)}"'),
    st.sampled_from(CLASS_TOKENS).map(lambda c: f'id="{c}"'),
    st.sampled_from(["display:none", "visibility: hidden", "color:red", "DISPLAY : NONE"]).map(lambda s: f'style="{s}"'),
    st.sampled_from(["navigation", "main", "complementary", "contentinfo", "banner", "dialog", "bogus"]).map(lambda r: f'role="{r}"'),
    st.just("hidden"), st.just('aria-hidden="true"'), st.just('rel="tag"'),
    st.sampled_from(["#", "javascript:alert(1)", "http://127.0.0.1:9/", "file:///etc/passwd"]).map(lambda h: f'href="{h}"'),
    text_run.map(lambda t: f'title="{_attr_value(t)}"'),
    text_run.map(lambda t: f"data-x='{t}'"),  # unescaped: quotes may break out
)


def _element(tag: str, attrs: list[str], children: list[str], closed: bool) -> str:
    a = (" " + " ".join(attrs)) if attrs else ""
    inner = "".join(children)
    return f"<{tag}{a}>{inner}" + (f"</{tag}>" if closed else "")


leaf = st.one_of(
    text_run,
    text_run.map(lambda t: f"<!--{t}-->"),
    text_run.map(lambda t: f"<![CDATA[{t}]]>"),
    st.sampled_from(VOID).map(lambda t: f"<{t}>"),
    text_run.map(lambda t: f"<script>var s = '{t}</div><p>'; // <!--</script>"),
    text_run.map(lambda t: f"<style>p {{ content: '{t}' }}</style>"),
    st.sampled_from(["<", ">", "</p>", "</div></div>", "<p", "<!", "<?php echo 1 ?>", "]]>", "-->", "<![endif]-->"]),
)
html_tree = st.recursive(
    leaf,
    lambda children: st.builds(
        _element, st.sampled_from(TAGS), st.lists(attr, max_size=3),
        st.lists(children, max_size=6), st.booleans(),
    ),
    max_leaves=30,
)
html_doc = st.builds(
    lambda doctype, title, body, tail: f"{doctype}<html><head><title>{title}</title></head><body>{body}</body></html>{tail}",
    st.sampled_from(["", "<!DOCTYPE html>", "<?xml version='1.0'?><!DOCTYPE html [<!ENTITY x 'y'>]>"]),
    text_run, st.lists(html_tree, max_size=8).map("".join), st.sampled_from(["", "trailing", "<p>after"]),
)
html_fragment = st.lists(html_tree, min_size=1, max_size=6).map("".join)
text_doc = st.lists(
    st.one_of(text_run, st.sampled_from(WIDGETS), st.just(""), st.sampled_from(["\n", "\n\n", "\r\n"])),
    max_size=30,
).map("\n".join)
any_str = st.one_of(st.text(max_size=2000), text_doc, html_fragment)
any_bytes = st.one_of(
    st.binary(max_size=2000),
    html_doc.map(lambda s: s.encode("utf-8")),
    st.tuples(html_doc, st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "koi8-r", "shift_jis", "gb18030"])).map(
        lambda t: t[0].encode(t[1], "replace")
    ),
    st.tuples(st.binary(max_size=8), html_doc.map(str.encode)).map(lambda t: t[0] + t[1]),  # garbage prefix
)
options = st.fixed_dictionaries(
    {},
    optional={
        "input": st.sampled_from(["auto", "html", "text"]),
        "include_comments": st.booleans(),
        "include_tables": st.booleans(),
        "favor": st.sampled_from(["balanced", "precision", "recall"]),
        "metadata": st.booleans(),
    },
)


# --------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------
def reference_text(doc, mode: str = "auto") -> str | None:
    """The text the output's words must come from (see module doc); None when refused."""
    kind, payload, _enc, _raw = _input.coerce(doc, mode)
    if kind == "text":
        if isinstance(payload, _input.Rejected):
            return None
        return payload
    if payload is None:
        return ""
    return visible_text(payload) + "\x00" + visible_text(payload, drop_hidden=True)


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


# Elements a browser displays as blocks by default; any other element (the phrasing ones,
# and unknown ones such as <x:y>, which browsers display inline) drops out of its line of
# text when hidden.
_BLOCKS = frozenset(
    "address article aside blockquote body center details dialog dd dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu "
    "nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _hidden_name(value: str) -> bool:
    """A class or id value naming a conventionally hidden element (rules.HIDDEN_CLASSES:
    "sr-only", "visually-hidden", "d-none", ...), read as each name's lower-cased letters
    and digits."""
    from boilerstrip.rules import HIDDEN_CLASSES

    return any(_NOT_ALNUM.sub("", name.lower()) in HIDDEN_CLASSES for name in value.split())


def _hidden(el) -> bool:
    tag = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""
    return tag not in _BLOCKS and (
        "hidden" in el.attrib or bool(_HIDDEN_STYLE.search(el.get("style") or ""))
        or _hidden_name(el.get("class") or "") or _hidden_name(el.get("id") or ""))


def visible_text(root, drop_hidden: bool = False) -> str:
    """Text nodes in document order, leaving out comments and the content of elements
    that never hold text (rules.SKIP_TAGS: script, style, template, ...) but keeping the
    text that follows them: a browser shows ``a<script>x</script>b`` as "ab"."""
    from lxml import etree

    from boilerstrip.rules import SKIP_TAGS

    out: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if not isinstance(tag, str) or tag.rsplit("}", 1)[-1].lower() in SKIP_TAGS:
                walker.skip_subtree()
                continue
            if drop_hidden and el is not root and _hidden(el):
                walker.skip_subtree()  # its tail still comes with its end event
                continue
            if el.text:
                out.append(el.text)
        elif el is not root and el.tail:
            out.append(el.tail)
    return "".join(out)


def check_words_subset(doc, art: Article, mode: str = "auto") -> None:
    ref = reference_text(doc, mode)
    if ref is None:
        assert art.text == "", "refused input must give empty text"
        return
    ref = ref.casefold()
    for field in ("text", "comments"):
        out = getattr(art, field) or ""
        missing = sorted({w for w in _TOKEN.findall(out.casefold()) if w not in ref})
        assert not missing, f"words in art.{field} that are not in the input: {missing[:10]!r}"


def check_all(doc, opts: dict | None = None, determinism: bool = True) -> Article:
    """No crash, words subset, deterministic (when ``determinism``). Returns the Article."""
    opts = dict(opts or {})
    art = clean_article(doc, **opts)
    assert isinstance(art, Article)
    assert isinstance(art.text, str) and isinstance(art.reason, str)
    if not art.text:
        assert art.reason, "empty text must come with a reason"
    check_words_subset(doc, art, opts.get("input", "auto"))
    if determinism:
        again = clean_article(doc, **opts)
        assert again.to_dict() == art.to_dict(), "not deterministic"
    json.dumps(art.to_dict())
    art.to_markdown()
    return art


def check_idempotent(doc) -> None:
    first = clean_article(doc, input="text").text
    second = clean_article(first, input="text").text
    assert second == first, f"text mode is not idempotent: {first[:200]!r} -> {second[:200]!r}"


# --------------------------------------------------------------------------
# long run
# --------------------------------------------------------------------------
class Recorder:
    def __init__(self, out):
        self.count = Counter()
        self.fail = Counter()
        self.out = out
        self.first: dict[str, str] = {}
        self.t0 = time.monotonic()

    def run(self, prop: str, fn, *args) -> None:
        self.count[prop] += 1
        if fn is check_all:  # the determinism re-run on every 4th input (it doubles the cost)
            args = args + (self.count[prop] % 4 == 0,)
        try:
            fn(*args)
        except Exception as e:  # record and go on: the run must reach its budget
            msg = f"{type(e).__name__}: {str(e)[:300]}"
            key = f"{prop}: {msg.split(':')[0]}:{msg.split(':')[1][:60] if ':' in msg else ''}"
            self.fail[prop] += 1
            if self.out and self.fail[prop] <= 200:
                rec = {"property": prop, "error": msg, "input": repr(args[0])[:5000],
                       "traceback": traceback.format_exc()[-1500:]}
                self.out.write(json.dumps(rec) + "\n")
                self.out.flush()
            self.first.setdefault(key, repr(args[0])[:300])
        total = sum(self.count.values())
        if total % 1000 == 0:
            rate = total / (time.monotonic() - self.t0)
            print(f"{total} inputs, {sum(self.fail.values())} failures, {rate:.0f}/s", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Long fuzz run of clean_article (hypothesis).")
    ap.add_argument("--examples", type=int, default=100_000, help="total inputs (split over the properties)")
    ap.add_argument("--out", help="JSON lines file for failures")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    out = open(a.out, "w", encoding="utf-8") if a.out else None
    rec = Recorder(out)
    # share of the budget per property
    plan = [("str", 0.25), ("bytes", 0.25), ("html", 0.30), ("idempotent", 0.20)]

    def cfg(n):
        return settings(
            max_examples=n, deadline=None, database=None, derandomize=False,
            phases=[Phase.generate], suppress_health_check=list(HealthCheck),
        )

    budgets = {name: int(a.examples * share) + 1 for name, share in plan}

    @cfg(budgets["str"])
    @given(any_str, options)
    def fuzz_str(doc, opts):
        rec.run("str", check_all, doc, opts)

    @cfg(budgets["bytes"])
    @given(any_bytes, options)
    def fuzz_bytes(doc, opts):
        rec.run("bytes", check_all, doc, opts)

    @cfg(budgets["html"])
    @given(html_doc, options)
    def fuzz_html(doc, opts):
        rec.run("html", check_all, doc, opts)

    @cfg(budgets["idempotent"])
    @given(st.one_of(text_doc, st.text(max_size=1000)))
    def fuzz_idem(doc):
        rec.run("idempotent", check_idempotent, doc)

    import random

    random.seed(a.seed)
    for f in (fuzz_str, fuzz_bytes, fuzz_html, fuzz_idem):
        f()
    took = time.monotonic() - rec.t0
    total = sum(rec.count.values())
    print(json.dumps({
        "inputs": total, "seconds": round(took), "per_property": dict(rec.count),
        "failures": dict(rec.fail), "distinct": rec.first,
    }, indent=1, ensure_ascii=False))
    return 1 if rec.fail else 0


if __name__ == "__main__":
    sys.exit(main())
