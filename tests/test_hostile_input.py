"""Broken and hostile input, small enough to run in this process.

Binary data, gzip, NUL bytes, invalid UTF-8, UTF-16 with and without BOM, lying charset
declarations, and XML with billion-laughs and external entities (with the network and
file reads watched). The big pathological pages are in test_hostile_pages.py.
"""
from __future__ import annotations

import gzip
import json
import re
import socket
import sys
import uuid
from pathlib import Path

import pytest

from boilerstrip import Article, clean_article
from boilerstrip import _input

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import hostile  # noqa: E402  (the case catalogue shared with tools/hostile.py --measure)

PARA = hostile._PARA
PAGE = hostile._page(f"<article><h1>Bridge vote</h1><p>{PARA}</p><p>{PARA}</p></article>")


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


# --------------------------------------------------------------------------
# binary input
# --------------------------------------------------------------------------
BINARY = {
    "random": hostile.random_bytes(200_000),
    "png": hostile.fake_png(50_000),
    "pdf": hostile.fake_pdf(50_000),
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + hostile.random_bytes(20_000),
    "gif": b"GIF89a" + hostile.random_bytes(20_000),
    "zip": b"PK\x03\x04" + hostile.random_bytes(20_000),
    "elf": b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + hostile.random_bytes(20_000),
    "webp": b"RIFF\x00\x10\x00\x00WEBPVP8 " + hostile.random_bytes(20_000),
    "zstd": b"(\xb5/\xfd" + hostile.random_bytes(20_000),
    # a text-looking header in front of binary data: sampled in the middle and the end too
    "text-header": b"Content follows\n" + hostile.random_bytes(60_000),
}


@pytest.mark.parametrize("name", sorted(BINARY))
@pytest.mark.parametrize("as_type", [bytes, bytearray])
def test_binary_bytes_give_empty_article_with_reason(name, as_type):
    art = clean_article(as_type(BINARY[name]))
    assert isinstance(art, Article)
    assert art.text == "" and art.blocks == []
    assert art.reason.startswith("binary input"), art.reason


@pytest.mark.parametrize("mode", ["html", "text"])
def test_binary_is_refused_whatever_the_input_mode(mode):
    art = clean_article(BINARY["pdf"], input=mode)
    assert art.text == "" and art.reason == "binary input (pdf)"


def test_binary_decoded_to_str_by_the_caller_is_refused_too():
    # A scraper that decoded a PNG body with errors="replace" hands us this.
    for name in ("random", "png", "zip"):
        art = clean_article(BINARY[name].decode("utf-8", "replace"))
        assert art.text == "" and art.reason.startswith("binary input"), (name, art.reason)
    art = clean_article(BINARY["random"].decode("latin-1"))
    assert art.text == "" and art.reason.startswith("binary input")


def test_binary_reason_names_the_format():
    assert clean_article(BINARY["png"]).reason == "binary input (png)"
    assert clean_article(BINARY["pdf"]).reason == "binary input (pdf)"
    assert clean_article(BINARY["random"]).reason == "binary input"


def test_text_is_not_mistaken_for_binary():
    # Pages in legacy encodings, CJK in UTF-16 without BOM, form feeds and ESC sequences.
    samples = [
        PAGE.encode("cp1252"),
        ("東京の銭湯が三年ぶりに営業を再開した。" * 40).encode("utf-16-le"),
        ("東京の銭湯が三年ぶりに営業を再開した。" * 40).encode("iso2022_jp"),
        ("Page one.\f\nPage two. " + PARA).encode(),
        ("Привет, мир! " * 50).encode("koi8-r"),
    ]
    for data in samples:
        assert _input.binary_kind(data) is None, data[:40]
        art = clean_article(data)
        assert not art.reason.startswith("binary"), art.reason


# --------------------------------------------------------------------------
# gzip
# --------------------------------------------------------------------------
def test_gzip_bytes_are_decompressed():
    art = clean_article(gzip.compress(PAGE.encode()))
    assert art.input_kind == "html"
    assert "discuss the new bridge" in art.text
    assert art.text == clean_article(PAGE).text


def test_gzip_of_text_and_multi_member_gzip():
    data = gzip.compress(PARA.encode()) + gzip.compress((" " + PARA).encode())
    art = clean_article(data)
    assert art.input_kind == "text"
    assert "bridge over the river" in art.text


