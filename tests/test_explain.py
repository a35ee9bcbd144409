"""``boilerstrip explain``: block order, decisions, features, terminal/JSON/HTML output,
and that hostile page text is escaped in the HTML report."""
from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html

from boilerstrip import Article, Block, REASONS
from boilerstrip.cli import main
from boilerstrip.report import (
    COMMON_FEATURES, entries, explain_dict, explain_html, feature_items, make_console, reason_color,
    render_terminal,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
XSS = "<script>alert(1)</script>"


def synthetic() -> Article:
    """Kept and removed blocks interleaved, with out-of-order lists and generic features."""
    kept = [
        Block("heading", "A headline", 0, tag="h1", level=1, score=0.9,
              features={"zeta": 1, "chars": 10, "cohesion": 0.5}),
        Block("paragraph", "Body text of the story, long enough to keep.", 2, tag="p", score=0.8,
              features={"chars": 44, "words": 9, "link_density": 0.0, "stopword_density": 0.41,
                        "hints": ["content"], "custom": {"a": 1}}),
        Block("paragraph", f"Quoted attack: {XSS} & <b>bold</b>", 5, tag="p", score=0.7,
              features={"chars": 40}),
    ]
    removed = [
        Block("list_item", "Share on Facebook", 1, tag="li", score=0.1, reason="share",
              link_density=1.0, features={"link_density": 1.0, "chars": 17, "hints": ["share", "social"]}),
        Block("paragraph", "READ MORE: another story", 4, tag="p", score=0.2, reason="promo"),
        Block("paragraph", "Sign up for our newsletter", 3, tag="div", score=0.05, reason="newsletter",
              features={"phrase": "newsletter", "chars": 26}),
        Block("paragraph", "Also share this", 6, tag="div", score=0.0, reason="share"),
    ]
    # lists deliberately out of position order
    return Article(text="", title="Synthetic <title>", blocks=list(reversed(kept)), removed=removed,
                   input_kind="html", url="https://example.com/x?a=1&b=2")


# --------------------------------------------------------------------------
# model
# --------------------------------------------------------------------------
def test_entries_merge_kept_and_removed_in_document_order():
    art = synthetic()
    es = entries(art)
    assert [e.block.position for e in es] == list(range(7))
    assert [e.key for e in es] == ["kept", "share", "kept", "newsletter", "promo", "kept", "share"]
    assert sum(e.kept for e in es) == len(art.blocks)


def test_feature_items_put_common_keys_first_then_the_rest_in_given_order():
    feats = {"zeta": 1, "cohesion": 0.5, "alpha": 2, "chars": 10, "link_density": 0.2}
    keys = [k for k, _ in feature_items(feats)]
    assert keys == ["chars", "link_density", "cohesion", "zeta", "alpha"]
    assert feature_items({}) == [] and feature_items(None) == []
    assert COMMON_FEATURES[0] == "chars"


def test_explain_dict_counts_match_blocks():
    art = synthetic()
    d = explain_dict(art, source="x.html")
    json.dumps(d)  # JSON-ready
    assert d["summary"] == {"blocks": 7, "kept": 3, "removed": 4,
                            "chars_kept": sum(len(b.text) for b in art.blocks),
                            "chars_removed": sum(len(b.text) for b in art.removed)}
    assert d["legend"]["kept"]["blocks"] == 3
    assert d["legend"]["share"] == {"blocks": 2, "chars": len("Share on Facebook") + len("Also share this")}
    assert list(d["legend"])[0] == "kept"
    assert [b["decision"] for b in d["blocks"]].count("removed") == 4
    assert d["blocks"][1]["reason"] == "share" and d["blocks"][0]["reason"] is None
    assert d["blocks"][1]["features"]["hints"] == ["share", "social"]


def test_every_reason_has_its_own_colour_and_kept_differs():
    colours = {reason_color(r) for r in REASONS}
    assert len(colours) == len(REASONS)
    assert reason_color("kept") not in colours
    assert re.fullmatch(r"#[0-9a-f]{6}", reason_color("no-such-reason"))


# --------------------------------------------------------------------------
# terminal
# --------------------------------------------------------------------------
def _term(art: Article, color) -> str:
    buf = io.StringIO()
    render_terminal(art, make_console(buf, color=color), source="x.html")
    return buf.getvalue()


def test_terminal_plain_lists_blocks_in_order_with_reasons_and_features():
    out = _term(synthetic(), None)  # StringIO is not a TTY -> plain
    assert not ANSI.search(out)
    lines = out.splitlines()
    decisions = [ln.split()[2:4] for ln in lines if re.match(r"^\d  [a-z_]+ +(kept|removed) ", ln)]
    assert [d[0] for d in decisions] == ["kept", "removed", "kept", "removed", "removed", "kept", "removed"]
    assert [d[1] for d in decisions if d[0] == "removed"] == ["share", "newsletter", "promo", "share"]
    assert "chars=17 link_density=1 hints=share, social" in out  # common keys first, generic rendering
    assert "chars=10 cohesion=0.5 zeta=1" in out
    assert "custom=a=1" in out
    assert XSS in out  # the terminal shows text as it is
    assert re.search(r"^3 kept \(\d+ chars\), 4 removed \(\d+ chars\): share 2", lines[-1])


def test_terminal_colour_only_when_asked_or_on_a_tty():
    art = synthetic()
    assert ANSI.search(_term(art, True))
    assert not ANSI.search(_term(art, False))


def test_terminal_16_colour_fallback_keeps_kept_green():
    from rich.console import Console

    buf = io.StringIO()
    render_terminal(synthetic(), Console(file=buf, force_terminal=True, color_system="standard", soft_wrap=True))
    out = buf.getvalue()
    assert "\x1b[1;32mkept" in out and "\x1b[1;33mremoved" in out
    assert "\x1b[1;90m" not in out  # no reason collapsed to grey


def test_terminal_truncates_long_text_unless_full():
    art = Article(blocks=[Block("paragraph", "word " * 200, 0)])
    buf = io.StringIO()
    render_terminal(art, make_console(buf, color=False))
    assert "…" in buf.getvalue() and len(buf.getvalue()) < 600
    buf = io.StringIO()
    render_terminal(art, make_console(buf, color=False), full=True)
    assert "…" not in buf.getvalue() and buf.getvalue().count("word") == 200


def test_terminal_empty_article_says_why():
    out = _term(Article(reason="empty input: no text"), False)
    assert "no blocks: empty input: no text" in out


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------
def test_html_escapes_hostile_text_and_loads_nothing():
    page = explain_html(synthetic(), source="<img src=x onerror=alert(1)>.html")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and "<b>bold" not in page
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script|//img|//iframe|//link|//object|//embed")
    assert not tree.xpath("//@src") and not tree.xpath("//*[@href]")
    assert not re.search(r"url\(|@import|https?://(?!example\.com/x)", page)  # only the shown page URL
    texts = [t.text_content() for t in tree.xpath("//div[contains(@class,' b ') or starts-with(@class,'b ')]/p")]
    assert f"Quoted attack: {XSS} & <b>bold</b>" in texts
    assert "Synthetic <title>" in tree.xpath("string(//h1)")
    assert tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0].startswith("default-src 'none'")


