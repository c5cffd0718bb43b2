"""What the HTTP layer holds to whatever arrives: a request the server cannot read gets a
400 in GraphQL's error shape and leaves no traceback in the log; every response carries the
headers that confine a browser; pages on other sites may call the API only from origins
named for it; and `serve` exposes the API on a public address only with tokens or on purpose."""

from __future__ import annotations

import html.parser
import http.client
import logging
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest
from playwright.sync_api import ConsoleMessage
from starlette.testclient import TestClient

from govgraph import cli
from graph.server import free_port
from graph.settings import Neo4jSettings
from schema.app import create_app
from schema.http import MAX_BODY, MAX_NESTING, CorsOriginsInvalid, is_loopback, parse_cors_origins
from tests.support import UNREACHABLE, neo4j_environment, offline_page, serving, wait_until_ready

OFFICER_TOKEN = "officer-token-0123456789abcdef"
TOKENS = {OFFICER_TOKEN: "officer"}
PARTNER = "https://partner.example"
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


@pytest.fixture(scope="module")
def client(kirklees: Neo4jSettings) -> Iterator[TestClient]:
    """The app as `serve` builds it, over the Kirklees graph. A server exception is raised in
    the test, so a request that fails inside the app fails the test that sent it."""
    with TestClient(create_app(kirklees, tokens=TOKENS)) as client:
        wait_until_ready(client)
        yield client


