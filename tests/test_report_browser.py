"""The HTML reports in a real headless browser (Debian's chromium driven by Playwright).

Each page is opened from file://; the test collects console errors, page errors, dialogs
and every network request, and asserts there are none besides the page itself. It also
checks what a reader sees (legend counts equal the JSON, hover shows the reason, removed
text is struck through, hostile text shows as text) and takes a screenshot.

Skips with a reason when no chromium binary or no playwright package is installed;
.ci/run installs chromium so CI runs these.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from boilerstrip import Article, Block
from boilerstrip.cli import main
from boilerstrip.report import explain_dict, render_batch_report, write_explain_html

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


CHROMIUM = _find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium binary found (install Debian's package: apt-get install chromium); "
           "the HTML reports are not tested in a browser here",
)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
XSS = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed (pip install -e '.[test]')")
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh user-data dir
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": 1000, "height": 760},
        )
        try:
            yield ctx
        finally:
            ctx.close()


class Watched:
    """A page with its console errors, page errors, dialogs and requests recorded."""

    def __init__(self, ctx, path: Path):
        self.page = ctx.new_page()
        self.problems: list[str] = []
        self.requests: list[str] = []
        pg = self.page
        pg.on("console", lambda m: m.type in ("error", "warning") and self.problems.append(f"console {m.type}: {m.text}"))
        pg.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        pg.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url} {r.failure}"))
        pg.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(d):
            self.problems.append(f"dialog: {d.message}")
            d.dismiss()

        pg.on("dialog", on_dialog)
        pg.goto(path.resolve().as_uri(), wait_until="load")
        pg.wait_for_timeout(150)  # let late console messages arrive

    def assert_clean(self, path: Path) -> None:
        assert self.problems == []
        assert self.requests == [path.resolve().as_uri()], "the page loaded something besides itself"

    def screenshot(self, path: Path, capsys, **kw) -> None:
        self.page.screenshot(path=str(path), **kw)
        assert path.stat().st_size > 5000  # a real picture, not a blank stub
        with capsys.disabled():
            print(f"\n  screenshot: {path}")


def synthetic() -> Article:
    kept = [
        Block("heading", "Council approves the new bridge", 0, tag="h1", score=0.9, features={"chars": 31}),
        Block("paragraph", "The city council voted on Tuesday to fund a second bridge over the river, "
              "ending a debate that lasted four years.", 1, tag="p", score=0.92,
              features={"chars": 114, "words": 21, "link_density": 0.0, "stopword_density": 0.43,
                        "hints": ["content"], "cohesion": 0.8}),
        Block("paragraph", f"A commenter wrote {XSS} into the page, which must show as text.", 3,
              tag="p", score=0.7, features={"chars": 60}),
    ]
    removed = [
        Block("list_item", "Share on Facebook · Share on X", 2, tag="li", score=0.05, reason="share",
              link_density=1.0, features={"chars": 31, "link_density": 1.0, "hints": ["share"]}),
        Block("paragraph", "READ MORE: Mayor opens the new library", 4, tag="p", score=0.1, reason="promo",
              features={"chars": 38, "phrase": "promo"}),
        Block("paragraph", "Sign up for our morning newsletter", 5, tag="div", score=0.0, reason="newsletter"),
        Block("paragraph", "© 2026 The Example Gazette", 6, tag="footer", score=0.0, reason="footer"),
        Block("paragraph", "Share this story", 7, tag="div", score=0.0, reason="share"),
    ]
    return Article(title="Council approves <the> bridge", blocks=kept, removed=removed,
                   url="https://example.com/bridge", input_kind="html")


def _legend_in_browser(page) -> dict[str, int]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#legend li')].map(
               li => [li.dataset.key, Number(li.querySelector('.n').textContent)]))""")


def _blocks_per_key(page) -> dict[str, int]:
    return page.evaluate(
        """() => { const c = {}; for (const b of document.querySelectorAll('main .b'))
                     c[b.dataset.key] = (c[b.dataset.key] || 0) + 1; return c; }""")


