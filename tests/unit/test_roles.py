"""Spec: the role table, the principal, and the caller-number mask (pure Python)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.errors import PermissionDenied, ValidationError
from console.core.roles import (
    ROLE_PERMISSIONS,
    Permission,
    Principal,
    check_new_password,
    clean_username,
    mask_phone,
    require,
)
from console.core.vocab import Role


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138-1234-5678", "138-****-5678"),
        ("+86 138 1234 5678", "+86 1** **** 5678"),
        ("0571-88889999", "057*-****9999"),
        ("12345", "***45"),
        ("1234", "****"),
        ("", ""),
    ],
)
def test_mask_keeps_the_first_three_and_last_four_digits_of_a_full_number(
    phone: str, masked: str
) -> None:
    assert mask_phone(phone) == masked


@given(st.from_regex(r"1[3-9]\d{9}", fullmatch=True))
def test_a_masked_mobile_never_shows_its_middle_four(phone: str) -> None:
    masked = mask_phone(phone)
    assert masked == phone[:3] + "****" + phone[7:]
    assert len(masked) == len(phone)


def test_supervisors_may_do_all_a_dispatcher_may_and_admins_run_no_desk() -> None:
    dispatcher = ROLE_PERMISSIONS[Role.DISPATCHER]
    supervisor = ROLE_PERMISSIONS[Role.SUPERVISOR]
    assert dispatcher < supervisor
    assert supervisor - dispatcher == {
        Permission.REASSIGN,
        Permission.CREW_SERVICE,
        Permission.IMPORT_REFERENCE,
        Permission.VIEW_CLOSED_CALLER_PHONE,
        Permission.MANAGE_COVERAGE,
        Permission.HANDLE_COMPLAINTS,
        Permission.VIEW_QUALITY,
    }
    assert {Permission.QUOTE, Permission.DISPUTE, Permission.FOLLOW_UP} <= dispatcher
    assert ROLE_PERMISSIONS[Role.ADMIN] == {
        Permission.VIEW_QUEUE,
        Permission.MANAGE_USERS,
        Permission.MANAGE_DEVICES,
    }
    assert not any(
        Permission.MAINTAIN in p or Permission.SIGN_IN in p for p in ROLE_PERMISSIONS.values()
    )


def test_require_names_who_was_refused_what() -> None:
    dispatcher = Principal.user("wang", Role.DISPATCHER)
    require(dispatcher, Permission.ASSIGN)
    with pytest.raises(PermissionDenied) as refused:
        require(dispatcher, Permission.REASSIGN)
    assert refused.value.english() == (
        "wang (dispatcher) is not allowed to do this (request.reassign)."
    )


def test_only_the_named_system_principal_has_every_permission() -> None:
    system = Principal.system("cli:alice")
    assert system.is_system and all(system.can(p) for p in Permission)
    assert not Principal.user("alice", Role.ADMIN).is_system


@pytest.mark.parametrize(
    ("name", "clean"), [(" Wang.Li ", "wang.li"), ("ops-2", "ops-2"), ("a_b", "a_b")]
)
def test_user_names_are_trimmed_and_lower_cased(name: str, clean: str) -> None:
    assert clean_username(name) == clean


def test_a_password_is_checked_without_being_repeated() -> None:
    assert check_new_password("wang", "long enough") == "long enough"
    for name, bad in (("wang", "short"), ("wang", "x" * 129), ("wangwang", " WangWang ")):
        with pytest.raises(ValidationError) as refused:
            check_new_password(name, bad)
        assert bad.strip() not in refused.value.english()
