"""Who may do what: permissions, the role table and the acting principal.

The service layer checks a :class:`Permission` at the top of every unit of
work (see ``console.db.services``), so a dispatcher's session cannot run a
supervisor's operation even by calling the service directly; the UI only
hides what the same table forbids. Pure Python: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from console.core.errors import PermissionDenied, ValidationError
from console.core.records import RequestRow
from console.core.vocab import Role

__all__ = [
    "CREW_PERMISSIONS",
    "PASSWORD_MAX",
    "PASSWORD_MIN",
    "ROLE_PERMISSIONS",
    "SYSTEM_PERMISSIONS",
    "Permission",
    "Principal",
    "check_new_password",
    "clean_username",
    "mask_phone",
    "phone_visible",
    "redact_event",
    "redact_payload",
    "redact_request",
    "require",
]


class Permission(StrEnum):
    """One kind of operation a principal may be allowed to carry out."""

    VIEW_QUEUE = "queue.view"
    """Read the queue, the fleet, the depots and a request's history (read only)."""
    TAKE_CALL = "call.take"
    """Store a new call (intake)."""
    TRIAGE = "request.triage"
    """Start triage, queue a request, close it as resolved by phone."""
    ASSIGN = "request.assign"
    """Send an available crew to a queued request."""
    PROGRESS = "request.progress"
    """Record en route, on scene, towing and completed."""
    CANCEL = "request.cancel"
    """Cancel an open request with a reason."""
    RELEASE_CREW = "request.release_crew"
    """Take the crew off an assigned or en-route job; the request waits again."""
    REASSIGN = "request.reassign"
    """Swap the crew of a running job in one step (a supervisor's override)."""
    CREW_DUTY = "crew.duty"
    """Put an idle crew on or off duty."""
    CREW_SERVICE = "crew.service"
    """Take a crew out of service, or put it back (vehicle defects, accidents)."""
    CREW_POSITION = "crew.position"
    """Record a crew's GPS position by hand."""
    IMPORT_REFERENCE = "reference.import"
    """Import depots and crews from a CSV file."""
    MANAGE_USERS = "users.manage"
    """Add users, reset passwords, disable and enable accounts."""
    VIEW_CALLER_PHONE = "phone.view_open"
    """See the full callback number of open requests (to call the caller back)."""
    VIEW_CLOSED_CALLER_PHONE = "phone.view_closed"
    """See the full number of closed requests too (follow-ups, complaints)."""
    MAINTAIN = "system.maintain"
    """Seed, import, restore: maintenance from the command line."""
    SIGN_IN = "auth.sign_in"
    """Record sign-in attempts: the sign-in gate's own, no role has it."""
    QUOTE = "pricing.quote"
    """Price a job, look up entitlements, read and record a request's quote and bill."""
    DISPUTE = "pricing.dispute"
    """Flag a bill as disputed by the caller, with the reason."""
    MANAGE_COVERAGE = "coverage.manage"
    """Add coverage entitlements (members, policies, covered vehicles)."""
    FOLLOW_UP = "quality.follow_up"
    """Record a caller's satisfaction score and open a complaint."""
    HANDLE_COMPLAINTS = "quality.complaints"
    """Answer and close complaints."""
    VIEW_QUALITY = "quality.view"
    """Read jobs, satisfaction, complaints, scorecards, reports and revenue."""
    MANAGE_DEVICES = "devices.manage"
    """Register crews' reporting devices (phones, trackers), list and revoke them."""


P = Permission

