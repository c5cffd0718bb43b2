"""Who may read what. Anonymous callers read public information; a bearer token whose role
is `officer` also reads restricted information. Tokens come from GOVGRAPH_TOKENS as
comma-separated `token:role` pairs."""

from __future__ import annotations

import hmac
from collections.abc import Mapping

OFFICER = "officer"
MIN_TOKEN_LENGTH = 16


class TokensInvalid(ValueError):
    pass


def parse_tokens(text: str | None) -> dict[str, str]:
    """token -> role; every problem with the setting is reported at once."""
    tokens: dict[str, str] = {}
    problems: list[str] = []
    for number, entry in enumerate((text or "").split(","), start=1):
        if not entry.strip():
            continue
        token, separator, role = entry.strip().rpartition(":")
        if not separator or not token or not role:
            problems.append(f"entry {number}: expected token:role")
        elif len(token) < MIN_TOKEN_LENGTH:
            problems.append(f"entry {number}: token shorter than {MIN_TOKEN_LENGTH} characters")
        elif token in tokens:
            problems.append(f"entry {number}: token given twice")
        else:
            tokens[token] = role
    if problems:
        raise TokensInvalid("GOVGRAPH_TOKENS: " + "; ".join(problems))
    return tokens


class Unauthorized(Exception):
    """A credential was presented and is not one we know."""


def role_of(authorization: str | None, tokens: Mapping[str, str]) -> str | None:
    """The role a request's Authorization header grants; None for anonymous callers.

    Every known token is compared, in constant time, whatever matches, so the time taken
    says nothing about how much of a token was right."""
    if authorization is None:
        return None
    scheme, _, presented = authorization.partition(" ")
    if scheme.lower() != "bearer" or not presented.strip():
        raise Unauthorized
    offered = presented.strip().encode()
    role = None
    for token, granted in tokens.items():
        if hmac.compare_digest(token.encode(), offered):
            role = granted
    if role is None:
        raise Unauthorized
    return role