def test_html_blocks_in_order_struck_and_tinted_by_reason_with_legend():
    art = synthetic()
    tree = lxml_html.fromstring(explain_html(art))
    blocks = tree.xpath("//main/div[@data-key]")
    assert [int(b.get("data-position")) for b in blocks] == list(range(7))
    keys = [b.get("data-key") for b in blocks]
    assert keys == [e.key for e in entries(art)]
    for b in blocks:
        cls = b.get("class").split()
        assert ("removed" in cls) == (b.get("data-key") != "kept")
        assert f"c-{b.get('data-key')}" in cls
        tip = b.xpath(".//div[@class='tip']")[0].text_content()
        assert b.get("data-key") in tip and "score" in tip
    css = tree.xpath("string(//style)")
    assert re.search(r"\.b\.removed \.t \{[^}]*line-through", css)
    assert f".c-share {{ --c: {reason_color('share')}; }}" in css
    legend = {li.get("data-key"): int(li.get("data-count")) for li in tree.xpath("//ul[@id='legend']/li")}
    assert legend == {k: v["blocks"] for k, v in explain_dict(art)["legend"].items()}


# --------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------
def test_cli_explain_json_and_text_on_fixture(capsys):
    src = str(FIXTURES / "scraped-dump.txt")
    assert main(["explain", src, "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["source"] == src and d["input_kind"] == "text"
    assert d["summary"]["blocks"] == len(d["blocks"]) > 10
    assert [b["position"] for b in d["blocks"]] == sorted(b["position"] for b in d["blocks"])
    assert sum(v["blocks"] for v in d["legend"].values()) == len(d["blocks"])
    assert main(["explain", src]) == 0
    out = capsys.readouterr().out
    assert not ANSI.search(out)  # captured stdout is not a TTY
    assert out.count("│ ") == len(d["blocks"])


def test_cli_explain_stdin_and_html(tmp_path, monkeypatch, capsys):
    doc = f"<html><body><article><h1>Title</h1><p>{XSS.replace('<', '&lt;')} in a sentence of text that is long.</p>" \
          "</article></body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(doc.encode())))
    out = tmp_path / "r.html"
    assert main(["explain", "-", "--html", str(out)]) == 0
    assert "wrote" in capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script" not in page.lower()
    assert "(stdin)" in page


def test_cli_explain_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["explain", str(tmp_path / "nope.html")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_cli_explain_empty_input_reports_reason(tmp_path, capsys):
    p = tmp_path / "empty.txt"
    p.write_text("   \n")
    assert main(["explain", str(p), "--no-color"]) == 0
    assert "no blocks:" in capsys.readouterr().out
