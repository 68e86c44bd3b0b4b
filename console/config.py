"""Settings: where the database is, which language, which SLA targets.

Precedence, highest first: command-line options, environment
(``ROADSIDE_DB_URL``, ``ROADSIDE_LANG``), a TOML file (``--config FILE`` or
``config.toml`` in the user config directory), built-in defaults.
"""

from __future__ import annotations

import getpass
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_data_dir

from console.core.capability import CapabilityRules
from console.core.errors import ConfigError, DomainError
from console.core.eta import EstimatedRouting, OsrmTableRouting, RegionalEta, RoutingProvider
from console.core.field.feed import FeedRules
from console.core.field.setup import PhoneSetup, default_server_url
from console.core.inputs import DocumentError, parse_toml, read_text
from console.core.map_tiles import TileSource, tile_source_from
from console.core.quality import QualityTargets
from console.core.sla import SlaTargets
from console.core.vocab import Priority, RoadType

APP_NAME = "roadside-console"
LANGUAGES = ("zh", "en")


def login_name() -> str:
    """The operating-system user, or "" where there is none (a bare container)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def actor_name(channel: str) -> str:
    """Who the ledger records for writes from ``channel`` ("console", "cli", "import")."""
    user = login_name()
    return f"{channel}:{user}" if user else channel


def data_dir() -> Path:
    """The per-user folder for the embedded database and logs."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_url() -> str:
    """An SQLite file in the user data directory."""
    return f"sqlite:///{data_dir() / 'console.db'}"


def default_config_file() -> Path:
    """Where the optional config.toml is looked for."""
    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def remembered_databases_file() -> Path:
    """The list of database files that held data (a lost one is never silently re-seeded)."""
    return Path(user_config_dir(APP_NAME, appauthor=False)) / "databases.json"


@dataclass(frozen=True)
class Settings:
    """Everything the console reads at start-up."""

    db_url: str = field(default_factory=default_db_url)
    language: str | None = None
    sla: SlaTargets = field(default_factory=SlaTargets)
    timezone: str = "Asia/Shanghai"
    poll_seconds: float = 1.0
    eta: RegionalEta = field(default_factory=RegionalEta)
    osrm_url: str | None = None
    capability_rules: Path | None = None
    map: TileSource = field(default_factory=TileSource)
    """The live map's tile provider (``[map]``)."""
    quality: QualityTargets = field(default_factory=QualityTargets)
    feed: FeedRules = field(default_factory=FeedRules)
    """When a crew's device feed is live or silent (``[field]``)."""
    phone: PhoneSetup = field(default_factory=lambda: PhoneSetup(default_server_url()))
    """What crew phones are told to report to (``[field]``)."""
    retention_days: int = 30
    """How long the trail of vehicle fixes is kept (``[field] retention_days``)."""
    writer_lanes: int = 2
    """Batches of fixes the gateway writes at once (``[field] writer_lanes``)."""

    def routing(self) -> RoutingProvider:
        """The travel-time provider these settings ask for."""
        estimate = EstimatedRouting(self.eta)
        if self.osrm_url:
            return OsrmTableRouting(
                self.osrm_url, fallback=estimate, turnout_minutes=self.eta.default.turnout_minutes
            )
        return estimate

    def rules(self) -> CapabilityRules:
        """The capability rules file these settings name (else the shipped one)."""
        if self.capability_rules is None:
            return CapabilityRules.default()
        return CapabilityRules.load(self.capability_rules)


