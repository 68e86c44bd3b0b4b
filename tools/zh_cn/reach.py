"""Simplified Chinese for coverage now: the dashboard tile, the map's holes layer, plan moves."""

from __future__ import annotations

_TILE = "CoverageTile"
_MAP = "MapPanel"
_PLAN = "PlanMovesDialog"
_W = "DashboardWindow"

ZH_CN: dict[tuple[str, str], str] = {
    # capability groups
    ("Coverage", "Any tow truck"): "各类拖车",
    ("Coverage", "Flatbed"): "平板拖车",
    ("Coverage", "Heavy wrecker"): "重型清障车",
    ("Coverage", "EV-certified"): "新能源高压资质",
    ("Coverage", "Service van"): "服务车",
    ("Coverage", "Bilingual"): "双语",
    # the dashboard tile
    (_TILE, "Coverage now"): "当前覆盖",
    (_TILE, "Reached"): "可达",
    (_TILE, "Holes"): "盲区",
    (_TILE, "Cities a free crew does not reach in time"): "空闲车组无法按时到达的城市数",
    (_TILE, "Measuring…"): "正在计算…",
    (_TILE, "Within {minutes} min of a free crew"): "空闲车组 {minutes} 分钟内可达",
    (
        _TILE,
        "Share of the expected calls (cities weighted by size, as in the digital twin) that a "
        "free crew with the capability reaches within {minutes} min, the P2 (standard) urban "
        "arrival target. The large figure is the mean of the rows; a hole is a city outside "
        "the target. {crews} free crews, {places} cities.",
    ): (
        "具备该能力的空闲车组在 {minutes} 分钟（P2 标准工单的城区到达时限）内可到达的预计来电占比"
        "（各城市按规模加权，与数字孪生一致）。大号数字为各行的平均值；盲区指超出时限的城市。"
        "空闲车组 {crews} 个，城市 {places} 个。"
    ),
    # the map layer
    (_MAP, "Coverage holes"): "覆盖盲区",
    (
        _MAP,
        "City a free capable crew misses (larger: worse)",
    ): "空闲车组无法按时到达的城市（圈越大越严重）",
    (_MAP, "Capability"): "能力",
    (_MAP, "Nearest free crew"): "最近空闲车组",
    (_MAP, "none free"): "无空闲车组",
    (_MAP, "{minutes} min"): "{minutes} 分钟",
    (_MAP, "Nearest free crew: {nearest}"): "最近空闲车组：{nearest}",
    # plan moves
    (_W, "Plan moves…"): "计划调整…",
    (_W, "Open a coverage plan file and export its moves as CSV for the depots"): (
        "打开覆盖规划文件，并将调整导出为 CSV 发给各网点"
    ),
    (_W, "Not a coverage plan"): "不是覆盖规划文件",
    (_PLAN, "Move"): "调动",
    (_PLAN, "New crew"): "新增车组",
    (_PLAN, "Train"): "培训",
    (_PLAN, "Plan moves"): "计划调整",
    (_PLAN, "Export CSV…"): "导出 CSV…",
    (
        _PLAN,
        "{file} (scenario {scenario}) · moves: {moves} · new crews: {additions} · "
        "crews to train: {training}",
    ): "{file}（场景 {scenario}）· 调动：{moves} · 新增车组：{additions} · 需培训车组：{training}",
    (_PLAN, "Change"): "调整",
    (_PLAN, "Call sign"): "车组呼号",
    (_PLAN, "Vehicle"): "车辆",
    (_PLAN, "Skills"): "资质",
    (_PLAN, "From depot"): "原网点",
    (_PLAN, "To depot"): "目标网点",
    (_PLAN, "Export plan moves"): "导出计划调整",
    (_PLAN, "CSV (*.csv)"): "CSV 文件 (*.csv)",
    (_PLAN, "Not saved"): "未保存",
    (_PLAN, "Saved {path}"): "已保存 {path}",
    (_PLAN, "Open a coverage plan"): "打开覆盖规划",
    (_PLAN, "Coverage plans (*.json)"): "覆盖规划文件 (*.json)",
    ("Errors", "Plan file {path} cannot be read: {detail}."): "无法读取规划文件 {path}：{detail}。",
}
