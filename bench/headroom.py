"""How far block decisions alone could take boilerstrip's output (upper bounds, not results).

    python bench/headroom.py [--limit N] [--out docs/headroom.md]

Both bounds start from boilerstrip's own blocks and look at the ground truth, which no
extractor can: they say whether a target is within reach of better block decisions, or
needs something else (finer blocks, another segmentation).

- HTML: the blocks ``clean_article`` keeps, minus those whose words are mostly not in
  the page's ground truth (share of a block's ``\\w+`` words found in it below 0.3 / 0.5),
  and minus only the short ones (5 words or fewer) that are not in it verbatim. Scored
  as ``run_html.py`` scores (word F1, ``with`` found, ``without`` leaked), each
  selection of blocks joined by blank lines (the first row is boilerstrip as it is; the
  last is the ground truth itself taken as an output, the floor of the leak: a few
  ``without`` snippets also occur in the truth's text).
  Then where each ``without`` snippet boilerstrip leaks sits: in which kept block, and
  that block's place against the kept blocks mostly (>= 50%) in the truth.
- Text (full-page dumps of ``bench/cache/textdumps.jsonl.gz``): every block of the dump
  (kept or removed), and the best contiguous run of them (the one maximising the words
  in the ground truth minus half the words of the run), against boilerstrip's output;
  word F1 per page type.

Dataset: WCXB v1.0 development split by Murrough Foley, CC-BY-4.0
(github.com/Murrough-Foley/web-content-extraction-benchmark).
"""
from __future__ import annotations

import argparse
import statistics
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import wcxb  # noqa: E402
from run_text import DEFAULT_DUMP, iter_records  # noqa: E402

CREDIT = ("WCXB: Web Content eXtraction Benchmark v1.0, development split, by Murrough Foley "
          "(2026), CC-BY-4.0 (github.com/Murrough-Foley/web-content-extraction-benchmark)")


def in_truth(text: str, truth) -> float:
    """Share of ``text``'s words found in the ground truth's bag of words."""
    w = wcxb.words(text)
    n = sum(w.values())
    return sum(min(c, truth.get(k, 0)) for k, c in w.items()) / n if n else 1.0


#: Where a leaked ``without`` snippet sits (see :func:`leak_place`), in report order.
PLACES = {
    "inside": "in a kept block mostly in the truth",
    "between": "in a kept block mostly not in the truth, between two that are",
    "before": "in a kept block before the first one mostly in the truth",
    "after": "in a kept block after the last one mostly in the truth",
    "no-content": "on a page where no kept block is mostly in the truth",
    "across": "across two kept blocks (in none alone)",
}


def leak_place(snippet: str, norms: list[str], shares: list[float]) -> str:
    """The PLACES key of a leaked ``snippet`` (normalised) among kept blocks of these
    normalised texts and shares in the truth."""
    at = next((k for k, t in enumerate(norms) if snippet in t), None)
    if at is None:
        return "across"
    good = [k for k, s in enumerate(shares) if s >= 0.5]
    if not good:
        return "no-content"
    if shares[at] >= 0.5:
        return "inside"
    return "before" if at < good[0] else "after" if at > good[-1] else "between"


def html_bounds(limit: int | None) -> tuple[dict[str, tuple[float, float, float]], dict[str, int]]:
    from boilerstrip import clean_article

    rules = {
        "boilerstrip": lambda b, share, gt_norm: False,
        "drop short blocks not in the truth": lambda b, share, gt_norm: (
            len(b.text.split()) <= 5 and wcxb._norm_snippet(b.text) not in gt_norm),
        "drop blocks < 30% in the truth": lambda b, share, gt_norm: share < 0.3,
        "drop blocks < 50% in the truth": lambda b, share, gt_norm: share < 0.5,
    }
    truth_row = "the ground truth itself (floor)"
    acc = {name: [[], 0, 0, 0, 0] for name in [*rules, truth_row]}
    places = dict.fromkeys(PLACES, 0)
    for i, page in enumerate(wcxb.iter_pages()):
        if limit is not None and i >= limit:
            break
        blocks = clean_article(page.html, url=page.url, metadata=False).blocks
        truth, gt_norm = wcxb.words(page.main_content), wcxb._norm_snippet(page.main_content)
        shares = [in_truth(b.text, truth) for b in blocks]
        texts = {name: "\n\n".join(b.text for b, s in zip(blocks, shares) if not drop(b, s, gt_norm))
                 for name, drop in rules.items()}
        texts[truth_row] = page.main_content
        for name, text in texts.items():
            found, w_total, leaked, wo_total = wcxb.snippets(text, page)
            a = acc[name]
            a[0].append(wcxb.prf(text, page.main_content)[2])
            a[1] += found
            a[2] += w_total
            a[3] += leaked
            a[4] += wo_total
        out = wcxb._norm_snippet(texts["boilerstrip"])
        norms = [wcxb._norm_snippet(b.text) for b in blocks]
        for sn in page.without_snippets:
            ns = wcxb._norm_snippet(sn)
            if ns and ns in out:
                places[leak_place(ns, norms, shares)] += 1
    return ({name: (statistics.mean(a[0]), a[1] / max(a[2], 1), a[3] / max(a[4], 1))
             for name, a in acc.items()}, places)


