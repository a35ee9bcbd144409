"""Could a learned second pass over boilerstrip's kept blocks halve the leaked boilerplate?

    python bench/learned_bound.py [--limit N] [--out docs/learned-bound.md]

A measurement, not part of the extractor. It asks whether the leak target of the HTML
benchmark (``without`` snippets leaked at most half as often as by trafilatura) is in
reach of better block decisions made from what the scorer already knows.

Method:

- Every page of the development split goes through ``clean_article(metadata=False)``.
  Each kept block gets the features the scorer computed (length, words, link and
  stopword density, class, menu item, phrase, hint bits, region values), its kind and
  heading level, its score, where it sits (among the kept blocks and in the page), its
  neighbours' length and class, and a few surface cues (ends with "?" or "!", share of
  capitalised words, digits, a currency sign, line breaks, ends with a full stop).
- The label is what the ground truth says: the block's words are less than half in the
  page's ground truth (``headroom.in_truth``).
- A gradient-boosted classifier (scikit-learn's ``HistGradientBoostingClassifier``,
  ``random_state=0``) is trained in 5 folds grouped by the page's domain
  (``GroupKFold``, deterministic), so every page is judged by a model that never saw its
  site; blocks whose predicted probability of not being content exceeds a threshold are
  dropped, and the rest is scored as ``run_html.py`` scores. A second table trains and
  judges on all pages at once (in-sample: an optimistic bound, not a result).

Needs scikit-learn and numpy (``pip install -e '.[analysis]'``).

Dataset: WCXB v1.0 development split by Murrough Foley, CC-BY-4.0
(github.com/Murrough-Foley/web-content-extraction-benchmark).
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import wcxb  # noqa: E402
from headroom import CREDIT, emit, in_truth  # noqa: E402

KINDS = ("paragraph", "heading", "list_item", "table_row", "quote", "code")
CLASSES = ("good", "near-good", "short", "bad")
HINT_BITS = 24
THRESHOLDS = (0.9, 0.7, 0.5, 0.4, 0.3, 0.25, 0.2, 0.18, 0.16, 0.14, 0.12, 0.1)


def block_features(blocks, n_all: int) -> list[list[float]]:
    """One row of numbers per kept block (see the module docstring)."""
    n = len(blocks)
    total = math.log1p(sum(b.features["chars"] for b in blocks))

    def near(j: int) -> tuple[float, int]:
        if 0 <= j < n:
            f = blocks[j].features
            return math.log1p(f["chars"]), CLASSES.index(f["class"])
        return -1.0, -1

    rows = []
    for i, b in enumerate(blocks):
        f, t = b.features, b.text
        words = t.split()
        caps = sum(1 for w in words if w[:1].isupper()) / max(1, len(words))
        tail = t.rstrip()
        (pc, pk), (nc, nk), (_, pk2), (_, nk2) = near(i - 1), near(i + 1), near(i - 2), near(i + 2)
        value = f.get("value") or (0.0, 0.0)
        rows.append([
            math.log1p(f["chars"]), f["words"], f["link_density"], f["stopword_density"],
            CLASSES.index(f["class"]), int(bool(f["menu_item"])), int(bool(f.get("phrase"))),
            KINDS.index(b.kind) if b.kind in KINDS else len(KINDS), b.level or 0, b.score,
            i / max(1, n - 1), i, n - 1 - i, n, b.position / max(1, n_all), total,
            pc, nc, pk, nk, pk2, nk2,
            int(tail.endswith("?")), int(tail.endswith("!")), caps,
            int(any(c.isdigit() for c in t)), int(any(c in t for c in "$€£")), t.count("\n"),
            int(tail.endswith((".", '."', ".”"))),
            *((f.get("hints", 0) >> k) & 1 for k in range(HINT_BITS)), *value,
        ])
    return rows


def collect(limit: int | None):
    from boilerstrip import clean_article

    meta = json.loads((wcxb.dataset_dir() / "metadata.json").read_text(encoding="utf-8"))
    domains = {k: v.get("domain", k) for k, v in meta["files"].items()}
    pages = []
    for i, page in enumerate(wcxb.iter_pages()):
        if limit is not None and i >= limit:
            break
        art = clean_article(page.html, url=page.url, metadata=False)
        truth = wcxb.words(page.main_content)
        pages.append({
            "page": page, "domain": domains.get(page.file_id, page.file_id),
            "texts": [b.text for b in art.blocks],
            "rows": block_features(art.blocks, len(art.blocks) + len(art.removed)),
            "labels": [int(in_truth(b.text, truth) < 0.5) for b in art.blocks],
        })
    return pages


def score_selection(pages, probs, threshold: float) -> tuple[float, float, float]:
    f1s, found = [], [0, 0, 0, 0]
    for pg, pr in zip(pages, probs):
        text = "\n\n".join(t for t, p in zip(pg["texts"], pr) if p <= threshold)
        f1s.append(wcxb.prf(text, pg["page"].main_content)[2])
        for k, v in enumerate(wcxb.snippets(text, pg["page"])):
            found[k] += v
    return statistics.mean(f1s), found[0] / max(found[1], 1), found[2] / max(found[3], 1)


def predict(pages, folds: int):
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import GroupKFold

    X = np.array([r for pg in pages for r in pg["rows"]], dtype=float)
    y = np.array([v for pg in pages for v in pg["labels"]])
    groups = [pg["domain"] for pg in pages for _ in pg["rows"]]

    def model():
        return HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, max_leaf_nodes=31,
                                              random_state=0)

    held_out = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=folds).split(X, y, groups):
        held_out[test] = model().fit(X[train], y[train]).predict_proba(X[test])[:, 1]
    in_sample = model().fit(X, y).predict_proba(X)[:, 1]

    def per_page(flat):
        out, k = [], 0
        for pg in pages:
            out.append(flat[k:k + len(pg["rows"])])
            k += len(pg["rows"])
        return out

    return per_page(held_out), per_page(in_sample), float(y.mean()), len(y)


def render(pages, held_out, in_sample, share_bad: float, n_blocks: int, folds: int) -> str:
    base = score_selection(pages, [[0.0] * len(pg["texts"]) for pg in pages], 1.0)
    out = ["# A learned second pass over the kept blocks (a bound, not a result)", "",
           f"Data: {CREDIT}. Made by `python bench/learned_bound.py` on "
           f"{time.strftime('%Y-%m-%d', time.gmtime())}; see its docstring for the method.", "",
           f"{len(pages)} pages, {n_blocks:,} kept blocks, {share_bad:.1%} of them less than half in "
           "the ground truth. A block is dropped when the model's probability that it is not "
           "content is above the threshold.", ""]
    for title, probs in ((f"Held out: {folds} folds grouped by domain (no page judged by a model "
                          "that saw its site)", held_out),
                         ("In sample: trained and judged on all pages (optimistic)", in_sample)):
        out += [f"## {title}", "", "| threshold | F1 | `with` found | `without` leaked |",
                "|---|---|---|---|", f"| none (boilerstrip) | {base[0]:.4f} | {base[1]:.1%} | {base[2]:.2%} |"]
        for t in THRESHOLDS:
            f1, found, leaked = score_selection(pages, probs, t)
            out.append(f"| {t:g} | {f1:.4f} | {found:.1%} | {leaked:.2%} |")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, help="first N pages only")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, help="write the markdown report here")
    args = ap.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("learned_bound.py needs scikit-learn: pip install -e '.[analysis]'", file=sys.stderr)
        return 2
    pages = collect(args.limit)
    held_out, in_sample, share_bad, n_blocks = predict(pages, args.folds)
    emit(render(pages, held_out, in_sample, share_bad, n_blocks, args.folds), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
