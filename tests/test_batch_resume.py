"""--resume: after SIGKILL or a cut-off write, a rerun yields exactly one record per input."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_batch_support import html_page, read_jsonl, run_batch, text_doc, write_jsonl

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses process groups and fork")

SLOW_RUNNER = """
import sys, time
import boilerstrip.batch.worker as w
real = w.clean_article
def slow(*a, **k):
    time.sleep(0.04)
    return real(*a, **k)
w.clean_article = slow
from boilerstrip.cli import main
sys.exit(main(sys.argv[1:]))
"""


def make_dump(tmp_path: Path, n: int = 60) -> Path:
    rows = []
    for i in range(n):
        rows.append({"id": f"doc{i}", "html": html_page(i)} if i % 2 else {"id": f"doc{i}", "text": text_doc(i)})
    return write_jsonl(tmp_path / "dump.jsonl", rows)


def kill_midway(tmp_path: Path, args: list[str], watch: Path, min_lines: int) -> int:
    """Start a slowed-down batch run in its own process group; SIGKILL the group mid-run."""
    script = tmp_path / "slow_runner.py"
    script.write_text(SLOW_RUNNER)
    proc = subprocess.Popen([sys.executable, str(script), "batch", *args], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    lines = 0
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if watch.exists():
                lines = watch.read_bytes().count(b"\n")
                if lines >= min_lines:
                    break
            time.sleep(0.02)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)
    return lines


def keys(recs):
    return [(r["id"], json.dumps(r["source"], sort_keys=True)) for r in recs]


@pytest.mark.parametrize("ordered", [True, False])
def test_resume_after_sigkill_gives_no_loss_and_no_duplicates(tmp_path, ordered):
    src = make_dump(tmp_path)
    full = tmp_path / "full.jsonl"
    assert run_batch(src, "-o", full, "-q", "-j", "2") == 0
    expected = read_jsonl(full)

    out = tmp_path / "out.jsonl"
    order_flag = "--ordered" if ordered else "--no-ordered"
    written = kill_midway(tmp_path, [str(src), "-o", str(out), "-j", "2", "-q", order_flag], out, 8)
    assert 8 <= written < len(expected), "the run should have been killed midway"
    with open(out, "ab") as fh:  # as if the kill had cut a record in half
        fh.write(b'{"id": "doc99", "source": {"file": "dump.jsonl", "li')

    assert run_batch(src, "-o", out, "-q", "-j", "2", "--resume", order_flag) == 0
    got = read_jsonl(out)
    assert len(got) == len(expected)
    if ordered:
        assert keys(got) == keys(expected)
    else:
        assert sorted(keys(got)) == sorted(keys(expected))
    by_id = {r["id"]: r for r in expected}
    assert all(r["text"] == by_id[r["id"]]["text"] for r in got)


def test_resume_of_a_finished_run_changes_nothing(tmp_path, capsys):
    src = make_dump(tmp_path, 6)
    out = tmp_path / "out.jsonl"
    assert run_batch(src, "-o", out, "-q") == 0
    before = out.read_bytes()
    assert run_batch(src, "-o", out, "--resume") == 0
    assert out.read_bytes() == before
    assert "resuming after 6 records" in capsys.readouterr().err


def test_resume_keeps_the_exit_status_of_earlier_errors(tmp_path):
    src = write_jsonl(tmp_path / "d.jsonl", [{"id": "bad"}, {"id": "a", "text": text_doc(1)}])
    out = tmp_path / "out.jsonl"
    assert run_batch(src, "-o", out, "-q") == 1
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(lines[0])  # only the error record survived the "crash"
    assert run_batch(src, "-o", out, "-q", "--resume") == 1
    assert [r["id"] for r in read_jsonl(out)] == ["bad", "a"]


def test_resume_with_other_inputs_is_refused(tmp_path, capsys):
    src = make_dump(tmp_path, 4)
    other = write_jsonl(tmp_path / "other.jsonl", [{"id": "x", "text": text_doc(1)}] * 5)
    out = tmp_path / "out.jsonl"
    assert run_batch(src, "-o", out, "-q") == 0
    before = out.read_bytes()
    assert run_batch(other, "-o", out, "-q", "--resume") == 2
    assert "cannot resume" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_resume_out_dir(tmp_path):
    src = make_dump(tmp_path, 8)
    out = tmp_path / "docs"
    assert run_batch(src, "--out-dir", out, "-q") == 0
    index = out / "index.jsonl"
    lines = index.read_bytes().splitlines(keepends=True)
    index.write_bytes(b"".join(lines[:3]) + lines[3][:20])  # crash while writing record 4
    assert run_batch(src, "--out-dir", out, "-q", "--resume") == 0
    recs = read_jsonl(index)
    assert [r["id"] for r in recs] == [f"doc{i}" for i in range(8)]
    files = sorted(p.name for p in out.iterdir() if p.suffix == ".txt")
    assert files == sorted(r["file"] for r in recs)
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_resume_with_dedup_remembers_documents_written_before(tmp_path):
    original = text_doc(5)
    copy = original.replace("discussed at length", "talked about at length").replace("Story number 5", "Copied story")
    rows = [{"id": "original", "text": original}, {"id": "other", "text": text_doc(6)},
            {"id": "copy", "text": copy}]
    src = write_jsonl(tmp_path / "d.jsonl", rows)
    out = tmp_path / "out.jsonl"
    assert run_batch(src, "-o", out, "-q", "--dedup") == 0
    full = read_jsonl(out)
    assert [r["duplicate_of"] for r in full] == [None, None, "original"]
    out.write_bytes(b"".join(out.read_bytes().splitlines(keepends=True)[:2]))
    assert run_batch(src, "-o", out, "-q", "--dedup", "--resume") == 0
    assert read_jsonl(out) == full


def _children(pid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    return out


def test_workers_exit_when_the_parent_is_killed(tmp_path):
    src = make_dump(tmp_path, 200)
    out = tmp_path / "out.jsonl"
    script = tmp_path / "slow_runner.py"
    script.write_text(SLOW_RUNNER)
    proc = subprocess.Popen([sys.executable, str(script), "batch", str(src), "-o", str(out), "-j", "2", "-q"],
                            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") >= 2):
            time.sleep(0.05)
        workers = _children(proc.pid)
        assert len(workers) == 2
        os.kill(proc.pid, signal.SIGKILL)  # the parent only
        proc.wait(10)
        deadline = time.monotonic() + 20
        alive = workers
        while alive and time.monotonic() < deadline:
            time.sleep(0.1)
            alive = [w for w in workers if os.path.exists(f"/proc/{w}") and
                     open(f"/proc/{w}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"]
        assert not alive, "workers outlived their parent"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
