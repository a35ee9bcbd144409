"""The batch summary page: ``render_batch_report(records, path)`` and ``boilerstrip report``."""
from __future__ import annotations

import io
import json
import sys

from lxml import html as lxml_html

from boilerstrip.cli import main
from boilerstrip.report import batch_summary, read_jsonl, render_batch_report
from boilerstrip.report.batch import N_BINS, TOP_DOCS, site_of


def records(n: int = 40) -> list[dict]:
    """Varied synthetic batch records: errors, duplicates, site-repeat, hostile titles."""
    out = []
    for i in range(n):
        if i % 9 == 4:
            out.append({"id": i, "source": f"in/{i}.html", "error": f"cannot decode <b>{i}</b>"})
            continue
        host = ("www.a.example", "b.example", "c.example")[i % 3]
        removed = {"share": 10 * i, "footer": 5}
        if i % 3 != 2:  # c.example never has site-repeat
            removed["site-repeat"] = 100 + (i % 3) * 50
        kept = 1000 - 10 * i
        out.append({"id": i, "source": f"in/{i}.html", "url": f"https://{host}/p/{i}",
                    "title": f"<script>alert({i})</script> story {i}", "text": "t" * kept,
                    "removed": removed, "chars_in": kept + sum(removed.values()), "chars_out": kept,
                    "error": None, **({"duplicate_of": 0} if i % 10 == 7 else {})})
    return out


def test_summary_counts_match_records():
    recs = records()
    s = batch_summary(iter(recs))  # a one-shot iterator is enough
    errs = [r for r in recs if r.get("error")]
    ok = [r for r in recs if not r.get("error")]
    assert s["documents"] == len(recs) and s["errors"] == len(errs) and s["ok"] == len(ok)
    assert s["duplicates"] == sum(1 for r in ok if "duplicate_of" in r)
    assert sum(s["share_histogram"]) == len(ok) and len(s["share_histogram"]) == N_BINS
    assert s["chars_removed"] == sum(sum(r["removed"].values()) for r in ok)
    assert s["removed_by_reason"]["share"] == sum(r["removed"]["share"] for r in ok)
    assert list(s["removed_by_reason"].values()) == sorted(s["removed_by_reason"].values(), reverse=True)
    # site-repeat: per host, www. dropped, c.example absent
    sites = {x["site"]: x for x in s["site_repeat_sites"]}
    assert set(sites) == {"a.example", "b.example"}
    assert sites["b.example"]["chars"] == sum(r["removed"]["site-repeat"] for r in ok if "b.example" in r["url"])
    # top documents: the TOP_DOCS largest, largest first
    top = s["top_removed"]
    want = sorted((sum(r["removed"].values()) for r in ok), reverse=True)[:TOP_DOCS]
    assert [t["chars_removed"] for t in top] == want and len(top) == TOP_DOCS
    assert len(s["error_list"]) == len(errs)


def test_histogram_bins_shares():
    recs = [
        {"removed": {}, "chars_out": 100},                    # 0 %
        {"removed": {"ads": 25}, "chars_out": 75},            # 25 %
        {"removed": {"ads": 100}, "chars_out": 0},            # 100 % -> last bin
        {"removed": {}, "chars_out": 0, "text": ""},          # no text: not in histogram
    ]
    s = batch_summary(recs)
    assert s["share_histogram"] == [1, 0, 1, 0, 0, 0, 0, 0, 0, 1]
    assert s["share_removed"] == round(125 / 300, 4)


def test_bad_values_do_not_crash():
    recs = [{"removed": {"ads": "x", "share": -3, "promo": 7}, "chars_out": None, "url": "http://[bad"},
            "not a dict", {}]
    s = batch_summary(recs)
    assert s["documents"] == 3 and s["errors"] == 1
    assert s["removed_by_reason"] == {"promo": 7}
    assert site_of({"url": "http://[bad", "source": "dir/x.html"}) == "dir"


def test_page_has_charts_links_and_escapes(tmp_path):
    recs = records()
    out = tmp_path / "report.html"
    s = render_batch_report(recs, out)
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "&lt;script&gt;alert(" in page
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script|//img|//link|//iframe")
    assert [int(g.get("data-count")) for g in tree.xpath("//svg[@id='hist']/g")] == s["share_histogram"]
    bars = {g.get("data-reason"): int(g.get("data-chars")) for g in tree.xpath("//svg[@id='reason-chart']/g")}
    assert bars == s["removed_by_reason"]
    rows = tree.xpath("//table[@id='top-table']/tr[@data-chars]")
    assert len(rows) == TOP_DOCS
    hrefs = [a.get("href") for a in tree.xpath("//table[@id='top-table']//a")]
    assert len(hrefs) == TOP_DOCS and all(h.startswith("https://") for h in hrefs)
    assert "cannot decode <b>4</b>" in tree.xpath("string(//ul[@id='error-list'])")
    totals = {li.get("data-key"): li.get("data-value") for li in tree.xpath("//ul[@id='totals']/li")}
    assert int(totals["documents"]) == len(recs) and int(totals["errors"]) == s["errors"]


def test_links_only_http_or_existing_local_files(tmp_path):
    doc = tmp_path / "pages" / "a b.html"
    doc.parent.mkdir()
    doc.write_text("<p>x</p>")
    recs = [
        {"id": 1, "url": "javascript:alert(1)", "source": str(doc), "removed": {"ads": 50}, "chars_out": 5},
        {"id": 2, "url": "javascript:alert(2)", "source": "/nonexistent/x.html", "removed": {"ads": 40}, "chars_out": 5},
    ]
    out = tmp_path / "r" / "report.html"
    out.parent.mkdir()
    render_batch_report(recs, out)
    hrefs = lxml_html.fromstring(out.read_text()).xpath("//table[@id='top-table']//a/@href")
    assert hrefs == ["../pages/a%20b.html"]


def test_empty_run_renders(tmp_path):
    out = tmp_path / "r.html"
    s = render_batch_report([], out)
    assert s["documents"] == 0
    page = out.read_text()
    assert "Nothing was removed" in page and "No document had text" in page


def test_cli_report_from_jsonl_with_a_bad_line(tmp_path, capsys):
    src = tmp_path / "out.jsonl"
    recs = records(12)
    src.write_text("\n".join(json.dumps(r) for r in recs) + "\n{broken\n[1]\n", encoding="utf-8")
    got = list(read_jsonl(src))
    assert len(got) == len(recs) + 2 and "line 13" in got[-2]["source"] and got[-1]["error"]
    out = tmp_path / "r.html"
    assert main(["report", str(src), "--html", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{len(recs) + 2} documents" in err
    assert "unreadable record" in out.read_text()


def test_cli_report_stdin_and_missing_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(records(3)[0]) + "\n"))
    out = tmp_path / "r.html"
    assert main(["report", "-", "--html", str(out), "--title", "Run <1>"]) == 0
    assert "<title>Run &lt;1&gt;</title>" in out.read_text()
    assert main(["report", str(tmp_path / "missing.jsonl"), "--html", str(out)]) == 2
    assert "cannot access" in capsys.readouterr().err
