"""kg: the knowledge graph of a Jekyll site's content.

>>> import kg
>>> result = kg.build("content", out="output")   # doctest: +SKIP
>>> result.graph.triples[:3]                       # doctest: +SKIP
"""

from kg import query  # kg.query(source, sparql, **params): the module is callable
from kg.diagnostics import Diagnostic, SiteError
from kg.pipeline import BuildResult, build

__version__ = "0.1.0"
__all__ = ["BuildResult", "Diagnostic", "SiteError", "__version__", "build", "query"]
