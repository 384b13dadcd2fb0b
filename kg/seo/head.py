"""Where a built page's ``<head>`` ends and which script elements it has, as a browser's parser sees it.

``kg seo --inject`` edits pages as text, so it needs source offsets; a regex for
``</head>`` finds one inside a comment or a script's string as readily as the real
one. This runs html5lib (the WHATWG parsing algorithm: comments, script and style
raw text, RCDATA, bogus comments such as ``<![CDATA[`` outside SVG, implied and
upper-case tags) and notes, for each token, the offsets of the source it came from:

* ``candidates``, first of all where the head element is closed: by its ``</head>``,
  by the first token that cannot be in a head (body content, ``<body>``), or by the end
  of the text; markup put there is the head's last child. A ``<noscript>`` in the head
  is read as raw text by a browser that runs scripts and as markup (which may end the
  head) by one that does not, so when the head has one, the first candidate is where
  it starts: the parse up to there is the same either way.
* ``scripts``: each HTML ``<script>`` element (start tag to end tag), its attributes
  and whether it is in the head; a ``<script>`` inside a comment or inside another
  script is text, not an element, and is not listed.
* ``comments``: each comment with its text.

The text is parsed as given except for a leading byte order mark, which the HTML
decoder drops (and which is then not content that closes the head). Offsets index
the text as given, CRLF and CR line breaks included (html5lib reads them as LF).

Once the head is closed the rest is read only as far as a caller asks (``read_to``:
past the last place that may hold what it looks for), so a long page costs little more
than its head.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from html5lib._inputstream import HTMLUnicodeInputStream
from html5lib._tokenizer import HTMLTokenizer
from html5lib.constants import EOF, namespaces, tokenTypes
from html5lib.html5parser import HTMLParser
from html5lib.treebuilders import getTreeBuilder

_PARSE_ERROR = tokenTypes["ParseError"]
_START, _END, _COMMENT, _DOCTYPE, _CHARACTERS = (tokenTypes[k] for k in ("StartTag", "EndTag", "Comment", "Doctype",
                                                                         "Characters"))
_DOCUMENT_TAGS = frozenset({"html", "head", "body"})
_EARLIER = 8  # how many of the head's last tokens are offered as other places for markup



@dataclass
class Script:
    start: int
    end: int
    attributes: dict[str, str]
    in_head: bool


@dataclass
class Comment:
    start: int
    end: int
    text: str


@dataclass
class Head:
    candidates: list[int]
    """Where markup may go to be in the head, best first: where the head ends, then the starts of
    the head's last few tokens, then where its content begins (and, for a head that a token
    implies, the starts of the tokens before that one). The first is right unless the text ends
    inside something unterminated (``<!-- …`` at the end of a page with no body); a caller that
    puts markup there checks it with another scan and moves on to the next if need be."""
    closed: bool
    """Whether a token closes the head (its end tag, body content): then the first candidate is
    where that token starts, the tokenizer is between tokens there, and markup put there is
    read as markup in the head. Otherwise the head runs to the end of the text."""
    whole_document: bool
    """Whether the text says it is a page: a doctype, or an html, head or body tag."""
    scripts: list[Script] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)


class _Stream(HTMLUnicodeInputStream):
    """html5lib's input stream, counting how far into the (line-break-normalised) text it has read."""

    def reset(self) -> None:
        super().reset()
        self.before = 0  # characters in the chunks read before the current one

    def readChunk(self, chunkSize=None):
        self.before += self.chunkSize
        return super().readChunk(chunkSize)

    def unget(self, char) -> None:
        if char is not EOF and self.chunkOffset == 0:  # html5lib puts it back in front of the new chunk
            self.before -= 1
        super().unget(char)

    @property
    def offset(self) -> int:
        return self.before + self.chunkOffset


class _Tokenizer(HTMLTokenizer):
    """html5lib's tokenizer, noting after each token how the parser placed it."""

    scan: _Scan

    def __iter__(self):
        scan = self.scan
        previous = 0
        for token in super().__iter__():
            if token["type"] == _PARSE_ERROR:
                yield token
                continue
            end = self.stream.offset
            start, previous = previous, end
            yield token  # the parser handles it (and any token it reprocesses) before this returns
            if not scan.after(token, start, end):
                return


