#!/usr/bin/env python3
"""A site made of copies of the real corpus's documents, for benchmarks on real shapes.

    python bench/corpus_copies.py OUT_DIR --docs N [--corpus DIR] [--force]

Copies ``_config.yml``, ``_data/`` and the documents of ``../shared/corpus/digidemlab-site``
(read-only) round and round until there are N documents.  Copy 0 keeps the real names;
copy k > 0 renames every file (``chicago.md`` → ``chicago-c3.md``, a post keeps its date)
and rewrites, in its front matter only, what ties the copy together: references to other
files (``_clients/x.md`` → ``_clients/x-c3.md``; dangling ones stay dangling), ``ref``
values and ``permalink``s.  So each copy is one more site like the real one, with its own
projects and pages, naming the same organisations: N documents of real text and real
front matter.  The last copy may be partial.

Nothing is written into the project: use a folder under ``bench/out/`` (git-ignored) or a
temporary one.  ``OUT_DIR/.kg-corpus-copies.json`` records the source and the count; an
existing OUT_DIR is replaced only if it holds that file (or with ``--force``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "digidemlab-site"
MANIFEST = ".kg-corpus-copies.json"
FRONT_MATTER = re.compile(rb"\A(---[ \t]*\r?\n)(.*?\r?\n?)(^(?:---|\.\.\.)[ \t]*\r?$\n?)", re.S | re.M)
REFERENCE = re.compile(r"(_[A-Za-z0-9]+/[^\s'\"\],]+?)(\.(?:md|markdown|html))(?=[\s'\",\]]|$)", re.M)
REF_LINE = re.compile(r"^(ref:[ \t]*)(['\"]?)([^'\"\n]+?)\2[ \t]*$", re.M)
PERMALINK_LINE = re.compile(r"^(permalink:[ \t]*)(['\"]?)(/[^'\"\n]*?)/?\2[ \t]*$", re.M)
POST_NAME = re.compile(r"^(\d{4}-\d\d-\d\d-)(.*)$")


def documents(corpus: Path) -> list[Path]:
    out = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir() and p.name.startswith("_") and p.name != "_data"):
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            out.extend(Path(root) / f for f in sorted(files) if not f.startswith("."))
    return out


def renamed(rel: str, k: int) -> str:
    """``_posts/2019-03-10-x.md`` → ``_posts/2019-03-10-x-c3.md`` (copy 0: unchanged)."""
    if not k:
        return rel
    folder, _, name = rel.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    return f"{folder}/{stem}-c{k}" + (f".{ext}" if ext else "")


def rewrite(raw: bytes, k: int) -> bytes:
    """The front matter of copy ``k``: its references, ref and permalink made the copy's own."""
    if not k:
        return raw
    m = FRONT_MATTER.match(raw)
    if not m:
        return raw
    fm = m.group(2).decode("utf-8", "surrogateescape")
    fm = REFERENCE.sub(lambda r: f"{r.group(1)}-c{k}{r.group(2)}", fm)
    fm = REF_LINE.sub(lambda r: f"{r.group(1)}{r.group(2)}{r.group(3)}-c{k}{r.group(2)}", fm)
    fm = PERMALINK_LINE.sub(lambda r: f"{r.group(1)}{r.group(2)}{r.group(3).rstrip('/')}-c{k}/{r.group(2)}", fm)
    return m.group(1) + fm.encode("utf-8", "surrogateescape") + m.group(3) + raw[m.end():]


def make(out: str | os.PathLike, docs: int, corpus: str | os.PathLike = CORPUS, force: bool = False) -> dict:
    out, corpus = Path(out), Path(corpus)
    src = documents(corpus)
    if not src:
        raise FileNotFoundError(f"no documents under {corpus}")
    if out.exists() and any(out.iterdir()):
        if not (out / MANIFEST).exists() and not force:
            raise FileExistsError(f"{out} is not empty and not a corpus copy (use --force)")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy2(corpus / "_config.yml", out / "_config.yml")
    if (corpus / "_data").is_dir():
        shutil.copytree(corpus / "_data", out / "_data")
    written = 0
    k = 0
    while written < docs:
        for path in src:
            if written >= docs:
                break
            rel = path.relative_to(corpus).as_posix()
            target = out / renamed(rel, k)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(rewrite(path.read_bytes(), k))
            written += 1
        k += 1
    manifest = {"corpus": str(corpus), "corpus_documents": len(src), "docs": written, "copies": k,
                "source_sha256": hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def is_up_to_date(out: str | os.PathLike, docs: int, corpus: str | os.PathLike = CORPUS) -> bool:
    try:
        m = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (m.get("docs") == docs and m.get("corpus") == str(Path(corpus))
            and m.get("source_sha256") == hashlib.sha256(Path(__file__).read_bytes()).hexdigest())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, required=True)
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args(argv)
    try:
        m = make(a.out, a.docs, a.corpus, a.force)
    except (FileExistsError, FileNotFoundError) as e:
        print(f"corpus_copies.py: {e}", file=sys.stderr)
        return 2
    print(f"wrote {m['docs']} documents ({m['copies']} copies of {m['corpus_documents']}) to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
