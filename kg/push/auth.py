"""Who ``kg push`` says it is, and how: HTTP Basic, HTTP Digest (RFC 7616) or a bearer token.

Credentials come from, in this order: ``user:password@`` in the endpoint URL, the
environment (``KG_PUSH_TOKEN``, or ``KG_PUSH_USER`` and ``KG_PUSH_PASSWORD``), or a
netrc file (``--netrc FILE``, else ``~/.netrc`` if there is one: ``machine HOST login
USER password SECRET``; an entry without ``login`` holds a bearer token as its
``password``). They are never printed: messages name where they came from, never them.

A token is sent as ``Authorization: Bearer`` with every request. A user name and
password are sent the way the store asks: kg first asks the store (a ``HEAD``, which
has no body to send twice) and answers its ``401`` challenge, Digest if it offers it,
else Basic; a store that asks for nothing then is sent Basic, as ``curl -u`` does. A
``401`` later (a store that only guards writes, or a Digest nonce gone stale) is answered
once more with the new challenge.
"""

from __future__ import annotations

import base64
import hashlib
import netrc
import os
import re
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from kg.errors import InputError, UsageError

TOKEN_VARIABLE = "KG_PUSH_TOKEN"  # noqa: S105 - the name of a variable, not a token
USER_VARIABLE = "KG_PUSH_USER"
PASSWORD_VARIABLE = "KG_PUSH_PASSWORD"  # noqa: S105 - the name of a variable, not a password
#: The hash functions of RFC 7616 Digest authentication kg answers with.
DIGEST_HASHES = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}


@dataclass(frozen=True)
class Credentials:
    """A user name and password, or a bearer token, and where they came from (``source``, for messages)."""

    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    source: str = ""

    @property
    def what(self) -> str:
        """What they are, for a message: ``the token from KG_PUSH_TOKEN``."""
        kind = "the token" if self.token is not None else "the user name and password"
        return f"{kind} from {self.source}" if self.source else kind


def split_credentials(endpoint: str) -> tuple[str, str | None]:
    """The endpoint without ``user:password@``, and the Basic ``Authorization`` header they make (if any)."""
    url, credentials = credentials_in_url(endpoint)
    if credentials is None:
        return url, None
    return url, basic(credentials.user or "", credentials.password or "")


def credentials_in_url(endpoint: str) -> tuple[str, Credentials | None]:
    """The endpoint without ``user:password@``, and the credentials it held (if any)."""
    parts = urlsplit(endpoint)
    if parts.username is None:
        return endpoint, None
    user, password = unquote(parts.username), unquote(parts.password or "")
    return urlunsplit(parts._replace(netloc=host_port(parts))), Credentials(user, password, source="the URL")


def redact(endpoint: str) -> str:
    """The endpoint as it may be shown: without user name or password."""
    parts = urlsplit(endpoint)
    if parts.username is None and "@" not in parts.netloc:
        return endpoint
    return urlunsplit(parts._replace(netloc=host_port(parts)))


def host_port(parts) -> str:
    """``host[:port]`` of a split URL, without any ``user:password@``."""
    return parts.netloc.rpartition("@")[2]


def find_credentials(endpoint: str, netrc_file: Path | None = None,
                     environ: Mapping[str, str] | None = None) -> tuple[str, Credentials | None]:
    """The endpoint without credentials, and the credentials to use for it (or ``None``).

    ``netrc_file`` is read if given (it must exist); else ``~/.netrc`` if it exists.
    Raises :class:`~kg.errors.UsageError` for contradictory settings and
    :class:`~kg.errors.InputError` for a netrc file that cannot be used.
    """
    env = os.environ if environ is None else environ
    url, in_url = credentials_in_url(endpoint)
    if in_url is not None:
        return url, in_url
    token, user, password = env.get(TOKEN_VARIABLE), env.get(USER_VARIABLE), env.get(PASSWORD_VARIABLE)
    if token and user:
        raise UsageError(f"both {TOKEN_VARIABLE} and {USER_VARIABLE} are set; set one")
    if token:
        return url, Credentials(token=token, source=TOKEN_VARIABLE)
    if user:
        return url, Credentials(user, password or "", source=f"{USER_VARIABLE}/{PASSWORD_VARIABLE}")
    if password:
        raise UsageError(f"{PASSWORD_VARIABLE} is set without {USER_VARIABLE}")
    if netrc_file is None:
        default = Path.home() / ".netrc"
        if not default.is_file():
            return url, None
        netrc_file = default
    return url, from_netrc(netrc_file, urlsplit(url).hostname or "")


