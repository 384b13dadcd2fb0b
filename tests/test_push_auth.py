"""How ``kg push`` authenticates: where credentials come from, and Basic, Digest and Bearer as the store asks.

Digest is checked against RFC 7616's own worked example and, in tests/test_push_virtuoso.py,
against a real Virtuoso; here small stores on loopback (``http.server``) check the order of
requests: what is asked first, what is sent again, and that no secret reaches a message.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.push import push
from kg.push.auth import Challenge, digest, find_credentials, parse_challenges

SECRET = "s3cr3t-Pa55"
TOKEN = "tok-7f3a9c"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    """A HOME of the test's own (no ~/.netrc unless it writes one) and no KG_PUSH_* variables."""
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("KG_PUSH_TOKEN", "KG_PUSH_USER", "KG_PUSH_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def graph(tmp_path) -> Path:
    path = tmp_path / "graph.nt"
    path.write_text("".join(f'<https://example.org/kg/x{i}> <https://schema.org/name> "x {i}" .\n' for i in range(10)))
    return path


class Store:
    """A store on loopback that answers each request with ``respond(request) -> (status, headers)`` and keeps
    every request: method, path, headers, body."""

    def __init__(self, respond: Callable[[dict], tuple[int, dict[str, str]]]) -> None:
        self.requests: list[dict] = []
        store = self

        class Handler(BaseHTTPRequestHandler):
            def handle_one(self):
                length = int(self.headers.get("Content-Length") or 0)
                request = {"method": self.command, "path": self.path, "headers": dict(self.headers),
                           "authorization": self.headers.get("Authorization"), "body": self.rfile.read(length)}
                store.requests.append(request)
                status, headers = respond(request)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PUT = do_POST = do_HEAD = handle_one

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/store"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def store():
    made: list[Store] = []

    def make(respond):
        made.append(Store(respond))
        return made[-1]

    yield make
    for s in made:
        s.close()


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["push", *args], env=env)


# -- Digest -----------------------------------------------------------------------------------------
RFC_CHALLENGE = {"realm": "http-auth@example.org", "qop": "auth, auth-int",
                 "nonce": "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
                 "opaque": "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"}


@pytest.mark.parametrize(("algorithm", "response"), [("MD5", "8ca523f5e9506fed4657c9700eebdbec"), (
    "SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")])