def test_explain_report_in_browser(browser, tmp_path, capsys):
    art = synthetic()
    path = tmp_path / "explain.html"
    write_explain_html(art, path, source="bridge.html")
    w = Watched(browser, path)
    w.assert_clean(path)
    page = w.page
    want = {k: v["blocks"] for k, v in explain_dict(art)["legend"].items()}
    assert want == {"kept": 3, "share": 2, "promo": 1, "newsletter": 1, "footer": 1}
    assert _legend_in_browser(page) == want
    assert _blocks_per_key(page) == want
    # hostile text is text: no script element, the characters are visible as written
    assert page.evaluate("document.scripts.length") == 0
    assert page.get_by_text(XSS, exact=False).count() == 1
    # removed blocks are struck through and tinted; kept ones are not
    deco = page.evaluate("""() => [...document.querySelectorAll('main .b')].map(b => [b.dataset.key,
              getComputedStyle(b.querySelector('.t')).textDecorationLine, getComputedStyle(b).backgroundColor])""")
    for key, line, bg in deco:
        assert ("line-through" in line) == (key != "kept"), (key, line)
        if key != "kept":
            assert bg not in ("rgba(0, 0, 0, 0)", "transparent"), (key, bg)
    # hover shows the reason and the features
    promo = page.locator("main .b[data-key='promo']")
    tip = promo.locator(".tip")
    assert not tip.is_visible()
    promo.hover()
    assert tip.is_visible()
    assert "removed: promo" in tip.inner_text() and "phrase" in tip.inner_text()
    w.screenshot(tmp_path / "explain.png", capsys)
    # the toggle hides removed blocks
    page.mouse.move(0, 0)
    page.locator("#hide-removed").check()
    assert page.locator("main .b.removed").first.is_hidden()
    assert page.locator("main .b.kept").first.is_visible()
    assert w.problems == []


def test_explain_cli_report_legend_matches_cli_json(browser, tmp_path, capsys):
    src = str(FIXTURES / "scraped-dump.txt")
    assert main(["explain", src, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    path = tmp_path / "dump.html"
    assert main(["explain", src, "--html", str(path)]) == 0
    w = Watched(browser, path)
    w.assert_clean(path)
    want = {k: v["blocks"] for k, v in data["legend"].items()}
    assert _legend_in_browser(w.page) == want
    assert _blocks_per_key(w.page) == want
    assert sum(want.values()) == len(data["blocks"])


def test_batch_report_in_browser(browser, tmp_path, capsys):
    recs = []
    for i in range(30):
        if i % 7 == 3:
            recs.append({"id": i, "source": f"in/{i}.html", "error": "timed out"})
            continue
        removed = {"related": 40 * i, "share": 120, "site-repeat": 300 if i % 2 else 0}
        recs.append({"id": i, "source": f"in/{i}.html", "url": f"https://site{i % 3}.example/{i}",
                     "title": f"Story {i} <img src=x onerror=alert(1)>", "removed": removed,
                     "chars_out": 2000 - 50 * i, "error": None})
    path = tmp_path / "batch.html"
    s = render_batch_report(recs, path)
    w = Watched(browser, path)
    w.assert_clean(path)
    page = w.page
    assert page.evaluate("document.images.length + document.scripts.length") == 0
    bins = page.evaluate("[...document.querySelectorAll('#hist g.bin')].map(g => Number(g.dataset.count))")
    assert bins == s["share_histogram"] and sum(bins) == s["ok"]
    # the charts are drawn: bars have a real size on screen
    box = page.locator("#reason-chart").bounding_box()
    assert box and box["width"] > 200 and box["height"] > 40
    widths = page.evaluate("[...document.querySelectorAll('#reason-chart rect')].map(r => r.getBBox().width)")
    assert len(widths) == len(s["removed_by_reason"]) and widths == sorted(widths, reverse=True)
    assert page.locator("#top-table a").count() == min(20, s["ok"])
    assert page.locator("#totals li[data-key='errors'] .v").inner_text() == str(s["errors"])
    w.screenshot(tmp_path / "batch.png", capsys, full_page=True)
