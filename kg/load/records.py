"""Projects (and people, organisations) kept in data files: ``_data/projects.yml`` and the like.

A data file recognised by its name, or declared under ``data:`` in the mapping, is a
list of records; each becomes a document of its own (no body, no page) at its line in
the file, so that the map stage reads it with the same code and keys as a page, and a
wrong value is reported at the record's line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.diagnostics import Diagnostics, shown
from kg.load.collections import Collection, keys_for
from kg.load.documents import Document, SiteConfig
from kg.load.folders import closest, line_of
from kg.load.jail import Jail
from kg.load.mapping import Declared, SiteMapping, lines_of
from kg.load.meaning import DATA_NAMES, RECORD_CLASSES, class_of_name, fold


def read_records(jail: Jail, config: SiteConfig, mapping: SiteMapping, data: dict[str, Any],
                 data_paths: dict[str, str], diags: Diagnostics) -> tuple[list[Document], dict[str, Collection]]:
    """``_data/projects.yml`` and the like: each record a document of its own, at its line in the file."""
    records: list[Document] = []
    classes: dict[str, Collection] = {}
    for name, missing in sorted(mapping.data.items()):
        if name not in data:
            close = [n for n in data if not n.startswith("kg/")]
            diags.add(missing.where.split(":", 1)[0], "bad-mapping",
                      f"data.{name}: there is no data file _data/{name}.yml (or .yaml, .json); this part is ignored",
                      line=line_of(missing.where), suggestion=closest(name, close))
    for name in sorted(data):
        if name.startswith("kg/"):
            continue
        declared = mapping.data.get(name)
        cls, how, evidence = _record_class(name, declared)
        if cls is None or cls == "ignore":
            continue
        value, path = data[name], data_paths.get(name, f"_data/{name}.yml")
        if not isinstance(value, list):
            if declared is not None:
                diags.add(path, "bad-mapping", f"the kg mapping ({declared.where}) reads {path} as {cls} records, "
                          f"but it holds a {type(value).__name__}, not a list of records; not read", line=1)
            continue
        label = f"data:{name}"
        lines = lines_of(jail, path) if path.endswith((".yml", ".yaml")) else {}
        count = 0
        for index, record in enumerate(value):
            if not isinstance(record, dict):
                diags.add(path, "bad-type", f"record {index + 1}: expected a mapping of keys, got {shown(record)}; "
                          "skipped", line=lines.get((index,)))
                continue
            items = {str(k): v for k, v in record.items()}
            lang = items.get("lang")
            records.append(Document(
                path=path, collection=label, data=items, body="", body_line=lines.get((index,), 1),
                key_lines={k: lines[(index, k)] for k in items if (index, k) in lines},
                lang=lang.strip() if isinstance(lang, str) and lang.strip() else config.lang,
                ext=Path(path).suffix.lower(), record=index,
            ))
            count += 1
        classes[label] = Collection(label, cls, how, evidence, keys_for(declared), folder=path, output=False,
                                    documents=count)
    return records, classes


def _record_class(name: str, declared: Declared | None) -> tuple[str | None, str, str]:
    if declared is not None and declared.cls:
        return declared.cls, "mapping", f"said in {declared.where}"
    if "/" in name:
        return None, "", ""
    cls = DATA_NAMES.get(fold(name))
    if cls is None:
        cls, _ = class_of_name(name)
    if cls in RECORD_CLASSES:
        return cls, "name", f"name {name!r} → {cls}"
    return None, "", ""