def test_truncated_gzip_gives_what_it_holds():
    data = gzip.compress((PARA * 200).encode("utf-8"))
    art = clean_article(data[: len(data) // 2])
    assert not art.reason.startswith("binary")
    assert "bridge over the river" in art.text
    assert all(w in PARA.casefold() for w in words(art.text))  # the last word may be cut


def test_corrupt_gzip_is_refused():
    art = clean_article(b"\x1f\x8b\x08\x00" + b"\xff" * 100)
    assert art.text == "" and art.reason.startswith("binary input (gzip)")


def test_gzip_bomb_is_refused_within_the_cap():
    bomb = hostile.gzip_bomb(128 * 1024 * 1024)
    assert len(bomb) < 1_000_000
    art = clean_article(bomb)
    assert art.text == ""
    assert art.reason == "binary input (gzip): more than 64 MB once decompressed"


def test_gzip_inside_gzip_is_refused():
    art = clean_article(gzip.compress(gzip.compress(PAGE.encode())))
    assert art.text == "" and art.reason == "binary input (gzip)"


def test_gunzip_cap_is_exact():
    data = gzip.compress(b"x" * 1000)
    assert _input.gunzip(data, limit=1000) == (b"x" * 1000, "")
    assert _input.gunzip(data, limit=999)[0] is None


# --------------------------------------------------------------------------
# NUL bytes and control characters
# --------------------------------------------------------------------------
def test_nul_bytes_are_dropped_and_the_text_kept():
    art = clean_article(hostile.nul_bytes())
    assert art.input_kind == "html"
    assert "Null bytes inside a paragraph" in art.text
    assert "\x00" not in art.text


@pytest.mark.parametrize("mode", ["auto", "text", "html"])
def test_control_characters_in_str(mode):
    doc = "Title\x00\x01\x02 line\x0b\x0c\n\n" + PARA.replace(" ", "\x00 ") + "\ud800\udfff\ufffe"
    art = clean_article(doc, input=mode)
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff]", art.text + (art.title or ""))
    assert words(art.text) <= words(_input.clean_text_chars(doc))


def test_lone_surrogates_in_html():
    art = clean_article("<p>" + PARA + "\udc80\ud83d</p>")
    assert "bridge" in art.text
    json.dumps(art.to_dict())  # serialisable: no lone surrogates left


# --------------------------------------------------------------------------
# encodings
# --------------------------------------------------------------------------
def test_invalid_utf8_does_not_crash_and_keeps_the_text():
    art = clean_article(hostile.invalid_utf8())
    assert art.input_kind == "html"
    assert "long debate the members agreed" in art.text


def test_truncated_utf8_keeps_utf8():
    data = hostile._page("<p>Crème brûlée à la carte. " + PARA + " Fin: é</p>").encode()
    cut = data[: data.rindex("é".encode()) + 1]  # cut inside the last character
    text, enc = _input.decode_bytes(cut)
    assert enc == "utf-8" and "Crème brûlée" in text


@pytest.mark.parametrize("case", ["utf16-bom", "utf16-nobom", "utf16be-nobom"])
def test_utf16_with_and_without_bom(case):
    art = clean_article(hostile.CASES[case][1]())
    assert art.input_kind == "html"
    assert "Grüße aus Köln: The council met" in art.text


@pytest.mark.parametrize("endian", ["le", "be"])
def test_utf16_plain_text_without_bom(endian):
    art = clean_article(("Grüße aus Köln. " + PARA).encode(f"utf-16-{endian}"))
    assert art.input_kind == "text"
    assert "Grüße aus Köln" in art.text


def test_declared_utf16_on_8bit_bytes_is_ignored():
    data = hostile._page(f"<p>{PARA}</p>", '<meta charset="utf-16">').encode("utf-8")
    assert "bridge over the river" in clean_article(data).text


def test_lying_meta_charset_single_byte_on_utf8():
    art = clean_article(hostile.lying_charset())
    assert "Odile Fénelon makes crème brûlée" in art.text
    assert art.title == "Crème brûlée"


def test_lying_meta_charset_utf8_on_cp1252():
    art = clean_article(hostile.lying_charset_utf8())
    assert "Odile Fénelon makes crème brûlée" in art.text


def test_unknown_and_hostile_charset_names():
    for name in ("x-no-such-charset", "utf-7", "../../etc/passwd", "a" * 40, "rot13", "base64", "zlib"):
        data = hostile._page(f"<p>{PARA}</p>", f'<meta charset="{name}">').encode()
        art = clean_article(data)
        assert "bridge over the river" in art.text, name


# --------------------------------------------------------------------------
# entities: billion laughs, external entities, nothing fetched, nothing read
# --------------------------------------------------------------------------
@pytest.fixture
def no_network(monkeypatch):
    """Fail on any attempt to open a connection or resolve a name."""
    attempts: list = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.fixture
def secret_file(tmp_path):
    marker = f"SECRET-{uuid.uuid4().hex}"
    path = tmp_path / "secret.txt"
    path.write_text(f"{marker}\n", encoding="utf-8")
    return path, marker


def _server():
    """A loopback listener: an attempt by C code (libxml2) to fetch would show up here."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(5)
    srv.setblocking(False)
    return srv


def _accepted(srv) -> bool:
    try:
        conn, _ = srv.accept()
    except BlockingIOError:
        return False
    conn.close()
    return True


@pytest.mark.parametrize("metadata", [True, False])
@pytest.mark.parametrize("as_bytes", [False, True])
@pytest.mark.parametrize("mode", ["auto", "html", "text"])
def test_xxe_nothing_expanded_read_or_fetched(as_bytes, mode, metadata, secret_file):
    path, marker = secret_file
    srv = _server()  # opened before the socket patch
    port = srv.getsockname()[1]
    doc = hostile.xxe(file_url=path.as_uri(), http_url=f"http://127.0.0.1:{port}/x")
    mp = pytest.MonkeyPatch()
    attempts: list = []
    try:
        def refuse(*args, **kwargs):
            attempts.append(args)
            raise AssertionError("network access attempted")

        mp.setattr(socket.socket, "connect", refuse)
        mp.setattr(socket, "create_connection", refuse)
        mp.setattr(socket, "getaddrinfo", refuse)
        art = clean_article(doc.encode() if as_bytes else doc, input=mode, metadata=metadata)
    finally:
        mp.undo()
    try:
        assert not attempts
        assert not _accepted(srv), "something connected to the entity's http URL"
    finally:
        srv.close()
    dumped = json.dumps(art.to_dict()) + art.to_markdown()
    assert marker not in dumped, "the external file entity was read"
    assert "lollollol" not in dumped, "the billion-laughs entity was expanded"
    assert "root:" not in dumped
    if mode != "text":
        assert "discuss the new bridge" in art.text
        assert "ENTITY" not in art.text and "]>" not in art.text
    assert len(art.text) < 5_000


def test_xxe_passwd_and_parameter_entities(no_network):
    art = clean_article(hostile.xxe())
    assert "root:" not in art.text and "/bin/" not in art.text
    assert not no_network


def test_billion_laughs_in_body_and_attributes(no_network):
    doc = hostile.xxe().replace("<p>Laughs", '<p title="&lol9;">Laughs &lol9;&lol9;')
    art = clean_article(doc)
    assert len(json.dumps(art.to_dict())) < 100_000


def test_no_network_for_resources_in_markup(no_network, secret_file):
    path, marker = secret_file
    doc = (
        f'<html><head><base href="http://127.0.0.1:9/"><link rel="import" href="{path.as_uri()}">'
        f'<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/"></head><body>'
        f'<iframe src="{path.as_uri()}"></iframe><object data="{path.as_uri()}"></object>'
        f'<img src="{path.as_uri()}" srcset="http://127.0.0.1:9/a.png 2x"><p>{PARA}</p>'
        f'<svg><image href="{path.as_uri()}"/></svg></body></html>'
    )
    art = clean_article(doc)
    assert marker not in json.dumps(art.to_dict())
    assert "bridge" in art.text
    assert not no_network


def test_lxml_and_bs4_inputs_with_entities(no_network, secret_file):
    from bs4 import BeautifulSoup
    from lxml import html as lxml_html

    path, marker = secret_file
    doc = hostile.xxe(file_url=path.as_uri())
    for tree in (lxml_html.fromstring(doc.encode()), BeautifulSoup(doc, "html.parser")):
        art = clean_article(tree)
        assert marker not in json.dumps(art.to_dict())
    assert not no_network
