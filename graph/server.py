"""A managed Neo4j Community server for laptops and CI, provisioned from Maven Central.

No Docker and no download site beyond Maven: the server's jars are fetched once by Maven
into a cache outside the repo, and each server home (data, logs, config, password) lives in
a directory of its own, so a developer's persistent server and a test run's throwaway one
never meet.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

NEO4J_VERSION = "5.26.30"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
USER = "neo4j"

FOLDERS = ("conf", "data", "logs", "run")

PRIVATE_UMASK = 0o077
"""The server's store and transaction logs hold contact details and restricted items: what
it and its tools write, only the owner may read."""

POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>govgraph</groupId><artifactId>neo4j-runtime</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>{version}</version>
    </dependency>
  </dependencies>
</project>
"""


class ServerError(RuntimeError):
    """The managed server could not be provisioned, started or reached."""


def cache_dir() -> Path:
    base = os.environ.get("GOVGRAPH_CACHE") or Path.home() / ".cache" / "govgraph"
    return Path(base) / f"neo4j-{NEO4J_VERSION}"


def default_home() -> Path:
    base = os.environ.get("GOVGRAPH_HOME") or Path.home() / ".local" / "share" / "govgraph"
    return Path(base) / "neo4j"


def provision(cache: Path | None = None) -> Path:
    """Fetch the server's jars with Maven once; return the directory that holds them."""
    cache = cache or cache_dir()
    lib = cache / "lib"
    if (lib / f"neo4j-{NEO4J_VERSION}.jar").exists():
        return lib
    for tool in ("java", "mvn"):
        if shutil.which(tool) is None:
            raise ServerError(f"{tool} is not on PATH; the managed Neo4j needs Java 17+ and Maven")
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as work:
        pom = Path(work) / "pom.xml"
        pom.write_text(POM.format(version=NEO4J_VERSION))
        staging = Path(work) / "lib"
        command = [
            "mvn",
            "-q",
            "-B",
            "-f",
            str(pom),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={staging}",
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-15:])
            raise ServerError(f"Maven could not fetch Neo4j {NEO4J_VERSION}:\n{tail}")
        shutil.rmtree(lib, ignore_errors=True)
        staging.rename(lib)
    return lib


@dataclass(frozen=True)
class ServerInfo:
    """What a running managed server answers on; written beside its data as server.json."""

    pid: int
    uri: str
    user: str
    version: str
    home: str


