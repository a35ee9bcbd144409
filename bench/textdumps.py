"""Generate the plain-text benchmark: WCXB pages as a scraper would have saved them as text.

    python bench/textdumps.py --out bench/cache/textdumps.jsonl.gz [--limit N] [--seed S]
    python bench/textdumps.py --site-dump bench/cache/site-dump.jsonl.gz [--limit N]

For every page of the WCXB development split (``bench/wcxb.py``; credit in
``wcxb.CREDIT``) two records are written, both with ``target`` = the page's
ground-truth ``main_content``:

``variant="full"`` (full-page dump)
    The whole HTML page flattened by html-text (``html_text.extract_text(html,
    guess_layout=True)``, a naive HTML-to-text converter that drops scripts and
    styles and keeps every other visible string, one block per line), as a crawler
    that kept all visible text would save it: title, menus, article, sidebars,
    footer, cookie notices, everything. html-text rather than inscriptis because
    inscriptis indents nested blocks (its output looks like a text browser's
    screen, not like a scraper's text field).

``variant="container"`` (container dump)
    What a scraper that kept a post container's text saves (the case of
    ``fixtures/scraped-dump.txt``): optionally the page title on the first line
    (70% of pages whose ground truth does not already start with it), the
    ground-truth text, then 2-5 trailing widgets built from real parts
    (templates in ``bench/widgets_text.py``):

    - ``related``: a marker heading ("Related Article", "You may also like",
      "More from <Site>", "Read next", ... in several languages and casings)
      then 2-6 teasers, each = another page's title + its first 40-70 words,
      cut mid-sentence or ending in an ellipsis (teasers and promos only use
      pages of type article), sometimes with a date line
      before or a "Read more" line after. Included on 85% of pages. Teasers
      come from pages of other domains whose text shares no 8-word run with
      this page's target, so the teaser check below cannot be fooled.
    - ``view-counter`` (Post Views Counter "Visited 12 times, 1 visit(s)
      today", "1,234 views", ...), ``comments`` (wpDiscuz, WordPress core form,
      Disqus notices, Facebook plugin, ...), ``share`` (Jetpack "Share this:" /
      "Like this:" ...), ``newsletter``, ``tags`` ("Tags: a, b, c", "Filed
      under: ..."), ``author-box``.

    The widget order is shuffled; the layout is one of ``blank`` (a blank line
    between all lines, like the seed), ``single`` (no blank lines anywhere),
    ``mixed`` (blank lines between paragraphs and widgets, single newlines
    inside widgets) and ``loose`` (extra blank lines, trailing spaces). On 30%
    of pages with at least 4 paragraphs, 1-2 in-body promos ("READ MORE:
    <other page's title>", "WATCH: ...") are inserted between paragraphs; they
    are not part of the target.

Each record: ``id`` ("<file id>-full" / "<file id>-container"), ``file_id``,
``variant``, ``page_type``, ``url``, ``lang`` (from ``<html lang>``, or null),
``text``, ``target``; container records also have ``layout``, ``title_line``
(bool), ``widgets`` (list of ``{"kind", "lines"}``, lines without blanks),
``teasers`` (list of ``{"source", "title", "excerpt"}``) and ``promos`` (list of
lines), so that ``bench/run_text.py`` can check what was removed.

Determinism: every page draws from its own ``random.Random(f"{seed}:{file_id}")``
and the teaser/promo pool is always built from the whole split, so a page's
record is the same with or without ``--limit`` and across runs (default seed
20250611). The only outside dependency is html-text's version (``bench`` extra).

``--site-dump PATH`` writes the "many pages per site" dump used for
``--site-profile`` measurements (fields ``id``, ``url``, ``text``, ``target``, plus
``site``, ``kind``, ``file_id``, ``page_type``). Two kinds of site:

- ``kind="real-full"``: the full-page dumps of every domain with at least 3 pages
  in the split (``metadata.json``; 34 domains, 149 pages): real site-wide menus
  and footers, shared between the pages of a domain.
- ``kind="synthetic"``: the remaining pages, shuffled with the seed and dealt
  into fake sites of 4-10 pages. Each fake site has a fixed name, header (site
  name, "Skip to content"-style lines, a menu one item per line), a fixed
  "Recent posts" list (titles of four of its pages), a fixed "About us" box
  and a fixed footer; each page is header + container dump of its own article
  (title line, article, 1-3 widgets) + recent posts + about box + footer.
  The site-wide lines repeat on every page of a site; the article differs.

Within a site, records are consecutive; ``url`` is the real URL for real sites and
``https://<site-slug>.example/<file id>/`` for synthetic ones.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wcxb  # noqa: E402
import widgets_text as W  # noqa: E402

DEFAULT_SEED = 20250611
TEASER_MIN_WORDS = 40
TEASER_MAX_WORDS = 70
NGRAM = 8

_WORD = re.compile(r"\w+")
_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)


# --------------------------------------------------------------------------- helpers

def word_ngrams(text: str, n: int = NGRAM) -> set[tuple[str, ...]]:
    """Set of lower-cased ``\\w+`` n-grams of ``text`` (the teaser-kept test uses n=8)."""
    toks = _WORD.findall(text.lower())
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def page_lang(html: bytes) -> str | None:
    m = _LANG.search(html[:20000])
    return m.group(1).decode("ascii").lower()[:2] if m else None


def domain_of(url: str) -> str:
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def site_name(url: str, html: bytes = b"") -> str:
    """A plausible site name: the short suffix of the HTML title ("... | Name"), else the domain."""
    m = _TITLE.search(html[:50000]) if html else None
    if m:
        title = re.sub(r"\s+", " ", m.group(1).decode("utf-8", "replace")).strip()
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            if sep in title:
                tail = title.rsplit(sep, 1)[1].strip()
                if 1 <= len(tail.split()) <= 4 and "&" not in tail[:1]:
                    return tail
    label = domain_of(url).split(".")[0] or "Our Site"
    return label[:1].upper() + label[1:]


def flatten_html(html: bytes | str) -> str:
    """The naive converter of the full-page variant (html-text, layout guessing on)."""
    import html_text  # bench extra

    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    try:
        return html_text.extract_text(html, guess_layout=True)
    except Exception:  # unparsable page: a crawler would have saved nothing
        return ""


def _body_paragraphs(main: str, title: str) -> list[str]:
    paras = [p.strip() for p in re.split(r"\n\s*\n", main) if p.strip()]
    if paras and title and paras[0].lower() == title.strip().lower():
        paras = paras[1:]
    return paras


@dataclass
class PoolEntry:
    """What other pages contribute to a page's teasers and promos."""
    file_id: str
    domain: str
    title: str
    words: list[str]  # whitespace tokens of the body (title line dropped)
    date: str = ""
    page_type: str = "article"


