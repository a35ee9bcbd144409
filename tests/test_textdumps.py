"""Fast tests of the plain-text benchmark's generator (bench/textdumps.py), its
removal checks (bench/run_text.py) and the C4 baseline (bench/c4filter.py)."""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import c4filter  # noqa: E402
import run_text  # noqa: E402
import textdumps  # noqa: E402
import wcxb  # noqa: E402
from c4filter import c4_filter  # noqa: E402

_VOCAB = [f"{a}{b}" for a in ("ka", "lo", "mi", "ne", "po", "ru", "si", "ta", "vu", "ze")
          for b in ("bar", "dun", "fel", "gom", "hix", "jor", "kel", "mup", "nor", "pav")]


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(_VOCAB) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _page(i: int, paras: int = 6, ptype: str = "article") -> wcxb.Page:
    rng = random.Random(i)
    body = "\n\n".join(" ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(4))
                       for _ in range(paras))
    return wcxb.Page(file_id=f"{i:04d}", page_type=ptype, url=f"https://site{i}.test/post/{i}",
                     html=b"<html lang='en'><title>x</title></html>", main_content=body,
                     title=f"Story number {i} about {rng.choice(_VOCAB)} and {rng.choice(_VOCAB)}",
                     date="2024-05-01")


@pytest.fixture(scope="module")
def pages():
    return [_page(i) for i in range(1, 41)]


@pytest.fixture(scope="module")
def builder(pages):
    return textdumps.Builder(textdumps.build_pool(pages), seed=7)


def test_container_is_deterministic(pages, builder):
    a = textdumps.container_record(builder, pages[0], "en")
    b = textdumps.container_record(textdumps.Builder(textdumps.build_pool(pages), seed=7), pages[0], "en")
    assert a == b
    other = textdumps.container_record(textdumps.Builder(textdumps.build_pool(pages), seed=8), pages[0], "en")
    assert other["text"] != a["text"]


def test_container_keeps_target_and_appends_recorded_widgets(pages, builder):
    for page in pages[:20]:
        rec = textdumps.container_record(builder, page, "en")
        assert rec["target"] == page.main_content
        # every target word is in the dump: nothing of the article is lost
        assert wcxb.prf(rec["text"], rec["target"])[1] == 1.0
        assert 2 <= len(rec["widgets"]) <= 5
        text_lines = {l.strip() for l in rec["text"].splitlines()}
        for w in rec["widgets"]:
            assert w["kind"] in textdumps.W.WIDGET_KINDS
            for line in w["lines"]:
                assert line.strip() in text_lines, (w["kind"], line)
        # widgets come after the last article paragraph
        last_para = page.main_content.split("\n\n")[-1]
        end_of_article = rec["text"].find(last_para) + len(last_para)
        for w in rec["widgets"]:
            assert rec["text"].find(w["lines"][0], end_of_article) >= end_of_article


def test_teasers_come_from_other_pages_and_are_cut(pages, builder):
    seen = 0
    by_id = {p.file_id: p for p in pages}
    for page in pages:
        rec = textdumps.container_record(builder, page, "en")
        for t in rec["teasers"]:
            seen += 1
            src = by_id[t["source"]]
            assert src.file_id != page.file_id
            assert t["title"] == src.title
            n = len(t["excerpt"].split())
            assert textdumps.TEASER_MIN_WORDS <= n <= textdumps.TEASER_MAX_WORDS + 1
            assert t["excerpt"] in rec["text"] and t["title"] in rec["text"]
            # the excerpt is the start of the other page's body, not its end
            assert " ".join(src.main_content.split()).startswith(t["excerpt"].split()[0])
            # and nothing of it is in this page's target
            assert not (textdumps.word_ngrams(t["excerpt"]) & textdumps.word_ngrams(rec["target"]))
    assert seen >= 20  # related blocks are frequent


def test_promos_are_in_text_but_not_target(pages, builder):
    with_promos = 0
    for page in pages:
        rec = textdumps.container_record(builder, page, "en")
        for p in rec["promos"]:
            with_promos += 1
            assert p in rec["text"].splitlines()
            assert p not in rec["target"]
            # a promo sits between article paragraphs, not among the trailing widgets
            first_w = min(rec["text"].find(w["lines"][0]) for w in rec["widgets"])
            assert rec["text"].find(p) < first_w
    assert with_promos > 0


def test_layouts_vary(pages, builder):
    layouts = {textdumps.container_record(builder, p, "en")["layout"] for p in pages}
    assert layouts == {"blank", "single", "mixed", "loose"}


def test_teaser_kept_uses_eight_word_runs():
    t = {"title": "A title", "excerpt": "one two three four five six seven eight nine ten"}
    kept = run_text.OutputIndex("blah blah three four five six seven eight nine ten blah")
    assert run_text.teaser_kept(t, kept)
    gone = run_text.OutputIndex("three four five six seven eight nine and more")  # 7 words only
    assert not run_text.teaser_kept(t, gone)


