"""Simplified Chinese for the remote-guidance panel and its entry points."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    ("GuidancePanel", "Select a request first."): "请先选择一个工单。",
    ("GuidancePanel", "The database cannot be reached."): "无法连接数据库。",
    (
        "GuidancePanel",
        "Request {reference} is {status}: it cannot be guided.",
    ): "工单 {reference} 当前为“{status}”，不能再进行远程指导。",
    (
        "GuidancePanel",
        "The outcome could not be saved; the connection may be down. Try again.",
    ): "指导结果未能保存，可能是网络连接中断，请重试。",
    (
        "GuidancePanel",
        "Saved: {reference} is {status}.",
    ): "已保存：工单 {reference} 现为“{status}”。",
    ("GuidancePanel", "Guidance"): "远程指导",
    ("GuidancePanel", "Guide the caller…"): "远程指导来电人…",
    (
        "GuidancePanel",
        "Walk the caller through a guidance script for the selected request (F6)",
    ): "按指导脚本一步步引导所选工单的来电人（F6）",
    ("GuidancePanel", "Answer"): "确定",
    ("GuidancePanel", "Finish and save (Ctrl+S)"): "完成并保存（Ctrl+S）",
    ("GuidancePanel", "Back (Backspace)"): "上一步（Backspace）",
    ("GuidancePanel", "Escalate to dispatch (Ctrl+E)"): "转调度员处理（Ctrl+E）",
    ("GuidancePanel", "Path so far"): "已问答步骤",
    (
        "GuidancePanel",
        "Select a request and press F6, or choose “Guide the caller” in intake.",
    ): "选择一个工单后按 F6，或在接警表单中点击“远程指导”。",
    (
        "GuidancePanel",
        "{reference} · {protocol} (caller speaks {language})",
    ): "{reference} · {protocol}（来电人使用{language}）",
    ("GuidancePanel", "Chinese"): "中文",
    ("GuidancePanel", "English"): "英语",
    ("GuidancePanel", "Escalated"): "已转调度员",
    (
        "GuidancePanel",
        "Outcome {code}: {label}\nService: {service} · Priority: {priority}{equipment}",
    ): "结果 {code}：{label}\n服务：{service} · 优先级：{priority}{equipment}",
    ("GuidancePanel", " · Needs: {kinds}"): " · 需要：{kinds}",
    (
        "GuidancePanel",
        "The request will be closed as resolved by phone.",
    ): "保存后工单将以“电话远程解决”结案。",
    ("GuidancePanel", "The request will be queued for a crew."): "保存后工单将进入待派车队列。",
    ("GuidancePanel", "Ask the caller"): "询问来电人",
    ("GuidancePanel", "Read the instruction, then check"): "宣读操作指引，然后确认结果",
    ("GuidancePanel", "Safety warning: read it out now"): "安全提示：请立即向来电人宣读",
    ("GuidancePanel", "Tell the caller"): "告知来电人",
    ("GuidancePanel", "Guidance is unavailable"): "远程指导不可用",
    (
        "GuidancePanel",
        "The guidance scripts have {count} problem(s) and will not be used until "
        "they are fixed (run “python main.py guidance check”):",
    ): "指导脚本有 {count} 处问题，修复之前不会启用（可运行“python main.py guidance check”检查）：",
    (
        "GuidancePanel",
        "That number is not covered by the script; escalate instead.",
    ): "脚本未涵盖这个数值，请转调度员处理。",
    ("IntakeDialog", "Guide the caller"): "远程指导",
    (
        "IntakeDialog",
        "Store the call in triage and walk the caller through a guidance script ({key})",
    ): "保存来电并进入分诊，按指导脚本一步步引导来电人（{key}）",
    ("GuidancePanel", "{answer} (at intake)"): "{answer}（接警时已答）",
    (
        "GuidancePanel",
        "Answered at intake, not asked again: {answers}",
    ): "接警时已回答，不再重复询问：{answers}",
    (
        "GuidancePanel",
        "Guide the selected request's caller; in the new-call form F6 stores the call "
        "and guides it, without asking the safety questions again",
    ): "远程指导所选工单的来电人；在接警表单中按 F6 会保存来电并开始指导，不再重复询问安全问题",
    ("GuidanceText", "{question} {answer} (at intake)"): "{question} {answer}（接警时已答）",
    ("Labels", "Guidance outcome recorded"): "已记录远程指导结果",
    ("GuidanceText", "{question} escalated"): "{question} 已转调度员",
    ("GuidanceText", "Guidance {code} ({protocol})"): "远程指导 {code}（{protocol}）",
}
