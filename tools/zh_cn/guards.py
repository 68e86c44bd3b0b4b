"""Simplified Chinese for the guard rails: late crews, on-scene far away, completion."""

from __future__ import annotations

_D = "RequestDetailPanel"
_S = "SuggestionPanel"

ZH_CN: dict[tuple[str, str], str] = {
    # -- request detail: confirmations and the projected late arrival -----------------
    (_D, "ETA exceeds target by {minutes} min"): "预计到达超出时限 {minutes} 分钟",
    (_D, "Crew not at the scene?"): "车组尚未到达现场？",
    (_D, "The crew"): "车组",
    (_D, "{crew} has no GPS fix, so its position is not known."): "{crew} 没有 GPS 定位，位置不明。",
    (_D, "{crew}'s last GPS fix is {km} km from the scene (fix {age} old)."):
        "{crew} 最近一次 GPS 定位距现场 {km} 公里（定位于 {age}前）。",
    (_D, "Mark {reference} on scene anyway?"): "仍将 {reference} 标记为已到场？",
    (_D, "Complete {reference}?"): "完成工单 {reference}？",
    (_D, "{crew} becomes free for the next job."): "{crew} 将转为空闲，可接下一单。",
    (_D, "Complete request"): "完成工单",
    (_D, "{seconds} s"): "{seconds} 秒",
    (_D, "{hours} h {minutes} min"): "{hours} 小时 {minutes} 分钟",
    # -- suggestions: a crew that misses the arrival target ------------------------------
    (_S, "{crew} would arrive in {eta} min: {late} min after the arrival target for "
         "{reference}."): "{crew} 预计 {eta} 分钟到达，比 {reference} 的到场时限晚 {late} 分钟。",
    (_S, "No suggested crew would arrive sooner."): "没有推荐车组能更早到达。",
    (_S, "(free in ~{minutes} min)"): "(约 {minutes} 分钟后空闲)",
    (_S, "Best alternative: {crew}, ETA {eta} min, within the target."):
        "最佳替代：{crew}，预计 {eta} 分钟到达，满足时限。",
    (_S, "Best alternative: {crew}, ETA {eta} min, {late} min late as well."):
        "最佳替代：{crew}，预计 {eta} 分钟到达，同样超时 {late} 分钟。",
    (_S, "ETA over the arrival target"): "预计到达超出时限",
    (_S, "Assign {crew} anyway"): "仍指派 {crew}",
    (_S, "Assign {crew} instead"): "改派 {crew}",
    (_S, "Crew assigned; its ETA exceeds the target by {minutes} min."):
        "已指派车组；预计到达超出时限 {minutes} 分钟。",
    (_S, "{eta} (+{late} late)"): "{eta}（超时 {late} 分钟）",
    (_S, "ETA exceeds the arrival target by {minutes} min"): "预计到达超出到场时限 {minutes} 分钟",
    # -- refusals --------------------------------------------------------------------------
    ("Errors", "A {service} request cannot move to {to_status}."): "“{service}”工单不能变更为“{to_status}”。",
    # -- the queue ------------------------------------------------------------------------
    ("RequestQueueModel", "ETA exceeds target by {minutes} min"): "预计到达超出时限 {minutes} 分钟",
}  # fmt: skip