def build_pool(pages: Iterable) -> list[PoolEntry]:
    pool = []
    for p in pages:
        title = re.sub(r"\s+", " ", p.title or "").strip()
        if not title:
            continue
        body = " ".join(_body_paragraphs(p.main_content, title))
        pool.append(PoolEntry(p.file_id, domain_of(p.url), title, body.split(), p.date or "",
                              p.page_type))
    return pool


def _pick(rng: random.Random, options: dict[str, list], lang: str):
    return rng.choice(options.get(lang) or options["en"])


def _widget_lang(rng: random.Random, lang: str | None) -> str:
    """Widgets mostly follow the page language; 15% of English pages get a localised theme."""
    if lang and lang != "en" and lang in W.RELATED_MARKERS:
        return lang if rng.random() < 0.8 else "en"
    if rng.random() < 0.15:
        return rng.choice([k for k in W.RELATED_MARKERS if k != "en"])
    return "en"


def _fmt(line: str, ctx: dict) -> list[str]:
    if line == "{tags_lines}":
        return list(ctx["tag_list"])
    return [line.format(**ctx)]


def _tags_for(rng: random.Random, title: str) -> list[str]:
    cands = [w for w in re.findall(r"[A-Za-z][\w'-]{3,}", title) if w.lower() not in _STOP]
    rng.shuffle(cands)
    want = rng.randint(2, 5)
    tags: list[str] = []
    for w in cands:
        if len(tags) >= want:
            break
        if w.lower() not in (t.lower() for t in tags):
            tags.append(w.lower() if rng.random() < 0.5 else w)
    while len(tags) < 2:
        tags.append(rng.choice(W.CATEGORIES))
    return tags


