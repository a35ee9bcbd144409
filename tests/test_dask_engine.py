"""The batch clean on a Dask LocalCluster (2 workers): same records as the local engine,
no record lost when a worker dies, error records for a partition that keeps failing, the
bag/dataframe API, Parquet shards."""
from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed (pip install 'boilerstrip[dask]')")

from boilerstrip import clean_article  # noqa: E402
from boilerstrip.batch import dask_engine, readers  # noqa: E402
from boilerstrip.batch.worker import Config  # noqa: E402
from boilerstrip.cli import main  # noqa: E402

FIX = Path(__file__).resolve().parents[1] / "fixtures"
KEYS = ("id", "url", "title", "text", "error", "duplicate_of")


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    lc = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(lc)
    yield lc, client
    client.close()
    lc.close()


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    """A small mixed dump: a directory of pages, a gzipped JSON Lines file, a single file."""
    root = tmp_path_factory.mktemp("dump")
    shutil.copytree(FIX / "widgets", root / "pages", ignore=shutil.ignore_patterns("*.md"))
    with gzip.open(root / "docs.jsonl.gz", "wt", encoding="utf-8") as fh:
        for p in sorted((FIX / "pages").glob("*.html")):
            fh.write(json.dumps({"id": p.stem, "url": f"https://news.example/{p.stem}", "html": p.read_text()}) + "\n")
        fh.write("{not json\n")  # an error record, in both engines
        fh.write(json.dumps({"id": "spun", "text": (FIX / "spun-copy.txt").read_text()}) + "\n")
    shutil.copy(FIX / "scraped-dump.txt", root / "scraped-dump.txt")
    return root


def _inputs(root: Path) -> list[str]:
    return [str(root / "pages"), str(root / "docs.jsonl.gz"), str(root / "scraped-dump.txt")]


def _shard_records(directory: Path) -> list[dict]:
    recs = []
    for shard in sorted(directory.glob("part-*.jsonl.gz")):
        with gzip.open(shard, "rt", encoding="utf-8") as fh:
            recs += [json.loads(line) for line in fh]
    return recs


def _key(recs):
    return sorted(({k: r.get(k) for k in KEYS} for r in recs), key=lambda r: (r["id"] or "", r["error"] or ""))


def test_dask_engine_gives_the_local_engines_records(cluster, dump, tmp_path):
    lc, _ = cluster
    local = tmp_path / "local.jsonl"
    assert main(["batch", *_inputs(dump), "-o", str(local), "-j", "1", "-q", "--dedup"]) == 1  # one bad line
    status = main(["batch", *_inputs(dump), "-o", str(tmp_path / "shards"), "--engine", "dask",
                   "--scheduler", lc.scheduler_address, "-q", "--dedup"])
    assert status == 1
    local_recs = [json.loads(line) for line in local.read_text(encoding="utf-8").splitlines()]
    dask_recs = _shard_records(tmp_path / "shards")
    assert len(dask_recs) == len(local_recs) > 20
    assert _key(dask_recs) == _key(local_recs)
    assert any(r["duplicate_of"] == "scraped-dump.txt" or r["duplicate_of"] for r in dask_recs)


def test_a_worker_killed_mid_run_loses_no_record(cluster, dump, tmp_path):
    _, client = cluster
    parts = dask_engine.plan(readers.resolve_inputs(_inputs(dump)))
    ropts, cfg = readers.Options(), Config(mode="clean", metadata=False)
    marker = str(tmp_path / "crashed-once")
    results = dask_engine._run_distributed(client, parts, ropts, cfg, retries=2, crash_marker=marker)
    assert Path(marker).exists()  # a worker process did die
    recs = [rec for part in client.gather(results) for rec, _ in part]
    expected = [it.id for units in parts for it in dask_engine._items(units, ropts)]
    assert sorted(r["id"] or "" for r in recs) == sorted(i or "" for i in expected)


def test_a_partition_that_keeps_failing_gives_error_records(cluster, dump, tmp_path):
    _, client = cluster
    parts = dask_engine.plan(readers.resolve_inputs([str(dump / "pages")]))
    ropts, cfg = readers.Options(), Config(mode="clean", metadata=False)
    results = dask_engine._run_distributed(client, parts, ropts, cfg, retries=1,
                                           crash_marker=str(tmp_path / "m") + "!always")
    recs = [rec for part in client.gather(results) for rec, _ in part]
    n_files = len([p for p in (dump / "pages").iterdir() if readers.format_from_name(p.name)])
    assert len(recs) == n_files
    assert all(r["error"] and "partition failed on the cluster" in r["error"] for r in recs)


def test_clean_bag_and_clean_dataframe(cluster):
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from boilerstrip.dask import clean_bag, clean_dataframe

    _, client = cluster
    html = (FIX / "widgets" / "promo-inline.html").read_text()
    text = (FIX / "scraped-dump.txt").read_text()
    items = [{"id": "a", "html": html, "url": "https://x.example/a"}, {"id": "b", "text": text}, 42]
    recs = clean_bag(db.from_sequence(items, npartitions=2), metadata=False).compute()
    assert [r["id"] for r in recs] == ["a", "b", None]
    assert recs[0]["text"] == clean_article(html, metadata=False).text
    assert recs[1]["text"] == clean_article(text, metadata=False).text
    assert recs[2]["error"] and "no document" in recs[2]["error"]
    df = dd.from_pandas(pd.DataFrame({"page": [html, None], "body": [None, text], "u": ["https://x.example/a", None]}),
                        npartitions=2)
    out = clean_dataframe(df, "page", text_column="body", url_column="u", metadata=False).compute()
    assert list(out["text"]) == [recs[0]["text"], recs[1]["text"]]
    assert json.loads(out["removed"].iloc[0])  # removed chars by reason, as JSON
    with pytest.raises(TypeError):
        clean_bag(db.from_sequence(items), flavour="x")


def test_parquet_shards(cluster, dump, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")
    lc, _ = cluster
    status = main(["batch", str(dump / "pages"), "-o", str(tmp_path / "pq"), "--engine", "dask",
                   "--scheduler", lc.scheduler_address, "--shard-format", "parquet", "-q"])
    assert status == 0
    table = pq.read_table(str(tmp_path / "pq"))
    assert table.num_rows == len([p for p in (dump / "pages").iterdir() if readers.format_from_name(p.name)])
    assert set(dask_engine._PARQUET_COLUMNS) <= set(table.column_names)


def test_bad_engine_arguments_are_usage_errors(capsys):
    assert main(["batch", str(FIX / "scraped-dump.txt"), "-o", "-", "--engine", "dask"]) == 2
    assert "--engine dask" in capsys.readouterr().err
