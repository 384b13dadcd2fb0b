"""kg: the knowledge graph of a Jekyll site's content.

>>> import kg
>>> result = kg.build("content", out="output")   # doctest: +SKIP
>>> result.graph.triples[:3]                       # doctest: +SKIP
"""

from typing import TYPE_CHECKING, Any

from kg import query  # kg.query(source, sparql, **params): the module is callable
from kg.diagnostics import Diagnostic, SiteError

if TYPE_CHECKING:
    from kg.pipeline import BuildResult, build

__version__ = "0.1.0"
__all__ = ["BuildResult", "Diagnostic", "SiteError", "__version__", "build", "query"]


def __getattr__(name: str) -> Any:
    """``kg.build`` and ``kg.BuildResult``, imported when first asked for: ``kg query`` and ``kg serve``
    start without the build's modules."""
    if name in ("build", "BuildResult"):
        from kg import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