def test_digest_answers_rfc_7616_worked_example(algorithm, response):
    """RFC 7616 §3.9.1: Mufasa, "Circle of Life", GET /dir/index.html, nc 1 and the RFC's cnonce."""
    header = digest(Challenge("digest", {**RFC_CHALLENGE, "algorithm": algorithm}), "Mufasa", "Circle of Life",
                    "GET", "/dir/index.html", 1, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ")
    [answer] = parse_challenges([header])
    assert answer.scheme == "digest"
    assert answer.params["response"] == response
    assert answer.params | {"response": "-"} == {
        "username": "Mufasa", "realm": "http-auth@example.org", "uri": "/dir/index.html", "algorithm": algorithm,
        "nonce": RFC_CHALLENGE["nonce"], "opaque": RFC_CHALLENGE["opaque"], "qop": "auth", "nc": "00000001",
        "cnonce": "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "response": "-"}


def test_challenges_are_read_several_to_a_header_with_quoted_commas():
    found = parse_challenges(['Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"',
                              'Digest realm="a, b", nonce="n1", qop="auth,auth-int", algorithm=MD5'])
    assert [(c.scheme, c.params) for c in found] == [
        ("newauth", {"realm": "apps", "type": "1", "title": 'Login to "apps"'}),
        ("basic", {"realm": "simple"}),
        ("digest", {"realm": "a, b", "nonce": "n1", "qop": "auth,auth-int", "algorithm": "MD5"})]


def digest_store(store, *, stale_on: int | None = None):
    """A store that asks for Digest (MD5, qop=auth) and checks each answer the RFC's way, with hashlib."""
    nonces = ["nonce-one"]

    def expected(request) -> bool:
        fields = parse_challenges([request["authorization"] or ""])
        if not fields or fields[0].scheme != "digest":
            return False
        p = fields[0].params
        md5 = lambda text: hashlib.md5(text.encode()).hexdigest()  # noqa: E731
        ha1, ha2 = md5(f"ann:vault:{SECRET}"), md5(f"{request['method']}:{p['uri']}")
        return (p["uri"] == request["path"] and p["nonce"] == nonces[-1] and p["username"] == "ann"
                and p["response"] == md5(f"{ha1}:{p['nonce']}:{p['nc']}:{p['cnonce']}:auth:{ha2}"))

    def respond(request):
        puts = sum(r["method"] in ("PUT", "POST") for r in s.requests)
        if stale_on is not None and puts == stale_on and len(nonces) == 1:
            nonces.append("nonce-two")
            return 401, {"WWW-Authenticate": f'Digest realm="vault", nonce="{nonces[-1]}", qop="auth", stale=true'}
        if expected(request):
            return (201 if request["method"] == "PUT" else 204), {}
        return 401, {"WWW-Authenticate": f'Digest realm="vault", nonce="{nonces[-1]}", qop="auth", algorithm=MD5'}

    s = store(respond)
    return s


def test_a_password_is_sent_by_digest_when_the_store_asks_and_never_in_the_clear(store, graph):
    """kg asks first with a HEAD (no body, no credentials), answers the Digest challenge, and sends each chunk
    once: nc counts up on one nonce, and no request carries Basic."""
    s = digest_store(store)
    result = invoke("--graph", str(graph), "--graph-iri", "urn:g", "--chunk-triples", "4",
                    "--endpoint", s.url.replace("//", f"//ann:{SECRET}@"))
    assert result.exit_code == 0, result.output
    assert [r["method"] for r in s.requests] == ["HEAD", "PUT", "POST", "POST"]
    assert s.requests[0]["authorization"] is None and s.requests[0]["body"] == b""
    assert all(r["authorization"].startswith("Digest ") for r in s.requests[1:])
    assert [parse_challenges([r["authorization"]])[0].params["nc"] for r in s.requests[1:]] == [
        "00000001", "00000002", "00000003"]
    sent = b"".join(r["body"] for r in s.requests[1:]).splitlines()
    assert len(sent) == 10 and set(sent) == set(graph.read_bytes().splitlines())
    assert SECRET not in result.output


def test_a_stale_nonce_is_answered_once_more_with_the_new_one(store, graph):
    s = digest_store(store, stale_on=2)
    push(graph, s.url, "urn:g", chunk_triples=4, environ={"KG_PUSH_USER": "ann", "KG_PUSH_PASSWORD": SECRET})
    assert [r["method"] for r in s.requests] == ["HEAD", "PUT", "POST", "POST", "POST"]
    assert s.requests[2]["body"] == s.requests[3]["body"]  # the chunk the stale nonce refused, sent again
    assert parse_challenges([s.requests[3]["authorization"]])[0].params["nonce"] == "nonce-two"


def test_basic_is_sent_when_the_store_asks_for_basic(store, graph):
    def respond(request):
        if request["authorization"] == "Basic YW5uOnMzY3IzdC1QYTU1":  # base64("ann:s3cr3t-Pa55")
            return 201, {}
        return 401, {"WWW-Authenticate": 'Basic realm="data", charset="UTF-8"'}

    s = store(respond)
    push(graph, s.url, "urn:g", environ={"KG_PUSH_USER": "ann", "KG_PUSH_PASSWORD": SECRET})
    assert [(r["method"], r["authorization"] is not None) for r in s.requests] == [("HEAD", False), ("PUT", True)]


def test_a_store_that_asks_for_nothing_before_a_write_gets_basic(store, graph):
    """A store whose HEAD needs no credentials (it guards writes only): the PUT carries Basic, as curl -u does."""
    s = store(lambda request: (404, {}) if request["method"] == "HEAD" else (
        (201, {}) if request["authorization"] else (401, {"WWW-Authenticate": 'Basic realm="w"'})))
    push(graph, s.url, "urn:g", environ={"KG_PUSH_USER": "ann", "KG_PUSH_PASSWORD": SECRET})
    assert [(r["method"], (r["authorization"] or "").split(" ")[0]) for r in s.requests] == [
        ("HEAD", ""), ("PUT", "Basic")]


def test_a_scheme_kg_cannot_answer_is_named(store, graph):
    s = store(lambda request: (401, {"WWW-Authenticate": "Negotiate"}))
    result = invoke("--graph", str(graph), "--graph-iri", "urn:g", "--endpoint",
                    s.url.replace("//", f"//ann:{SECRET}@"))
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: {s.url} answered 401 Unauthorized (it asks for Negotiate "
                                     "authentication, which kg cannot answer with the user name and password "
                                     "from the URL)")
    assert [r["method"] for r in s.requests] == ["HEAD"]


# -- tokens -----------------------------------------------------------------------------------------
def test_a_token_from_the_environment_is_sent_as_bearer_with_every_request(store, graph):
    s = store(lambda request: (201, {}) if request["authorization"] == f"Bearer {TOKEN}" else (401, {}))
    result = invoke("--graph", str(graph), "--graph-iri", "urn:g", "--endpoint", s.url, "--chunk-triples", "5",
                    env={"KG_PUSH_TOKEN": TOKEN})
    assert result.exit_code == 0, result.output
    assert [(r["method"], r["authorization"]) for r in s.requests] == [("PUT", f"Bearer {TOKEN}"),
                                                                      ("POST", f"Bearer {TOKEN}")]
    assert TOKEN not in result.output


def test_a_refused_token_is_one_line_without_it(store, graph):
    s = store(lambda request: (401, {"WWW-Authenticate": 'Bearer realm="kg", error="invalid_token"'}))
    result = invoke("--graph", str(graph), "--graph-iri", "urn:g", "--endpoint", s.url, "-v",
                    env={"KG_PUSH_TOKEN": TOKEN})
    assert result.exit_code == 2
    assert f"error: {s.url} answered 401 Unauthorized (it refused the token from KG_PUSH_TOKEN)" in result.output
    assert TOKEN not in result.output
    assert len(s.requests) == 1


def test_a_netrc_entry_without_login_is_a_token(store, graph, home):
    netrc = home / ".netrc"
    netrc.write_text(f"machine elsewhere.example login x password y\nmachine 127.0.0.1\n  password {TOKEN}\n")
    netrc.chmod(0o600)
    s = store(lambda request: (201, {}) if request["authorization"] == f"Bearer {TOKEN}" else (401, {}))
    result = invoke("--graph", str(graph), "--graph-iri", "urn:g", "--endpoint", s.url)  # ~/.netrc, by default
    assert result.exit_code == 0, result.output
    assert [r["method"] for r in s.requests] == ["PUT"]


# -- where credentials come from --------------------------------------------------------------------
def netrc_file(home: Path, text: str, mode: int = 0o600) -> Path:
    path = home / "creds.netrc"
    path.write_text(text)
    path.chmod(mode)
    return path


def test_credentials_are_looked_for_in_the_url_then_the_environment_then_netrc(home):
    netrc = netrc_file(home, "machine db.example.org login netrc-user password netrc-pw\n"
                             "default login anyone password anything\n")
    env = {"KG_PUSH_USER": "env-user", "KG_PUSH_PASSWORD": "env-pw"}
    url, c = find_credentials("https://u:p%40w@db.example.org/ds", netrc, env)
    assert (url, c.user, c.password, c.source) == ("https://db.example.org/ds", "u", "p@w", "the URL")
    _, c = find_credentials("https://db.example.org/ds", netrc, env)
    assert (c.user, c.password, c.source) == ("env-user", "env-pw", "KG_PUSH_USER/KG_PUSH_PASSWORD")
    _, c = find_credentials("https://db.example.org/ds", netrc, {"KG_PUSH_TOKEN": TOKEN})
    assert (c.token, c.user, c.source) == (TOKEN, None, "KG_PUSH_TOKEN")
    _, c = find_credentials("https://db.example.org:8890/ds", netrc, {})
    assert (c.user, c.password) == ("netrc-user", "netrc-pw")  # netrc names hosts, not ports
    _, c = find_credentials("https://other.example.org/ds", netrc, {})
    assert (c.user, c.password) == ("anyone", "anything")
    assert find_credentials("https://db.example.org/ds", None, {}) == ("https://db.example.org/ds", None)
    assert SECRET not in repr(c) and "anything" not in repr(c)


@pytest.mark.parametrize(("env", "message"), [
    ({"KG_PUSH_TOKEN": TOKEN, "KG_PUSH_USER": "ann"}, "both KG_PUSH_TOKEN and KG_PUSH_USER are set; set one"),
    ({"KG_PUSH_PASSWORD": SECRET}, "KG_PUSH_PASSWORD is set without KG_PUSH_USER"),
])
def test_contradictory_variables_are_one_line(graph, env, message):
    result = invoke("--graph", str(graph), "--endpoint", "http://127.0.0.1:9/store", env=env)
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {message}"
    assert TOKEN not in result.output and SECRET not in result.output


def test_a_netrc_file_others_may_read_is_refused(graph, home):
    netrc = netrc_file(home, f"machine 127.0.0.1 login ann password {SECRET}\n", mode=0o644)
    result = invoke("--graph", str(graph), "--endpoint", "http://127.0.0.1:9/store", "--netrc", str(netrc))
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: {netrc}: others may read or change this netrc file; allow only its "
                                     "owner (chmod 600)")


def test_a_broken_netrc_file_names_its_line_and_never_its_words(graph, home):
    netrc = netrc_file(home, f"machine 127.0.0.1 login ann password {SECRET}\n{SECRET}-typo here\n")
    result = invoke("--graph", str(graph), "--endpoint", "http://127.0.0.1:9/store", "--netrc", str(netrc))
    assert result.exit_code == 2
    assert result.output.strip().startswith(f"error: {netrc}:2: not a netrc file")
    assert SECRET not in result.output


def test_a_missing_netrc_file_given_is_an_error(graph, home):
    result = invoke("--graph", str(graph), "--endpoint", "http://127.0.0.1:9/store", "--netrc",
                    str(home / "nope"))
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {home / 'nope'}: no such netrc file"


def test_verbose_output_never_shows_the_password_of_the_url(store, graph):
    s = store(lambda request: (201, {}))
    result = invoke("--graph", str(graph), "--graph-iri", "urn:g", "-v", "--endpoint",
                    s.url.replace("//", f"//ann:{SECRET}@"))
    assert result.exit_code == 0, result.output
    assert f"pushing to {s.url}" in result.output
    assert SECRET not in result.output and "ann" not in result.output


def test_a_store_that_never_answers_the_first_question_is_given_up_on_once(graph):
    """With credentials kg first asks a HEAD; a store that accepts the connection and says nothing costs one
    --timeout, not one for the HEAD and another for the PUT."""
    import socket
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    held: list[socket.socket] = []

    def accept():
        with contextlib.suppress(OSError):
            while True:
                held.append(listener.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    port = listener.getsockname()[1]
    url = f"http://ann:{SECRET}@127.0.0.1:{port}/store"
    started = time.monotonic()
    try:
        result = invoke("--graph", str(graph), "--graph-iri", "urn:g", "--endpoint", url, "--timeout", "1")
    finally:
        listener.close()
        for conn in held:
            conn.close()
    assert result.exit_code == 2
    assert result.output.strip() == f"error: http://127.0.0.1:{port}/store did not answer within 1 s"
    assert time.monotonic() - started < 1.9
    assert len(held) == 1
