"""`boilerstrip batch ... --report report.html` writes the run's summary page."""
from __future__ import annotations

import json
import re
from pathlib import Path

from boilerstrip.cli import main

FIX = Path(__file__).resolve().parents[1] / "fixtures"


def test_batch_writes_the_report_from_its_own_records(tmp_path):
    out, report = tmp_path / "out.jsonl", tmp_path / "report.html"
    status = main(["batch", str(FIX / "scraped-dump.txt"), str(FIX / "widgets"), "-o", str(out),
                   "--report", str(report), "-j", "1", "-q"])
    assert status == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    page = report.read_text(encoding="utf-8")
    assert len(records) > 10
    # the page states the number of documents the run wrote
    assert re.search(rf"\b{len(records)}\b", page)
    assert "<script" not in page.lower()  # self-contained, no scripts


def test_report_without_a_file_to_read_back_is_a_usage_error(tmp_path, capsys):
    status = main(["batch", str(FIX / "scraped-dump.txt"), "-o", "-", "--report", str(tmp_path / "r.html")])
    assert status == 2
    assert "--report needs" in capsys.readouterr().err
