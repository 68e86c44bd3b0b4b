"""Simplified Chinese for the record checks against the ledger (replay, sign-in check)."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    (
        "Errors",
        "Account {username} does not match the ledger ({detail}): sign-in refused; "
        "ask an administrator to run verify.",
    ): "账户 {username} 与审计账本不符（{detail}）：已拒绝登录；请联系管理员运行校验（verify）。",
    (
        "Errors",
        "{count} user account(s) do not match the ledger ({detail}): run verify.",
    ): "有 {count} 个用户账户与审计账本不符（{detail}）：请运行校验（verify）。",
}