def from_netrc(path: Path, host: str) -> Credentials | None:
    """The entry for ``host`` (or the ``default`` one) in the netrc file ``path``, or ``None``."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError("no such netrc file", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise InputError("others may read or change this netrc file; allow only its owner (chmod 600)", str(path))
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except netrc.NetrcParseError as exc:  # its message may quote the file's words, secrets included: not shown
        raise InputError("not a netrc file (machine HOST login USER password SECRET)", str(path),
                         exc.lineno or None) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", str(path)) from None
    if entry is None:
        return None
    login, _account, password = entry
    if not password:
        return None
    if not login:
        return Credentials(token=password, source=f"{path} (machine {host})")
    return Credentials(login, password, source=f"{path} (machine {host})")


def basic(user: str, password: str) -> str:
    """The ``Authorization`` header of HTTP Basic authentication (RFC 7617, UTF-8)."""
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


# -- challenges ---------------------------------------------------------------------------------
_TCHARS = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
_PARAM = re.compile(rf'\s*({_TCHARS})\s*=\s*("(?:[^"\\]|\\.)*"|{_TCHARS})\s*(?:,|$)')
_SCHEME = re.compile(rf"\s*({_TCHARS})(?:\s+|$|(?=,))")


@dataclass
class Challenge:
    """One challenge of a ``WWW-Authenticate`` header: its scheme (lower case) and parameters."""

    scheme: str
    params: dict[str, str] = field(default_factory=dict)


def parse_challenges(values: list[str]) -> list[Challenge]:
    """The challenges of ``WWW-Authenticate`` header values (RFC 9110 §11.6.1), several a header or not."""
    found: list[Challenge] = []
    for value in values:
        pos, current = 0, None
        while pos < len(value):
            if value[pos] in ", \t":
                pos += 1
                continue
            param = _PARAM.match(value, pos)
            if param and current is not None:
                raw = param[2]
                current.params[param[1].lower()] = (re.sub(r"\\(.)", r"\1", raw[1:-1]) if raw.startswith('"')
                                                    else raw)
                pos = param.end()
                continue
            scheme = _SCHEME.match(value, pos)
            if scheme is None:  # a token68 or something unreadable: skip to the next comma
                comma = value.find(",", pos)
                pos = len(value) if comma < 0 else comma + 1
                continue
            current = Challenge(scheme[1].lower())
            found.append(current)
            pos = scheme.end()
    return found


class Authenticator:
    """The ``Authorization`` header of each request to one store, learnt from its challenges."""

    def __init__(self, credentials: Credentials | None) -> None:
        self.credentials = credentials
        self.scheme: str | None = "bearer" if credentials is not None and credentials.token is not None else None
        self.digest: Challenge | None = None
        self.count = 0
        self.answered: set[tuple[str, str]] = set()
        self.asked: list[str] = []
        """The schemes the store's last ``401`` offered (for the message when none could be answered)."""

    @property
    def needs_probe(self) -> bool:
        """Whether to ask the store how it wants a user name and password before sending a body."""
        return self.credentials is not None and self.credentials.token is None and self.scheme is None

    def header(self, method: str, url: str) -> str | None:
        """The ``Authorization`` header for ``method`` on ``url`` (or ``None``: send none)."""
        c = self.credentials
        if c is None:
            return None
        if self.scheme == "bearer":
            return f"Bearer {c.token}"
        if self.scheme == "digest" and self.digest is not None:
            self.count += 1
            return digest(self.digest, c.user or "", c.password or "", method, request_target(url), self.count)
        if self.scheme in ("basic", "preemptive"):
            return basic(c.user or "", c.password or "")
        return None

    def no_challenge(self) -> None:
        """The store asked for nothing when probed: send Basic from now on (as ``curl -u`` does)."""
        if self.scheme is None:
            self.scheme = "preemptive"

    def challenged(self, values: list[str]) -> bool:
        """A ``401`` with these ``WWW-Authenticate`` values: whether a new try with other credentials may help."""
        c = self.credentials
        challenges = parse_challenges(values)
        self.asked = [ch.scheme for ch in challenges]
        if c is None or c.token is not None:
            return False
        by_scheme = {ch.scheme: ch for ch in challenges}
        offered = by_scheme.get("digest")
        if offered is not None and _digest_usable(offered):
            key = ("digest", offered.params.get("nonce", ""))
            stale = offered.params.get("stale", "").lower() == "true"
            if key in self.answered and not stale:
                return False
            self.answered.add(key)
            self.scheme, self.digest, self.count = "digest", offered, 0
            return True
        if "basic" in by_scheme or not challenges:
            if self.scheme in ("basic", "preemptive") or ("basic", "") in self.answered:
                return False
            self.answered.add(("basic", ""))
            self.scheme = "basic"
            return True
        return False


