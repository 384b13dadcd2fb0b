"""Score `kg build` on the hand-written fixture sites of tests/sites/ (no test: prints tables).

    python bench/score_sites.py [SITE ...] [--misses] [--keep DIR]

Builds each site with the `kg` on PATH into a temporary folder (or DIR/<site>), reads
graph.nt/graph.nq through the documented vocabulary, and prints precision and recall per
kind of fact, per site and over all sites (sums of the counts). --misses lists what was
wrong or missing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from sites.score import misses, overall, score_site, table
from sites.truth import SITES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="*", choices=[[], *SITES], default=[], metavar="SITE")
    parser.add_argument("--misses", action="store_true", help="list the wrong and missing facts")
    parser.add_argument("--keep", type=Path, help="build into DIR/<site> and keep the outputs")
    args = parser.parse_args(argv)
    names = args.sites or list(SITES)
    results = []
    with tempfile.TemporaryDirectory(prefix="kg-score-") as tmp:
        for name in names:
            out = (args.keep or Path(tmp)) / name
            scores = score_site(SITES[name], out)
            results.append(scores)
            print(table(f"== {name}", scores))
            if args.misses:
                print(misses(scores))
            print()
    if len(results) > 1:
        print(table("== overall", overall(results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
