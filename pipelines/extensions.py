"""DuckDB extensions from their pip packages (`duckdb-extension-<name>`, same version as duckdb),
never downloaded: the machines that run the pipeline reach only the package registries."""
from __future__ import annotations

import importlib
from pathlib import Path

import duckdb


def extension_path(name: str) -> Path:
    """The `<name>.duckdb_extension` binary that `duckdb-extension-<name>` ships for this duckdb."""
    package = f"duckdb-extension-{name.replace('_', '-')}"
    try:
        module = importlib.import_module(f"duckdb_extension_{name}")
    except ImportError as err:
        raise FileNotFoundError(f"install {package}=={duckdb.__version__} (the same version as duckdb)") from err
    path = Path(module.__file__).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: install {package}=={duckdb.__version__} (the same version as duckdb)")
    return path


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Install the extension from its package file (so the DuckDB CLI can autoload it too), then load it.

    Where the extension directory is not writable, the file is loaded directly instead.
    """
    state = con.execute("SELECT installed, loaded FROM duckdb_extensions() WHERE extension_name = ?", [name]).fetchone()
    if state and state[1]:
        return
    path = extension_path(name)
    try:
        if not (state and state[0]):
            con.execute(f"INSTALL '{path}'")
        con.execute(f"LOAD {name}")
    except (duckdb.IOException, duckdb.PermissionException, duckdb.InvalidInputException):
        con.execute(f"LOAD '{path}'")
