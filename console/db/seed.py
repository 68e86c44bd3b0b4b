"""Demo data: partners, depots in every mainland province, crews, users and a live queue.

Reference data (partners, depots, crews, users) depends only on the seed, so
the same seed always gives the same rows. Demo requests are made through the
service layer at times relative to ``at``; pin ``at`` to reproduce them exactly.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import Type
from argon2.low_level import hash_secret
from sqlalchemy import Engine, delete, func, insert, select, text, update

from console.core.capability import CapabilityRules, VehicleFacts
from console.core.errors import StorageError, ValidationError
from console.core.fleet_layout import (
    City,
    layout_fleet,
    load_cities,
)
from console.core.fleet_layout import scatter as _scatter
from console.core.fleet_layout import weighted as _weighted
from console.core.geo import ServiceArea, haversine_km
from console.core.intake import RequestDraft
from console.core.ledger import GENESIS_HASH
from console.core.roles import Permission, Principal
from console.core.vocab import (
    CallerLanguage,
    CrewStatus,
    Powertrain,
    Priority,
    RequestStatus,
    RoadType,
    Role,
    ServiceType,
    VehicleClass,
)
from console.db.models import (
    Complaint,
    Crew,
    Depot,
    Entitlement,
    Event,
    Partner,
    ReferenceCounter,
    Request,
    RequestCharge,
    RequestDestination,
    Satisfaction,
    User,
)
from console.db.pricing_seed import demo_entitlements
from console.db.records import capture
from console.db.seed_history import seed_history
from console.db.services import Services

DEFAULT_SEED = 2026
DEMO_PASSWORD = "demo"
MAX_REQUESTS = 2000
MAX_HISTORY_DAYS = 31
DEMO_HISTORY_DAYS = 7
"""Days of history ``python main.py seed`` and the first start lay down."""

PROVINCE_ABBREVIATION = {
    "11": "京", "12": "津", "13": "冀", "14": "晋", "15": "蒙", "21": "辽", "22": "吉",
    "23": "黑", "31": "沪", "32": "苏", "33": "浙", "34": "皖", "35": "闽", "36": "赣",
    "37": "鲁", "41": "豫", "42": "鄂", "43": "湘", "44": "粤", "45": "桂", "46": "琼",
    "50": "渝", "51": "川", "52": "贵", "53": "云", "54": "藏", "61": "陕", "62": "甘",
    "63": "青", "64": "宁", "65": "新",
}  # fmt: skip
"""Plate prefix per province code (first two adcode digits)."""

# How long ago a demo request at each status was opened, in minutes (low, high).
DEMO_AGE_MINUTES = {
    RequestStatus.NEW: (0, 2),
    RequestStatus.TRIAGE: (1, 4),
    RequestStatus.QUEUED: (1, 4),
    RequestStatus.ASSIGNED: (3, 10),
    RequestStatus.EN_ROUTE: (6, 25),
    RequestStatus.ON_SCENE: (20, 50),
    RequestStatus.TOWING: (30, 60),
}
DEMO_MAX_ASSIGN_KM = 60.0
# Share of calls by service type, after published motor-club mixes (AAA).
SERVICE_MIX = (
    (ServiceType.TOW, 40), (ServiceType.JUMP_START, 20), (ServiceType.LOCKOUT, 14),
    (ServiceType.TYRE_CHANGE, 10), (ServiceType.FUEL_DELIVERY, 4),
    (ServiceType.EXTRACTION, 4), (ServiceType.EV_CHARGING, 4), (ServiceType.EV_HV_CHECK, 2),
    (ServiceType.REMOTE_GUIDANCE, 2),
)  # fmt: skip
VEHICLES = (
    ("比亚迪 秦PLUS", Powertrain.EV, VehicleClass.CAR, False),
    ("特斯拉 Model Y", Powertrain.EV, VehicleClass.SUV, True),
    ("大众 朗逸", Powertrain.ICE, VehicleClass.CAR, False),
    ("丰田 卡罗拉 双擎", Powertrain.HEV, VehicleClass.CAR, False),
    ("本田 雅阁", Powertrain.ICE, VehicleClass.CAR, False),
    ("吉利 星越L", Powertrain.ICE, VehicleClass.SUV, False),
    ("蔚来 ES6", Powertrain.EV, VehicleClass.SUV, True),
    ("理想 L7", Powertrain.HEV, VehicleClass.SUV, True),
    ("五菱 宏光MINIEV", Powertrain.EV, VehicleClass.CAR, False),
    ("长城 哈弗H6", Powertrain.ICE, VehicleClass.SUV, False),
    ("小鹏 P7", Powertrain.EV, VehicleClass.CAR, False),
    ("奥迪 Q5L", Powertrain.ICE, VehicleClass.SUV, True),
    ("江淮 帅铃 轻卡", Powertrain.ICE, VehicleClass.LIGHT_TRUCK, False),
    ("福田 欧曼 重卡", Powertrain.ICE, VehicleClass.HEAVY_TRUCK, False),
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN_NAMES = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "磊",
    "强",
    "洋",
    "艳",
    "杰",
    "婷",
    "浩然",
    "子涵",
    "雨轩",
)
FOREIGN_NAMES = ("James Miller", "Anna Schmidt", "Kenji Sato", "Maria Garcia", "Oliver Brown")
URBAN_ROADS = ("人民路", "中山路", "解放路", "建设大道", "滨江路", "环城北路", "科技园路")
EXPRESSWAYS = ("绕城高速", "机场高速", "城际高速", "国家高速")
RURAL_ROADS = ("X205县道", "S312省道", "Y018乡道", "G318国道")


@dataclass(frozen=True)
class SeedOptions:
    """What ``python main.py seed`` was asked for, validated."""

    seed: int = DEFAULT_SEED
    requests: int = 60
    at: datetime | None = None
    replace: bool = False
    history_days: int = 0
    """Days of finished jobs (with follow-ups and complaints) to lay down before ``at``."""

    def __post_init__(self) -> None:
        if (
            isinstance(self.seed, bool)
            or not isinstance(self.seed, int)
            or not 0 <= self.seed < 2**63
        ):
            raise ValidationError("seed.invalid", option="--seed", detail="a whole number from 0")
        if isinstance(self.requests, bool) or not isinstance(self.requests, int):
            raise ValidationError("seed.invalid", option="--requests", detail="a whole number")
        if not 0 <= self.requests <= MAX_REQUESTS:
            raise ValidationError(
                "seed.invalid", option="--requests", detail=f"0 to {MAX_REQUESTS}"
            )
        if self.at is not None and self.at.tzinfo is None:
            raise ValidationError(
                "seed.invalid", option="--at", detail="give a time zone, e.g. +08:00"
            )
        if (
            isinstance(self.history_days, bool)
            or not isinstance(self.history_days, int)
            or not 0 <= self.history_days <= MAX_HISTORY_DAYS
        ):
            raise ValidationError(
                "seed.invalid", option="--history-days", detail=f"0 to {MAX_HISTORY_DAYS}"
            )


def parse_at(value: str) -> datetime:
    """Parse ``--at`` (ISO 8601 with a zone) or raise a ValidationError."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            "seed.invalid", option="--at", detail="use ISO 8601, e.g. 2026-11-23T08:00:00+08:00"
        ) from None
    if moment.tzinfo is None:
        raise ValidationError("seed.invalid", option="--at", detail="give a time zone, e.g. +08:00")
    return moment.astimezone(UTC)


