"""boilerstrip batch end to end: every input format, plain and compressed, and the record schema."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from test_batch_support import (
    SUFFIX, compress, html_page, paragraphs, read_jsonl, run_batch, text_doc, warc_record,
    write_jsonl, write_warc,
)

KINDS = [None, "gzip", "zstd"]
FIELDS = ["id", "source", "url", "title", "author", "date", "text", "removed", "chars_in", "chars_out", "error"]


def check_ok(rec: dict, seed: int) -> None:
    assert list(rec)[: len(FIELDS)] == FIELDS
    assert rec["error"] is None, rec["error"]
    assert paragraphs(seed)[0][:60] in rec["text"]
    assert rec["chars_out"] == len(rec["text"])
    assert rec["chars_in"] >= rec["chars_out"] > 0
    assert isinstance(rec["removed"], dict)


@pytest.mark.parametrize("kind", KINDS)
def test_directory_tree(tmp_path, kind):
    d = tmp_path / "pages"
    (d / "sub").mkdir(parents=True)
    (d / ".hidden").mkdir()
    suf = SUFFIX[kind]
    (d / f"a.html{suf}").write_bytes(compress(html_page(1).encode(), kind))
    (d / f"b.htm{suf}").write_bytes(compress(html_page(2).encode("utf-16"), kind))
    (d / "sub" / f"c.txt{suf}").write_bytes(compress(text_doc(3).encode(), kind))
    (d / "notes.csv").write_text("not,a,document\n")  # ignored: not a document extension
    (d / ".hidden" / "x.html").write_text(html_page(9))  # ignored: hidden
    out = tmp_path / "out.jsonl"
    assert run_batch(d, "-o", out, "-j", "2", "-q") == 0
    recs = read_jsonl(out)
    assert [r["id"] for r in recs] == [f"a.html{suf}", f"b.htm{suf}", f"sub/c.txt{suf}"]
    for rec, seed in zip(recs, (1, 2, 3)):
        check_ok(rec, seed)
    assert recs[0]["source"] == {"file": str(d / f"a.html{suf}")}
    assert recs[0]["title"] == "Story number 1"


@pytest.mark.parametrize("kind", KINDS)
def test_jsonl_with_custom_fields(tmp_path, kind):
    rows = [
        {"doc_id": "h1", "page": html_page(1), "link": "https://news.example.com/a"},
        {"doc_id": 7, "body": text_doc(2), "link": "https://news.example.com/b"},
        {"page": html_page(3)},
    ]
    src = write_jsonl(tmp_path / f"dump.jsonl{SUFFIX[kind]}", rows, kind)
    out = tmp_path / "out.jsonl"
    rc = run_batch(src, "-o", out, "-q", "-j", "1", "--html-field", "page", "--text-field", "body",
                   "--url-field", "link", "--id-field", "doc_id")
    assert rc == 0
    recs = read_jsonl(out)
    assert [r["id"] for r in recs] == ["h1", "7", f"{src}:3"]
    assert [r["source"] for r in recs] == [{"file": str(src), "line": n} for n in (1, 2, 3)]
    assert recs[0]["url"] == "https://news.example.com/a"
    for rec, seed in zip(recs, (1, 2, 3)):
        check_ok(rec, seed)


@pytest.mark.parametrize("kind", KINDS)
def test_warc_uses_target_uri_and_http_charset(tmp_path, kind):
    latin = html_page(2, title="Caf\u00e9 cr\u00e8me story").replace("charset='utf-8'", "")
    records = [
        warc_record("https://site.example/one", html_page(1).encode()),
        warc_record("https://site.example/two", latin.encode("latin-1"), "text/html; charset=ISO-8859-1"),
        warc_record("https://site.example/logo.png", b"\x89PNG....", "image/png"),  # not a document
        warc_record("https://site.example/three.txt", text_doc(3).encode(), "text/plain", record_type="resource"),
    ]
    src = write_warc(tmp_path / f"crawl.warc{SUFFIX[kind]}", records, kind)
    out = tmp_path / "out.jsonl"
    assert run_batch(src, "-o", out, "-q") == 0
    recs = read_jsonl(out)
    assert [r["url"] for r in recs] == ["https://site.example/one", "https://site.example/two",
                                        "https://site.example/three.txt"]
    assert all(r["id"].startswith("urn:uuid:") for r in recs)
    offsets = [r["source"]["offset"] for r in recs]
    assert offsets[0] == 0 and offsets == sorted(offsets) and len(set(offsets)) == 3
    for rec, seed in zip(recs, (1, 2, 3)):
        check_ok(rec, seed)
    assert recs[1]["title"] == "Caf\u00e9 cr\u00e8me story"  # decoded with the HTTP header's charset


def test_mixed_inputs_in_one_run_keep_input_order(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "x.html").write_text(html_page(1))
    warc = write_warc(tmp_path / "c.warc.gz", [warc_record("http://w.example/2", html_page(2).encode())], "gzip")
    jl = write_jsonl(tmp_path / "j.jsonl.zst", [{"id": "j3", "text": text_doc(3)}], "zstd")
    single = tmp_path / "single.txt"
    single.write_text(text_doc(4))
    out = tmp_path / "out.jsonl"
    assert run_batch(jl, d, single, warc, "-o", out, "-q", "-j", "2") == 0
    recs = read_jsonl(out)
    assert [r["id"] for r in recs][:3] == ["j3", "x.html", str(single)]
    for rec, seed in zip(recs, (3, 1, 4, 2)):
        check_ok(rec, seed)


def test_content_sniffing_without_extension(tmp_path):
    jl = tmp_path / "dump-no-ext"
    jl.write_bytes(compress((json.dumps({"id": "s1", "html": html_page(1)}) + "\n").encode(), "gzip"))
    wa = write_warc(tmp_path / "crawl-no-ext", [warc_record("http://w.example/2", html_page(2).encode())])
    out = tmp_path / "out.jsonl"
    assert run_batch(jl, wa, "-o", out, "-q") == 0
    recs = read_jsonl(out)
    assert [r["id"] for r in recs][0] == "s1" and recs[1]["url"] == "http://w.example/2"


def test_unordered_output_has_every_record_once(tmp_path):
    rows = [{"id": f"d{i}", "text": text_doc(i)} for i in range(12)]
    src = write_jsonl(tmp_path / "d.jsonl", rows)
    out = tmp_path / "out.jsonl"
    assert run_batch(src, "-o", out, "-q", "-j", "2", "--no-ordered") == 0
    assert sorted(r["id"] for r in read_jsonl(out)) == sorted(r["id"] for r in rows)


def test_stdin_jsonl_and_stdout_output(tmp_path):
    data = "".join(json.dumps({"id": f"s{i}", "text": text_doc(i)}) + "\n" for i in range(3))
    proc = subprocess.run(
        [sys.executable, "-m", "boilerstrip.cli", "batch", "-", "-o", "-", "-j", "1"],
        input=compress(data.encode(), "gzip"), capture_output=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    recs = [json.loads(l) for l in proc.stdout.decode().splitlines()]
    assert [r["id"] for r in recs] == ["s0", "s1", "s2"]
    assert recs[0]["source"] == {"file": "stdin", "line": 1}
    # not a terminal: plain log lines / a summary on stderr, no progress bar escapes
    err = proc.stderr.decode()
    assert "documents: 3  ok: 3  errors: 0" in err and "\r" not in err


def test_out_dir_writes_one_file_per_document_and_an_index(tmp_path):
    rows = [{"id": "a", "html": html_page(1)}, {"id": "b", "text": text_doc(2)}, {"id": "c", "html": 5}]
    src = write_jsonl(tmp_path / "d.jsonl", rows)
    out = tmp_path / "docs"
    assert run_batch(src, "--out-dir", out, "--format", "md", "-q") == 1  # record c is an error
    index = read_jsonl(out / "index.jsonl")
    assert [r["id"] for r in index] == ["a", "b", "c"]
    assert index[2]["file"] is None and index[2]["error"]
    assert "text" not in index[0]
    files = sorted(p.name for p in out.iterdir() if p.name != "index.jsonl")
    assert files == sorted([index[0]["file"], index[1]["file"]])
    md = (out / index[0]["file"]).read_text()
    assert md.startswith("# Story number 1") and paragraphs(1)[0][:40] in md


def test_summary_reports_counts_and_throughput(tmp_path, capsys):
    src = write_jsonl(tmp_path / "d.jsonl", [{"id": "a", "html": html_page(1)}, {"id": "b"}])
    assert run_batch(src, "-o", tmp_path / "o.jsonl") == 1
    err = capsys.readouterr().err
    assert "documents: 2  ok: 1  errors: 1" in err
    assert "chars removed:" in err and "docs/s" in err and "MB/s" in err and "wall time" in err
