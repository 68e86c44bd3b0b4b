"""Simplified Chinese for the grouped alert strip and the queue's service-level clocks."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    # -- alert strip -----------------------------------------------------------------
    ("AlertBanner", "{reference}: triage deadline passed"): "{reference}：已超过分诊时限",
    ("AlertBanner", "{count} new P1 safety requests"): "{count} 个新的 P1 安全工单",
    ("AlertBanner", "{count} requests past the triage deadline"): "{count} 个工单已超过分诊时限",
    ("AlertBanner", "{count} requests past the assignment deadline"): (
        "{count} 个工单已超过派车时限"
    ),
    ("AlertBanner", "{count} requests past the arrival deadline"): "{count} 个工单已超过到达时限",
    ("AlertBanner", "No alerts"): "暂无警报",
    ("AlertBanner", "List ({count})"): "列表（{count}）",
    ("AlertBanner", "… and {count} more"): "……另有 {count} 个",
    ("AlertBanner", "Select the most urgent alerted request"): "选中最紧急的警报工单",
    ("AlertBanner", "List the alerted requests"): "列出有警报的工单",
    # -- queue clocks ------------------------------------------------------------------
    ("RequestQueueModel", "Triage: queue the request or resolve it by phone"): (
        "分诊时限：将工单排队派车或电话解决"
    ),
    ("RequestQueueModel", "Assignment: a crew must be assigned"): "派车时限：须指派救援车组",
    ("RequestQueueModel", "Arrival: the crew must be on scene"): "到达时限：救援车组须到达现场",
}
