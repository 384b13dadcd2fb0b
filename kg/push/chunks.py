"""A big graph in pieces a store accepts: N-Triples, at most ``per_chunk`` triples a request.

N-Triples has one triple a line, so a chunk is a run of whole lines. A blank node's label
only means one node within one document, so every triple that names a blank node goes
into one chunk together (which may then be bigger than ``per_chunk``): split over two
requests, one node would become two. kg's own graphs have no blank nodes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

#: Triples a request by default: about 16 MB of N-Triples for kg's graphs (160 bytes a triple). Oxigraph writes
#: each request in one transaction, which costs more than linearly (at 10k documents, 475k triples went in
#: in 75 s as one request, 40 s in chunks of 50k or 100k); Virtuoso takes the same time either way.
DEFAULT_CHUNK_TRIPLES = 100_000


@dataclass(frozen=True)
class Chunk:
    """One request's N-Triples (whole lines) and how many triples they hold."""

    body: memoryview
    triples: int


def chunks(body: bytes, per_chunk: int = DEFAULT_CHUNK_TRIPLES) -> list[Chunk]:
    """``body`` (N-Triples, one triple a line) cut into chunks of at most ``per_chunk`` triples; at least one."""
    if per_chunk < 1:
        raise ValueError("per_chunk must be at least 1")
    blank = b""
    if b"_:" in body:  # perhaps a blank node (or "_:" in a literal: kept together too, which does no harm)
        lines = body.splitlines(keepends=True)
        body = b"".join(line for line in lines if b"_:" not in line)
        blank = b"".join(line for line in lines if b"_:" in line)
    out = list(_runs(memoryview(body), per_chunk))
    if blank:
        out.append(Chunk(memoryview(blank), blank.count(b"\n")))
    return out or [Chunk(memoryview(b""), 0)]


def _runs(view: memoryview, per_chunk: int) -> Iterator[Chunk]:
    data = view.obj
    assert isinstance(data, bytes)
    size, start = len(data), 0
    width = size // max(data.count(b"\n"), 1) + 1  # bytes a line, about
    while start < size:
        end, need = start, per_chunk
        while need > 0 and end < size:
            if need > 64:  # jump ahead by most of what is needed, counting the line ends on the way (in C)
                stop = min(size, end + need * width * 9 // 10)
                got = data.count(b"\n", end, stop)
                if got < need:  # the last line ends are found one by one, below
                    end, need = stop, need - got
                    continue
                width = max(1, width // 2)
                continue
            newline = data.find(b"\n", end)
            end, need = (size, need - 1) if newline < 0 else (newline + 1, need - 1)
        yield Chunk(view[start:end], data.count(b"\n", start, end) + (0 if data[end - 1] == 0x0A else 1))
        start = end


__all__ = ["DEFAULT_CHUNK_TRIPLES", "Chunk", "chunks"]
