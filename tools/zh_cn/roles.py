"""Simplified Chinese for sign-in, roles, permissions and account management."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    # -- errors --------------------------------------------------------------------
    (
        "Errors",
        "{user} ({role}) is not allowed to do this ({permission}).",
    ): "{user}（{role}）无权执行此操作（{permission}）。",
    (
        "Errors",
        "Crew {crew} may move only its own current job, not {reference}.",
    ): "车组 {crew} 只能操作自己当前的工单，不能操作 {reference}。",
    ("Errors", "Wrong user name or password."): "用户名或密码错误。",
    (
        "Errors",
        "Too many failed sign-ins: try again in {minutes} minute(s).",
    ): "登录失败次数过多，请 {minutes} 分钟后再试。",
    (
        "Errors",
        "User name {value} is not valid: use 2 to 64 lower-case letters, digits, ., _ or -.",
    ): "用户名 {value} 无效：请使用 2 至 64 个小写字母、数字、.、_ 或 -。",
    ("Errors", "There is already a user {username}."): "用户 {username} 已存在。",
    ("Errors", "You cannot disable your own account."): "不能停用自己的账号。",
    ("Errors", "There is no user {key}."): "没有用户 {key}。",
    (
        "Errors",
        "The password must be {low} to {high} characters long.",
    ): "密码长度须为 {low} 至 {high} 个字符。",
    ("Errors", "The password must not be the user name."): "密码不能与用户名相同。",
    ("Errors", "The two passwords are not the same."): "两次输入的密码不一致。",
    # -- status bar and menu ---------------------------------------------------
    ("RoleBadge", "System"): "系统",
    ("RoleBadge", "Role: {role}"): "角色：{role}",
    ("RoleBadge", "{role} · DEMO account"): "{role} · 演示账号",
    ("_SignOutAction", "Sign out / switch user…"): "退出登录 / 切换用户…",
    (
        "_SignOutAction",
        "Close the console and sign in as someone else",
    ): "关闭调度台并以其他用户登录",
    # -- sign-in dialog --------------------------------------------------------
    ("SignInDialog", "Sign in"): "登录",
    ("SignInDialog", "Roadside Assistance Dispatch Console"): "道路救援调度台",
    ("SignInDialog", "&User name"): "用户名(&U)",
    ("SignInDialog", "&Password"): "密码(&P)",
    ("SignInDialog", "&Language"): "语言(&L)",
    ("SignInDialog", "Database: {url}"): "数据库：{url}",
    ("SignInDialog", "Quit"): "退出",
    ("SignInDialog", "DEMO"): "演示",
    (
        "SignInDialog",
        "Demo database. These demo accounts are for trying the console, "
        "never for real calls. Click one to fill it in:",
    ): "演示数据库。以下演示账号仅供试用调度台，切勿用于真实来电。点击即可填入：",
    (
        "SignInDialog",
        "{role}: {username} / password {password}",
    ): "{role}：{username} / 密码 {password}",
    (
        "SignInDialog",
        "Sign-in could not be checked; the database may be down.",
    ): "无法验证登录，数据库可能已断开。",
    ("SignInDialog", "Opening the database…"): "正在打开数据库…",
    ("SignInDialog", "First start: loading demo data…"): "首次启动：正在载入演示数据…",
    ("SignInDialog", "Checking the password…"): "正在验证密码…",
    ("SignInDialog", "Opening the console…"): "正在打开调度台…",
    (
        "SignInDialog",
        "The database could not be opened: {reason}",
    ): "无法打开数据库：{reason}",
    # -- users dialog ----------------------------------------------------------
    ("PasswordDialog", "Add user"): "添加用户",
    ("PasswordDialog", "New password"): "新密码",
    ("PasswordDialog", "User name"): "用户名",
    ("PasswordDialog", "Display name"): "显示名称",
    ("PasswordDialog", "Role"): "角色",
    ("PasswordDialog", "Password"): "密码",
    ("PasswordDialog", "Repeat password"): "再次输入密码",
    ("UsersDialog", "Users"): "用户管理",
    ("UsersDialog", "User name"): "用户名",
    ("UsersDialog", "Display name"): "显示名称",
    ("UsersDialog", "Role"): "角色",
    ("UsersDialog", "State"): "状态",
    ("UsersDialog", "Add user…"): "添加用户…",
    ("UsersDialog", "Reset password…"): "重置密码…",
    ("UsersDialog", "Close"): "关闭",
    ("UsersDialog", "Added {user}."): "已添加 {user}。",
    ("UsersDialog", "New password set for {user}."): "已为 {user} 设置新密码。",
    ("UsersDialog", "{user} can sign in again."): "{user} 已恢复登录。",
    ("UsersDialog", "Disabled {user}."): "已停用 {user}。",
    ("UsersDialog", "Disabled"): "已停用",
    ("UsersDialog", "Active"): "启用中",
    ("UsersDialog", "{state} · DEMO"): "{state} · 演示",
    ("UsersDialog", "Enable"): "启用",
    ("UsersDialog", "Disable"): "停用",
    ("_UsersAction", "Users…"): "用户管理…",
    (
        "_UsersAction",
        "Add users, reset passwords, disable accounts",
    ): "添加用户、重置密码、停用账号",
}
