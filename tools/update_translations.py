"""Refresh the Qt Linguist catalogues of the console and compile them.

    python tools/update_translations.py

1. ``pyside6-lupdate`` scans every ``.py`` under ``console/ui`` and merges new
   or changed source strings into ``resources/i18n/console_zh_CN.ts`` and
   ``console_en.ts``; existing translations are kept, vanished strings dropped.
2. Messages still unfinished are filled from :data:`ZH_CN` (Simplified Chinese)
   or with the source text itself (the English identity catalogue). A finished
   translation is never overwritten, so edits made in Qt Linguist win.
3. ``pyside6-lrelease`` compiles both catalogues to ``.qm``.

Exits with status 1 when a Chinese message is left without a translation: add
it to :data:`ZH_CN` (or translate it in Linguist) and run again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "console" / "ui"
I18N_DIR = ROOT / "resources" / "i18n"
ZH_TS = I18N_DIR / "console_zh_CN.ts"
EN_TS = I18N_DIR / "console_en.ts"

ZH_CN: dict[tuple[str, str], str] = {
    # -- vocabulary labels ---------------------------------------------------
    ("Labels", "Tow"): "拖车",
    ("Labels", "Jump start"): "搭电",
    ("Labels", "Tyre change"): "换胎",
    ("Labels", "Fuel delivery"): "送油",
    ("Labels", "Extraction / winch-out"): "脱困",
    ("Labels", "Lockout"): "开锁",
    ("Labels", "EV charging assistance"): "充电协助",
    ("Labels", "EV high-voltage check"): "高压系统检测",
    ("Labels", "Remote guidance"): "远程指导",
    ("Labels", "P1"): "P1",
    ("Labels", "P2"): "P2",
    ("Labels", "P3"): "P3",
    ("Labels", "New"): "新建",
    ("Labels", "Triage"): "分诊中",
    ("Labels", "Resolved remotely"): "远程解决",
    ("Labels", "Queued"): "待派车",
    ("Labels", "Assigned"): "已指派",
    ("Labels", "En route"): "在途",
    ("Labels", "On scene"): "已到场",
    ("Labels", "Towing"): "拖运中",
    ("Labels", "Completed"): "已完成",
    ("Labels", "Cancelled"): "已取消",
    ("Labels", "Available"): "空闲",
    ("Labels", "Off duty"): "下班",
    ("Labels", "Out of service"): "暂停服务",
    ("Labels", "Flatbed"): "平板拖车",
    ("Labels", "Wheel-lift"): "托举拖车",
    ("Labels", "Service van"): "服务车",
    ("Labels", "EV service van"): "新能源服务车",
    ("Labels", "Heavy wrecker"): "重型清障车",
    ("Labels", "EV high-voltage certified"): "新能源高压作业资质",
    ("Labels", "Bilingual"): "双语",
    ("Labels", "Combustion"): "燃油",
    ("Labels", "Hybrid"): "混合动力",
    ("Labels", "Electric"): "纯电动",
    ("Labels", "Unknown"): "未知",
    ("Labels", "Car"): "轿车",
    ("Labels", "SUV"): "SUV",
    ("Labels", "Light truck"): "轻型货车",
    ("Labels", "Heavy truck"): "重型货车",
    ("Labels", "Urban road"): "城市道路",
    ("Labels", "Expressway"): "高速公路",
    ("Labels", "Rural road"): "乡村道路",
    ("Labels", "Chinese"): "中文",
    ("Labels", "English"): "英文",
    ("Labels", "Dispatcher"): "调度员",
    ("Labels", "Supervisor"): "值班主管",
    ("Labels", "Administrator"): "管理员",
    ("Labels", "Day shift"): "白班",
    ("Labels", "Night shift"): "夜班",
    ("Labels", "Round the clock"): "24小时值守",
    # -- field names ---------------------------------------------------------
    ("Labels", "Reference"): "工单号",
    ("Labels", "Caller name"): "来电人姓名",
    ("Labels", "Caller phone"): "来电人电话",
    ("Labels", "Caller language"): "来电人语言",
    ("Labels", "Plate"): "车牌号",
    ("Labels", "Make and model"): "品牌型号",
    ("Labels", "Powertrain"): "动力类型",
    ("Labels", "Vehicle class"): "车辆类型",
    ("Labels", "All-wheel drive"): "四轮驱动",
    ("Labels", "Latitude"): "纬度",
    ("Labels", "Longitude"): "经度",
    ("Labels", "Address"): "地址",
    ("Labels", "City"): "城市",
    ("Labels", "Road type"): "道路类型",
    ("Labels", "Service type"): "服务类型",
    ("Labels", "Priority"): "优先级",
    ("Labels", "Priority reason"): "优先级依据",
    ("Labels", "Status"): "状态",
    ("Labels", "Crew"): "救援车组",
    ("Labels", "Call sign"): "车组呼号",
    ("Labels", "Depot"): "网点",
    ("Labels", "Vehicle kind"): "救援车型",
    ("Labels", "Skills"): "技能资质",
    ("Labels", "Shift"): "班次",
    ("Labels", "ETA"): "预计到达",
    ("Labels", "Price quote"): "报价",
    ("Labels", "Notes"): "备注",
    ("Labels", "Reason"): "原因",
    ("Labels", "Cancellation reason"): "取消原因",
    ("Labels", "Guidance path"): "指导路径",
    # -- error messages --------------------------------------------------------
    ("Errors", "{field} is required."): "{field}为必填项。",
    ("Errors", "{field} is too long (at most {limit} characters)."): (
        "{field}过长（最多 {limit} 个字符）。"
    ),
    ("Errors", "{field} contains invisible control characters."): "{field}包含不可见的控制字符。",
    ("Errors", "{field} must be a number."): "{field}必须是数字。",
    ("Errors", "{field} has an unknown value: {value}."): "{field}的取值无法识别：{value}。",
    (
        "Errors",
        "Phone number {value} is not valid: use a mainland mobile (11 digits, 1xx), "
        "a landline with area code (0xx-xxxxxxxx) or an international number with +.",
    ): (
        "电话号码 {value} 无效：请使用中国大陆手机号（11 位，以 1 开头）、"
        "带区号的固定电话（0xx-xxxxxxxx）或以 + 开头的国际号码。"
    ),
    ("Errors", "Plate {value} is not a valid Chinese licence plate."): (
        "车牌号 {value} 不是有效的中国车牌。"
    ),
    ("Errors", "Latitude {value} is outside -90 to 90."): "纬度 {value} 超出 -90 至 90 的范围。",
    ("Errors", "Longitude {value} is outside -180 to 180."): (
        "经度 {value} 超出 -180 至 180 的范围。"
    ),
    ("Errors", "The location {lat}, {lon} is outside the service area (mainland China)."): (
        "位置 {lat}, {lon} 不在服务区域（中国大陆）内。"
    ),
    ("Errors", "A reason is required."): "必须填写原因。",
    ("Errors", "A request cannot move from {from_status} to {to_status}."): (
        "工单不能从“{from_status}”变更为“{to_status}”。"
    ),
    ("Errors", "Choose a crew to assign."): "请选择要指派的救援车组。",
    ("Errors", "Use the {operation} action to move a request to {to_status}."): (
        "请使用“{operation}”操作将工单变更为“{to_status}”。"
    ),
    ("Errors", "Crew {crew} is no longer available (now {status})."): (
        "救援车组 {crew} 已不可用（当前状态：{status}）。"
    ),
    ("Errors", "Crew {crew} was changed by someone else; refresh and try again."): (
        "救援车组 {crew} 已被他人修改，请刷新后重试。"
    ),
    ("Errors", "Crew {crew} is on a job and cannot be set to {status} by hand."): (
        "救援车组 {crew} 正在执行任务，不能手动设为“{status}”。"
    ),
    ("Errors", "A crew cannot be set to {status} by hand."): "不能手动将救援车组设为“{status}”。",
    ("Errors", "Request {reference} was changed by someone else; refresh and try again."): (
        "工单 {reference} 已被他人修改，请刷新后重试。"
    ),
    ("Errors", "Someone else changed this record at the same moment; refresh and try again."): (
        "其他人刚刚同时修改了这条记录，请刷新后重试。"
    ),
    ("Errors", "Request {reference} has no crew assigned."): "工单 {reference} 尚未指派救援车组。",
    ("Errors", "There is no request {key}."): "工单 {key} 不存在。",
    ("Errors", "There is no crew {key}."): "救援车组 {key} 不存在。",
    ("Errors", "The database address {url} is not valid: {detail}"): (
        "数据库地址 {url} 无效：{detail}"
    ),
    (
        "Errors",
        "Database {url} is not supported: use sqlite:///FILE or postgresql+psycopg://HOST/DB.",
    ): "不支持数据库 {url}：请使用 sqlite:///FILE 或 postgresql+psycopg://HOST/DB。",
    ("Errors", "Cannot open the database {url}: {detail}"): "无法打开数据库 {url}：{detail}",
    (
        "Errors",
        "The database schema is at {current}, this console needs {head}: "
        "run `roadside-console db upgrade`.",
    ): ("数据库结构版本为 {current}，本调度台需要 {head}：请运行 `roadside-console db upgrade`。"),
    (
        "Errors",
        "The database schema {current} is newer than this console knows; upgrade the console.",
    ): "数据库结构版本 {current} 比本调度台所支持的更新，请升级调度台。",
    ("Errors", "The database already holds demo data; pass --replace to seed it again."): (
        "数据库中已有演示数据；如需重新生成，请加上 --replace 参数。"
    ),
    ("Errors", "Configuration file {path} is not valid: {detail}"): (
        "配置文件 {path} 无效：{detail}"
    ),
    (
        "Errors",
        "Seed option {option} is not valid: {detail}",
    ): "演示数据选项 {option} 无效：{detail}",
    ("Errors", "Seed data file {path} is missing or damaged: {detail}"): (
        "演示数据文件 {path} 缺失或已损坏：{detail}"
    ),
    # -- main window -------------------------------------------------------------
    ("MainWindow", "Roadside Assistance Dispatch Console"): "道路救援调度台",
    ("MainWindow", "&File"): "文件(&F)",
    ("MainWindow", "&View"): "视图(&V)",
    ("MainWindow", "&Language"): "语言(&L)",
    ("MainWindow", "&Help"): "帮助(&H)",
    ("MainWindow", "Main toolbar"): "主工具栏",
    ("MainWindow", "&Refresh"): "刷新(&R)",
    ("MainWindow", "Reload the open requests now"): "立即重新加载所有未结工单",
    ("MainWindow", "&Quit"): "退出(&Q)",
    ("MainWindow", "&About"): "关于(&A)",
    ("MainWindow", "Current time"): "当前时间",
    ("MainWindow", "About"): "关于",
    (
        "MainWindow",
        "<b>Roadside Assistance Dispatch Console</b><br>"
        "Nationwide 24-hour roadside assistance: take calls, queue "
        "requests and dispatch crews.<br>Licensed under Apache-2.0.",
    ): (
        "<b>道路救援调度台</b><br>全国24小时道路救援：受理来电、工单排队、"
        "派遣救援车组。<br>依据 Apache-2.0 许可证发布。"
    ),
    ("MainWindow", "Connected: {source}"): "已连接：{source}",
    ("MainWindow", "Disconnected: {source}"): "连接已断开：{source}",
    ("MainWindow", "Open requests: {count}"): "未结工单：{count}",
    # -- request queue -------------------------------------------------------------
    ("RequestQueueModel", "Reference"): "工单号",
    ("RequestQueueModel", "Age"): "已用时",
    ("RequestQueueModel", "Priority"): "优先级",
    ("RequestQueueModel", "Service"): "服务类型",
    ("RequestQueueModel", "Vehicle"): "车辆",
    ("RequestQueueModel", "Location"): "位置",
    ("RequestQueueModel", "Status"): "状态",
    ("RequestQueueModel", "Crew"): "救援车组",
    ("RequestQueueModel", "ETA (min)"): "预计到达（分钟）",
    ("RequestQueueModel", "SLA"): "时效",
    ("RequestQueueModel", "+{time} overdue"): "已超时 {time}",
}
"""Simplified Chinese for every source string, keyed by (context, source text)."""


def qt_tool(name: str) -> Path:
    """The PySide6 command-line tool ``name``, preferably next to this Python."""
    suffix = ".exe" if sys.platform == "win32" else ""
    beside = Path(sys.executable).parent / f"{name}{suffix}"
    if beside.exists():
        return beside
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found next to {sys.executable} or on PATH")
    return Path(found)


def source_files() -> list[Path]:
    """Every Python file of the user interface, relative to the repository root."""
    return sorted(path.relative_to(ROOT) for path in UI_DIR.rglob("*.py"))


def run_lupdate(ts: Path, target_language: str) -> None:
    """Merge the current source strings into ``ts`` (created if missing)."""
    command = [
        str(qt_tool("pyside6-lupdate")),
        *map(str, source_files()),
        "-source-language",
        "en",
        "-target-language",
        target_language,
        "-locations",
        "relative",
        "-no-obsolete",
        "-ts",
        str(ts),
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def _key(context: ET.Element, message: ET.Element) -> tuple[str, str]:
    return context.findtext("name", ""), message.findtext("source", "")


def _is_unfinished(translation: ET.Element | None) -> bool:
    return translation is None or translation.get("type") is not None or not translation.text


def fill(ts: Path, translations: Mapping[tuple[str, str], str] | None) -> list[tuple[str, str]]:
    """Fill unfinished messages of ``ts`` from ``translations`` (``None``: identity).

    Returns the (context, source) of messages that are still unfinished.
    """
    tree = ET.parse(ts)
    missing: list[tuple[str, str]] = []
    changed = False
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if not _is_unfinished(translation):
                continue
            key = _key(context, message)
            text = key[1] if translations is None else translations.get(key)
            if translation is None or text is None or message.get("numerus") == "yes":
                missing.append(key)
                continue
            translation.text = text
            translation.attrib.pop("type", None)
            changed = True
    if changed:
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text(
            f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
        )
    return missing


def release(ts: Path) -> Path:
    """Compile ``ts`` to the ``.qm`` file beside it and return that path."""
    qm = ts.with_suffix(".qm")
    subprocess.run(
        [str(qt_tool("pyside6-lrelease")), str(ts), "-qm", str(qm)], cwd=ROOT, check=True
    )
    return qm


def main() -> int:
    """Update, fill and compile both catalogues; 1 if Chinese is incomplete."""
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    run_lupdate(ZH_TS, "zh_CN")
    run_lupdate(EN_TS, "en")
    missing = fill(ZH_TS, ZH_CN)
    fill(EN_TS, None)
    # A second pass writes the filled files back in lupdate's own layout.
    run_lupdate(ZH_TS, "zh_CN")
    run_lupdate(EN_TS, "en")
    release(ZH_TS)
    release(EN_TS)
    for context, source in missing:
        print(f"untranslated [{context}] {source!r}", file=sys.stderr)
    if missing:
        print(f"{len(missing)} message(s) need a Chinese translation in {ZH_TS}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
