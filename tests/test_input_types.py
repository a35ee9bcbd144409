"""Spec tests for what clean_article() accepts: encodings, parsed trees, bad types, empty input."""
from __future__ import annotations

import io

import pytest
from lxml import etree
import lxml.html

from boilerstrip import Article, _input, clean_article
from conftest import FIXTURES, norm, read_fixture

# An original short article with non-ASCII words that cp1252 can encode.
PASTRY_PARAS = [
    "For forty-one years, Odile Fénelon has opened the shutters of her small pâtisserie at six "
    "o’clock sharp, switched on the coffee machine and arranged the first tray of croissants in "
    "the window. Regulars say they can set their watches by the smell of butter drifting down the street.",
    "Her crème brûlée is the reason most visitors come. She caramelises the sugar to order with an "
    "old iron salamander heated on the gas ring, a method she learned from her father and refuses "
    "to replace with a blowtorch. “It is slower,” she admits, “but the crust is thinner and it "
    "cracks properly.”",
    "The shop has barely changed since the 1980s. The tiles are the same pale green, the till still "
    "rings, and the prices are chalked on a board above the counter in euros and, for sentimental "
    "reasons, in old francs. A slice of tarte Tatin costs €3.20.",
    "Fénelon, who is seventy-three, says she has no plans to retire, although her niece now makes "
    "the pastry cream on Saturdays. “People tell me I am naïve to keep going without a website,” "
    "she says. “But the street is my website. Everybody already knows where I am.”",
]
# An original short article in Japanese, encodable in Shift_JIS.
SENTO_PARAS = [
    "老朽化のため三年前に休業していた港町の銭湯「松の湯」が、今月一日から営業を再開した。初日は開店前から"
    "常連客や近所の家族連れが列をつくり、午後三時の開店と同時に大きな湯船はすぐにいっぱいになった。",
    "松の湯は昭和二十八年の創業で、現在の店主は三代目にあたる。ボイラーの故障と建物の傷みが重なり、一時は"
    "廃業も考えたというが、地元の有志が修繕費の一部を集める活動を始め、約八百人から寄付が寄せられた。",
    "改装では、富士山を描いた壁画や木製の下駄箱など、昔ながらの雰囲気をできるだけ残した。一方で、入り口の"
    "段差をなくし、手すりを増やすなど、高齢の利用者にも使いやすい工夫を加えた。",
    "店主は「また皆さんの顔を見られるのが何よりうれしい。地域の人が気軽に集まれる場所として、長く続けて"
    "いきたい」と話している。営業は火曜日を除く毎日、午後三時から十一時まで。",
]


def page(title: str, paras: list[str], head: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!DOCTYPE html>\n<html>\n<head>\n{head}\n<title>{title}</title>\n</head>\n<body>\n"
        f"<div class=\"nav\"><a href=\"/\">Home</a> <a href=\"/food\">Food</a></div>\n"
        f"<article>\n<h1>{title}</h1>\n{body}\n</article>\n</body>\n</html>\n"
    )


PASTRY_TITLE = "The last pâtisserie on Rue Vaubecour"
SENTO_TITLE = "商店街の銭湯、三年ぶりに営業再開"
META_CHARSET = '<meta charset="{}">'
META_HTTP_EQUIV = '<meta http-equiv="Content-Type" content="text/html; charset={}">'


# --------------------------------------------------------------------------
# bytes and encodings
# --------------------------------------------------------------------------
@pytest.mark.parametrize("meta", [META_CHARSET, META_HTTP_EQUIV], ids=["meta-charset", "http-equiv"])
def test_cp1252_bytes_with_declared_charset(meta):
    html = page(PASTRY_TITLE, PASTRY_PARAS, meta.format("windows-1252"))
    art = clean_article(html.encode("cp1252"))
    for word in ("crème brûlée", "naïve", "€3.20", "Fénelon", "“It is slower,”"):
        assert word in art.text, word
    assert art.text == clean_article(html).text


@pytest.mark.parametrize("meta", [META_CHARSET, META_HTTP_EQUIV], ids=["meta-charset", "http-equiv"])
def test_shift_jis_bytes_with_declared_charset(meta):
    html = page(SENTO_TITLE, SENTO_PARAS, meta.format("Shift_JIS"))
    art = clean_article(html.encode("shift_jis"))
    for word in ("銭湯", "昭和二十八年", "下駄箱"):
        assert word in art.text, word
    assert art.text == clean_article(html).text


def test_utf8_with_bom():
    html = page(PASTRY_TITLE, PASTRY_PARAS)
    art = clean_article(b"\xef\xbb\xbf" + html.encode("utf-8"))
    assert "crème brûlée" in art.text
    assert not art.text.startswith("\ufeff")
    assert art.text == clean_article(html).text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"], ids=["utf-16-le-bom", "utf-16-be-bom"])
def test_utf16_with_bom(codec):
    html = page(SENTO_TITLE, SENTO_PARAS)
    data = html.encode(codec) if codec == "utf-16" else b"\xfe\xff" + html.encode(codec)
    art = clean_article(data)
    assert "銭湯" in art.text
    assert art.text == clean_article(html).text


