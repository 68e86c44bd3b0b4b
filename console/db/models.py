"""Typed SQLAlchemy 2.x models: partners, depots, crews, requests, users, ledger.

Every mutable row carries ``revision`` (the global change revision of its last
write, for the change feed) and, where two writers may race, ``version`` (for
conditional updates).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Stores UTC; always hands back timezone-aware UTC datetimes (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use timezone-aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


SEQUENCE_NUMBER = BigInteger().with_variant(Integer(), "sqlite")
"""A number that grows with every write (event ``seq``, every ``revision``): 64-bit.

32 bits would run out in 25 days at 1,000 writes a second. BIGINT on
PostgreSQL; SQLite's INTEGER already holds 64 bits, and spelt INTEGER it keeps
``events.seq`` the table's rowid (a BIGINT primary key would add a second index).
"""


class Base(DeclarativeBase):
    """Declarative base with stable constraint names for Alembic."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


class ChainHead(Base):
    """The single row that serialises writers: global revision and ledger head."""

    __tablename__ = "chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0)
    event_count: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0)
    head_hash: Mapped[str] = mapped_column(String(64))
    position_revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0)
    """Bumped by each stored batch of vehicle fixes, apart from ``revision``.

    Positions are telemetry, not business state: a batch of fixes moves this
    counter only, so consoles fetch moved crews without refetching business rows,
    and caches keyed on ``revision`` (the advisor's fleet) survive position-only
    changes.
    """


class Partner(Base):
    """A third-party tow company (or the service's own fleet)."""

    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(160))
    phone: Mapped[str] = mapped_column(String(40))
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0, index=True)


class Depot(Base):
    """A depot (网点) from which crews start."""

    __tablename__ = "depots"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(160))
    city_zh: Mapped[str] = mapped_column(String(60))
    city_en: Mapped[str] = mapped_column(String(80))
    province_zh: Mapped[str] = mapped_column(String(60))
    province_en: Mapped[str] = mapped_column(String(80))
    adcode: Mapped[str] = mapped_column(String(12), index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    phone: Mapped[str] = mapped_column(String(40))
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0, index=True)


class Crew(Base):
    """A crew (救援车组): one vehicle and its people."""

    __tablename__ = "crews"
    __table_args__ = (
        CheckConstraint(
            "(status IN ('ASSIGNED','EN_ROUTE','ON_SCENE','TOWING')) = (current_request_id IS NOT NULL)",
            name="busy_iff_job",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    call_sign: Mapped[str] = mapped_column(String(32), unique=True)
    depot_id: Mapped[int] = mapped_column(ForeignKey("depots.id"), index=True)
    vehicle_kind: Mapped[str] = mapped_column(String(24))
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(24), index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    gps_at: Mapped[datetime | None]
    status_since: Mapped[datetime | None]
    shift: Mapped[str] = mapped_column(String(24))
    # One job at a time is enforced by the unique index below, not only by code.
    current_request_id: Mapped[int | None] = mapped_column(
        ForeignKey("requests.id", use_alter=True), unique=True
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0, index=True)
    position_revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0)
    """The ``chain_head.position_revision`` of the fix batch that last moved this crew.

    Not indexed, like ``lat``, ``lon`` and ``gps_at``: a batch then updates crews
    in place (see migration 0012), which keeps the chain head's lock short.
    """


class Request(Base):
    """A request for assistance (救援工单)."""

    __tablename__ = "requests"
    __table_args__ = (Index("ix_requests_status_priority", "status", "priority"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(24), unique=True)
    status: Mapped[str] = mapped_column(String(24))
    priority: Mapped[str] = mapped_column(String(4))
    priority_reason: Mapped[str] = mapped_column(String(300), default="")
    service_type: Mapped[str] = mapped_column(String(24))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    queued_at: Mapped[datetime | None]
    assign_due_at: Mapped[datetime | None]
    arrive_due_at: Mapped[datetime | None]
    assigned_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    caller_name: Mapped[str] = mapped_column(String(100), default="")
    caller_phone: Mapped[str] = mapped_column(String(40))
    caller_language: Mapped[str] = mapped_column(String(4))
    plate: Mapped[str] = mapped_column(String(16), default="")
    make_model: Mapped[str] = mapped_column(String(100), default="")
    powertrain: Mapped[str] = mapped_column(String(12))
    vehicle_class: Mapped[str] = mapped_column(String(16))
    awd: Mapped[bool] = mapped_column(Boolean, default=False)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    address: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(60), default="")
    road_type: Mapped[str] = mapped_column(String(16))
    # The crew serving (or that served) the request; who holds a job *now* is
    # crews.current_request_id, which is unique.
    assigned_crew_id: Mapped[int | None] = mapped_column(ForeignKey("crews.id"), index=True)
    eta_minutes: Mapped[int | None]
    quote_cny: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    notes: Mapped[str] = mapped_column(Text, default="")
    guidance_path: Mapped[list[str]] = mapped_column(JSON, default=list)
    cancel_reason: Mapped[str] = mapped_column(String(300), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0, index=True)
    # Set when a guidance script ended: which protocol, which determinant code,
    # and the vehicle kinds the response table asked for (beyond the vehicle's own needs).
    guidance_protocol: Mapped[str | None] = mapped_column(String(32))
    guidance_code: Mapped[str | None] = mapped_column(String(24))
    required_kinds: Mapped[list[str] | None] = mapped_column(JSON)
    # When the crew reached the scene (ON_SCENE), for time-to-arrival KPIs.
    arrived_at: Mapped[datetime | None]


class Event(Base):
    """One append-only ledger event; ``seq`` orders the hash chain."""

    __tablename__ = "events"

    seq: Mapped[int] = mapped_column(SEQUENCE_NUMBER, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(48), index=True)
    request_id: Mapped[int | None] = mapped_column(Integer, index=True)
    crew_id: Mapped[int | None] = mapped_column(Integer, index=True)
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, index=True)
    # The row changes the event made, canonical JSON; NULL on events older than it.
    changes: Mapped[str | None] = mapped_column(Text)