@dataclass(frozen=True)
class ManagedServer:
    """One server home: config, data, logs and the generated password."""

    home: Path

    def __post_init__(self) -> None:
        # Neo4j reads relative directories in its config against its own home, not ours.
        object.__setattr__(self, "home", self.home.absolute())

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def info_file(self) -> Path:
        return self.home / "server.json"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "console.log"

    def password(self) -> str:
        return self.password_file.read_text().strip()

    def recorded(self) -> ServerInfo | None:
        """What the last start wrote to server.json, whether or not the server still runs:
        a server that came back on another port is found here."""
        try:
            return ServerInfo(**json.loads(self.info_file.read_text()))
        except (OSError, ValueError, TypeError):
            return None

    def running(self) -> ServerInfo | None:
        """The server's info when its process lives and Bolt accepts connections."""
        info = self.recorded()
        if info is None or not self._serves(info.pid):
            return None
        host, port = _host_port(info.uri)
        return info if _port_open(host, port) else None

    def start(self, port: int | None = None, timeout: float = 180.0) -> ServerInfo:
        """Start the server unless it already runs; data in the home persists across starts."""
        current = self.running()
        if current is not None:
            return current
        heap, page_cache = _memory_sizes()  # refused before anything is written or run
        self._stop_stale()
        lib = provision()
        self._make_private()
        port = port or self._previous_port() or free_port()
        self._write_config(port, heap, page_cache)
        if not (self.home / "data" / "databases" / "system").exists():
            self._set_initial_password(lib)  # a new store takes it at its first start
        log_descriptor = os.open(self.log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(log_descriptor, "ab") as log:
            process = subprocess.Popen(
                [
                    _java(),
                    *_jvm_options(heap),
                    "-cp",
                    f"{lib}/*",
                    ENTRY_POINT,
                    f"--home-dir={self.home}",
                    f"--config-dir={self.home / 'conf'}",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                umask=PRIVATE_UMASK,
            )
        info = ServerInfo(
            process.pid, f"bolt://127.0.0.1:{port}", USER, NEO4J_VERSION, str(self.home)
        )
        _write_private(self.info_file, json.dumps(asdict(info)))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise ServerError(
                    f"Neo4j exited at start; see {self.log_file}:\n{self._log_tail()}"
                )
            if _port_open("127.0.0.1", port):
                return info
            time.sleep(0.25)
        self.stop()
        raise ServerError(f"Neo4j did not open Bolt within {timeout:.0f}s; see {self.log_file}")

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the server if it runs; True when a process was stopped."""
        info = self.recorded()
        if info is None:
            return False
        if self._serves(info.pid):
            stopped = _terminate(info.pid, timeout)
        else:
            _wait_while_exiting(info.pid, timeout)
            stopped = False
        self.info_file.unlink(missing_ok=True)
        return stopped

    def _serves(self, pid: int) -> bool:
        """Whether `pid` is this home's server. After a crash or a reboot the pid in
        server.json may belong to another process, which must be neither trusted nor
        stopped: its command line says whose it is. A process without one (on its way out,
        or between fork and exec) is not taken for ours; `stop` waits for one that is
        leaving, since a dying server still holds the port and the store lock."""
        if not _alive(pid):
            return False
        arguments = _command_line(pid)
        if arguments is None:  # no /proc (macOS): the pid is all we know
            return not Path("/proc/self").exists()
        return f"--home-dir={self.home}".encode() in arguments.split(b"\0")

    def _stop_stale(self) -> None:
        """A process left from a crashed start holds the store lock; end it first."""
        self.stop(timeout=30.0)

    def _make_private(self) -> None:
        """Make the home and its folders the owner's alone, and take back from group and
        others what an earlier version left them (0755 folders, 0644 store files)."""
        for folder in (self.home, *(self.home / name for name in FOLDERS)):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        paths = [self.home]
        for root, folders, files in os.walk(self.home):
            paths += [Path(root, name) for name in (*folders, *files)]
        for path in paths:
            mode = path.lstat().st_mode
            if not stat.S_ISLNK(mode) and stat.S_IMODE(mode) & PRIVATE_UMASK:
                path.chmod(stat.S_IMODE(mode) & ~PRIVATE_UMASK)

    def _previous_port(self) -> int | None:
        """The Bolt port of the last start, when it is still free: a server that comes back
        from a stop, a crash or a reboot where it was is found by whatever knew it."""
        try:
            config = (self.home / "conf" / "neo4j.conf").read_text()
        except OSError:
            return None
        for line in config.splitlines():
            key, _, value = line.partition("=")
            if key == "server.bolt.listen_address":
                port = int(value.rpartition(":")[2])
                return port if _port_free(port) else None
        return None

    def _write_config(self, port: int, heap: str, page_cache: str) -> None:
        settings = {
            "server.default_listen_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{port}",
            "server.bolt.advertised_address": f"127.0.0.1:{port}",
            "server.http.enabled": "false",
            "server.https.enabled": "false",
            "dbms.security.auth_enabled": "true",
            "server.memory.heap.initial_size": heap,
            "server.memory.heap.max_size": heap,
            "server.memory.pagecache.size": page_cache,
            "dbms.usage_report.enabled": "false",
            "db.tx_log.rotation.retention_policy": "2 files",
            "server.directories.data": str(self.home / "data"),
            "server.directories.logs": str(self.home / "logs"),
            "server.directories.run": str(self.home / "run"),
        }
        text = "".join(f"{key}={value}\n" for key, value in settings.items())
        _write_private(self.home / "conf" / "neo4j.conf", text)

    def _set_initial_password(self, lib: Path) -> None:
        password = secrets.token_hex(20)  # never starts with "-", which the tool reads as an option
        environment = {
            **os.environ,
            "NEO4J_HOME": str(self.home),
            "NEO4J_CONF": str(self.home / "conf"),
        }
        done = subprocess.run(
            [_java(), "-cp", f"{lib}/*", ADMIN_TOOL, "dbms", "set-initial-password", password],
            env=environment,
            capture_output=True,
            text=True,
            check=False,
            umask=PRIVATE_UMASK,
        )
        if done.returncode != 0:
            raise ServerError(
                f"could not set the initial password: {without_stack_frames(done.stderr)}"
            )
        _write_private(self.password_file, password + "\n")

    def _log_tail(self) -> str:
        try:
            text = self.log_file.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(without_stack_frames(text).splitlines()[-15:])


_STACK_FRAME = re.compile(r"\s+at \S|\s*\.\.\. \d+ more$")
"""A line of a Java stack trace below its message: "\tat org.neo4j...", "... 17 more"."""


def without_stack_frames(output: str) -> str:
    """What Java printed, without its stack frames: the messages (and their causes) say
    what is wrong; the frames are for Neo4j's developers, and the log file keeps them."""
    return "\n".join(line for line in output.strip().splitlines() if not _STACK_FRAME.match(line))


def _write_private(path: Path, text: str) -> None:
    """Write a file only its owner may read, whatever this process's umask."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text)


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise ServerError("java is not on PATH; the managed Neo4j needs Java 17 or 21")
    return java


def _memory_sizes() -> tuple[str, str]:
    """The heap and the page cache. A load is one transaction, held in memory until it
    commits: the heap bounds how big a dataset one load can bring (Kirklees needs little; a
    national picture, gigabytes)."""
    return _memory("GOVGRAPH_NEO4J_HEAP", "1g"), _memory("GOVGRAPH_NEO4J_PAGECACHE", "512m")


_SIZE = re.compile(r"[1-9][0-9]*[kmg]?", re.IGNORECASE)
"""A size as both the JVM (-Xmx) and Neo4j's settings read one: "512m", "4g", "1048576"."""


def _memory(variable: str, default: str) -> str:
    """A memory size from the environment, checked here: Neo4j and the JVM would refuse it
    only later, with a stack trace."""
    size = os.environ.get(variable, "").strip() or default
    if not _SIZE.fullmatch(size):
        raise ServerError(
            f"{variable}: {size!r} is not a size: give a whole number, with k, m or g after "
            "it for kilobytes, megabytes or gigabytes (512m, 4g)"
        )
    return size


def _jvm_options(heap: str) -> list[str]:
    return [
        f"-Xms{heap}",
        f"-Xmx{heap}",
        "-XX:+UseG1GC",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "-Dfile.encoding=UTF-8",
    ]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _port_free(port: int) -> bool:
    """Whether the server could listen on `port`: bound as it binds (SO_REUSEADDR, so the
    connections a stopped server left in TIME_WAIT do not count), refused when another
    socket listens there."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def _host_port(uri: str) -> tuple[str, int]:
    host, _, port = uri.split("://", 1)[1].rpartition(":")
    return host, int(port)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child of ours has exited even though kill(0) succeeds
        waited, _ = os.waitpid(pid, os.WNOHANG)
        return waited == 0
    except ChildProcessError:
        return True


def _command_line(pid: int) -> bytes | None:
    """A process's arguments, NUL-separated; empty while it exits; None without /proc."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None if not Path("/proc/self").exists() else b""


def _wait_while_exiting(pid: int, timeout: float) -> None:
    """Until a process that has given back its command line is gone: it signals nothing to
    a process that is not ours, and lets a dying server release its port and store lock."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(pid) and _command_line(pid) == b"":
        time.sleep(0.2)


def _terminate(pid: int, timeout: float) -> bool:
    if not _alive(pid):
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.2)
    os.kill(pid, signal.SIGKILL)
    return True
