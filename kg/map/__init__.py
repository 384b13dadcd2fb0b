"""Map stage: documents → statements (with placeholders for names to resolve).

Which mapper reads a document depends on its collection's class (the table
:data:`kg.load.meaning.DOCUMENT_CLASSES` names each class's mapper), worked out when the
site was loaded (the maintainer's mapping, else the collection's name, else its
documents' keys; see :mod:`kg.load.collections`): posts are news articles, themes
concepts, persons people, projects projects (and so is any post or page carrying a
client, partners or years), organisations, events and jobs what they say; the rest
are plain pages, and an ``ignore`` collection says nothing. Records of data files
(``_data/projects.yml``) are mapped like documents without pages.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.map.context import MapContext
    from kg.map.site import map_site
    from kg.map.terms import LinkTo, Name, Statement, TextIn

__all__ = ["LinkTo", "MapContext", "Name", "Statement", "TextIn", "map_site"]

_FROM = {"LinkTo": "kg.map.terms", "Name": "kg.map.terms", "Statement": "kg.map.terms", "TextIn": "kg.map.terms",
         "MapContext": "kg.map.context"}


def __getattr__(name: str) -> Any:
    """The stage's names, imported when first asked for: ``kg.map.iris`` and ``kg.map.terms`` serve the
    query and serve commands, which need none of the mapping itself."""
    if name.startswith("__"):
        raise AttributeError(name)
    module = import_module(_FROM.get(name, "kg.map.site"))
    try:
        return getattr(module, name)
    except AttributeError:
        raise AttributeError(f"module 'kg.map' has no attribute {name!r}") from None