def best_run(shares_words: list[tuple[float, int]]) -> tuple[int, int]:
    """The run [i, j) with the most (words in the truth - half the words), by the text
    scorer's own maximum-sum run."""
    from boilerstrip.score import _best_run

    return _best_run([share * n - 0.5 * n for share, n in shares_words])


def text_bounds(limit: int | None) -> dict[str, dict[str, float]]:
    from boilerstrip import clean_article

    truths = {p.file_id: p.main_content for p in wcxb.iter_pages()}
    got: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for rec in iter_records(DEFAULT_DUMP, {"full"}, limit):
        gt = truths[rec["file_id"]]
        art = clean_article(rec["text"], input="text", metadata=False)
        blocks = sorted([*art.blocks, *art.removed], key=lambda b: b.position)
        truth = wcxb.words(gt)
        sw = [(in_truth(b.text, truth), len(wcxb._WORD.findall(b.text))) for b in blocks]
        i, j = best_run(sw)
        for name, text in (("boilerstrip", art.text),
                           ("best contiguous run", "\n".join(b.text for b in blocks[i:j])),
                           ("blocks >= 50% in the truth", "\n".join(
                               b.text for b, (s, _n) in zip(blocks, sw) if s >= 0.5))):
            f1 = wcxb.prf(text, gt)[2]
            got[name][rec["page_type"]].append(f1)
            got[name]["all"].append(f1)
    return {name: {t: statistics.mean(v) for t, v in by_type.items()} for name, by_type in got.items()}


def render(html: dict, places: dict, text: dict) -> str:
    out = ["# Headroom of block decisions (upper bounds, not results)", "",
           f"Data: {CREDIT}. Made by `python bench/headroom.py`; see its docstring for the method.", "",
           "## HTML: boilerstrip's kept blocks, minus what the ground truth says is not content", "",
           "| rule | F1 | `with` found | `without` leaked |", "|---|---|---|---|"]
    for name, (f1, found, leaked) in html.items():
        out.append(f"| {name} | {f1:.3f} | {found:.1%} | {leaked:.1%} |")
    total = sum(places.values())
    out += ["", (f"Where the {total} `without` snippets boilerstrip leaks sit (a block is \"in the truth\" "
                 "when at least half its words are):"), "", "| place | snippets | share |", "|---|---|---|"]
    for key, label in PLACES.items():
        out.append(f"| {label} | {places[key]} | {places[key] / max(total, 1):.0%} |")
    types = ["all", "article", "forum", "product", "collection", "listing", "documentation", "service"]
    out += ["", "## Text, full-page dumps: word F1 per page type", "",
            "| selection | " + " | ".join(types) + " |", "|---" * (len(types) + 1) + "|"]
    for name, by_type in text.items():
        out.append(f"| {name} | " + " | ".join(f"{by_type.get(t, float('nan')):.3f}" for t in types) + " |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, help="first N pages (and N full dumps) only")
    ap.add_argument("--out", type=Path, help="write the markdown report here")
    args = ap.parse_args(argv)
    html, places = html_bounds(args.limit)
    emit(render(html, places, text_bounds(args.limit)), args.out)
    return 0


def emit(report: str, out: Path | None) -> None:
    """Write a markdown report to ``out`` (when given) and print it (learned_bound.py too)."""
    if out:
        out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    sys.exit(main())
