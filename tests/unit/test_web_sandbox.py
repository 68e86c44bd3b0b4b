"""Chromium's sandbox cannot run as root: the console turns it off itself there."""

from __future__ import annotations

from console.ui.web_sandbox import FLAGS_VARIABLE, allow_web_engine_as_root


def test_root_adds_no_sandbox_and_keeps_other_flags() -> None:
    env = {FLAGS_VARIABLE: "--disable-gpu"}
    assert allow_web_engine_as_root(env, euid=0)
    assert env[FLAGS_VARIABLE].split() == ["--disable-gpu", "--no-sandbox"]


def test_root_with_the_flag_already_set_changes_nothing() -> None:
    env = {FLAGS_VARIABLE: "--no-sandbox"}
    assert not allow_web_engine_as_root(env, euid=0)
    assert env[FLAGS_VARIABLE] == "--no-sandbox"


def test_an_ordinary_user_keeps_the_sandbox() -> None:
    env: dict[str, str] = {}
    assert not allow_web_engine_as_root(env, euid=1000)
    assert FLAGS_VARIABLE not in env
