"""--site-profile: blocks repeated across a site's pages are learned, saved, and removed."""
from __future__ import annotations

import json
import random
import socket

import pytest

from boilerstrip import block_hash
from boilerstrip.batch import profile as prof
from test_batch_support import paragraphs, read_jsonl, run_batch, write_jsonl

REPEAT = "The Riverside Gazette has served the valley towns with independent local reporting since 1952."


def h(text: str) -> bytes:
    return bytes.fromhex(block_hash(text))


def page(*texts: str) -> bytes:
    return b"".join(sorted({h(t) for t in texts}))


def test_site_key_is_the_registered_domain_and_never_uses_the_network(monkeypatch):
    def no_network(*a, **k):
        raise AssertionError("site_key touched the network")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    prof.site_key.cache_clear()
    assert prof.site_key("https://www.news.example.co.uk/a/b?c=1") == "example.co.uk"
    assert prof.site_key("http://blog.example.com/x") == "example.com"
    assert prof.site_key("example.org/page") == "example.org"
    assert prof.site_key("http://192.0.2.7:8080/x") == "192.0.2.7"
    assert prof.site_key("https://news.gazette.example/x") == "gazette.example"  # unlisted suffix
    assert prof.site_key("http://localhost:8000/") == "localhost"
    assert prof.site_key(None) is None and prof.site_key("") is None


def test_learner_keeps_blocks_repeated_on_enough_pages():
    lr = prof.Learner(min_share=0.2, min_pages=3)
    for i in range(10):
        lr.add("a.example", page(REPEAT, f"unique paragraph {i}", "Menu" if i < 2 else "Other"))
    for i in range(2):  # too few pages for a profile
        lr.add("b.example", page(REPEAT, f"b page {i}"))
    got = prof.to_lookup(lr.profile())
    assert set(got) == {"a.example"}
    assert block_hash(REPEAT) in got["a.example"]
    assert block_hash("Other") in got["a.example"]  # on 8 of 10 pages
    assert block_hash("Menu") not in got["a.example"]  # on 2 pages < min_pages
    assert not any(block_hash(f"unique paragraph {i}") in got["a.example"] for i in range(10))


def test_exact_duplicate_pages_count_once():
    lr = prof.Learner(min_share=0.2, min_pages=3)
    for _ in range(10):  # one article crawled under ten URLs
        lr.add("a.example", page("the article's only paragraph"))
    assert lr.profile() == {} and lr.duplicate_pages == 9


def test_lossy_counting_bounds_memory_and_keeps_frequent_blocks():
    rnd = random.Random(7)
    lr = prof.Learner(min_share=0.2, min_pages=3)
    for i in range(2000):
        texts = [f"page {i} block {j}" for j in range(20)]
        if rnd.random() < 0.3:
            texts.append("frequent block")
        lr.add("big.example", page(*texts))
    site = lr.sites["big.example"]
    assert len(site.counts) < 2000  # 40,000 distinct blocks were seen
    assert block_hash("frequent block") in prof.to_lookup(lr.profile())["big.example"]


def test_profile_save_and_load_roundtrip(tmp_path):
    lr = prof.Learner()
    for i in range(5):
        lr.add("a.example", page(REPEAT, f"p{i}"))
    for name in ("p.json", "p.json.gz"):
        prof.save(str(tmp_path / name), lr.profile(), 0.2, 3)
        assert prof.load(str(tmp_path / name)) == lr.profile()
    (tmp_path / "bad.json").write_text(json.dumps({"format": "something else"}))
    with pytest.raises(prof.ProfileError):
        prof.load(str(tmp_path / "bad.json"))


def make_site_dump(tmp_path, kind: str):
    rows = []
    for i in range(8):
        paras = paragraphs(i)
        body = paras[:2] + [REPEAT] + paras[2:]
        url = f"https://www.gazette.example/news/{i}"
        if kind == "html":
            html = ("<html><head><title>Story %d</title></head><body><article><h1>Story %d</h1>%s</article></body></html>"
                    % (i, i, "".join(f"<p>{p}</p>" for p in body)))
            rows.append({"id": f"g{i}", "url": url, "html": html})
        else:
            rows.append({"id": f"g{i}", "url": url, "text": f"Story {i}\n\n" + "\n\n".join(body) + "\n"})
    for i in range(2):  # another site quoting the same sentence on two pages: no profile there
        body = paragraphs(20 + i)[:2] + [REPEAT] + paragraphs(20 + i)[2:]
        rows.append({"id": f"o{i}", "url": f"https://other.example/{i}", "text": "\n\n".join(body) + "\n"})
    return write_jsonl(tmp_path / f"site-{kind}.jsonl", rows)


@pytest.mark.parametrize("kind", ["html", "text"])
def test_site_profile_removes_the_repeated_block_as_site_repeat(tmp_path, kind):
    src = make_site_dump(tmp_path, kind)
    plain, profiled, reused = tmp_path / "plain.jsonl", tmp_path / "prof.jsonl", tmp_path / "reused.jsonl"
    pfile = tmp_path / "profile.json.gz"
    assert run_batch(src, "-o", plain, "-q") == 0
    assert run_batch(src, "-o", profiled, "-q", "--site-profile", "--profile-out", pfile) == 0
    assert run_batch(src, "-o", reused, "-q", "--profile-in", pfile) == 0

    saved = prof.load(str(pfile))
    assert set(saved) == {"gazette.example"} and block_hash(REPEAT) in saved["gazette.example"]["blocks"]
    assert saved["gazette.example"]["pages"] == 8

    for rec in read_jsonl(plain):
        assert "site-repeat" not in rec["removed"]
    recs = read_jsonl(profiled)
    for rec in recs:
        if rec["id"].startswith("g"):
            assert REPEAT not in rec["text"]
            assert rec["removed"].get("site-repeat", 0) >= len(REPEAT)
            i = int(rec["id"][1:])
            assert paragraphs(i)[0][:50] in rec["text"]  # the page's own text stays
        else:
            assert "site-repeat" not in rec["removed"]
    assert read_jsonl(reused) == recs