_STOP = {"with", "what", "that", "this", "from", "your", "have", "will", "they", "their",
         "about", "into", "when", "where", "which", "there", "been", "more", "than", "does",
         "how", "and", "for", "the"}


# --------------------------------------------------------------------------- container dumps

class Builder:
    """Builds container (and synthetic-site) dumps from a fixed pool of other pages."""

    def __init__(self, pool: list[PoolEntry], seed: int = DEFAULT_SEED):
        # related teasers and promos point to articles, as on real sites
        arts = [e for e in pool if e.page_type == "article"] or list(pool)
        self.pool = [e for e in arts if len(e.words) >= TEASER_MIN_WORDS]
        self.titles = arts
        self.seed = seed

    def rng(self, key: str) -> random.Random:
        return random.Random(f"{self.seed}:{key}")

    # -- parts
    def teasers(self, rng, n, domain, target_grams, exclude, wlang="en") -> list[dict]:
        out, tries = [], 0
        while len(out) < n and tries < 50 * n and self.pool:
            tries += 1
            e = rng.choice(self.pool)
            if e.domain == domain or e.file_id in exclude:
                continue
            k = min(len(e.words), rng.randint(TEASER_MIN_WORDS, TEASER_MAX_WORDS))
            excerpt = " ".join(e.words[:k]).rstrip(" ,;:")
            end = rng.choice(W.TEASER_ENDINGS)
            if end:
                excerpt = excerpt.rstrip(".!?") + end
            item = {"source": e.file_id, "title": e.title, "excerpt": excerpt}
            if word_ngrams(e.title + " " + excerpt) & target_grams:
                continue
            exclude.add(e.file_id)
            if e.date and rng.random() < 0.25:
                item["date"] = e.date[:10]
            if rng.random() < 0.2:
                item["after"] = rng.choice(W.TEASER_AFTER.get(wlang) or W.TEASER_AFTER["en"])
            out.append(item)
        return out

    def promo_titles(self, rng, n, domain, target_grams, exclude) -> list[str]:
        """Titles of other pages for in-body promos; ``target_grams`` are the target's 4-grams."""
        out, tries = [], 0
        while len(out) < n and tries < 50 * n and self.titles:
            tries += 1
            e = rng.choice(self.titles)
            if e.domain == domain or e.file_id in exclude or len(e.title.split()) < 3:
                continue
            if word_ngrams(e.title, 4) & target_grams:
                continue
            exclude.add(e.file_id)
            out.append(e.title)
        return out

    def widget(self, rng, kind, ctx, wlang, domain, target_grams, exclude) -> tuple[list[list[str]], dict]:
        """Returns (groups of lines; "" inside a group = blank line) and the record."""
        if kind == "related":
            marker = rng.choice(W.RELATED_MARKERS[wlang]).format(**ctx)
            teasers = self.teasers(rng, rng.randint(2, 6), domain, target_grams, exclude, wlang)
            groups = [[marker]]
            for t in teasers:
                g = [t["title"]]
                if "date" in t:
                    g.append(t["date"])
                g.append(t["excerpt"])
                if "after" in t:
                    g.append(t["after"])
                groups.append(g)
            lines = [l for g in groups for l in g]
            return groups, {"kind": kind, "lines": lines, "teasers": teasers}
        if kind == "view-counter":
            lines = [rng.choice(W.VIEW_COUNTERS.get(wlang) or W.VIEW_COUNTERS["en"]).format(**ctx)]
        elif kind == "comments":
            tpl = _pick(rng, W.COMMENT_WIDGETS, wlang)
            lines = [x for l in tpl for x in _fmt(l, ctx)]
        elif kind == "share":
            lines = [x for l in _pick(rng, W.SHARE_BARS, wlang) for x in _fmt(l, ctx)]
        elif kind == "newsletter":
            lines = [x for l in _pick(rng, W.NEWSLETTERS, wlang) for x in _fmt(l, ctx)]
        elif kind == "tags":
            lines = [x for l in _pick(rng, W.TAG_LINES, wlang) for x in _fmt(l, ctx)]
        elif kind == "author-box":
            lines = [x for l in rng.choice(W.AUTHOR_BOXES) for x in _fmt(l, ctx)]
        else:
            raise ValueError(kind)
        return [lines], {"kind": kind, "lines": [l for l in lines if l.strip()]}

    def container(self, page, lang=None, site=None, *, min_widgets=2, max_widgets=5,
                  kinds=None, rng=None, title_line=None) -> dict:
        rng = rng or self.rng(page.file_id)
        target = page.main_content
        domain = domain_of(page.url)
        tgrams = word_ngrams(target)
        exclude = {page.file_id}
        title = re.sub(r"\s+", " ", page.title or "").strip()
        wlang = _widget_lang(rng, lang)
        n_views = rng.choice([1, 2, 7, 12, 38, 154, 1234, 20871])
        tag_list = _tags_for(rng, title)
        ctx = {
            "site": site or site_name(page.url), "n": n_views, "m": rng.randint(1, min(n_views, 9)),
            "title": title, "tags": ", ".join(tag_list), "tag_list": tag_list,
            "cat": rng.choice(W.CATEGORIES), "author": rng.choice(W.AUTHOR_NAMES),
        }
        ctx["cat_lower"] = ctx["cat"].lower()

        # widgets: related on 85% of pages, then other kinds without repetition
        kinds = list(kinds or W.WIDGET_KINDS)
        n_w = rng.randint(min_widgets, max_widgets)
        chosen = []
        if "related" in kinds and rng.random() < 0.85:
            chosen.append("related")
        others = [k for k in kinds if k != "related"]
        rng.shuffle(others)
        chosen += others[: max(0, n_w - len(chosen))]
        rng.shuffle(chosen)
        widgets = [self.widget(rng, k, ctx, wlang, domain, tgrams, exclude) for k in chosen]

        # article paragraphs, maybe with in-body promos
        paras = [p.strip() for p in re.split(r"\n\s*\n", target) if p.strip()]
        promos: list[str] = []
        if len(paras) >= 4 and rng.random() < 0.30:
            k = rng.randint(1, 2)
            titles = self.promo_titles(rng, k, domain, word_ngrams(target, 4), exclude)
            slots = sorted(rng.sample(range(1, len(paras)), min(len(titles), len(paras) - 1)), reverse=True)
            for slot, t in zip(slots, titles):
                line = f"{rng.choice(W.PROMO_PREFIXES.get(wlang) or W.PROMO_PREFIXES['en'])} {t}"
                paras.insert(slot, line)
                promos.append(line)

        if title_line is None:
            starts = paras and paras[0].lower() == title.lower()
            title_line = bool(title) and not starts and rng.random() < 0.7
        if title_line:
            paras.insert(0, title)

        layout = rng.choices(["blank", "single", "mixed", "loose"], [35, 15, 35, 15])[0]
        text = _layout(rng, layout, paras, [g for g, _ in widgets])
        recs = [r for _, r in widgets]
        teasers = [t for r in recs for t in r.pop("teasers", [])]
        return {
            "text": text, "target": target, "layout": layout, "title_line": title_line,
            "widgets": recs, "teasers": teasers, "promos": promos,
        }