def test_bytearray_is_accepted():
    html = page(PASTRY_TITLE, PASTRY_PARAS)
    assert clean_article(bytearray(html.encode("utf-8"))).text == clean_article(html).text


# --------------------------------------------------------------------------
# parsed trees: the same text as the markup itself, and the caller's tree untouched
# --------------------------------------------------------------------------
TREE_FIXTURES = ["widgets/comment-list.html", "pages/blog-wordpress.html"]


def _trees(markup: str):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    return {
        "lxml.html.fromstring": lxml.html.fromstring(markup),
        "lxml ElementTree": etree.ElementTree(lxml.html.fromstring(markup)),
        "etree.HTML": etree.HTML(markup),
        "bs4 BeautifulSoup": soup,
        "bs4 Tag": soup.find("html"),
    }


@pytest.mark.parametrize("rel", TREE_FIXTURES, ids=lambda r: r.rsplit("/", 1)[-1])
@pytest.mark.parametrize(
    "kind", ["lxml.html.fromstring", "lxml ElementTree", "etree.HTML", "bs4 BeautifulSoup", "bs4 Tag"]
)
def test_parsed_tree_gives_same_text_as_str(rel, kind):
    markup = read_fixture(rel)
    expected = clean_article(markup)
    art = clean_article(_trees(markup)[kind])
    assert art.input_kind == "html"
    assert art.text == expected.text
    assert [(b.text, b.reason) for b in art.removed] == [(b.text, b.reason) for b in expected.removed]


@pytest.mark.parametrize("kind", ["lxml.html.fromstring", "lxml ElementTree", "etree.HTML"])
def test_callers_lxml_tree_is_not_modified(kind):
    tree = _trees(read_fixture("pages/blog-wordpress.html"))[kind]
    before = etree.tostring(tree, encoding="unicode")
    clean_article(tree, include_comments=True)
    assert etree.tostring(tree, encoding="unicode") == before


def test_callers_soup_is_not_modified():
    soup = _trees(read_fixture("pages/blog-wordpress.html"))["bs4 BeautifulSoup"]
    before = str(soup)
    clean_article(soup)
    assert str(soup) == before


# --------------------------------------------------------------------------
# wrong types and bad option values
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "doc",
    [42, None, ["<p>text</p>"], {"html": "<p>text</p>"}, 3.5, object()],
    ids=["int", "None", "list", "dict", "float", "object"],
)
def test_wrong_type_raises_type_error_naming_accepted_types(doc):
    with pytest.raises(TypeError) as exc:
        clean_article(doc)
    msg = str(exc.value)
    for accepted in ("str", "bytes", "lxml", "BeautifulSoup"):
        assert accepted in msg, f"{accepted!r} not named in {msg!r}"


@pytest.mark.parametrize("mode", ["r", "rb"], ids=["text-file", "binary-file"])
def test_file_object_raises_type_error(mode):
    with open(FIXTURES / "widgets" / "promo.txt", mode) as fh:
        with pytest.raises(TypeError) as exc:
            clean_article(fh)
    assert "str" in str(exc.value) and "bytes" in str(exc.value)


@pytest.mark.parametrize("stream", [io.StringIO("<p>a</p>"), io.BytesIO(b"<p>a</p>")], ids=["StringIO", "BytesIO"])
def test_stream_raises_type_error(stream):
    with pytest.raises(TypeError):
        clean_article(stream)


@pytest.mark.parametrize(
    "kwargs",
    [{"input": "markdown"}, {"input": "HTML "}, {"input": None}, {"favor": "fast"}, {"favor": None}, {"favor": ""}],
    ids=["input=markdown", "input=HTML-space", "input=None", "favor=fast", "favor=None", "favor=empty"],
)
def test_bad_option_value_raises_value_error(kwargs):
    with pytest.raises(ValueError):
        clean_article("<p>Some text.</p>", **kwargs)


# --------------------------------------------------------------------------
# empty and textless input: an empty Article with a reason, never an exception
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "doc",
    [
        "",
        "   \n\t  \n",
        "<html></html>",
        "<html><head><title></title></head><body></body></html>",
        "<div><img src='a.png'><br><span> </span></div>",
        "<html><body><script>var x = 1;</script><style>p { color: red }</style></body></html>",
        b"",
        b"   \n",
        "\ufeff",
        "\x00\x00\x00",
    ],
    ids=["empty", "whitespace", "html-only", "empty-head-body", "no-text-markup", "script-style-only",
         "empty-bytes", "whitespace-bytes", "bom-only", "nul-bytes"],
)
def test_empty_input_gives_empty_article_with_reason(doc):
    art = clean_article(doc)
    assert isinstance(art, Article)
    assert art.text == ""
    assert isinstance(art.reason, str) and art.reason.strip(), "an empty result must say why"
    assert art.blocks == []


def test_empty_lxml_element():
    art = clean_article(etree.Element("div"))
    assert art.text == "" and art.reason.strip()


