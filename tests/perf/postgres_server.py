"""A throwaway PostgreSQL server (Debian's `postgresql` package) for the DuckLake catalog tests.

It listens on a Unix socket in its own temp directory only (no TCP port), trusts local
connections, and is stopped and deleted afterwards. PostgreSQL refuses to run as root, so under
root (CI) the server runs as the `postgres` user the Debian package creates.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PORT = 5432  # only names the socket file inside our own directory, so it never collides
DATABASE = "news_lake"


@dataclass(frozen=True)
class PostgresServer:
    socket_dir: Path
    port: int
    user: str
    database: str

    def ducklake_catalog(self) -> str:
        return f"postgres:dbname={self.database} host={self.socket_dir} port={self.port} user={self.user}"


def server_binaries() -> Path | None:
    """The directory of initdb/pg_ctl/createdb: on PATH, else Debian's /usr/lib/postgresql/<v>/bin."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(os.path.realpath(on_path)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


def why_unavailable() -> str | None:
    if server_binaries() is None:
        return "PostgreSQL server not installed (Debian: apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a `postgres` user to run the server as"
    return None


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextmanager
def running() -> Iterator[PostgresServer]:
    """A server in a fresh directory directly under the temp dir (pytest's own temp dirs are
    private to root, so the `postgres` user could not reach them), removed afterwards."""
    root = Path(tempfile.mkdtemp(prefix="newswh-pg-"))
    try:
        server = start(root)
        try:
            yield server
        finally:
            stop(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def start(root: Path) -> PostgresServer:
    """initdb + start + createdb under `root`; raises with the server log if anything fails."""
    bin_dir = server_binaries()
    root.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    data, log = root / "data", root / "server.log"
    _run([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", user, "--no-sync"])
    options = f"-p {PORT} -k {root} -c listen_addresses= -c fsync=off"
    try:
        _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"])
        _run([str(bin_dir / "createdb"), "-h", str(root), "-p", str(PORT), "-U", user, DATABASE])
    except RuntimeError as err:
        text = log.read_text(errors="replace") if log.exists() else ""
        raise RuntimeError(f"{err}\nserver log:\n{text[-2000:]}") from err
    return PostgresServer(socket_dir=root, port=PORT, user=user, database=DATABASE)


def stop(root: Path) -> None:
    bin_dir = server_binaries()
    subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(root / "data"), "-m", "fast", "-w", "stop"]),
                   capture_output=True, check=False)


def _run(cmd: list[str]) -> None:
    done = subprocess.run(_as_server_user(cmd), capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()[-1500:]}")