def _layout(rng: random.Random, layout: str, paras: list[str], widgets: list[list[list[str]]]) -> str:
    """Join article paragraphs and widget line groups in one of the layouts."""
    if layout == "single":
        art = "\n".join(p.replace("\n\n", "\n") for p in paras)
        wid = ["\n".join(l for g in groups for l in g if l) for groups in widgets]
        return "\n".join([art] + wid) + "\n"
    art = "\n\n".join(paras)
    if layout == "blank":
        wid = ["\n\n".join(l for g in groups for l in g if l) for groups in widgets]
        # the seed's wpDiscuz block keeps single newlines: do that for some widgets
        wid = [w if rng.random() < 0.8 else w.replace("\n\n", "\n") for w in wid]
        return "\n\n".join([art] + wid) + "\n"
    if layout == "mixed":
        wid = ["\n\n".join("\n".join(g) for g in groups) for groups in widgets]
        return "\n\n".join([art] + wid) + "\n"
    # loose: extra blank lines between widgets, trailing spaces here and there
    out = [art]
    for groups in widgets:
        lines = []
        for g in groups:
            lines.extend((l + (" " if l and rng.random() < 0.3 else "")) for l in g)
            lines.append("")
        out.append("\n".join(lines).rstrip("\n"))
    return "\n\n\n".join(out) + "\n\n"