class ReferenceCounter(Base):
    """The last request reference number handed out on one local day.

    ``RA-20261123-0042`` is number 42 of 23 November; the counter is bumped in
    the taking call's own transaction (see :mod:`console.db.references`).
    """

    __tablename__ = "reference_counters"

    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    """The local day as the reference spells it: ``YYYYMMDD``."""
    last: Mapped[int] = mapped_column(SEQUENCE_NUMBER)


class User(Base):
    """A console user; demo accounts are flagged so nobody mistakes them for real ones."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0)


# ---------------------------------------------------------------- pricing and coverage


class Entitlement(Base):
    """A vehicle or holder covered by a programme (programmes are data files)."""

    __tablename__ = "entitlements"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme: Mapped[str] = mapped_column(String(32), index=True)
    holder: Mapped[str] = mapped_column(String(100), default="")
    number: Mapped[str] = mapped_column(String(40), unique=True)
    plate: Mapped[str] = mapped_column(String(16), default="", index=True)
    vin: Mapped[str] = mapped_column(String(17), default="")
    vin_tail: Mapped[str] = mapped_column(String(6), default="", index=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0)


class RequestCharge(Base):
    """The accepted quote of a request and, once completed, its bill."""

    __tablename__ = "request_charges"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), unique=True)
    entitlement_id: Mapped[int | None] = mapped_column(ForeignKey("entitlements.id"), index=True)
    programme: Mapped[str | None] = mapped_column(String(32), index=True)
    coverage: Mapped[str] = mapped_column(String(24))
    tariff_version: Mapped[str] = mapped_column(String(32))
    quote: Mapped[str] = mapped_column(Text)
    quote_total: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    quote_caller: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    quoted_at: Mapped[datetime]
    bill: Mapped[str | None] = mapped_column(Text)
    bill_total: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    bill_covered: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    bill_caller: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    billed_at: Mapped[datetime | None] = mapped_column(index=True)
    disputed: Mapped[bool] = mapped_column(Boolean, default=False)
    dispute_reason: Mapped[str] = mapped_column(String(300), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0, index=True)


class RequestDestination(Base):
    """Where a request's vehicle is towed to, and the estimated road distance."""

    __tablename__ = "request_destinations"

    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), primary_key=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    address: Mapped[str] = mapped_column(String(300), default="")
    estimated_tow_km: Mapped[Decimal | None] = mapped_column(Numeric(8, 1))
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0)


class SignInAttempt(Base):
    """One sign-in attempt (never the password): the record rate limiting counts."""

    __tablename__ = "sign_in_attempts"
    __table_args__ = (
        Index("ix_sign_in_attempts_username_at", "username", "at"),
        Index("ix_sign_in_attempts_workstation_at", "workstation", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    username: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(128))
    succeeded: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(24), default="")


class ConsoleSecret(Base):
    """A secret the console keeps for itself, such as the key that hashes unknown sign-in names.

    Not a record of anything that happened: no ledger event carries it.
    """

    __tablename__ = "console_secrets"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime]


class Satisfaction(Base):
    """The caller's follow-up score (1-5) for one completed request."""

    __tablename__ = "satisfaction"
    __table_args__ = (CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), unique=True)
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(index=True)
    recorded_by: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0, index=True)


class Complaint(Base):
    """A complaint about a request, with its own response deadline (24 h by default)."""

    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    category: Mapped[str] = mapped_column(String(24))
    owner: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), index=True)
    opened_at: Mapped[datetime] = mapped_column(index=True)
    due_at: Mapped[datetime]
    responded_at: Mapped[datetime | None]
    response: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None]
    resolution: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0, index=True)


# ---------------------------------------------------------------- field link


class Device(Base):
    """A registered device (a phone app or tracker) that reports for one crew.

    The device's identifier is a secret (the OsmAnd protocol carries nothing
    else), so only its SHA-256 is stored, with the last characters as a hint.
    """

    __tablename__ = "devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    crew_id: Mapped[int] = mapped_column(ForeignKey("crews.id"), index=True)
    label: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    """SHA-256 (hex) of the device identifier: 128 random bits need no slow hash."""
    token_hint: Mapped[str] = mapped_column(String(8))
    """The identifier's last characters, to tell devices apart in lists."""
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None]
    revoked_by: Mapped[str | None] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(SEQUENCE_NUMBER, default=0, index=True)


class PositionFix(Base):
    """One stored vehicle fix: the crew's trail, kept for a retention period.

    Not ledgered row by row: each batch's ledger event (``positions.batch``,
    ``seq`` = ``batch_seq``) carries the count, time span and SHA-256 of its
    canonical fixes (:func:`console.core.field.fix.batch_digest`).
    """

    __tablename__ = "position_fixes"
    __table_args__ = (Index("ix_position_fixes_crew_at", "crew_id", "at"),)

    id: Mapped[int] = mapped_column(SEQUENCE_NUMBER, primary_key=True, autoincrement=True)
    batch_seq: Mapped[int] = mapped_column(SEQUENCE_NUMBER, index=True)
    device_id: Mapped[int] = mapped_column(Integer)
    crew_id: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime]
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(12))
    speed_kmh: Mapped[float | None] = mapped_column(Float)
    bearing: Mapped[float | None] = mapped_column(Float)
    altitude_m: Mapped[float | None] = mapped_column(Float)
    accuracy_m: Mapped[float | None] = mapped_column(Float)
    battery_pct: Mapped[float | None] = mapped_column(Float)
