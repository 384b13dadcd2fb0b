"""HTTP content negotiation: pick the media type a client prefers among those offered."""

from __future__ import annotations

# Media types ↔ format names: from the tables of kg.query.formats (results) and kg.formats (graphs).
from kg.query.formats import RDF_MEDIA, RDF_TYPES, RESULTS_MEDIA, RESULTS_TYPES

__all__ = ["RDF_MEDIA", "RDF_TYPES", "RESULTS_MEDIA", "RESULTS_TYPES", "negotiate", "parse_accept"]


def parse_accept(header: str | None) -> list[tuple[str, float, int]]:
    """``Accept`` as ``(media range, q, position)``; malformed parts are skipped."""
    out = []
    for position, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        out.append((media, q, position))
    return out


def negotiate(header: str | None, offers: list[str], default: str | None = None) -> str | None:
    """The offer the ``Accept`` header ranks highest, or ``default`` when there is no header or
    nothing in it is acceptable.

    Each offer takes the quality of the most specific range that matches it (``type/sub`` over
    ``type/*`` over ``*/*``, as RFC 9110 says); ties go to the range named first in the header,
    then to the order of ``offers``.
    """
    ranges = parse_accept(header)
    if not ranges:
        return default
    best: tuple[float, int, int] | None = None
    choice = None
    for index, offer in enumerate(offers):
        main = offer.split("/")[0]
        match: tuple[int, float, int] | None = None  # (specificity, q, position)
        for media, q, position in ranges:
            specificity = 2 if media == offer else 1 if media == f"{main}/*" else 0 if media == "*/*" else -1
            if specificity >= 0 and (match is None or specificity > match[0]):
                match = (specificity, q, position)
        if match is None or match[1] <= 0:
            continue
        key = (match[1], -match[2] if match[0] > 0 else -len(ranges), -index)
        if best is None or key > best:
            best, choice = key, offer
    return choice if choice is not None else default