# --------------------------------------------------------------------------- records

def full_record(page, lang: str | None) -> dict:
    return {
        "id": f"{page.file_id}-full", "file_id": page.file_id, "variant": "full",
        "page_type": page.page_type, "url": page.url, "lang": lang,
        "text": flatten_html(page.html), "target": page.main_content,
    }


def container_record(builder: Builder, page, lang: str | None) -> dict:
    rec = {
        "id": f"{page.file_id}-container", "file_id": page.file_id, "variant": "container",
        "page_type": page.page_type, "url": page.url, "lang": lang,
    }
    rec.update(builder.container(page, lang, site_name(page.url, page.html)))
    return rec


def generate(pages: Iterable, builder: Builder) -> Iterator[dict]:
    for page in pages:
        lang = page_lang(page.html)
        yield full_record(page, lang)
        yield container_record(builder, page, lang)


# --------------------------------------------------------------------------- site dump

def _fake_site(rng: random.Random, used: set[str]) -> dict:
    name = f"The {rng.choice(W.SITE_WORDS)} {rng.choice(W.SITE_SUFFIXES)}"
    base, k = name, 1
    while name in used:  # more sites than word pairs: number them
        k += 1
        name = f"{base} {k}"
    used.add(name)
    slug = re.sub(r"\W+", "", name.lower().replace("the ", "", 1))
    menu = ["Home"] + rng.sample([m for m in W.MENU_ITEMS if m != "Home"], rng.randint(4, 8))
    ctx = {"site": name, "topic": rng.choice(W.TOPICS), "year": rng.randint(1998, 2019),
           "year2": rng.randint(2023, 2025)}
    header = [name] + rng.choice(W.MENU_EXTRAS) + menu
    about = [l.format(**ctx) for l in rng.choice(W.ABOUT_BOXES)]
    footer = [l.format(**ctx) for l in rng.choice(W.FOOTERS)]
    return {"name": name, "slug": slug, "header": header, "about": about, "footer": footer,
            "recent_head": rng.choice(["Recent Posts", "Popular", "Most Read", "Latest"])}