def _positive_int(path: Path, key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigError(
            "config.invalid", path=str(path), detail=f"{key} must be a positive whole number"
        )
    return value


def _sla_from(path: Path, table: Mapping[str, Any]) -> SlaTargets:
    base = SlaTargets()
    arrival = {p: dict(roads) for p, roads in base.arrival_minutes.items()}
    for key, value in table.get("arrival_minutes", {}).items():
        try:
            priority = Priority(key)
        except ValueError:
            raise ConfigError(
                "config.invalid", path=str(path), detail=f"unknown priority {key!r}"
            ) from None
        if not isinstance(value, Mapping):
            raise ConfigError(
                "config.invalid", path=str(path), detail=f"arrival_minutes.{key} must be a table"
            )
        for road_key, minutes in value.items():
            try:
                road = RoadType(road_key)
            except ValueError:
                raise ConfigError(
                    "config.invalid", path=str(path), detail=f"unknown road type {road_key!r}"
                ) from None
            arrival[priority][road] = _positive_int(
                path, f"arrival_minutes.{key}.{road_key}", minutes
            )
    return SlaTargets(
        assign_minutes=_positive_int(
            path, "assign_minutes", table.get("assign_minutes", base.assign_minutes)
        ),
        arrival_minutes=arrival,
        complaint_response_hours=_positive_int(
            path,
            "complaint_response_hours",
            table.get("complaint_response_hours", base.complaint_response_hours),
        ),
        triage_minutes=_positive_int(
            path, "triage_minutes", table.get("triage_minutes", base.triage_minutes)
        ),
    )


def _language(value: Any, origin: str) -> str:
    if value not in LANGUAGES:
        raise ConfigError(
            "config.invalid", path=origin, detail=f"language must be one of {', '.join(LANGUAGES)}"
        )
    return str(value)


CONFIG_LIMIT = 1_000_000
"""Bytes a settings file may hold: a full one is about 2 KB."""


def load_settings(
    *, config_file: Path | None = None, db_url: str | None = None, language: str | None = None
) -> Settings:
    """Build :class:`Settings` from defaults, file, environment and arguments.

    Raises :class:`ConfigError` with the file and the offending key when a
    file is unreadable or holds a bad value.
    """
    path = config_file or default_config_file()
    table: dict[str, Any] = {}
    if config_file is not None or path.exists():
        try:
            table = parse_toml(read_text(path, limit=CONFIG_LIMIT))
        except DomainError as exc:
            detail = "file not found" if not path.exists() else exc.english()
            raise ConfigError("config.invalid", path=str(path), detail=detail) from None
        except (tomllib.TOMLDecodeError, DocumentError) as exc:
            raise ConfigError("config.invalid", path=str(path), detail=str(exc)) from None
    known = {
        "map",
        "database",
        "language",
        "sla",
        "timezone",
        "poll_seconds",
        "eta",
        "dispatch",
        "quality",
        "field",
    }
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(
            "config.invalid", path=str(path), detail=f"unknown setting {unknown[0]!r}"
        )
    database = table.get("database", {})
    if not isinstance(database, Mapping) or not isinstance(database.get("url", ""), str):
        raise ConfigError("config.invalid", path=str(path), detail="[database] url must be text")
    sla_table = table.get("sla", {})
    if not isinstance(sla_table, Mapping):
        raise ConfigError("config.invalid", path=str(path), detail="[sla] must be a table")
    poll = table.get("poll_seconds", 1.0)
    if isinstance(poll, bool) or not isinstance(poll, (int, float)) or not 0.2 <= poll <= 60:
        raise ConfigError(
            "config.invalid", path=str(path), detail="poll_seconds must be between 0.2 and 60"
        )
    dispatch = table.get("dispatch", {})
    if not isinstance(dispatch, Mapping):
        raise ConfigError("config.invalid", path=str(path), detail="[dispatch] must be a table")
    extra = sorted(set(dispatch) - {"osrm_url", "capability_rules"})
    if extra:
        raise ConfigError(
            "config.invalid", path=str(path), detail=f"unknown setting dispatch.{extra[0]}"
        )
    zone = table.get("timezone", "Asia/Shanghai")
    _check_timezone(path, zone)

    chosen_url = (
        db_url or os.environ.get("ROADSIDE_DB_URL") or database.get("url") or default_db_url()
    )
    chosen_language = language or os.environ.get("ROADSIDE_LANG") or table.get("language")
    return Settings(
        db_url=chosen_url,
        language=_language(chosen_language, str(path)) if chosen_language else None,
        sla=_sla_from(path, sla_table),
        timezone=zone,
        poll_seconds=float(poll),
        eta=_eta_from(path, table.get("eta", {})),
        osrm_url=_osrm_from(path, dispatch),
        capability_rules=_rules_from(path, dispatch),
        map=tile_source_from(table.get("map", {}), str(path)),
        quality=_quality_from(path, table.get("quality", {})),
        **_field_from(path, table.get("field", {})),
    )


FIELD_KEYS = frozenset(
    {
        "live_seconds",
        "silent_minutes",
        "server_url",
        "interval_seconds",
        "heartbeat_seconds",
        "retention_days",
        "writer_lanes",
    }
)
"""The ``[field]`` settings: feed thresholds and what crew phones are told."""


RETENTION_DAYS = 30
"""Days the trail of vehicle fixes is kept by default."""
RETENTION_DAYS_MAX = 3660
"""Longest retention accepted (ten years): a larger number is a typing mistake."""
WRITER_LANES = 2
"""Batches of fixes the gateway writes at once by default."""
WRITER_LANES_MAX = 8
"""Most writer lanes: each holds a database connection while it writes, and the
connection pool (15) also serves device look-ups, field status and pruning."""


def _field_from(path: Path, table: Any) -> dict[str, Any]:
    """``feed`` and ``phone`` for :class:`Settings` from the ``[field]`` table."""
    if not isinstance(table, Mapping):
        raise ConfigError("config.invalid", path=str(path), detail="[field] must be a table")
    extra = sorted(set(table) - FIELD_KEYS)
    if extra:
        raise ConfigError(
            "config.invalid", path=str(path), detail=f"unknown setting field.{extra[0]}"
        )
    base = FeedRules()
    live = _positive_int(
        path, "field.live_seconds", table.get("live_seconds", base.live_within.seconds)
    )
    silent = _positive_int(
        path,
        "field.silent_minutes",
        table.get("silent_minutes", base.silent_after.seconds // 60),
    )
    url = table.get("server_url", default_server_url())
    if not isinstance(url, str):
        raise ConfigError(
            "config.invalid", path=str(path), detail="field.server_url must be an http(s) URL"
        )
    phone = PhoneSetup()
    try:
        feed = FeedRules(timedelta(seconds=live), timedelta(minutes=silent))
        phone = PhoneSetup(
            url.strip(),
            _positive_int(
                path,
                "field.interval_seconds",
                table.get("interval_seconds", phone.interval_seconds),
            ),
            _positive_int(
                path,
                "field.heartbeat_seconds",
                table.get("heartbeat_seconds", phone.heartbeat_seconds),
            ),
        )
    except ValueError as exc:
        raise ConfigError("config.invalid", path=str(path), detail=f"[field] {exc}") from None
    retention = _positive_int(
        path, "field.retention_days", table.get("retention_days", RETENTION_DAYS)
    )
    if retention > RETENTION_DAYS_MAX:
        raise ConfigError(
            "config.invalid",
            path=str(path),
            detail=f"field.retention_days must be at most {RETENTION_DAYS_MAX}",
        )
    lanes = _positive_int(path, "field.writer_lanes", table.get("writer_lanes", WRITER_LANES))
    if lanes > WRITER_LANES_MAX:
        raise ConfigError(
            "config.invalid",
            path=str(path),
            detail=f"field.writer_lanes must be at most {WRITER_LANES_MAX}",
        )
    return {"feed": feed, "phone": phone, "retention_days": retention, "writer_lanes": lanes}


def _quality_from(path: Path, table: Any) -> QualityTargets:
    if not isinstance(table, Mapping):
        raise ConfigError("config.invalid", path=str(path), detail="[quality] must be a table")
    return QualityTargets.from_table(table, str(path))


def _eta_from(path: Path, table: Any) -> RegionalEta:
    if not isinstance(table, Mapping):
        raise ConfigError("config.invalid", path=str(path), detail="[eta] must be a table")
    return RegionalEta.from_table(table, str(path))


def _osrm_from(path: Path, dispatch: Mapping[str, Any]) -> str | None:
    url = dispatch.get("osrm_url")
    if url is None:
        return None
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise ConfigError(
            "config.invalid", path=str(path), detail="dispatch.osrm_url must be an http(s) URL"
        )
    return url


def _rules_from(path: Path, dispatch: Mapping[str, Any]) -> Path | None:
    rules = dispatch.get("capability_rules")
    if rules is None:
        return None
    if not isinstance(rules, str):
        raise ConfigError(
            "config.invalid", path=str(path), detail="dispatch.capability_rules must be a file path"
        )
    resolved = (path.parent / rules).expanduser()
    CapabilityRules.load(resolved)  # a bad rules file is reported at start-up, not mid-shift
    return resolved


def _check_timezone(path: Path, zone: Any) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(str(zone))
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            "config.invalid", path=str(path), detail=f"unknown timezone {zone!r}"
        ) from None
