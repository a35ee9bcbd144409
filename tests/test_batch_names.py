"""--out-dir file names derived from hostile ids stay inside the directory and stay distinct."""
from __future__ import annotations

import os

import pytest

from boilerstrip.batch.writer import safe_name
from test_batch_support import paragraphs, read_jsonl, run_batch, text_doc, write_jsonl

HOSTILE = [
    "../../etc/passwd",
    "/etc/passwd",
    "..",
    ".",
    "",
    "a/../../b",
    "C:\\Windows\\system32\\cmd.exe",
    "x" * 5000,
    "nul\x00byte",
    "CON",
    "line\nbreak\ttab",
    "caf\u00e9 \u65e5\u672c\u8a9e \U0001f600",
    "\u202eevil\u202dtxt.exe",
    "https://example.com/a/b?c=d#e",
    ".hidden",
    "-rf",
]


@pytest.mark.parametrize("ident", HOSTILE)
def test_safe_name_is_a_single_plain_component(ident):
    name = safe_name(ident)
    assert name and os.sep not in name and "/" not in name and "\\" not in name
    assert "\x00" not in name and not any(ord(c) < 32 for c in name)
    assert not name.startswith((".", "-")) and name not in (".", "..")
    assert len(name.encode("utf-8")) <= 200
    assert name == safe_name(ident)  # deterministic
    assert name.upper().split(".")[0] not in {"CON", "NUL", "PRN", "AUX"}


def test_safe_names_of_different_ids_differ():
    names = [safe_name(i) for i in HOSTILE + ["a/b", "a_b", "a?b", "x" * 5001]]
    assert len(set(names)) == len(names)


def test_safe_name_keeps_a_readable_stem():
    assert safe_name("news/2024/story-1.html").startswith("news_2024_story-1.html-")
    assert safe_name("caf\u00e9").startswith("caf\u00e9-")


def test_out_dir_with_hostile_ids(tmp_path):
    seeds = list(range(len(HOSTILE))) + [99]
    rows = [{"id": ident, "text": text_doc(i)} for i, ident in enumerate(HOSTILE)]
    rows.append({"id": "../../etc/passwd", "text": text_doc(99)})  # the same id twice
    src = write_jsonl(tmp_path / "d.jsonl", rows)
    out = tmp_path / "nested" / "docs"
    assert run_batch(src, "--out-dir", out, "-q") == 0
    index = read_jsonl(out / "index.jsonl")
    assert len(index) == len(rows)
    files = [r["file"] for r in index]
    assert len(set(files)) == len(files)  # one file per document, none overwritten
    on_disk = sorted(p.name for p in out.iterdir() if p.name != "index.jsonl")
    assert on_disk == sorted(files)
    # nothing was written outside the output directory
    outside = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert all(p == "d.jsonl" or p.startswith("nested/docs/") for p in outside), outside
    assert all(len(f.encode()) < 255 for f in files)
    for rec, seed in zip(index, seeds):
        text = (out / rec["file"]).read_text(encoding="utf-8")
        assert paragraphs(seed)[1][:60] in text