def errors_logged(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """Every record at ERROR or above, or with a traceback, logged so far in the test."""
    return [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


def assert_bad_request(response: httpx.Response, status: int = 400) -> str:
    """The refusal is JSON in GraphQL's error shape, under a request id; its message."""
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-request-id"]
    (error,) = response.json()["errors"]
    assert set(error) == {"message", "extensions"}
    assert error["extensions"] == {"code": "BAD_REQUEST"}
    message: str = error["message"]
    assert message and "Traceback" not in message
    return message


def nested(depth: int, opening: str, closing: str, inner: str = "") -> str:
    return opening * depth + inner + closing * depth


QUERY = '"query": "query ($s: String!) { search(text: $s) { id } }"'


def asking_with(s: str) -> bytes:
    """A body asking QUERY with `s` as the JSON text of its variable."""
    return ("{" + QUERY + ', "variables": {"s": ' + s + "}}").encode()


UNREADABLE_BODIES = {
    "not UTF-8": b'{"query": "{ search(text: \\"Ab\xffuse\\") { id } }"}',
    "null": b"null",
    "an array": b'[{"query": "{ __typename }"}]',
    "a number": b"42",
    "a string": b'"{ __typename }"',
    "true": b"true",
    "empty": b"",
    "not JSON": b'{"query": "{ __typename }",}',
    "NaN": asking_with("NaN"),
    "a lone surrogate": asking_with('"\\ud800"'),
    "arrays 20,000 deep": nested(20_000, "[", "]").encode(),
    "objects 10,000 deep": nested(10_000, '{"a":', "}", "1").encode(),
    "variables 900 deep": asking_with(nested(900, "[", "]")),
}


@pytest.mark.parametrize("body", UNREADABLE_BODIES.values(), ids=UNREADABLE_BODIES.keys())
def test_unreadable_bodies_get_400_in_graphql_shape_and_log_no_error(
    client: TestClient, caplog: pytest.LogCaptureFixture, body: bytes
) -> None:
    assert len(body) <= MAX_BODY  # each is refused for what it is, not for its size
    response = client.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert_bad_request(response)
    assert errors_logged(caplog) == []


def test_json_nested_to_the_limit_is_answered_and_no_deeper(client: TestClient) -> None:
    """The body is one level, `extensions` a second, and the arrays in it the rest."""

    def body(depth: int) -> str:
        extensions = nested(depth - 2, "[", "]", "1")
        return "{" + QUERY + ', "variables": {"s": "x"}, "extensions": {"a": ' + extensions + "}}"

    json_type = {"content-type": "application/json"}
    answered = client.post("/graphql", content=body(MAX_NESTING), headers=json_type)
    assert answered.status_code == 200, answered.text
    assert "errors" not in answered.json()
    refused = client.post("/graphql", content=body(MAX_NESTING + 1), headers=json_type)
    assert f"more than {MAX_NESTING} levels deep" in assert_bad_request(refused)


def test_existing_refusals_keep_their_status_in_the_same_shape(client: TestClient) -> None:
    too_large = '{"query": "' + "x" * MAX_BODY + '"}'
    json_type = {"content-type": "application/json"}
    assert_bad_request(client.post("/graphql", content=too_large, headers=json_type), 413)
    plain = client.post("/graphql", content='{"query": "{ __typename }"}')
    assert_bad_request(plain, 415)


ASK = {"query": "{ __typename }"}
WEIRD_GET_PARAMETERS = {
    "variables 10,000 deep": {**ASK, "variables": nested(10_000, "[", "]")},
    "extensions 2,000 deep": {**ASK, "extensions": nested(2_000, '{"a":', "}", "1")},
    "variables 900 deep": {**ASK, "variables": '{"s":' + nested(900, "[", "]") + "}"},
    "variables not JSON": {**ASK, "variables": "{s: 1}"},
    "variables an array": {**ASK, "variables": "[1]"},
    "a mutation": {"query": "mutation { __typename }"},
    "an unknown operation": {"query": "query A { __typename }", "operationName": "B"},
}


@pytest.mark.parametrize("params", WEIRD_GET_PARAMETERS.values(), ids=WEIRD_GET_PARAMETERS.keys())
def test_weird_get_parameters_get_400_in_graphql_shape(
    client: TestClient, caplog: pytest.LogCaptureFixture, params: dict[str, str]
) -> None:
    assert_bad_request(client.get("/graphql", params=params))
    assert errors_logged(caplog) == []


STRANGE_GET_QUERIES = {
    "60,000 characters": "?query=" + "%7B+" + "__typename+" * 5_450 + "%7D",
    "20,000 braces": "?query=" + "{" * 20_000,
    "a NUL": "?query=%7B%20__typename%00%20%7D",
    "bytes that are not UTF-8": "?query=%7B%20search(text:%20%22%ff%fe%22)%20%7B%20id%20%7D%20%7D",
    "a lone surrogate": "?query=%7B%20search(text:%20%22%5Cud800%22)%20%7B%20id%20%7D%20%7D",
    "query given twice": "?query=%7B%20nope%20%7D&query=%7B%20__typename%20%7D",
}


@pytest.mark.parametrize(
    "query_string", STRANGE_GET_QUERIES.values(), ids=STRANGE_GET_QUERIES.keys()
)
def test_strange_get_queries_are_answered_as_graphql(
    client: TestClient, caplog: pytest.LogCaptureFixture, query_string: str
) -> None:
    response = client.get("/graphql" + query_string)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"] == "application/json"
    for error in response.json().get("errors", []):
        assert "Internal error" not in error["message"]
    assert errors_logged(caplog) == []


def test_refusals_from_the_graphql_view_and_router_are_json(client: TestClient) -> None:
    no_query = client.post("/graphql", json={"variables": {}})
    assert "query" in assert_bad_request(no_query).lower()
    unknown = client.post(
        "/graphql", json={"query": "query A { __typename }", "operationName": "B"}
    )
    assert '"B"' in assert_bad_request(unknown)
    wrong_type = client.post("/graphql", json={"query": "{ __typename }", "variables": [1]})
    assert "variables" in assert_bad_request(wrong_type)
    put = client.put("/graphql", json={"query": "{ __typename }"})
    assert_bad_request(put, 405)
    assert set(put.headers["allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


# -- headers for browsers ----------------------------------------------------------------


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    json_type = {"content-type": "application/json"}
    responses = {
        "explorer page": client.get("/graphql", headers={"accept": "text/html"}),
        "explorer script": client.get("/explorer/explorer.js"),
        "explorer style": client.get("/explorer/explorer.css"),
        "GraphiQL": client.get("/explorer/graphiql.js"),
        "GraphiQL style": client.get("/explorer/graphiql.css"),
        "missing asset": client.get("/explorer/nothing.js"),
        "answer": client.post("/graphql", json=ASK),
        "answer over GET": client.get("/graphql", params=ASK),
        "bad token": client.post("/graphql", json=ASK, headers={"Authorization": "Bearer x"}),
        "bad body": client.post("/graphql", content=b"null", headers=json_type),
        "healthz": client.get("/healthz"),
        "readyz": client.get("/readyz"),
        "unknown path": client.get("/nowhere"),
    }
    for name, response in responses.items():
        sent = {header: response.headers.get(header) for header in SECURITY_HEADERS}
        assert sent == SECURITY_HEADERS, name
    assert responses["explorer page"].headers["content-type"].startswith("text/html")
    assert responses["explorer script"].headers["content-type"].startswith("text/javascript")
    assert responses["explorer style"].headers["content-type"].startswith("text/css")


class InlineCode(html.parser.HTMLParser):
    """What a strict Content-Security-Policy would block in a page: inline scripts, inline
    styles and event-handler attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "style":
            self.found.append("<style>")
        if tag == "script" and "src" not in names:
            self.found.append("<script> without src")
        self.in_script = tag == "script"
        self.found.extend(f"{tag} {name}=" for name in names if name.startswith("on"))
        self.found.extend(f"{tag} style=" for name in names if name == "style")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and data.strip():
            self.found.append("script text")


def test_the_explorer_page_has_no_inline_script_or_style(client: TestClient) -> None:
    page = client.get("/graphql", headers={"accept": "text/html"}).text
    inline = InlineCode()
    inline.feed(page)
    assert inline.found == []
    assert 'data-tabs="[{&quot;query&quot;: &quot;# Which board oversees' in page


def test_the_explorer_answers_under_its_content_security_policy(kirklees: Neo4jSettings) -> None:
    """In Debian Chromium: the policy arrives with the page, the browser reports no
    violation of it while the explorer starts, opens its documentation and answers."""
    console: list[str] = []

    def note(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            console.append(message.text)

    with serving(create_app(kirklees)) as served:

        def this_server(url: str) -> bool:
            return urlparse(url).netloc == urlparse(served).netloc

        with offline_page(this_server, 1400, 900) as (page, refused):
            page.on("console", note)
            page.on("pageerror", lambda error: console.append(f"page error: {error}"))
            opened = page.goto(f"{served}/graphql")
            assert opened is not None
            policy = opened.header_value("content-security-policy")
            page.wait_for_selector(".graphiql-container", timeout=30_000)
            page.click('[aria-label="Show Documentation Explorer"]')
            page.get_by_text("Query", exact=True).first.wait_for(timeout=30_000)
            page.click(".graphiql-execute-button")
            result = page.locator(".graphiql-response")
            result.get_by_text('"Safer Kirklees"').first.wait_for(timeout=30_000)
            answer = result.inner_text()
    assert policy == POLICY
    assert '"governedBy"' in answer
    assert console == []
    assert refused == []


def test_an_idle_connection_outlives_the_pools_in_front_of_the_api() -> None:
    """A connection left idle past uvicorn's default of 5 s (httpx's own pool keeps one that
    long) is still open for the next request: closed under a client reusing it, the request
    fails with a reset. The load test saw 7 such failures in 7,839 requests."""
    with serving(create_app(UNREACHABLE)) as served:
        connection = http.client.HTTPConnection(urlparse(served).netloc, timeout=10)
        try:
            for pause in (0.0, 6.0):
                time.sleep(pause)
                connection.request("GET", "/healthz")
                response = connection.getresponse()
                assert (response.status, response.read()) == (200, b"ok\n")
        finally:
            connection.close()


# -- cross-origin ------------------------------------------------------------------------


def preflight(client: TestClient, origin: str) -> httpx.Response:
    """What a browser asks before a page on `origin` may POST with a token."""
    asking = {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
    }
    response: httpx.Response = client.options("/graphql", headers=asking)
    return response


def cors_headers(response: httpx.Response) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k.startswith("access-control-")}


def test_without_named_origins_there_is_no_cors(client: TestClient) -> None:
    refused = preflight(client, PARTNER)
    assert refused.status_code == 405
    assert cors_headers(refused) == {}
    asked = client.post("/graphql", json=ASK, headers={"Origin": PARTNER})
    assert asked.status_code == 200
    assert cors_headers(asked) == {}


def test_named_origins_may_call_the_api_and_no_others(kirklees: Neo4jSettings) -> None:
    app = create_app(kirklees, tokens=TOKENS, cors_origins=[PARTNER, "http://localhost:3000"])
    query = {"query": '{ person(id: "person/chris-walsh") { email } }'}
    with TestClient(app) as client:
        wait_until_ready(client)
        allowed = preflight(client, PARTNER)
        asked = client.post(
            "/graphql",
            json=query,
            headers={"Origin": PARTNER, "Authorization": f"Bearer {OFFICER_TOKEN}"},
        )
        other = preflight(client, "https://elsewhere.example")
        other_asked = client.post(
            "/graphql", json=query, headers={"Origin": "https://elsewhere.example"}
        )
    assert allowed.status_code == 200
    granted = cors_headers(allowed)
    assert granted["access-control-allow-origin"] == PARTNER
    assert {"GET", "POST"} <= set(granted["access-control-allow-methods"].split(", "))
    assert "PUT" not in granted["access-control-allow-methods"]
    allowed_headers = granted["access-control-allow-headers"].lower().split(", ")
    assert {"authorization", "content-type"} <= set(allowed_headers)
    assert "access-control-allow-credentials" not in granted
    assert asked.json()["data"]["person"]["email"] == "chris.walsh@kirklees.gov.uk"
    assert asked.headers["access-control-allow-origin"] == PARTNER
    assert other.status_code == 400
    assert "access-control-allow-origin" not in other.headers
    assert other_asked.status_code == 200
    assert cors_headers(other_asked) == {}


def test_the_cors_setting_names_exact_origins() -> None:
    assert parse_cors_origins(None) == ()
    assert parse_cors_origins(" https://A.example , http://localhost:3000,,http://[::1]:8080") == (
        "https://a.example",
        "http://localhost:3000",
        "http://[::1]:8080",
    )
    with pytest.raises(CorsOriginsInvalid) as problems:
        parse_cors_origins("*,https://a.example/,a.example,ftp://a.example,https://a.example:x")
    message = str(problems.value)
    assert message.startswith(
        "GOVGRAPH_CORS_ORIGINS: '*' is refused: tokens travel in the Authorization header"
    )
    for entry in ("'https://a.example/'", "'a.example'", "'ftp://a.example'", ":x'"):
        assert f"{entry} is not an origin" in message
    with pytest.raises(CorsOriginsInvalid):
        create_app(UNREACHABLE, cors_origins=["*"])


# -- serving on a public address ---------------------------------------------------------


class Reached(BaseException):
    """`serve` went past its checks, to logging, Neo4j or a dataset. Not an Exception, which
    the command's last resort would turn into one line and exit 1."""


@pytest.fixture
def serve_must_stop_at_its_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make each first step after the checks raise, so a test fails at once, without
    starting or loading anything, if `serve` gets that far."""

    def reached(*args: Any, **kwargs: Any) -> None:
        raise Reached

    for step in ("_log_json", "from_environment", "ManagedServer", "_load_paths"):
        monkeypatch.setattr(cli, step, reached)
    for variable in (
        "GOVGRAPH_TOKENS",
        "GOVGRAPH_CORS_ORIGINS",
        "GOVGRAPH_QUERY_TIMEOUT",
        "GOVGRAPH_KEEP_ALIVE",
        "HOST",
        "PORT",
    ):
        monkeypatch.delenv(variable, raising=False)


@pytest.mark.usefixtures("serve_must_stop_at_its_checks")
@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.7", "[2001:db8::1]", "gov.example"])
def test_serve_refuses_a_public_address_without_tokens(
    capsys: pytest.CaptureFixture[str], host: str
) -> None:
    assert cli.main(["serve", "--host", host, "--load", "data/kirklees"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert f"--host {host} is not a loopback address" in err
    assert "the API would serve every caller anonymously on a public address" in err
    assert "--allow-anonymous to serve the public data openly on purpose" in err


@pytest.mark.usefixtures("serve_must_stop_at_its_checks")
def test_serve_refuses_cors_for_every_origin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GOVGRAPH_CORS_ORIGINS", "*")
    assert cli.main(["serve", "--host", "127.0.0.1"]) == 2
    assert (
        "GOVGRAPH_CORS_ORIGINS: '*' is refused: tokens travel in the Authorization header"
        in capsys.readouterr().err
    )


@pytest.mark.usefixtures("serve_must_stop_at_its_checks")
@pytest.mark.parametrize("variable", ["GOVGRAPH_QUERY_TIMEOUT", "GOVGRAPH_KEEP_ALIVE"])
@pytest.mark.parametrize("value", ["ten", "0", "-5", "nan", "inf"])
def test_serve_names_a_setting_that_is_not_a_number_of_seconds(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    assert cli.main(["serve", "--host", "127.0.0.1"]) == 2
    assert capsys.readouterr().err == (
        f"{variable}: expected a positive number of seconds, got {value!r}\n"
    )


@pytest.mark.usefixtures("serve_must_stop_at_its_checks")
@pytest.mark.parametrize("value", ["http", "0", "70000", "-1"])
def test_a_bad_port_in_the_environment_is_refused_by_name_and_only_by_serve(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    monkeypatch.setenv("PORT", value)
    with pytest.raises((SystemExit, Reached)) as stopped:
        cli.main(["serve", "--host", "127.0.0.1"])
    assert isinstance(stopped.value, SystemExit) and stopped.value.code == 2
    err = capsys.readouterr().err
    assert f"not a port number (1-65535, from --port or PORT): {value!r}" in err
    assert "Traceback" not in err
    assert cli.main(["validate", "data/kirklees"]) == 0


@pytest.mark.usefixtures("serve_must_stop_at_its_checks")
@pytest.mark.parametrize(
    ("host", "options", "tokens"),
    [
        ("127.0.0.1", [], ""),
        ("localhost", [], ""),
        ("::1", [], ""),
        ("0.0.0.0", ["--allow-anonymous"], ""),
        ("0.0.0.0", [], f"{OFFICER_TOKEN}:officer"),
    ],
)
def test_serve_goes_on_from_loopback_with_tokens_or_on_purpose(
    monkeypatch: pytest.MonkeyPatch, host: str, options: list[str], tokens: str
) -> None:
    monkeypatch.setenv("GOVGRAPH_TOKENS", tokens)
    with pytest.raises(Reached):
        cli.main(["serve", "--host", host, *options])


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LOCALHOST.", True),
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("::ffff:127.0.0.1", True),
        ("0.0.0.0", False),
        ("::", False),
        ("10.0.0.1", False),
        ("::ffff:10.0.0.1", False),
        ("localhost.gov.example", False),
        ("", False),
    ],
)
def test_loopback_addresses_are_told_apart(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("options", "tokens"),
    [(["--allow-anonymous"], None), ([], f"{OFFICER_TOKEN}:officer")],
    ids=["allow-anonymous", "tokens"],
)
def test_serve_on_a_public_address_serves_with_tokens_or_on_purpose(
    kirklees: Neo4jSettings, options: list[str], tokens: str | None
) -> None:
    """The whole command, as an operator runs it: it listens on every interface."""
    port = free_port()
    environment = neo4j_environment(kirklees)
    environment.pop("GOVGRAPH_TOKENS", None)
    environment.pop("GOVGRAPH_CORS_ORIGINS", None)
    if tokens is not None:
        environment["GOVGRAPH_TOKENS"] = tokens
    serve = subprocess.Popen(
        [sys.executable, "-m", "govgraph.cli", "serve", "--host", "0.0.0.0", "--port", str(port),
         *options],
        env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        health = _first_answer(f"http://127.0.0.1:{port}/healthz", serve, seconds=60)
    finally:
        serve.send_signal(signal.SIGTERM)
        output, _ = serve.communicate(timeout=60)
    assert health is not None, output
    assert health.status_code == 200
    assert health.headers["x-frame-options"] == "DENY"
    assert f"explorer: http://0.0.0.0:{port}/graphql" in output


def _first_answer(
    url: str, process: subprocess.Popen[str], seconds: float
) -> httpx.Response | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
    return None
