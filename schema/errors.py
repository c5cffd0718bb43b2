"""What a caller is told when a question fails. Mistakes in the request are answered
plainly, with an Apollo-style `code` other services can act on; anything else is masked
(no stack trace, no Cypher, nothing about the server) and logged under the request id."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from graphql import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.types import ExecutionContext

from queries import questions
from schema.http import request_id

BAD_USER_INPUT = "BAD_USER_INPUT"
TIMEOUT = "TIMEOUT"
INTERNAL = "INTERNAL_SERVER_ERROR"

log = logging.getLogger("govgraph.errors")


def bad_argument(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": BAD_USER_INPUT})


@asynccontextmanager
async def answerable() -> AsyncIterator[None]:
    """Turn the questions' own failures into errors addressed to the caller."""
    try:
        yield
    except questions.Ambiguous as error:
        extensions = {"code": BAD_USER_INPUT, "candidates": list(error.candidates)}
        raise GraphQLError(str(error), extensions=extensions) from error
    except questions.TimedOut as error:
        raise GraphQLError(str(error), extensions={"code": TIMEOUT}) from error


def is_internal(error: GraphQLError) -> bool:
    """An error raised by the server's own code, rather than one addressed to the caller
    (those are GraphQLErrors), or a request the schema refused (no original error)."""
    return error.original_error is not None and not isinstance(error.original_error, GraphQLError)


class MaskInternalErrors(MaskErrors):
    def __init__(self) -> None:
        super().__init__(
            should_mask_error=is_internal,
            error_message="Internal error; the server log has it under this request id.",
        )

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": INTERNAL, "requestId": request_id.get()}
        return masked


def log_internal(errors: list[GraphQLError], execution_context: ExecutionContext | None) -> None:
    """Log what went wrong inside, with its traceback; the caller's own mistakes are not
    the server's errors and stay out of the error log."""
    for error in errors:
        if is_internal(error):
            original = error.original_error
            log.error(
                "question failed: %s",
                error.message,
                exc_info=(type(original), original, original.__traceback__) if original else None,
            )
