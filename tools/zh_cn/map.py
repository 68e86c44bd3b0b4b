"""Simplified Chinese for the live map (layer names, legend, popups, context menu)."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    ("MapPanel", "Map"): "地图",
    ("MapPanel", "Legend"): "图例",
    ("MapPanel", "Provinces"): "省界",
    ("MapPanel", "Depots"): "网点",
    ("MapPanel", "Crews"): "车组",
    ("MapPanel", "Open requests"): "未结工单",
    ("MapPanel", "Suggested crews"): "推荐车组",
    ("MapPanel", "Map tiles"): "底图",
    ("MapPanel", "Requests by priority"): "工单（按优先级）",
    ("MapPanel", "Crews by status"): "车组（按状态）",
    ("MapPanel", "Larger dot: heavier vehicle"): "圆点越大，车辆越重",
    ("MapPanel", "Depot (grouped when zoomed out)"): "网点（缩小时聚合）",
    ("MapPanel", "Status"): "状态",
    ("MapPanel", "Vehicle"): "车辆",
    ("MapPanel", "Depot"): "网点",
    ("MapPanel", "Priority"): "优先级",
    ("MapPanel", "Service"): "服务",
    ("MapPanel", "Address"): "地址",
    ("MapPanel", "Name"): "名称",
    ("MapPanel", "City"): "城市",
    ("MapPanel", "Phone"): "电话",
    ("MapPanel", "New call at this point"): "在此处新建来电",
}
