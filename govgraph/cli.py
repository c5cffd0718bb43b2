"""The `govgraph` command: the composition root that wires loaders, graph, queries and schema."""

from __future__ import annotations

import argparse
import asyncio
import datetime
import logging
import math
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from neo4j.exceptions import DriverError, Neo4jError

from govgraph.bulk import bulk
from graph.connection import open_driver, server_version
from graph.server import ManagedServer, ServerError, default_home
from graph.settings import Neo4jSettings, from_environment, from_managed, resolve
from graph.write import Diff, LoadRefused
from loaders.dataset import Claims, DatasetInvalid, clashes, read_dataset
from loaders.files import CannotWrite, writable_directory

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except ServerError as error:
        print(f"govgraph: {error}", file=sys.stderr)
        return 1
    except (DriverError, Neo4jError) as error:
        # Neo4j down, refusing us, or unreachable: one line, never a traceback.
        print(f"govgraph: {_neo4j_failure(error)}", file=sys.stderr)
        return 1
    except CannotWrite as error:
        print(f"govgraph: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # loads, ingests, reviews and exports write all or nothing
        print("govgraph: interrupted; nothing was written", file=sys.stderr)
        return 130
    except Exception as error:  # the last resort: a defect, yet still one line to the user
        if isinstance(error, OSError) and error.filename is not None:
            # Not a defect: the machine refused a file (a full disk, a lost mount).
            print(f"govgraph: {error.filename}: {error.strerror}", file=sys.stderr)
            return 1
        first = (str(error).strip().splitlines() or [""])[0]
        print(
            f"govgraph: stopped by an unexpected {type(error).__name__}"
            f"{': ' + first if first else ''}. This is a defect in govgraph: please report it "
            "with the command and the file it read",
            file=sys.stderr,
        )
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govgraph", description=__doc__)
    commands = parser.add_subparsers(title="commands")

    db = commands.add_parser("db", help="the managed local Neo4j server")
    db.add_argument("action", choices=["start", "stop", "status"])
    db.add_argument("--home", type=Path, default=None, help="server home (data, logs, config)")
    db.set_defaults(handler=_db)

    validate = commands.add_parser("validate", help="check datasets; report every problem")
    validate.add_argument("paths", nargs="+", type=Path)
    validate.set_defaults(handler=_validate)

    load_cmd = commands.add_parser("load", help="load datasets into the graph, atomically")
    load_cmd.add_argument("paths", nargs="+", type=Path)
    load_cmd.add_argument("--dry-run", action="store_true", help="print the diff, write nothing")
    load_cmd.add_argument(
        "--max-delete",
        type=_fraction,
        default=0.25,
        help="largest fraction of a dataset's nodes a load may remove (default 0.25)",
    )
    load_cmd.set_defaults(handler=_load)

    serve = commands.add_parser("serve", help="serve the GraphQL API and explorer")
    serve.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    serve.add_argument("--port", type=_port, default=os.environ.get("PORT", "8000"))
    serve.add_argument(
        "--load", type=Path, action="append", default=[], help="load this dataset first"
    )
    serve.add_argument(
        "--allow-anonymous",
        action="store_true",
        help="serve on a non-loopback --host without GOVGRAPH_TOKENS: the public data, openly",
    )
    serve.set_defaults(handler=_serve)

    review = commands.add_parser("report", help="write the governance review (HTML and CSV)")
    review.add_argument("--out", type=Path, required=True, help="directory to write into")
    review.add_argument("--as-of", type=_date, default=None, help="YYYY-MM-DD; default: all")
    review.add_argument("--area", default=None, help="only this area: the name of a dataset loaded")
    review.set_defaults(handler=_review)

    dump = commands.add_parser("export", help="write the whole graph for other tools")
    dump.add_argument("--format", choices=["graphml", "jsonl", "csv"], required=True)
    dump.add_argument("--out", type=Path, required=True, help="file (a directory for csv)")
    dump.add_argument(
        "--include-restricted", action="store_true", help="also what the public may not see"
    )
    dump.set_defaults(handler=_export)

    synth = commands.add_parser("synth", help="write a synthetic dataset shaped like Kirklees")
    synth.add_argument("--partnerships", type=_count, required=True)
    synth.add_argument("--years", type=_count, default=10)
    synth.add_argument("--seed", type=int, default=1)
    synth.add_argument(
        "--regions", type=_count, default=1,
        help="write that many datasets (out/region-NN), each loaded as its own transaction",
    )  # fmt: skip
    synth.add_argument("--out", type=Path, required=True)
    synth.set_defaults(handler=_synth)

    cypher = commands.add_parser("cypher", help="run a GraphQL query; print the Cypher it ran")
    cypher.add_argument("query", help="a GraphQL document, e.g. '{ body(name: \"X\") { id } }'")
    cypher.set_defaults(handler=_cypher)

    sdl = commands.add_parser("schema", help="print the GraphQL schema (SDL)")
    sdl.set_defaults(handler=_schema)

    ingest = commands.add_parser(
        "ingest", help="read council documents (PDF, HTML, Word, text) into a dataset"
    )
    ingest.add_argument("files", nargs="+", type=Path)
    ingest.add_argument("--into", type=Path, required=True, help="dataset directory")
    ingest.add_argument("--body", default=None, help="the body whose documents these are")
    ingest.add_argument(
        "--kind", choices=["auto", "minutes", "plan", "governance", "decision"], default="auto"
    )
    ingest.add_argument("--area", default=None, help="the dataset's title, for a new dataset")
    ingest.set_defaults(handler=_ingest)

    return parser


def _port(text: str) -> int:
    """--port, or PORT from the environment: argparse checks a string default with this too,
    so a bad PORT is refused by name rather than ending every command with a traceback."""
    if text.strip().isdigit() and 0 < int(text) < 65536:
        return int(text)
    raise argparse.ArgumentTypeError(f"not a port number (1-65535, from --port or PORT): {text!r}")


def _count(text: str) -> int:
    """A whole number of at least one: none or fewer partnerships, years or regions would
    write an empty or misleading dataset and say it succeeded."""
    if text.strip().isdigit() and int(text) > 0:
        return int(text)
    raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")


def _fraction(text: str) -> float:
    """A share from 0 to 1: the guard against a load that removes too much is off for `nan`
    (no comparison with it is true) and refuses every removal below 0, so both are refused."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if 0 <= value <= 1:
        return value
    raise argparse.ArgumentTypeError(f"expected a fraction from 0 to 1 (0.25 is 25%), got {text!r}")


class SettingInvalid(ValueError):
    """An environment variable holds a value the command cannot use."""


def _seconds_setting(variable: str, default: float) -> float:
    """A positive number of seconds from the environment, or the default when unset; a
    value that is not one names the variable instead of stopping with a traceback."""
    text = os.environ.get(variable)
    if text is None or not text.strip():
        return default
    try:
        seconds = float(text)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds < float("inf"):
        raise SettingInvalid(f"{variable}: expected a positive number of seconds, got {text!r}")
    return seconds


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _review(args: argparse.Namespace) -> int:
    import graphviz

    from report.collect import ReviewFailed, collect
    from report.render import write_report
    from usecases.graph_store import GraphStore

    writable_directory(args.out)

    async def build() -> Path:
        review = await collect(GraphStore(resolve()), args.as_of, args.area)
        return write_report(review, args.out)

    try:
        print(f"wrote {asyncio.run(build())}")
    except ReviewFailed as failed:
        print(f"govgraph report: the questions failed: {failed}", file=sys.stderr)
        return 1
    except graphviz.ExecutableNotFound:
        print("govgraph report needs Graphviz's `dot` (apt-get install graphviz)", file=sys.stderr)
        return 1
    return 0


def _export(args: argparse.Namespace) -> int:
    from report.export import export, writable
    from usecases.graph_store import GraphStore

    writable(args.format, args.out)
    store = GraphStore(resolve())

    async def write() -> tuple[int, int]:
        async with store.asking() as driver:
            return await export(
                driver, store.settings.database, args.format, args.out,
                restricted=args.include_restricted,
            )  # fmt: skip

    nodes, relationships = asyncio.run(write())
    print(f"wrote {args.out}: {nodes} nodes, {relationships} relationships")
    return 0


def _synth(args: argparse.Namespace) -> int:
    from loaders.synth import synthesize, synthesize_regions

    if args.regions > 1:
        paths = synthesize_regions(args.out, args.partnerships, args.years, args.regions, args.seed)
        print(f"wrote {len(paths)} datasets under {args.out}")
    else:
        records = synthesize(args.out, args.partnerships, args.years, args.seed)
        print(f"wrote {args.out}: {records} records")
    return 0


def _cypher(args: argparse.Namespace) -> int:
    """What a reviewer needs to check an answer by hand: the exact query and parameters."""
    from queries.questions import recorded
    from usecases.graph_store import GraphStore

    async def run() -> tuple[Any, list[tuple[str, dict[str, Any]]]]:
        async with asyncio.timeout(60):
            with recorded() as queries:
                result = await GraphStore(resolve()).ask(args.query)
        return result, queries

    result, queries = asyncio.run(run())
    for text, parameters in queries:
        print(text)
        print(f"// parameters: {parameters}\n")
    for error in result.errors or []:
        print(f"error: {error.message}", file=sys.stderr)
    return 1 if result.errors else 0


def _schema(args: argparse.Namespace) -> int:
    from schema.graphql import schema

    print(schema.as_str())
    return 0


def _db(args: argparse.Namespace) -> int:
    server = ManagedServer(args.home or default_home())
    if args.action == "start":
        info = server.start()
        print(f"neo4j {info.version} at {info.uri} (home {info.home}, pid {info.pid})")
    elif args.action == "stop":
        print("stopped" if server.stop() else "not running")
    else:
        running = server.running()
        if running is None:
            print(f"not running (home {server.home})")
            return 3
        print(f"running: neo4j {running.version} at {running.uri} (pid {running.pid})")
    return 0


TRANSACTION_MEMORY = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"


def _neo4j_failure(error: DriverError | Neo4jError) -> str:
    """What went wrong with Neo4j, in one line: unreachable, or what it refused and why. A
    dataset too big for one transaction is the refusal a national load meets (120,000
    records in a 2 GB heap), so it says what to do about it."""
    said = " ".join(str(error).split())
    if not isinstance(error, Neo4jError):
        return f"Neo4j did not answer: {said}"
    if error.code == TRANSACTION_MEMORY:
        return (
            f"Neo4j ran out of memory for one transaction ({error.message}); a dataset loads "
            "in one transaction, so give Neo4j more memory (GOVGRAPH_NEO4J_HEAP for the "
            "managed server, dbms.memory.transaction.total.max for another) or split the "
            "dataset into areas"
        )
    return f"Neo4j refused: {said}"


def _validate(args: argparse.Namespace) -> int:
    return 0 if _all_valid(args.paths, say_valid=True) else 1


def _all_valid(paths: Sequence[Path], say_valid: bool = False) -> bool:
    """Whether every dataset is valid, alone and beside the others, each read in turn and
    let go (only names and ids are kept between them); every problem is reported."""
    claims: list[Claims] = []
    invalid = 0
    for path in paths:
        try:
            with bulk():
                dataset = read_dataset(path)
        except DatasetInvalid as problems:
            _report(path, problems)
            invalid += 1
            continue
        claims.append(dataset.claims())
        if say_valid:
            print(f"{path}: valid, {len(dataset.records)} records")
    clashing = clashes(claims)
    if clashing:
        _report(Path("datasets"), DatasetInvalid(clashing))
    if len(paths) > 1 and (invalid or clashing):
        summary = f"{invalid} of {len(paths)} datasets are invalid"
        print(f"govgraph: {summary}, {len(clashing)} clash(es); none was loaded", file=sys.stderr)
    return not invalid and not clashing


def _report(path: Path, invalid: DatasetInvalid) -> None:
    for problem in invalid.problems:
        print(problem, file=sys.stderr)
    print(f"{path}: {len(invalid.problems)} problem(s); nothing was loaded", file=sys.stderr)


def _load(args: argparse.Namespace) -> int:
    return _load_paths(resolve(start=True), args.paths, args.dry_run, args.max_delete)


def _load_paths(
    settings: Neo4jSettings, paths: Sequence[Path], dry_run: bool = False, max_delete: float = 0.25
) -> int:
    """Validate every dataset first, report every one that is invalid, and load only when all
    are valid. Several are each read twice, to validate and to load, so that memory holds one
    dataset at a time: kept from one reading to the other, 200 datasets of 1,000 records held
    1.9 GB, and 1,000 of them 8.4 GB. One alone is read once: a second reading of 120,000
    records took 25 s."""
    if len(paths) > 1 and not _all_valid(paths):
        return 1
    return _write_datasets(settings, paths, dry_run, max_delete)


def _write_datasets(
    settings: Neo4jSettings, paths: Sequence[Path], dry_run: bool, max_delete: float
) -> int:
    """Read, validate and load each dataset in its own transaction; the findings are worked
    out once, after the last written. A dataset found invalid here (one given alone, or one
    changed since it was validated with the others) stops the load before it is written."""
    from usecases.graph_store import GraphStore

    changed = False
    with GraphStore(settings) as store:
        try:
            for path in paths:
                with bulk():
                    try:
                        dataset = read_dataset(path)
                    except DatasetInvalid as invalid:
                        _report(path, invalid)
                        return 1
                    with _progress(f"loading {dataset.info.name}") as progress:
                        try:
                            diff = store.load(
                                dataset, dry_run=dry_run, max_delete_fraction=max_delete,
                                progress=progress, findings=False,
                            )  # fmt: skip
                        except LoadRefused as refused:
                            print(f"govgraph: {refused}; nothing was written", file=sys.stderr)
                            return 1
                changed = changed or (diff.changed and not dry_run)
                _print_diff(dataset.info.name, diff, dry_run)
        finally:
            if changed:  # once, after the last dataset written, whatever stopped the rest
                print("working out the findings of the graph", file=sys.stderr)
                store.refresh_findings()
    return 0


def _print_diff(name: str, diff: Diff, dry_run: bool) -> None:
    if dry_run:
        for line in diff.changes:
            print(line)
    verb = "would change" if dry_run else "loaded"
    for kind, counts in (("nodes", diff.nodes), ("relations", diff.relations)):
        print(
            f"{name}: {verb} {kind}: {counts.created} created, {counts.updated} updated, "
            f"{counts.unchanged} unchanged, {counts.removed} removed"
        )
    if not diff.changed:
        print(f"{name}: no changes")


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal; silence elsewhere (CI logs, pipes)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _serve(args: argparse.Namespace) -> int:
    """Serve the API; start the managed Neo4j if none is configured, and stop it on exit.
    The settings are checked first, so a refused configuration starts and loads nothing."""
    from schema.access import TokensInvalid, parse_tokens
    from schema.app import KEEP_ALIVE_SECONDS, QUERY_TIMEOUT
    from schema.http import CorsOriginsInvalid, is_loopback, parse_cors_origins

    try:
        tokens = parse_tokens(os.environ.get("GOVGRAPH_TOKENS"))
        cors_origins = parse_cors_origins(os.environ.get("GOVGRAPH_CORS_ORIGINS"))
        timeout = _seconds_setting("GOVGRAPH_QUERY_TIMEOUT", QUERY_TIMEOUT)
        keep_alive = _seconds_setting("GOVGRAPH_KEEP_ALIVE", KEEP_ALIVE_SECONDS)
    except (TokensInvalid, CorsOriginsInvalid, SettingInvalid) as error:
        print(error, file=sys.stderr)
        return 2
    if not tokens and not args.allow_anonymous and not is_loopback(args.host):
        print(
            f"govgraph: --host {args.host} is not a loopback address and GOVGRAPH_TOKENS is "
            "empty: the API would serve every caller anonymously on a public address; set "
            "GOVGRAPH_TOKENS, or pass --allow-anonymous to serve the public data openly on "
            "purpose",
            file=sys.stderr,
        )
        return 2

    import uvicorn

    from schema.app import create_app, server_options

    _log_json()
    settings = from_environment()
    started: ManagedServer | None = None
    if settings is None:
        server = ManagedServer(default_home())
        if server.running() is None:
            started = server
        settings = from_managed(server, start=True)
    _stop_on_sigterm()
    try:
        if args.load:
            status = _load_paths(settings, args.load)
            if status:
                return status
        with open_driver(settings) as driver:
            version = server_version(driver, settings.database)
        print(f"neo4j {version} at {settings.describe()}", flush=True)
        print(f"explorer: http://{args.host}:{args.port}/graphql", flush=True)
        app = create_app(settings, tokens=tokens, query_timeout=timeout, cors_origins=cors_origins)
        options = server_options(
            args.host,
            args.port,
            keep_alive=math.ceil(keep_alive),
            log_config=None,
            access_log=False,
        )
        uvicorn.run(app, **options)
    finally:
        if started is not None:
            # A second Ctrl-C or SIGTERM must not cut short the stop of what we started.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            started.stop()
            print("stopped the Neo4j server this command started", flush=True)
    return 0


def _log_json() -> None:
    """Structured logs on stderr: one JSON object per line, with the request id."""
    from schema.http import JsonLogFormatter

    handler = logging.StreamHandler()
    handler.setFormatter(JsonLogFormatter())
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


def _stop_on_sigterm() -> None:
    """Treat SIGTERM like Ctrl-C so the finally blocks stop what was started."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def _ingest(args: argparse.Namespace) -> int:
    from loaders.ingest.pipeline import ingest
    from loaders.ingest.write import IngestFailed

    kind = None if args.kind == "auto" else args.kind
    try:
        with bulk():
            done = ingest(args.files, args.into, kind=kind, body=args.body, area=args.area)
    except IngestFailed as failed:
        for problem in failed.problems:
            print(problem, file=sys.stderr)
        return 1
    for item in done.documents:
        if item.outcome.unchanged:
            print(f"{item.path}: unchanged (already ingested as {item.outcome.document})")
            continue
        counts = ", ".join(f"{what} {count}" for what, count in item.outcome.counts.items())
        doubts = item.outcome.review
        review = f"; {doubts} to review, see {args.into / 'review.yaml'}" if doubts else ""
        print(f"{item.path}: {item.kind} ({item.why})")
        print(f"  {item.outcome.document}: {counts or 'nothing'}{review}")
    decided = done.decided
    if decided.merged or decided.removed or decided.unmatched:
        unmatched = "; ".join(repr(name) for name in decided.unmatched)
        print(
            f"{args.into / 'decisions.yaml'}: {decided.merged} records merged into others, "
            f"{decided.removed} removed"
            + (f"; naming no record yet: {unmatched}" if unmatched else "")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