def site_records(pages_meta: dict, root: Path | None, builder: Builder, limit: int | None,
                 seed: int = DEFAULT_SEED, kinds: tuple[str, ...] = ("real-full", "synthetic"),
                 ) -> Iterator[dict]:
    """Yield the records of the many-pages-per-site dump (see module docstring).

    ``limit`` caps the number of records; ``kinds`` selects real and/or synthetic sites
    (the synthetic sites are the same whichever kinds are asked for).
    """
    from collections import defaultdict

    by_dom: dict[str, list[str]] = defaultdict(list)
    all_ids = sorted(p.name[:-len(".json")] for p in ((root or wcxb.dataset_dir()) / "ground-truth").glob("*.json"))
    for fid in all_ids:
        dom = pages_meta.get(fid, {}).get("domain")
        if dom:
            by_dom[dom].append(fid)
    real = {d: ids for d, ids in by_dom.items() if len(ids) >= 3}
    real_ids = {i for ids in real.values() for i in ids}
    n = 0
    for dom in sorted(real) if "real-full" in kinds else []:
        for page in wcxb.iter_pages(root, real[dom]):
            if limit is not None and n >= limit:
                return
            n += 1
            yield {"id": f"{dom}/{page.file_id}", "url": page.url, "site": dom, "kind": "real-full",
                   "file_id": page.file_id, "page_type": page.page_type,
                   "text": flatten_html(page.html), "target": page.main_content}

    rest = [i for i in all_ids if i not in real_ids]
    rng = random.Random(f"{seed}:sites")
    rng.shuffle(rest)
    used: set[str] = set()
    groups = []
    while rest:
        k = rng.randint(4, 10)
        groups.append((_fake_site(rng, used), rest[:k]))
        rest = rest[k:]
    for site, ids in groups if "synthetic" in kinds else []:
        pages = list(wcxb.iter_pages(root, sorted(ids)))
        recent = [site["recent_head"]] + [re.sub(r"\s+", " ", p.title).strip() for p in pages[:4]]
        for page in pages:
            if limit is not None and n >= limit:
                return
            n += 1
            prng = builder.rng(f"site:{site['slug']}:{page.file_id}")
            body = builder.container(page, page_lang(page.html), site["name"], min_widgets=1,
                                     max_widgets=3, rng=prng)
            layout_sep = "\n" if body["layout"] == "single" else "\n\n"
            parts = ["\n".join(site["header"]), body["text"].strip("\n"), "\n".join(recent),
                     "\n".join(site["about"]), "\n".join(site["footer"])]
            yield {"id": f"{site['slug']}/{page.file_id}",
                   "url": f"https://{site['slug']}.example/{page.file_id}/",
                   "site": site["slug"], "kind": "synthetic", "file_id": page.file_id,
                   "page_type": page.page_type, "text": layout_sep.join(parts) + "\n",
                   "target": page.main_content}


# --------------------------------------------------------------------------- main

def load_pool(root: Path | None = None) -> list[PoolEntry]:
    return build_pool(wcxb.iter_pages(root))


def write_jsonl_gz(path: Path, records: Iterable[dict]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    # mtime=0: the same records give byte-identical files
    with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        for r in records:
            gz.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
            n += 1
    tmp.replace(path)
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="text dumps (full + container), .jsonl.gz")
    ap.add_argument("--site-dump", type=Path, help="many-pages-per-site dump, .jsonl.gz")
    ap.add_argument("--limit", type=int, help="first N pages (N records for --site-dump)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    if not args.out and not args.site_dump:
        args.out = Path(__file__).resolve().parent / "cache" / "textdumps.jsonl.gz"
    root = wcxb.dataset_dir()
    if not (root / "metadata.json").exists():
        print(f"WCXB data not found in {root} (set WCXB_DIR)", file=sys.stderr)
        return 2
    builder = Builder(load_pool(root), args.seed)
    if args.out:
        ids = sorted(p.name[:-len(".json")] for p in (root / "ground-truth").glob("*.json"))
        ids = ids[: args.limit] if args.limit else ids
        n = write_jsonl_gz(args.out, generate(wcxb.iter_pages(root, ids), builder))
        print(f"wrote {n} records ({len(ids)} pages x 2 variants) to {args.out}")
    if args.site_dump:
        meta = json.loads((root / "metadata.json").read_text())["files"]
        n = write_jsonl_gz(args.site_dump, site_records(meta, root, builder, args.limit, args.seed))
        print(f"wrote {n} site-dump records to {args.site_dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