def _demo_hash(seed: int, username: str) -> str:
    # A salt derived from the seed keeps demo data reproducible; real users get random salts.
    salt = hashlib.sha256(f"{seed}:{username}".encode()).digest()[:16]
    return hash_secret(
        DEMO_PASSWORD.encode(), salt, time_cost=3, memory_cost=65536, parallelism=4,
        hash_len=32, type=Type.ID,
    ).decode()  # fmt: skip


@dataclass
class ReferenceData:
    """The rows one seed produces, ready for bulk insert."""

    partners: list[dict[str, Any]]
    depots: list[dict[str, Any]]
    crews: list[dict[str, Any]]
    users: list[dict[str, Any]]


def build_reference_data(
    seed: int, at: datetime, cities: Sequence[City], area: ServiceArea
) -> ReferenceData:
    """Deterministically lay out partners, depots, crews and demo users."""
    fleet = layout_fleet(seed, at, cities, area)
    users = [
        {"id": i, "username": name, "display_name": display, "role": role.value,
         "password_hash": _demo_hash(seed, name), "is_demo": True, "disabled": False,
         "created_at": at, "revision": 1}
        for i, (name, display, role) in enumerate(
            (
                ("dispatcher", "演示调度员 Demo Dispatcher", Role.DISPATCHER),
                ("supervisor", "演示值班主管 Demo Supervisor", Role.SUPERVISOR),
                ("admin", "演示管理员 Demo Admin", Role.ADMIN),
            ),
            start=1,
        )
    ]  # fmt: skip
    return ReferenceData(fleet.partners, fleet.depots, fleet.crews, users)


