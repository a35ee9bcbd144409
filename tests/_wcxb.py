"""The benchmark's dataset reader for tests, and the mark that skips a test without it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import wcxb  # noqa: E402

#: Skip a test that reads the WCXB development split when it is not there (a user's clone
#: without ../shared); CI always has it.
needs_wcxb = pytest.mark.skipif(
    not (wcxb.dataset_dir() / "metadata.json").exists(),
    reason="WCXB development split not found (set WCXB_DIR, or put ../shared beside the project)")
