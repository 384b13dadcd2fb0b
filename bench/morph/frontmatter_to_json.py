#!/usr/bin/env python3
"""Front matter of a Jekyll site → one JSON file per collection, for Morph-KGC's RML mapping.

    python bench/morph/frontmatter_to_json.py SITE OUT_DIR

What a Morph-KGC user has to write first: RML reads JSON, not Markdown.  Every file of the
collection folders (``_posts`` and each ``_<collection>`` of ``_config.yml``) is read, its
front matter parsed with libyaml's safe loader (as ``bench/bench_build.py``'s floor does)
and written to ``OUT_DIR/<collection>.json`` as a list of records: the front matter's keys
(``-`` made ``_`` so that a JSONPath reference can name them: ``ingress-text`` →
``ingress_text``), dates as ISO text, plus

* ``_path``: the file, site-relative (``_clients/chicago.md``), as other pages refer to it;
* ``_slug``: the file name without extension (and without a post's date);
* ``_url``: the page's URL as Jekyll makes it (``permalink`` if it has one, else the
  collection's: ``/news/:title/`` for posts, ``/:title/`` for the others);
* ``_date``: a post's date from its file name;
* ``lang`` from ``_config.yml``'s front-matter defaults for the collection when the file
  has none (Jekyll's ``defaults``; a mapping cannot look there).

Files whose front matter does not parse, or that have none, are left out (counted on
stderr).  Only the standard library and PyYAML: it runs in Morph-KGC's own environment.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import time
from pathlib import Path

import yaml

FRONT_MATTER = re.compile(rb"\A---[ \t]*\r?\n(.*?\r?\n?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)
POST_NAME = re.compile(r"^(\d{4}-\d\d-\d\d)-(.*)$")
SITE_URL = "https://digidemlab.org"


def jsonable(v: object) -> object:
    if isinstance(v, dict):
        return {str(k).replace("-", "_"): jsonable(x) for k, x in v.items()}
    if isinstance(v, list):
        return [jsonable(x) for x in v]
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()
    if v is None or isinstance(v, str | int | float | bool):
        return v
    return str(v)


def convert(site: Path, out: Path) -> dict:
    config = yaml.load((site / "_config.yml").read_bytes(), Loader=yaml.CSafeLoader) or {}
    names = {"posts"} | {str(c) for c in (config.get("collections") or {})}
    default_lang = {}
    for d in config.get("defaults") or []:
        scope, values = (d or {}).get("scope") or {}, (d or {}).get("values") or {}
        if not scope.get("path") and scope.get("type") and "lang" in values:
            default_lang[scope["type"]] = values["lang"]
    out.mkdir(parents=True, exist_ok=True)
    counts = {"records": 0, "skipped": 0}
    for coll in sorted(names):
        folder = site / f"_{coll}"
        if not folder.is_dir():
            continue
        records = []
        for dirpath, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if f.startswith("."):
                    continue
                path = Path(dirpath) / f
                m = FRONT_MATTER.match(path.read_bytes())
                try:
                    data = yaml.load(m.group(1), Loader=yaml.CSafeLoader) if m else None
                except Exception:  # YAMLError, and ValueError for impossible timestamps
                    data = None
                if not isinstance(data, dict):
                    counts["skipped"] += 1
                    continue
                rec = jsonable(data)
                if rec.get("lang") is None and coll in default_lang:
                    rec["lang"] = default_lang[coll]
                rec["_path"] = path.relative_to(site).as_posix()
                stem = path.stem
                if coll == "posts" and (pm := POST_NAME.match(stem)):
                    rec["_date"], stem = pm.group(1), pm.group(2)
                rec["_slug"] = stem
                permalink = data.get("permalink")
                if isinstance(permalink, str) and permalink.startswith("/"):
                    rec["_url"] = SITE_URL + permalink
                else:
                    rec["_url"] = f"{SITE_URL}/news/{stem}/" if coll == "posts" else f"{SITE_URL}/{stem}/"
                records.append(rec)
        tmp = out / f".{coll}.json.tmp"
        tmp.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        tmp.replace(out / f"{coll}.json")
        counts[coll] = len(records)
        counts["records"] += len(records)
    return counts


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    counts = convert(Path(argv[0]), Path(argv[1]))
    counts["seconds"] = time.perf_counter() - t0
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