def test_container_checks_tell_kept_from_removed(pages, builder):
    rec = next(r for r in (textdumps.container_record(builder, p, "en") for p in pages)
               if r["teasers"] and r["promos"])
    passthrough = run_text.container_checks(rec, rec["text"])
    assert passthrough["teasers_all_removed"] is False
    assert passthrough["promos_all_removed"] is False
    assert not any(passthrough["widget_removed"].values())
    perfect = run_text.container_checks(rec, rec["target"])
    assert perfect["teasers_all_removed"] and perfect["widgets_all_removed"]
    assert perfect["promos_all_removed"]


def test_justext_input_is_one_paragraph_per_line():
    doc = run_text.text_to_html("a <b> & c\n\n  second line \nthird")
    assert doc.count("<p>") == 3
    assert "&lt;b&gt; &amp; c" in doc


# --------------------------------------------------------------------------- C4 baseline

_GOOD = ("The committee met on Tuesday to discuss the budget.",
         "Several members asked for more time to read the report!",
         "Would the vote be delayed until next month?")


def test_c4_keeps_sentence_lines_and_drops_the_rest():
    text = "\n".join(["Home", "Share this:", _GOOD[0], "Visited 12 times, 1 visit(s) today",
                      _GOOD[1], "Too short line.", "Cut mid sentence without any end", _GOOD[2],
                      "A teaser that ends in an ellipsis like this one..."])
    assert c4_filter(text).splitlines() == list(_GOOD)


def test_c4_line_rules():
    base = list(_GOOD)
    js = "Please enable JavaScript to view the comments powered by Disqus."
    policy = "By signing up, you agree to our Terms of Use and Privacy Policy."
    quoted = 'He said it was "a fine day for a long walk."'
    cited = "The river is the longest in the region by far.[12]"
    out = c4_filter("\n".join(base + [js, policy, quoted, cited])).splitlines()
    assert js not in out and policy not in out
    assert quoted in out
    assert "The river is the longest in the region by far." in out
    assert c4_filter(" ".join(["x" * 1001] + ["word"] * 5) + ".\n" + "\n".join(base)).splitlines() == base


def test_c4_page_rules():
    base = "\n".join(_GOOD)
    assert c4_filter(base + "\nLorem ipsum dolor sit amet, consectetur adipiscing.") == ""
    assert c4_filter(base + "\nfunction f() { return the value of x; }.") == ""
    assert c4_filter(_GOOD[0]) == ""  # fewer than 3 sentences
    # without page rules only the offending lines go
    assert c4_filter(base + "\nLorem ipsum dolor sit amet, consectetur adipiscing.",
                     page_rules=False).splitlines() == list(_GOOD)
    assert c4_filter(_GOOD[0], page_rules=False) == _GOOD[0]


def test_c4_on_the_seed_drops_the_widgets():
    dump = (ROOT / "fixtures" / "scraped-dump.txt").read_text(encoding="utf-8")
    out = c4_filter(dump).splitlines()
    assert "Visited 1 times, 1 visit(s) today" not in out
    assert "Would love your thoughts, please comment.x" not in out
    assert "AP writer David Rising in Bangkok contributed to this report." in out
    assert c4filter.count_sentences("One. Two! Three? “Four.”") == 4


# --------------------------------------------------------------------------- on real data

from _wcxb import needs_wcxb  # noqa: E402  (tests/ is on the path, as for conftest)


@needs_wcxb
def test_full_dump_contains_the_article():
    for page in wcxb.iter_pages(ids=["0001", "0002"]):
        rec = textdumps.full_record(page, textdumps.page_lang(page.html))
        p, r, _ = wcxb.prf(rec["text"], rec["target"])
        assert r > 0.9  # the naive converter keeps (nearly) all of the article
        assert p < 0.95  # ...and the boilerplate around it
        assert rec["variant"] == "full" and rec["id"] == "%s-full" % page.file_id


@needs_wcxb
def test_synthetic_sites_share_boilerplate_but_not_articles():
    import json

    root = wcxb.dataset_dir()
    meta = json.loads((root / "metadata.json").read_text())["files"]
    pool = textdumps.build_pool(wcxb.iter_pages(root, ids=[f"{i:04d}" for i in range(1, 60)]))
    b = textdumps.Builder(pool)
    recs = list(textdumps.site_records(meta, root, b, limit=8, kinds=("synthetic",)))
    assert len(recs) == 8
    site = recs[0]["site"]
    same = [r for r in recs if r["site"] == site]
    assert len(same) >= 4
    first_lines = {tuple(r["text"].splitlines()[:3]) for r in same}
    last_lines = {tuple(r["text"].rstrip().splitlines()[-3:]) for r in same}
    assert len(first_lines) == 1 and len(last_lines) == 1  # header and footer repeat
    assert len({r["target"] for r in same}) == len(same)  # articles differ
    for r in recs:
        assert set(r) >= {"id", "url", "text", "target"}
        assert wcxb.prf(r["text"], r["target"])[1] == 1.0
        assert re.match(r"https://\w+\.example/\d{4}/$", r["url"])
