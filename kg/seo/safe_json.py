"""JSON text that is safe inside an HTML ``<script>`` element.

A ``<script>`` element ends at the first ``</script``, and ``<!--`` inside it
switches the HTML parser into an escaped state; ``]]>`` matters in XHTML, and
U+2028/U+2029 end a line in older JavaScript. None of these characters is ever
needed literally in JSON text: outside strings JSON uses none of them, and
inside strings every character may be written as a ``\\uXXXX`` escape that
means the same. So ``<``, ``>``, ``&``, U+2028 and U+2029 are written as
escapes, and the text can be pasted between ``<script>`` tags as it is, with
no HTML escaping (which would change the JSON: ``&amp;`` is not ``&`` to a JSON
parser).
"""

from __future__ import annotations

import json
from typing import Any

_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TABLE = str.maketrans(_UNSAFE)


def dumps(value: Any, *, indent: int | None = None) -> str:
    """``value`` as JSON text safe in HTML; non-ASCII letters stay as they are (UTF-8)."""
    separators = (",", ": ") if indent is not None else (",", ":")
    text = json.dumps(value, ensure_ascii=False, indent=indent, separators=separators, allow_nan=False)
    return text.translate(_TABLE)


def script_element(value: Any) -> str:
    """The whole ``<script type="application/ld+json">`` element kg writes into pages."""
    return f'<script type="application/ld+json" data-generator="kg">{dumps(value)}</script>'
