"""Rebuild src/boilerstrip/data/stoplists.json.gz from the stoplists jusText ships.

jusText (BSD-2-Clause, https://github.com/miso-belica/jusText) publishes one
stopword list per language, built from Wikipedia word frequencies. We keep them
as plain data: {language: [word, ...]}. Run: python tools/build_stoplists.py
"""
import gzip
import json
from pathlib import Path

import justext

OUT = Path(__file__).resolve().parents[1] / "src/boilerstrip/data/stoplists.json.gz"


def main() -> None:
    data = {}
    for lang in sorted(justext.get_stoplists()):
        words = sorted(w.lower() for w in justext.get_stoplist(lang))
        data[lang] = words
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    OUT.write_bytes(gzip.compress(raw, mtime=0))
    print(f"{len(data)} languages, {sum(map(len, data.values()))} words -> {OUT}")


if __name__ == "__main__":
    main()
