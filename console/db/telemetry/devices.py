"""The device registry: each crew's reporting devices, added, listed, revoked and resolved.

Adding and revoking are units of work with one ledger event each
(``device.added``, ``device.revoked``); the event and the log carry the
identifier's hint, never the identifier. :meth:`DeviceRegistry.resolve`
implements :class:`~console.core.field.ports.DeviceLookup` for the gateway: the
identifier is hashed and looked up by the unique index on ``token_hash``.
"""

from __future__ import annotations

import builtins
import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import ColumnElement, Engine, Select, select, true
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from console.core.errors import NotFound
from console.core.field.devices import (
    TOKEN_MAX,
    DeviceRow,
    new_token,
    token_hash,
    token_hint,
)
from console.core.field.ports import DeviceRef, StoreUnavailable
from console.core.roles import Permission, Principal
from console.core.validation import brief, printable, require_text
from console.db.engine import unreachable
from console.db.models import Crew, Device
from console.db.permits import declares
from console.db.services import Clock, Services, WriteContext, utc_now

__all__ = ["RESOLVE_TTL_S", "DeviceRegistry"]

logger = logging.getLogger(__name__)

RESOLVE_TTL_S = 5.0
"""How long a resolved identifier is remembered: a revocation takes effect within it."""
LABEL_MAX = 80
"""Characters a device's label may hold (the column's width)."""
_CACHE_MAX = 100_000


def device_row(device: Device, call_sign: str) -> DeviceRow:
    """Copy a stored device into a :class:`DeviceRow` (never the identifier's hash)."""
    return DeviceRow(
        id=device.id,
        crew_id=device.crew_id,
        call_sign=call_sign,
        label=device.label,
        hint=device.token_hint,
        created_at=device.created_at,
        created_by=device.created_by,
        revoked_at=device.revoked_at,
        revoked_by=device.revoked_by,
    )