def _digest_usable(challenge: Challenge) -> bool:
    algorithm = challenge.params.get("algorithm", "MD5").upper().removesuffix("-SESS")
    qops = [q.strip().lower() for q in challenge.params.get("qop", "auth").split(",")]
    return algorithm in DIGEST_HASHES and "auth" in qops and "nonce" in challenge.params


def request_target(url: str) -> str:
    """The request target of ``url`` as sent in the request line: its path and query."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def digest(challenge: Challenge, user: str, password: str, method: str, uri: str, count: int,
           cnonce: str | None = None) -> str:
    """The ``Authorization`` header answering a Digest ``challenge`` (RFC 7616, qop ``auth``)."""
    params = challenge.params
    algorithm = params.get("algorithm", "MD5")
    hash_function = DIGEST_HASHES[algorithm.upper().removesuffix("-SESS")]

    def h(text: str) -> str:
        return hash_function(text.encode("utf-8")).hexdigest()

    realm, nonce = params.get("realm", ""), params["nonce"]
    cnonce = cnonce or secrets.token_hex(16)
    nc = f"{count:08x}"
    ha1 = h(f"{user}:{realm}:{password}")
    if algorithm.upper().endswith("-SESS"):
        ha1 = h(f"{ha1}:{nonce}:{cnonce}")
    ha2 = h(f"{method}:{uri}")
    qop = "auth" if "qop" in params else None
    response = h(f"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}") if qop else h(f"{ha1}:{nonce}:{ha2}")
    fields = [("username", _quoted(user)), ("realm", _quoted(realm)), ("nonce", _quoted(nonce)),
              ("uri", _quoted(uri)), ("algorithm", algorithm), ("response", _quoted(response))]
    if "opaque" in params:
        fields.append(("opaque", _quoted(params["opaque"])))
    if qop:
        fields += [("qop", qop), ("nc", nc), ("cnonce", _quoted(cnonce))]
    return "Digest " + ", ".join(f"{k}={v}" for k, v in fields)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


__all__ = ["PASSWORD_VARIABLE", "TOKEN_VARIABLE", "USER_VARIABLE", "Authenticator", "Challenge", "Credentials",
           "basic", "credentials_in_url", "digest", "find_credentials", "parse_challenges", "redact",
           "split_credentials"]
