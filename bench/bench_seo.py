"""Time ``kg seo`` on a generated site: page graphs, files, and the checker.

    python bench/generate.py /tmp/site5k --docs 5000
    PYTHONPATH=. python bench/bench_seo.py /tmp/site5k [--check 1000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import kg
import kg.seo
from kg.seo.check import check_pages
from kg.seo.facts import Facts
from kg.seo.files import write_documents


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("site")
    ap.add_argument("--check", type=int, default=1000, help="how many pages to check (PyLD is the slow part)")
    args = ap.parse_args()
    start = time.perf_counter()
    result = kg.build(args.site)
    built = time.perf_counter()
    pages = kg.seo.pages(result)
    graphs = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        write_documents(pages, Path(out))
    written = time.perf_counter()
    checks = check_pages(pages[: args.check], Facts(result.graph, result.site.config.lang))
    checked = time.perf_counter()
    errors = sum(len(c.errors) for c in checks)
    print(f"{len(result.site.documents)} documents, {len(pages)} pages")
    print(f"build {built - start:.1f}s, page graphs {graphs - built:.1f}s, "
          f"files {written - graphs:.1f}s (atomic, fsync each), check of {len(checks)} pages "
          f"{checked - written:.1f}s, {errors} errors")


if __name__ == "__main__":
    main()