_DESK = frozenset(
    {
        P.VIEW_QUEUE,
        P.TAKE_CALL,
        P.TRIAGE,
        P.ASSIGN,
        P.PROGRESS,
        P.CANCEL,
        P.RELEASE_CREW,
        P.CREW_DUTY,
        P.CREW_POSITION,
        P.VIEW_CALLER_PHONE,
        P.QUOTE,
        P.DISPUTE,
        P.FOLLOW_UP,
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DISPATCHER: _DESK,
    Role.SUPERVISOR: _DESK
    | {P.REASSIGN, P.CREW_SERVICE, P.IMPORT_REFERENCE, P.VIEW_CLOSED_CALLER_PHONE}
    | {P.MANAGE_COVERAGE, P.HANDLE_COMPLAINTS, P.VIEW_QUALITY},
    # An administrator manages accounts; it is not a dispatch desk, so it sees
    # the queue read-only and never a full caller number.
    Role.ADMIN: frozenset({P.VIEW_QUEUE, P.MANAGE_USERS, P.MANAGE_DEVICES}),
}
"""Every role and what it may do, reads included (``console.db.permits``): only
supervisors read complaints, satisfaction, the jobs list and revenue; an
administrator reads no quote or bill. Dispatchers need the caller's number while a
job is open (call-backs); only supervisors, who handle follow-ups and
complaints, keep seeing it once the job is closed."""

SYSTEM_PERMISSIONS = frozenset(Permission)
"""What the command line's maintenance principal may do (it already holds the database)."""

CREW_PERMISSIONS = frozenset({P.PROGRESS})
"""What a crew's device may do: report en route, on scene, towing and completed, and only
on the crew's own current job (the service layer checks ``Principal.crew_id``)."""


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is acting: a signed-in user with a role, the named system itself, or a crew.

    ``actor`` is the name the ledger records. Build one with :meth:`user` (after
    sign-in), :meth:`system` (command-line maintenance, seeding, the live demo) or
    :meth:`crew` (a crew's device in the field); nothing gets rights by default.
    """

    actor: str
    role: Role | None
    permissions: frozenset[Permission]
    display_name: str = ""
    is_demo: bool = False
    crew_id: int | None = None
    """Set for a crew's principal: it may act only on that crew's current job."""

    @classmethod
    def user(
        cls, username: str, role: Role, *, display_name: str = "", is_demo: bool = False
    ) -> Principal:
        """A signed-in user with exactly the permissions of ``role``."""
        return cls(username, role, ROLE_PERMISSIONS[Role(role)], display_name or username, is_demo)

    @classmethod
    def system(cls, name: str) -> Principal:
        """The console itself acting as ``name`` (e.g. "cli:alice", "seed", "simulator")."""
        return cls(name, None, SYSTEM_PERMISSIONS, name)

    @classmethod
    def crew(cls, crew_id: int, call_sign: str) -> Principal:
        """Crew ``call_sign`` reporting from its device: field moves on its own job only."""
        return cls(f"crew:{call_sign}", None, CREW_PERMISSIONS, call_sign, crew_id=crew_id)

    @property
    def is_system(self) -> bool:
        """True for the maintenance principal (no user signed in, no crew)."""
        return self.role is None and self.crew_id is None

    def can(self, permission: Permission) -> bool:
        """Whether this principal may carry out ``permission``."""
        return permission in self.permissions


def require(principal: Principal, permission: Permission) -> None:
    """Raise :class:`PermissionDenied` unless ``principal`` may do ``permission``."""
    if not principal.can(permission):
        raise PermissionDenied(
            "permission.denied",
            user=principal.actor,
            role=(
                principal.role or ("crew" if principal.crew_id is not None else "system")
            ).lower(),
            permission=permission.value,
        )


def mask_phone(phone: str) -> str:
    """``phone`` with its middle digits starred (13812345678 -> 138****5678).

    The first three and last four digits stay when there are at least eleven
    (enough to recognise a caller on the line, not enough to call them);
    shorter numbers keep only their last two. Separators and "+" stay put.
    """
    digits = sum(ch.isdigit() for ch in phone)
    head, tail = (3, 4) if digits >= 11 else (0, 2 if digits > 4 else 0)
    seen = 0
    out: list[str] = []
    for ch in phone:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen <= head or seen > digits - tail else "*")
        else:
            out.append(ch)
    return "".join(out)


def phone_visible(principal: Principal, *, open_request: bool) -> bool:
    """Whether ``principal`` may see a caller's full number on an open or a closed request."""
    if open_request:
        return principal.can(Permission.VIEW_CALLER_PHONE)
    return principal.can(Permission.VIEW_CLOSED_CALLER_PHONE)


def redact_request(principal: Principal, row: RequestRow) -> RequestRow:
    """``row`` as ``principal`` may see it: the caller's number masked where not needed."""
    if phone_visible(principal, open_request=row.is_open):
        return row
    return replace(row, caller_phone=mask_phone(row.caller_phone))


PHONE_KEYS = frozenset({"caller_phone"})
"""Ledger payload keys that hold a caller's number."""


def redact_payload(
    principal: Principal, payload: Mapping[str, Any], *, open_request: bool
) -> dict[str, Any]:
    """A ledger payload as ``principal`` may see it (caller numbers masked where not needed)."""
    if phone_visible(principal, open_request=open_request):
        return dict(payload)
    return {
        key: mask_phone(value) if key in PHONE_KEYS and isinstance(value, str) else value
        for key, value in payload.items()
    }


QUALITY_EVENT_KINDS = ("satisfaction.", "complaint.")
"""Ledger event kinds whose content (scores, comments, complaint texts) is a supervisor's."""

QUALITY_KEPT_KEYS = frozenset({"reference", "complaint_id"})
"""What of a quality event a principal without ``VIEW_QUALITY`` receives: that it happened."""


def redact_event(
    principal: Principal, kind: str, payload: Mapping[str, Any], *, open_request: bool
) -> dict[str, Any]:
    """A ledger event's payload as ``principal`` may read it.

    Caller numbers are masked as in :func:`redact_payload`; a follow-up's score
    and comment and a complaint's summary, answer and resolution are left out
    for a principal that may not read quality (the entry itself stays, so a
    request's history still shows that a complaint was opened).
    """
    shown = redact_payload(principal, payload, open_request=open_request)
    if kind.startswith(QUALITY_EVENT_KINDS) and not principal.can(Permission.VIEW_QUALITY):
        return {key: value for key, value in shown.items() if key in QUALITY_KEPT_KEYS}
    return shown


USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")
"""Sign-in names: 2 to 64 lower-case letters, digits, ".", "_" or "-"."""

PASSWORD_MIN = 8
PASSWORD_MAX = 128


def clean_username(value: object) -> str:
    """A valid sign-in name (trimmed, lower-cased), or :class:`ValidationError`."""
    if not isinstance(value, str):
        raise ValidationError("field.not_text", field="username")
    name = value.strip().lower()
    if not USERNAME_PATTERN.fullmatch(name):
        raise ValidationError("user.name_invalid", field="username", value=name[:64])
    return name


def check_new_password(username: str, password: object) -> str:
    """``password`` if it is acceptable for ``username``; else :class:`ValidationError`.

    The message never repeats the password.
    """
    if not isinstance(password, str):
        raise ValidationError("field.not_text", field="password")
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise ValidationError(
            "password.length", field="password", low=PASSWORD_MIN, high=PASSWORD_MAX
        )
    if password.strip().lower() == username.strip().lower():
        raise ValidationError("password.is_username", field="password")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in password):
        raise ValidationError("field.control_chars", field="password")
    return password