class _Scan:
    def __init__(self, read_to: int) -> None:
        self.parser = HTMLParser(tree=getTreeBuilder("etree"), namespaceHTMLElements=False)
        self.tokenizer: HTMLTokenizer  # set by scan()
        self.head_end: int | None = None
        self.whole = False
        self.scripts: list[Script] = []
        self.comments: list[Comment] = []
        self.open_script: Script | None = None
        self.noscript: int | None = None  # where the head's first <noscript> starts
        self.head_open: int | None = None  # where the head's content starts (its start tag's end)
        self.starts: list[int] = []  # where each token up to the head's end starts
        self.doctype_end = 0
        self.content = False  # whether a tag or text came yet
        self.head_tag = 0  # where the <head> start tag ends, if there is one
        self.read_to = read_to

    def after(self, token: dict, start: int, end: int) -> bool:
        """Note what ``token`` (``start``–``end`` of the normalised text) became; False to stop reading."""
        kind = token["type"]
        tree = self.parser.tree
        name = token.get("name")
        if kind == _DOCTYPE or (kind in (_START, _END) and name in _DOCUMENT_TAGS):
            self.whole = True
        if kind == _COMMENT:
            self.comments.append(Comment(start, end, token["data"]))
        elif kind == _START and name == "script" and self.tokenizer.state == self.tokenizer.scriptDataState:
            element = tree.openElements[-1]
            if element.name == "script" and element.namespace in (None, namespaces["html"]):
                attributes = {k: v for k, v in token["data"].items() if isinstance(k, str)}
                self.open_script = Script(start, end, attributes, element.parent is tree.headPointer)
                self.scripts.append(self.open_script)
        elif kind == _START and name == "noscript" and self.noscript is None and tree.openElements and \
                tree.openElements[-1].name == "noscript" and tree.openElements[-1].parent is tree.headPointer:
            self.noscript = start
        elif kind == _END and name == "script" and self.open_script is not None:
            self.open_script.end = end
            self.open_script = None
        if kind == _DOCTYPE and not self.content:  # the doctype that counts (a later one is ignored)
            self.doctype_end = end
        elif kind in (_START, _END, _CHARACTERS):
            self.content = True
        if self.head_open is None and tree.headPointer is not None:
            self.head_open = end if kind == _START and name == "head" else start
            if kind == _START and name == "head":
                self.head_tag = end
        if self.head_end is None:
            if tree.headPointer is not None and not any(e is tree.headPointer for e in tree.openElements):
                self.head_end = start
            else:
                self.starts.append(start)
        return self.head_end is None or self.open_script is not None or end < self.read_to


def scan(text: str, read_to: int = 0) -> Head:
    """The head, scripts and comments of ``text``; after the head, reading goes on only as far as
    offset ``read_to`` (and to the end of a script open there)."""
    bom = 1 if text.startswith("\ufeff") else 0
    body = text[bom:]
    state = _Scan(read_to)
    parser = state.parser
    parser.innerHTMLMode = False
    parser.container = "div"
    parser.scripting = True  # as browsers and crawlers that run scripts read <noscript>
    tokenizer = _Tokenizer(body, parser=parser)
    tokenizer.stream = _Stream(body)
    tokenizer.scan = state
    state.tokenizer = tokenizer
    parser.tokenizer = tokenizer
    parser.reset()
    parser.mainLoop()
    normalised = len(body.replace("\r\n", "\n"))
    if state.open_script is not None:  # a script that runs to the end of the text
        state.open_script.end = normalised
    to_source = _offsets(body, bom)
    head_end = state.head_end if state.head_end is not None else normalised
    if state.noscript is not None:  # the one place in a head that a browser without scripts reads otherwise
        head_end = min(head_end, state.noscript)
    head_open = state.head_open if state.head_open is not None else head_end
    in_head = [at for at in reversed(state.starts) if head_open < at < head_end][:_EARLIER]
    before = [at for at in reversed(state.starts) if at < head_open][:_EARLIER]  # for a head a token implies
    places = [head_end, *in_head, head_open, *before]
    # Never before the doctype (that would be quirks mode), never before <head> (its attributes would be lost).
    candidates = list(dict.fromkeys(to_source(at) for at in places if at >= max(state.doctype_end, state.head_tag)))
    return Head(candidates, state.head_end is not None, state.whole,
                [Script(to_source(s.start), to_source(s.end), s.attributes, s.in_head) for s in state.scripts],
                [Comment(to_source(c.start), to_source(c.end), c.text) for c in state.comments])


def _offsets(text: str, shift: int):
    """Offsets in ``text`` with CRLF read as one LF → offsets in ``text`` as written (plus ``shift``)."""
    merged: list[int] = []  # the normalised offset of each CRLF's LF
    at = text.find("\r\n")
    while at >= 0:
        merged.append(at - len(merged))
        at = text.find("\r\n", at + 2)
    return lambda offset: offset + bisect_left(merged, offset) + shift