class DeviceRegistry:
    """Registered devices on one database, for ``principal``.

    Adding, listing and revoking need :attr:`Permission.MANAGE_DEVICES` (an
    administrator, or the command line's system principal); resolving an
    identifier (the gateway's look-up) needs none: holding the identifier is
    the credential. Resolved answers are kept ``ttl`` seconds (``monotonic``).
    """

    def __init__(
        self,
        engine: Engine,
        *,
        principal: Principal,
        clock: Clock = utc_now,
        ttl: float = RESOLVE_TTL_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._engine = engine
        self.principal = principal
        self._services = Services(engine, principal=principal, clock=clock)
        self._ttl = ttl
        self._monotonic = monotonic
        self._cache: dict[str, tuple[float, DeviceRef | None]] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------- registry

    @declares(Permission.MANAGE_DEVICES)
    def add(self, call_sign: str, label: str = "") -> tuple[DeviceRow, str]:
        """Register a device for crew ``call_sign``; its row and its identifier (shown this once)."""
        sign = printable(str(call_sign)).strip()
        with Session(self._engine) as session:
            crew_id = session.scalar(select(Crew.id).where(Crew.call_sign == sign))
        if crew_id is None:
            raise NotFound("not_found.crew", key=brief(sign))
        return self.add_for_crew(crew_id, label)

    @declares(Permission.MANAGE_DEVICES)
    def add_for_crew(self, crew_id: int, label: str = "") -> tuple[DeviceRow, str]:
        """Register a device for crew ``crew_id``; its row and its identifier (shown this once)."""
        text = require_text("label", label, limit=LABEL_MAX, required=False)
        token = new_token()
        hint = token_hint(token)
        with self._services.unit_of_work(Permission.MANAGE_DEVICES) as uow:
            crew = uow.session.get(Crew, _crew_key(crew_id))
            if crew is None:
                raise NotFound("not_found.crew", key=brief(crew_id))
            device = Device(
                crew_id=crew.id,
                label=text,
                token_hash=token_hash(token),
                token_hint=hint,
                created_at=uow.now,
                created_by=uow.actor,
                revoked_at=None,
                revoked_by=None,
                revision=uow.revision,
            )
            uow.session.add(device)
            uow.session.flush()
            uow.record(
                "device.added",
                crew_id=crew.id,
                device_id=device.id,
                crew=crew.call_sign,
                label=text,
                hint=hint,
            )
            row = device_row(device, crew.call_sign)
        logger.info("device %d (…%s) added for crew %s", row.id, hint, row.call_sign)
        return row, token

    @declares(Permission.MANAGE_DEVICES)
    def list(self, call_sign: str | None = None) -> builtins.list[DeviceRow]:
        """Every registered device (revoked ones too), or crew ``call_sign``'s; by crew, then id."""
        query = select(Device, Crew.call_sign).join(Crew, Crew.id == Device.crew_id)
        if call_sign is not None:
            sign = printable(str(call_sign)).strip()
            with Session(self._engine) as session:
                if session.scalar(select(Crew.id).where(Crew.call_sign == sign)) is None:
                    raise NotFound("not_found.crew", key=brief(sign))
            query = query.where(Crew.call_sign == sign)
        return self._rows(query.order_by(Crew.call_sign, Device.id))

    @declares(Permission.MANAGE_DEVICES)
    def of_crew(self, crew_id: int) -> builtins.list[DeviceRow]:
        """Crew ``crew_id``'s devices, revoked ones too, oldest first."""
        query = (
            select(Device, Crew.call_sign)
            .join(Crew, Crew.id == Device.crew_id)
            .where(Device.crew_id == _crew_key(crew_id))
            .order_by(Device.id)
        )
        return self._rows(query)

    @declares(Permission.MANAGE_DEVICES)
    def revoke(self, device_id: int) -> DeviceRow:
        """Revoke a device: the gateway refuses its reports from now on (within the look-up TTL).

        Revoking a revoked device changes nothing and records nothing.
        """
        key = _device_key(device_id)
        try:
            with self._services.unit_of_work(Permission.MANAGE_DEVICES) as uow:
                device = uow.session.get(Device, key)
                if device is None:
                    raise NotFound("not_found.device", key=brief(device_id))
                crew = uow.session.get(Crew, device.crew_id)
                call_sign = crew.call_sign if crew is not None else str(device.crew_id)
                if device.revoked_at is not None:
                    raise _AlreadyRevoked(device_row(device, call_sign))
                row = _revoke(uow, device, call_sign)
        except _AlreadyRevoked as done:
            return done.row
        with self._lock:
            self._cache.clear()
        logger.info("device %d (…%s) of crew %s revoked", row.id, row.hint, row.call_sign)
        return row

    # --------------------------------------------------------------- lookup

    def resolve(self, token: str) -> DeviceRef | None:
        """The device with identifier ``token`` (revoked ones too), or None when there is none.

        Raises :class:`StoreUnavailable` when the database cannot be asked.
        """
        if not isinstance(token, str) or not token or len(token) > TOKEN_MAX:
            return None
        digest = token_hash(token)
        now = self._monotonic()
        with self._lock:
            held = self._cache.get(digest)
        if held is not None and now - held[0] < self._ttl:
            return held[1]
        refs = self._refs(Device.token_hash == digest)
        ref = refs.get(digest)
        with self._lock:
            if len(self._cache) >= _CACHE_MAX:
                self._cache.clear()
            self._cache[digest] = (now, ref)
        return ref

    def directory(self) -> dict[str, DeviceRef]:
        """Every registered device (revoked ones too) by the SHA-256 of its identifier: one query."""
        return self._refs(true())

    def _refs(self, where: ColumnElement[bool]) -> dict[str, DeviceRef]:
        """The devices matching ``where``, by identifier hash; raises StoreUnavailable."""
        try:
            with self._engine.connect() as connection:
                rows = connection.execute(
                    select(
                        Device.token_hash,
                        Device.id,
                        Device.crew_id,
                        Crew.call_sign,
                        Device.token_hint,
                        Device.revoked_at,
                    )
                    .join(Crew, Crew.id == Device.crew_id)
                    .where(where)
                ).all()
        except SQLAlchemyError as exc:
            raise StoreUnavailable(type(exc).__name__) from None
        return {
            row.token_hash: DeviceRef(
                device_id=row.id,
                crew_id=row.crew_id,
                call_sign=row.call_sign,
                hint=row.token_hint,
                revoked=row.revoked_at is not None,
            )
            for row in rows
        }

    # -------------------------------------------------------------- helpers

    def _rows(self, query: Select[Device, str]) -> builtins.list[DeviceRow]:
        try:
            with Session(self._engine) as session:
                return [
                    device_row(device, call_sign) for device, call_sign in session.execute(query)
                ]
        except DBAPIError as exc:
            raise unreachable(self._engine, exc) from None


def _revoke(uow: WriteContext, device: Device, call_sign: str) -> DeviceRow:
    device.revoked_at = uow.now
    device.revoked_by = uow.actor
    device.revision = uow.revision
    uow.record(
        "device.revoked",
        crew_id=device.crew_id,
        device_id=device.id,
        crew=call_sign,
        hint=device.token_hint,
    )
    return device_row(device, call_sign)


class _AlreadyRevoked(Exception):
    """Ends a revocation that has nothing to do (rolling its unit of work back)."""

    def __init__(self, row: DeviceRow) -> None:
        super().__init__(row.id)
        self.row = row


def _crew_key(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 2**31 - 1:
        raise NotFound("not_found.crew", key=brief(value))
    return value


def _device_key(value: object) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 2**31 - 1:
        raise NotFound("not_found.device", key=brief(value))
    return value