# lxml.html.fromstring gives a comment node for some scraped garbage ("</</<a ..."):
# comments, processing instructions, entities and a tree with no root hold no page text
_NO_ELEMENT = [
    lambda: lxml.html.fromstring(b'</script><body class></</<a data-x="1" class="post"><html class="a">'),
    lambda: etree.Comment("Read more: another story"),
    lambda: etree.ProcessingInstruction("xml-stylesheet", "href='a.css'"),
    lambda: etree.Entity("amp"),
    lambda: etree.ElementTree(),
]


@pytest.mark.parametrize("make", _NO_ELEMENT, ids=["html-comment", "comment", "pi", "entity", "no-root"])
@pytest.mark.parametrize("metadata", [False, True])
@pytest.mark.parametrize("mode", ["auto", "text"])
def test_lxml_node_that_is_no_element_gives_empty_article_with_reason(make, metadata, mode):
    art = clean_article(make(), metadata=metadata, input=mode)
    assert isinstance(art, Article)
    assert art.text == "" and art.blocks == [] and art.title is None
    assert art.reason.startswith(("no text in the input", "empty input")), art.reason


# --------------------------------------------------------------------------
# input kind: detection and forcing
# --------------------------------------------------------------------------
PLAIN = "\n\n".join(PASTRY_PARAS)
MARKUP = page(PASTRY_TITLE, PASTRY_PARAS)


def test_auto_detects_html_and_text():
    assert clean_article(MARKUP).input_kind == "html"
    assert clean_article(PLAIN).input_kind == "text"


def test_text_mentioning_tags_is_still_text():
    doc = PLAIN + "\n\nTo make a paragraph in HTML you write the word inside <p> and </p>, nothing more."
    assert clean_article(doc).input_kind == "text"


def test_force_text_on_markup():
    art = clean_article(MARKUP, input="text")
    assert art.input_kind == "text"


def test_force_html_on_plain_text():
    art = clean_article(PLAIN, input="html")
    assert art.input_kind == "html"
    assert "Her crème brûlée is the reason most visitors come." in norm(art.text)


def test_force_text_on_lxml_element():
    art = clean_article(lxml.html.fromstring(MARKUP), input="text")
    assert art.input_kind == "text"
    assert "Regulars say they can set their watches by the smell of butter" in norm(art.text)


def test_forced_html_equals_auto_for_markup():
    assert clean_article(MARKUP, input="html").text == clean_article(MARKUP).text


def test_small_page_keeps_its_article():
    """The helper page itself: the article survives, the two-link menu does not."""
    art = clean_article(MARKUP)
    for p in PASTRY_PARAS:
        assert norm(p) in norm(art.text)
    assert "Home Food" not in norm(art.text)


@pytest.mark.parametrize("variant", ["plain", "bom", "cut-character", "ends-non-ascii", "cp1252-declared", "invalid-byte"])
def test_utf8_bytes_read_as_the_str_they_decode_to(variant):
    """Bytes that are valid UTF-8 go to the parser as they are (not decoded and encoded
    again); a BOM, a last character cut in half or a page ending in a non-ASCII
    character take the other path. Either way the result is that of the decoded text."""
    body = "".join(f"<p>{p}</p>" for p in PASTRY_PARAS)
    html = f"<html><head><title>Pâtisserie</title></head><body><article>{body}</article></body></html>"
    data = html.encode("utf-8")
    if variant == "bom":
        data = b"\xef\xbb\xbf" + data
    elif variant == "cut-character":
        data = data + "é".encode("utf-8")[:1]
    elif variant == "ends-non-ascii":
        data = data + "é".encode("utf-8")
    elif variant == "cp1252-declared":  # valid UTF-8 with non-ASCII wins over a declared charset
        data = data.replace(b"<head>", b'<head><meta charset="windows-1252">')
    elif variant == "invalid-byte":  # not UTF-8: decoded another way, never passed as it is
        data = data.replace(b"<article>", b"<article><p>caf\xe9 au lait \xff\xfe</p>")
    got = clean_article(data, metadata=False)
    want = clean_article(_input.decode_bytes(data)[0], metadata=False)
    assert got.text == want.text
    if variant != "invalid-byte":  # (mixed bytes: whatever charset detection makes of them)
        assert "crème brûlée" in got.text and "pâtisserie" in got.text


def test_undetectable_bytes_read_as_their_lossy_decoding(monkeypatch):
    """Bytes that are no UTF-8 and whose charset nothing detects are read as their lossy
    UTF-8 decoding (U+FFFD for each bad byte), not handed to the parser as they are."""
    import charset_normalizer

    def no_detection(*_a, **_k):
        raise RuntimeError("no detection")

    monkeypatch.setattr(charset_normalizer, "from_bytes", no_detection)
    body = "".join(f"<p>{p}</p>" for p in PASTRY_PARAS)
    data = f"<html><body><article><p>Opening \xff\xfe line of the story, with a few bad bytes.</p>{body}</article></body></html>"
    data = data.encode("utf-8").replace("\xff\xfe".encode("utf-8"), b"\xff\xfe")
    got = clean_article(data, metadata=False)
    want = clean_article(data.decode("utf-8", "replace"), metadata=False)
    assert got.text == want.text
    assert "\ufffd" in got.text
