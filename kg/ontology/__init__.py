"""The files kg ships with: ``kg.ttl`` (the vocabulary), ``shapes.ttl`` (the SHACL shapes),
``context.jsonld`` (the context of ``graph.jsonld``) and ``registry.yml`` (the default registry).

They are read through :mod:`importlib.resources`, so they are found wherever kg is installed
(a wheel, an editable install, a zip), never by a path relative to a checkout.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(name: str) -> Traversable:
    """One of the bundled files, e.g. ``resource("shapes.ttl").read_text(encoding="utf-8")``."""
    return files(__name__) / name