class _SteppingClock:
    """A clock the seeder moves forward by hand so demo events get plausible times."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def _reset_sequences(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as connection:
        for table in (
            "entitlements",
            "partners",
            "depots",
            "crews",
            "users",
            "requests",
            "satisfaction",
            "complaints",
        ):
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"GREATEST((SELECT MAX(id) FROM {table}), 1))"
                )
            )


SeedProgress = Callable[[int, int], None]
"""Told ``(done, total)`` as seeding goes on; ``total`` stays the same throughout."""

SEED_STEPS = 100
"""The ``total`` a :data:`SeedProgress` is given: reference data, history, then live requests."""

_REFERENCE_DONE = 40
_HISTORY_DONE = 60


def seed_database(
    engine: Engine,
    options: SeedOptions,
    *,
    cities: Sequence[City] | None = None,
    progress: SeedProgress | None = None,
) -> dict[str, int]:
    """Fill ``engine``'s database with demo data; return the row counts.

    Refuses a database that already holds depots unless ``options.replace``.
    Reference data goes in as one unit of work (one ledger event); each demo
    request then goes through the ordinary service calls. ``progress``, if
    given, is called from the seeding thread with ``(done, SEED_STEPS)``.
    """
    report: SeedProgress = progress or (lambda _done, _total: None)
    report(0, SEED_STEPS)
    at = (options.at or datetime.now(UTC)).astimezone(UTC)
    city_list = list(cities) if cities is not None else load_cities()
    area = ServiceArea.default()
    data = build_reference_data(options.seed, at, city_list, area)
    clock = _SteppingClock(at - timedelta(hours=1))
    services = Services(engine, principal=Principal.system("seed"), clock=clock)

    with services.unit_of_work(Permission.MAINTAIN) as uow:
        session = uow.session
        existing = session.scalar(select(func.count()).select_from(Depot)) or 0
        if existing and not options.replace:
            raise StorageError("db.not_empty")
        if options.replace:
            session.execute(
                update(Crew).values(
                    current_request_id=None, status=CrewStatus.AVAILABLE.value, status_since=None
                )
            )
            for pricing_model in (RequestCharge, RequestDestination, Entitlement):
                session.execute(delete(pricing_model))
            for model in (
                Satisfaction,
                Complaint,
                Request,
                ReferenceCounter,
                Crew,
                Depot,
                Partner,
                User,
                Event,
            ):
                session.execute(delete(model))
            assert uow.head is not None, "a reset runs alone, holding the chain head"
            uow.head.event_count = 0
            uow.head.head_hash = GENESIS_HASH
            uow.events.clear()
            # The ledger starts again: the rows just removed are not part of it.
            noted = capture.current(session)
            if noted is not None:
                noted.clear()
        for model, rows in (
            (Partner, data.partners),
            (Depot, data.depots),
            (Crew, data.crews),
            (User, data.users),
        ):
            for row in rows:
                row["revision"] = uow.revision
            session.execute(insert(model), rows)
        session.execute(
            insert(Entitlement),
            [{**row, "revision": uow.revision} for row in demo_entitlements(options.seed)],
        )
        digest = hashlib.sha256(
            json.dumps(
                [data.partners, data.depots, [{**c, "gps_at": None} for c in data.crews]],
                sort_keys=True,
                ensure_ascii=False,
                default=str,
            ).encode()
        ).hexdigest()
        uow.record(
            "dataset.seeded",
            seed=options.seed,
            replaced=options.replace,
            partners=len(data.partners),
            depots=len(data.depots),
            crews=len(data.crews),
            users=len(data.users),
            digest=digest,
        )
    report(_REFERENCE_DONE, SEED_STEPS)
    history = 0
    if options.history_days:
        history = seed_history(
            services,
            clock=clock,
            seed=options.seed,
            at=at,
            days=options.history_days,
            cities=city_list,
            crews=data.crews,
            depots=data.depots,
            draft=lambda rng: _demo_draft(rng, city_list, [1] * len(city_list), area),
        )
        clock.now = at - timedelta(hours=1)
    report(_HISTORY_DONE, SEED_STEPS)
    _reset_sequences(engine)

    def requests_progress(done: int, total: int) -> None:
        share = SEED_STEPS - _HISTORY_DONE
        report(_HISTORY_DONE + (share * done // total if total else share), SEED_STEPS)

    made = _demo_requests(
        services,
        clock=clock,
        options=options,
        at=at,
        cities=city_list,
        area=area,
        data=data,
        progress=requests_progress,
    )
    return {
        "partners": len(data.partners),
        "depots": len(data.depots),
        "crews": len(data.crews),
        "users": len(data.users),
        "requests": made,
        "history": history,
    }


def _demo_requests(
    services: Services,
    *,
    clock: _SteppingClock,
    options: SeedOptions,
    at: datetime,
    cities: Sequence[City],
    area: ServiceArea,
    data: ReferenceData,
    progress: SeedProgress,
) -> int:
    rng = random.Random(options.seed * 7919 + 1)
    weights = [{1: 12, 2: 4, 3: 1}[c.tier] for c in cities]
    free = {c["id"]: c for c in data.crews if c["status"] == CrewStatus.AVAILABLE.value}
    targets = (
        (RequestStatus.NEW, 4), (RequestStatus.TRIAGE, 8), (RequestStatus.QUEUED, 44),
        (RequestStatus.ASSIGNED, 14), (RequestStatus.EN_ROUTE, 14), (RequestStatus.ON_SCENE, 10),
        (RequestStatus.TOWING, 6),
    )  # fmt: skip
    actions: list[tuple[datetime, int, RequestDraft | RequestStatus]] = []
    for index in range(options.requests):
        draft = _demo_draft(rng, cities, weights, area)
        target: RequestStatus = _weighted(rng, targets)
        low, high = DEMO_AGE_MINUTES[target]
        start = at - timedelta(seconds=rng.randrange(low * 60, high * 60))
        actions.append((start, index, draft))
        service = ServiceType(str(draft.service_type))
        if service is ServiceType.REMOTE_GUIDANCE and target is not RequestStatus.NEW:
            target = RequestStatus.TRIAGE
        moment = start
        for status in _walk(target, service):
            moment = min(moment + timedelta(seconds=rng.randrange(20, 120)), at)
            actions.append((moment, index, status))
    # Replay in time order so the ledger reads like a real shift.
    actions.sort(key=lambda action: (action[0], action[1]))
    rows: dict[int, tuple[int, RequestDraft]] = {}
    stuck: set[int] = set()
    every = max(1, len(actions) // 50)
    for step, (moment, index, action) in enumerate(actions):
        if step % every == 0:
            progress(step, len(actions))
        clock.now = moment
        if isinstance(action, RequestDraft):
            rows[index] = (services.create_request(action).id, action)
            continue
        if index in stuck:
            continue
        request_id, draft = rows[index]
        if action is RequestStatus.ASSIGNED:
            lat, lon = float(str(draft.lat)), float(str(draft.lon))
            crew = _nearest_free(free, lat, lon, draft)
            if crew is None or _km(lat, lon, crew["lat"], crew["lon"]) > DEMO_MAX_ASSIGN_KM:
                stuck.add(index)
                continue
            distance_km = _km(lat, lon, crew["lat"], crew["lon"])
            services.assign(
                request_id, crew["id"], eta_minutes=max(5, round(6 + distance_km * 1.8))
            )
            del free[crew["id"]]
        else:
            services.move(request_id, action)
    progress(len(actions), len(actions))
    return options.requests


def _demo_draft(
    rng: random.Random, cities: Sequence[City], weights: Sequence[int], area: ServiceArea
) -> RequestDraft:
    """One plausible caller, vehicle and location."""
    city = rng.choices(cities, weights=weights, k=1)[0]
    road: RoadType = _weighted(
        rng, ((RoadType.URBAN, 0.7), (RoadType.EXPRESSWAY, 0.15), (RoadType.RURAL, 0.15))
    )
    lat, lon = _scatter(rng, area, city.lat, city.lon, 8.0 if road is RoadType.URBAN else 35.0)
    make_model, powertrain, vclass, awd = rng.choice(VEHICLES)
    service: ServiceType = _weighted(rng, SERVICE_MIX)
    if powertrain is not Powertrain.EV and service in {
        ServiceType.EV_CHARGING,
        ServiceType.EV_HV_CHECK,
    }:
        service = ServiceType.JUMP_START
    foreign = rng.random() < 0.06
    priority, reason = Priority.P2, ""
    if road is RoadType.EXPRESSWAY:
        priority, reason = Priority.P1, "Vehicle on expressway shoulder"
    elif rng.random() < 0.05:
        priority, reason = Priority.P1, "Collision reported"
    elif rng.random() < 0.05:
        priority, reason = Priority.P3, "Caller asked for a scheduled visit"
    if road is RoadType.EXPRESSWAY:
        km = f"K{rng.randrange(3, 120)}+{rng.randrange(0, 10) * 100}"
        address = f"{rng.choice(EXPRESSWAYS)} {km}"
    elif road is RoadType.RURAL:
        address = f"{rng.choice(RURAL_ROADS)} 附近"
    else:
        address = f"{rng.choice(URBAN_ROADS)}{rng.randrange(1, 999)}号"
    tail = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(4))
    serial = (
        f"D{rng.randrange(10)}{tail}"
        if powertrain is Powertrain.EV
        else f"{rng.randrange(10)}{tail}"
    )
    name = rng.choice(FOREIGN_NAMES) if foreign else rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES)
    return RequestDraft(
        caller_phone=f"1{rng.choice('35789')}{rng.randrange(10**8, 10**9)}",
        caller_name=name,
        caller_language=CallerLanguage.EN if foreign else CallerLanguage.ZH,
        lat=lat,
        lon=lon,
        address=address,
        city=city.name_zh,
        road_type=road,
        plate=f"{PROVINCE_ABBREVIATION[city.province_code]}{rng.choice('ABCDEFG')}{serial}",
        make_model=make_model,
        powertrain=powertrain,
        vehicle_class=vclass,
        awd=awd,
        service_type=service,
        priority=priority,
        priority_reason=reason,
    )


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return haversine_km(lat1, lon1, lat2, lon2)


def _walk(target: RequestStatus, service: ServiceType) -> list[RequestStatus]:
    order = [RequestStatus.TRIAGE, RequestStatus.QUEUED, RequestStatus.ASSIGNED,
             RequestStatus.EN_ROUTE, RequestStatus.ON_SCENE, RequestStatus.TOWING]  # fmt: skip
    if target is RequestStatus.NEW:
        return []
    path = order[: order.index(target) + 1]
    if service is not ServiceType.TOW and RequestStatus.TOWING in path:
        path.remove(RequestStatus.TOWING)
    return path


def _nearest_free(
    free: dict[int, dict[str, Any]], lat: float, lon: float, draft: RequestDraft
) -> dict[str, Any] | None:
    """The nearest free crew the capability rules allow for ``draft`` (ties: lowest id)."""
    needs = CapabilityRules.default().needs(
        VehicleFacts(
            ServiceType(str(draft.service_type)),
            Powertrain(str(draft.powertrain)),
            VehicleClass(str(draft.vehicle_class)),
            draft.awd,
            CallerLanguage(str(draft.caller_language)),
        )
    )
    kinds = {kind.value for kind in needs.kinds}
    skills = {skill.value for skill in needs.skills}
    capable = [
        crew
        for crew in free.values()
        if crew["vehicle_kind"] in kinds and skills <= set(crew["skills"])
    ]
    if needs.no_crew or not capable:
        return None
    return min(capable, key=lambda crew: (_km(lat, lon, crew["lat"], crew["lon"]), crew["id"]))
