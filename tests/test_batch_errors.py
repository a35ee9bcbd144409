"""Errors stay local: each bad input becomes one error record, the run goes on; exit codes."""
from __future__ import annotations

import json
import os
import signal
import sys
import time

import pytest

import boilerstrip.batch.worker as worker_mod
from test_batch_support import (
    compress, html_page, read_jsonl, run_batch, text_doc, warc_record, write_jsonl,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="these tests patch the library in forked workers (Linux)")


def by_error(recs):
    return [r for r in recs if r["error"] is not None]


def test_unreadable_file_in_a_directory(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.html").write_text(html_page(1))
    os.symlink(tmp_path / "missing.html", d / "b.html")  # listed, but cannot be opened
    (d / "c.html").write_text(html_page(3))
    out = tmp_path / "o.jsonl"
    assert run_batch(d, "-o", out, "-q") == 1
    recs = read_jsonl(out)
    assert [r["id"] for r in recs] == ["a.html", "b.html", "c.html"]
    assert recs[1]["error"].startswith("cannot read file:") and recs[1]["text"] == ""
    assert recs[0]["error"] is None and recs[2]["error"] is None


@pytest.mark.parametrize("kind", ["gzip", "zstd"])
def test_corrupt_member_in_compressed_jsonl(tmp_path, kind):
    rows = [{"id": f"d{i}", "text": text_doc(i)} for i in range(5)]
    members = [compress((json.dumps(r) + "\n").encode(), kind) for r in rows]
    bad = bytearray(members[2])
    mid = len(bad) // 2
    bad[mid:mid + 8] = b"\xff" * 8
    path = tmp_path / ("d.jsonl.gz" if kind == "gzip" else "d.jsonl.zst")
    path.write_bytes(b"".join(members[:2]) + bytes(bad) + b"".join(members[3:]))
    out = tmp_path / "o.jsonl"
    assert run_batch(path, "-o", out, "-q") == 1
    recs = read_jsonl(out)
    ok_ids = [r["id"] for r in recs if r["error"] is None]
    assert ok_ids == ["d0", "d1", "d3", "d4"]
    errs = by_error(recs)
    assert errs and all(f"corrupt {kind} data" in e["error"] or "invalid JSON" in e["error"] for e in errs)
    assert any(f"corrupt {kind} data" in e["error"] for e in errs)


def test_truncated_gzip_file(tmp_path):
    rows = [{"id": f"d{i}", "text": text_doc(i)} for i in range(3)]
    data = compress("".join(json.dumps(r) + "\n" for r in rows).encode(), "gzip")
    path = tmp_path / "t.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    out = tmp_path / "o.jsonl"
    assert run_batch(path, "-o", out, "-q") == 1
    errs = by_error(read_jsonl(out))
    assert any("truncated gzip" in e["error"] for e in errs)


def test_invalid_json_lines(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(
        (json.dumps({"id": "a", "text": text_doc(1)}) + "\n").encode()
        + b'{"id": "b", "text": "unterminated\n'
        + b"[1, 2, 3]\n"
        + b'{"id": "c", "text": "caf\xe9"}\n'  # not UTF-8
        + b"\n"  # blank lines are not documents
        + b'{"id": "d", "html": 42}\n'
        + b'{"id": "e"}\n'
        + (json.dumps({"id": "f", "text": text_doc(2)}) + "\n").encode()
    )
    out = tmp_path / "o.jsonl"
    assert run_batch(path, "-o", out, "-q") == 1
    recs = read_jsonl(out)
    assert [r["source"]["line"] for r in recs] == [1, 2, 3, 4, 6, 7, 8]
    assert [r["error"] is None for r in recs] == [True, False, False, False, False, False, True]
    assert recs[1]["error"].startswith("invalid JSON on line 2:")
    assert "expected a JSON object" in recs[2]["error"]
    assert "not UTF-8" in recs[3]["error"]
    assert "field 'html' is a int" in recs[4]["error"]
    assert "no 'html' or 'text' field" in recs[5]["error"]


@pytest.mark.parametrize("kind", [None, "gzip"])
def test_warc_record_that_fails_to_parse(tmp_path, kind):
    recs_in = [warc_record(f"http://w.example/{i}", html_page(i).encode()) for i in range(4)]
    if kind == "gzip":
        members = [compress(r, "gzip") for r in recs_in]
        bad = bytearray(members[1])
        bad[len(bad) // 2: len(bad) // 2 + 6] = b"\x00" * 6
        members[1] = bytes(bad)
        data = b"".join(members)
    else:
        broken = recs_in[1].replace(b"WARC/1.0\r\nWARC-Type", b"WARC/1.0\r\nBROKEN HEADER LINE\r\nWARC-Type", 1)
        broken = broken.replace(b"WARC/1.0", b"WXRC/1.0", 1)
        data = recs_in[0] + broken + recs_in[2] + recs_in[3]
    path = tmp_path / ("c.warc.gz" if kind else "c.warc")
    path.write_bytes(data)
    out = tmp_path / "o.jsonl"
    assert run_batch(path, "-o", out, "-q") == 1
    recs = read_jsonl(out)
    assert [r["url"] for r in recs if r["error"] is None] == ["http://w.example/0", "http://w.example/2", "http://w.example/3"]
    errs = by_error(recs)
    assert len(errs) == 1 and "WARC" in errs[0]["error"] and "offset" in errs[0]["source"]


def test_truncated_warc_record(tmp_path):
    data = b"".join(warc_record(f"http://w.example/{i}", html_page(i).encode()) for i in range(2))
    path = tmp_path / "c.warc"
    path.write_bytes(data[:-200])
    out = tmp_path / "o.jsonl"
    assert run_batch(path, "-o", out, "-q") == 1
    recs = read_jsonl(out)
    assert recs[0]["error"] is None and "truncated WARC record" in recs[1]["error"]


def _patched_clean(real):
    """clean_article that misbehaves on marked documents (patched before workers fork)."""

    def fake(doc, url=None, **kw):
        if "RAISE-ME" in doc:
            raise ValueError("synthetic failure")
        if "SPIN-ME" in doc:  # pure-Python runaway: the in-worker SIGALRM limit stops it
            end = time.monotonic() + 60
            while time.monotonic() < end:
                pass
        if "STUCK-ME" in doc:  # deaf to SIGALRM: only the parent's hard limit stops it
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        if "CRASH-ME" in doc:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, url, **kw)

    return fake


def test_document_that_raises_times_out_or_kills_its_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(worker_mod, "clean_article", _patched_clean(worker_mod.clean_article))
    rows = [{"id": "ok1", "text": text_doc(1)}, {"id": "raise", "text": "RAISE-ME " + text_doc(2)},
            {"id": "spin", "text": "SPIN-ME"}, {"id": "stuck", "text": "STUCK-ME"},
            {"id": "crash", "text": "CRASH-ME"}, {"id": "ok2", "text": text_doc(3)}]
    src = write_jsonl(tmp_path / "d.jsonl", rows)
    out = tmp_path / "o.jsonl"
    assert run_batch(src, "-o", out, "-q", "-j", "2", "--doc-timeout", "0.5") == 1
    recs = {r["id"]: r for r in read_jsonl(out)}
    assert list(recs) == [r["id"] for r in rows]
    assert recs["ok1"]["error"] is None and recs["ok2"]["error"] is None
    assert recs["raise"]["error"].startswith("ValueError: synthetic failure")
    assert recs["spin"]["error"] == "timeout after 0.5s"
    assert recs["stuck"]["error"] == "timeout after 0.5s"
    assert "killed by SIGKILL" in recs["crash"]["error"]


def test_fail_fast_stops_at_the_first_error(tmp_path, capsys):
    rows = [{"id": "a", "text": text_doc(1)}, {"id": "b"}] + [{"id": f"c{i}", "text": text_doc(i)} for i in range(5)]
    src = write_jsonl(tmp_path / "d.jsonl", rows)
    out = tmp_path / "o.jsonl"
    assert run_batch(src, "-o", out, "--fail-fast", "-j", "1") == 1
    recs = read_jsonl(out)
    assert [r["id"] for r in recs] == ["a", "b"]
    assert "--fail-fast" in capsys.readouterr().err


@pytest.mark.parametrize("argv, fragment", [
    (["IN"], "give -o OUTPUT"),
    (["IN", "-o", "O", "--out-dir", "D"], "cannot be used together"),
    (["missing-input", "-o", "O"], "no such file or directory"),
    (["IN", "-o", "O", "-j", "0"], "--jobs must be at least 1"),
    (["IN", "-o", "O", "-j", "two"], "invalid int value"),
    (["IN", "-o", "O", "--doc-timeout", "-1"], "--doc-timeout"),
    (["IN", "-o", "O", "--bogus"], "unrecognized arguments"),
    (["IN", "-o", "-", "--resume"], "--resume needs an output file"),
    (["-", "-", "-o", "O"], "more than once"),
    (["IN", "-o", "O", "--profile-in", "missing.json"], "--profile-in"),
    (["DIR", "-o", "DIR/out.jsonl"], "inside the input directory"),
])
def test_bad_arguments_exit_2_with_one_line(tmp_path, capsys, monkeypatch, argv, fragment):
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "IN", [{"id": "a", "text": "x"}])
    (tmp_path / "DIR").mkdir()
    assert run_batch(*argv) == 2
    err = capsys.readouterr().err.strip()
    assert fragment in err
    assert len(err.splitlines()) == 1, err
    assert not (tmp_path / "O").exists()


def test_exit_0_when_all_ok(tmp_path):
    src = write_jsonl(tmp_path / "d.jsonl", [{"id": "a", "text": text_doc(1)}])
    assert run_batch(src, "-o", tmp_path / "o.jsonl", "-q") == 0


def test_first_timeout_of_a_worker_is_retried_once(tmp_path, monkeypatch):
    """A one-time lazy initialisation that outlasts the limit does not fail its document."""
    real = worker_mod.clean_article
    progress = [0]

    def fake(doc, url=None, **kw):
        if "INIT-ME" in doc:
            while progress[0] < 70:  # about 0.7 s of "initialisation", kept across tries
                time.sleep(0.01)
                progress[0] += 1
            doc = text_doc(5)
        return real(doc, url, **kw)

    monkeypatch.setattr(worker_mod, "clean_article", fake)
    rows = [{"id": "init", "text": "INIT-ME"}, {"id": "ok", "text": text_doc(1)}]
    src = write_jsonl(tmp_path / "d.jsonl", rows)
    out = tmp_path / "o.jsonl"
    assert run_batch(src, "-o", out, "-q", "-j", "1", "--doc-timeout", "0.5") == 0
    recs = read_jsonl(out)
    assert [r["error"] for r in recs] == [None, None]
    assert "Item 5.0.0" in recs[0]["text"]


def test_a_worker_that_grows_past_its_limit_is_replaced_and_nothing_is_lost():
    """retire_growth_mb: a worker that grew past the limit after a document answers, then a fresh one takes
    its place; every document still gets exactly one result, in order."""
    from boilerstrip.batch.pool import Pool
    from boilerstrip.batch.readers import Item
    from boilerstrip.batch.worker import Config

    docs = [f"<p>Document number {i} has a sentence of its own to keep.</p>" for i in range(6)]
    items = [Item(source={"file": "t"}, id=str(i), data=d, kind="html") for i, d in enumerate(docs)]
    with Pool(Config(metadata=False, retire_growth_mb=-1.0), 2, None) as pool:  # always over
        out = list(pool.map(iter(items)))
        retired = pool.retired
    assert [it.id for it, _ in out] == [str(i) for i in range(6)]
    assert all(res["error"] is None and f"number {i}" in res["text"] for i, (_, res) in enumerate(out))
    assert retired == 6
    with Pool(Config(metadata=False, retire_growth_mb=None), 2, None) as pool:  # never
        list(pool.map(iter(items)))
        assert pool.retired == 0
