"""Simplified Chinese for the workspace, intake, dispatch and records screens."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    # -- dispatch: suggestions, proposals, reasons ----------------------------
    ("SuggestionPanel", "Suggestions"): "推荐车组",
    ("CrewTableModel", "{minutes} min"): "{minutes} 分钟",
    ("CrewTableModel", "{hours} h {minutes:02d} min"): "{hours} 小时 {minutes:02d} 分钟",
    ("SuggestionPanel", "Crew"): "车组",
    ("SuggestionPanel", "ETA (min)"): "预计到达（分钟）",
    ("SuggestionPanel", "Why"): "推荐理由",
    ("SuggestionPanel", "Assign first"): "指派首选",
    ("SuggestionPanel", "Assign the best crew (Ctrl+Return)"): "指派最佳车组（Ctrl+Return）",
    ("SuggestionPanel", "Refresh"): "刷新",
    ("SuggestionPanel", "Finding suggested crews…"): "正在查找推荐车组…",
    ("SuggestionPanel", "Optimise queue…"): "整体优化…",
    (
        "SuggestionPanel",
        "Propose crews for every queued request at once",
    ): "一次性为所有待派车工单给出派车方案",
    ("SuggestionPanel", "Select a request to see suggested crews."): "选择一个工单以查看推荐车组。",
    ("SuggestionPanel", "{reference} · {service} · {status}"): "{reference} · {service} · {status}",
    (
        "SuggestionPanel",
        "Suggestions are shown for requests waiting for a crew.",
    ): "仅为等待派车的工单显示推荐。",
    (
        "SuggestionPanel",
        "No crew needed: this service is handled by phone.",
    ): "无需派车：此项服务通过电话处理。",
    ("SuggestionPanel", "Needs: {kinds}"): "需要：{kinds}",
    ("SuggestionPanel", "No capable crew is free nearby."): "附近没有可用的合适车组。",
    ("SuggestionPanel", "Crew assigned."): "已指派车组。",
    ("SuggestionPanel", "{reason} Fresh suggestions are shown."): "{reason} 已显示最新推荐。",
    (
        "SuggestionPanel",
        "Suggestions are unavailable: the database cannot be reached.",
    ): "无法获取推荐：数据库无法连接。",
    (
        "SuggestionPanel",
        "The crew's position is old; the ETA is uncertain.",
    ): "该车组的位置信息已过时，预计到达时间不确定。",
    ("SuggestionPanel", "Assign"): "指派",
    ("ProposalDialog", "Crews assigned: {count}."): "已指派车组：{count} 个。",
    ("ProposalDialog", "Not assigned:"): "未能指派：",
    ("ProposalDialog", "Queue proposal"): "整体派车方案",
    ("ProposalDialog", "Request"): "工单",
    ("ProposalDialog", "Priority"): "优先级",
    ("ProposalDialog", "Proposed crew"): "建议车组",
    ("ProposalDialog", "ETA (min)"): "预计到达（分钟）",
    ("ProposalDialog", "Nearest free crew"): "最近空闲车组",
    ("ProposalDialog", "Its ETA (min)"): "其预计到达（分钟）",
    ("ProposalDialog", "Change"): "变化",
    ("ProposalDialog", "later"): "稍后",
    (
        "ProposalDialog",
        "{assigned} of {total} queued requests get a crew. Priority-weighted ETA "
        "{ours:.0f} min, against {theirs:.0f} min for the nearest free crew in queue order.",
    ): "{total} 个待派车工单中 {assigned} 个获得车组。按优先级加权的预计到达合计 {ours:.0f} 分钟，"
    "按排队顺序派最近空闲车组则为 {theirs:.0f} 分钟。",
    ("ProposalDialog", "Accept ticked"): "接受勾选项",
    ("ProposalDialog", "Accept all"): "全部接受",
    ("Reasons", "{value} km"): "{value} 公里",
    ("Reasons", "ETA {value} min"): "预计 {value} 分钟",
    ("Reasons", "free in ~{value} min"): "约 {value} 分钟后空闲",
    ("Reasons", "GPS {value} min old"): "定位已 {value} 分钟未更新",
    ("Reasons", "no GPS fix"): "无定位",
    ("Reasons", "not {value}"): "无{value}",
    ("Reasons", "{value} jobs this shift"): "本班已接 {value} 单",
    ("Reasons", "partner {value}% reliable"): "合作方完成率 {value}%",
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
    ("Errors", "Enter a location or pick a city."): "请输入位置或选择城市。",
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
    ("MainWindow", "Disconnected, retrying: {source}"): "连接已断开，正在重试：{source}",
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
    # -- dispatcher workspace: window, queue filters, intake, detail, crew board -----
    ("MainWindow", "Re&quest"): "工单(&Q)",
    ("MainWindow", "&Crews"): "车组(&C)",
    ("MainWindow", "&Panels"): "面板(&P)",
    ("MainWindow", "&New call"): "新来电(&N)",
    ("MainWindow", "Take a new call (intake form)"): "受理新来电（受理表单）",
    ("MainWindow", "&Search"): "搜索(&S)",
    ("MainWindow", "Search the queue"): "搜索工单队列",
    ("MainWindow", "Ne&xt request"): "下一个工单(&X)",
    ("MainWindow", "Select the next request"): "选择下一个工单",
    ("MainWindow", "Pre&vious request"): "上一个工单(&V)",
    ("MainWindow", "Select the previous request"): "选择上一个工单",
    ("MainWindow", "&Assign best crew"): "指派最佳车组(&A)",
    ("MainWindow", "Assign the first suggested crew to the selected request"): (
        "将首个推荐车组指派给所选工单"
    ),
    ("MainWindow", "&Dark theme"): "深色主题(&D)",
    ("MainWindow", "Switch between light and dark"): "在浅色和深色主题之间切换",
    ("MainWindow", "&Reset panel layout"): "重置面板布局(&R)",
    ("MainWindow", "Put every panel back in its place"): "将所有面板恢复到默认位置",
    ("MainWindow", "New call"): "新来电",
    ("MainWindow", "Request queue"): "工单队列",
    ("MainWindow", "Map"): "地图",
    ("MainWindow", "Request detail"): "工单详情",
    ("MainWindow", "Crew board"): "车组看板",
    ("MainWindow", "Crew suggestions"): "推荐车组",
    ("MainWindow", "Guidance"): "远程指导",
    ("MainWindow", "Timeline"): "时间线",
    ("MainWindow", "The live map will appear here."): "实时地图将显示在这里。",
    ("MainWindow", "Crew suggestions for the selected request will appear here."): (
        "所选工单的推荐车组将显示在这里。"
    ),
    ("MainWindow", "Guidance scripts for the call will appear here."): (
        "来电的指导话术将显示在这里。"
    ),
    ("MainWindow", "The history of the selected request will appear here."): (
        "所选工单的处理记录将显示在这里。"
    ),
    ("MainWindow", "User: {user}"): "用户：{user}",
    ("MainWindow", "Select a request first."): "请先选择一个工单。",
    ("MainWindow", "Request {reference} created: {status}."): "工单 {reference} 已创建：{status}。",
    ("ChoiceFilterButton", "Show all"): "全部显示",
    ("RegionCombo", "All regions"): "全部地区",
    ("RegionCombo", "{province} (all)"): "{province}（全部）",
    ("QueueFilterBar", "Search reference, plate, phone or caller (Ctrl+F)"): (
        "搜索工单号、车牌、电话或来电人（Ctrl+F）"
    ),
    ("QueueFilterBar", "Status"): "状态",
    ("QueueFilterBar", "Priority"): "优先级",
    ("QueueFilterBar", "Service"): "服务类型",
    ("QueueFilterBar", "Province or city"): "省份或城市",
    ("QueueFilterBar", "Clear filters"): "清除筛选",
    ("QueueFilterBar", "Show every open request"): "显示全部未结工单",
    ("Triage", "Vehicle stopped in a live lane"): "车辆停在行车道上",
    ("Triage", "Injuries reported"): "有人受伤",
    ("Triage", "Smoke or fire reported"): "冒烟或起火",
    ("Triage", "EV battery warning"): "新能源车电池报警",
    ("Triage", "Vehicle on an expressway"): "车辆在高速公路上",
    ("Triage", "Vulnerable occupants"): "车上有需特别照顾的人员",
    ("Triage", "Night-time in a remote place"): "夜间且位置偏僻",
    ("Triage", "Caller asked for a scheduled visit"): "来电人要求预约上门",
    ("Triage", "No safety risk reported"): "未报告安全风险",
    ("Triage", "Vehicle on expressway shoulder"): "车辆停在高速公路应急车道",
    ("Triage", "Collision reported"): "发生碰撞",
    ("Triage", "Dispatcher override {old} → {new}: {reason}"): "调度员调整 {old} → {new}：{reason}",
    ("IntakeDialog", "New call"): "新来电",
    ("IntakeDialog", "1 · Safety first"): "1 · 安全确认",
    ("IntakeDialog", "2 · Caller"): "2 · 来电人",
    ("IntakeDialog", "3 · Location"): "3 · 位置",
    ("IntakeDialog", "4 · Vehicle"): "4 · 车辆",
    ("IntakeDialog", "5 · Fault and service"): "5 · 故障与服务",
    ("IntakeDialog", "6 · Notes"): "6 · 备注",
    ("IntakeDialog", "Priority"): "优先级",
    ("IntakeDialog", "Vehicle stopped in a live traffic lane?"): "车辆是否停在行车道上？",
    ("IntakeDialog", "Anyone injured?"): "是否有人受伤？",
    ("IntakeDialog", "Smoke or fire?"): "是否冒烟或起火？",
    ("IntakeDialog", "EV warning: battery warning light, burning smell or hissing?"): (
        "新能源车报警：电池故障灯亮、有焦味或嘶嘶声？"
    ),
    ("IntakeDialog", "Children, elderly, disabled or pregnant people on board?"): (
        "车上是否有儿童、老人、残障人士或孕妇？"
    ),
    ("IntakeDialog", "Fixed by phone: resolve remotely, send no crew"): (
        "电话中已解决：远程结案，不派车"
    ),
    ("IntakeDialog", "Caller asks for a scheduled visit later"): "来电人要求稍后预约上门",
    ("IntakeDialog", "Override priority:"): "人工调整优先级：",
    ("IntakeDialog", "Callback number"): "回拨号码",
    ("IntakeDialog", "Coordinates"): "坐标",
    ("IntakeDialog", "Fault / service"): "故障 / 服务",
    ("IntakeDialog", "Override reason"): "调整原因",
    ("IntakeDialog", "Lat"): "纬度",
    ("IntakeDialog", "Lon"): "经度",
    ("IntakeDialog", "e.g. 138 1234 5678 or 0571-87654321"): (
        "例如 138 1234 5678 或 0571-87654321"
    ),
    ("IntakeDialog", "e.g. 30.27415"): "例如 30.27415",
    ("IntakeDialog", "e.g. 120.15515"): "例如 120.15515",
    ("IntakeDialog", "Road, kilometre post, landmark"): "道路、公里桩号、参照物",
    ("IntakeDialog", "e.g. 浙A12345"): "例如 浙A12345",
    ("IntakeDialog", "Why the derived priority does not fit"): "为何不采用系统判定的优先级",
    ("IntakeDialog", "Type to search the depots' cities"): "输入以搜索网点所在城市",
    ("IntakeDialog", "What the caller said, landmarks, access"): "来电人描述、参照物、通行情况",
    ("IntakeDialog", "Use city centre"): "使用市中心",
    ("IntakeDialog", "Fill in approximate coordinates from the city's depots"): (
        "根据该市网点填入大致坐标"
    ),
    ("IntakeDialog", "Pick on map"): "在地图上选取",
    ("IntakeDialog", "Restore"): "恢复",
    ("IntakeDialog", "Discard"): "丢弃",
    ("IntakeDialog", "Create request"): "创建工单",
    ("IntakeDialog", "Create the request (Ctrl+Enter)"): "创建工单（Ctrl+Enter）",
    ("IntakeDialog", "Clear form"): "清空表单",
    ("IntakeDialog", "Close"): "关闭",
    ("IntakeDialog", "Close; what you typed is kept for next time (Esc)"): (
        "关闭；已填写的内容会保留到下次（Esc）"
    ),
    ("IntakeDialog", "{priority} — {reason}"): "{priority} — {reason}",
    (
        "IntakeDialog",
        "Everyone out on the side away from traffic and behind the barrier; "
        "hazard lights on; warning triangle 150 m behind on an expressway.",
    ): (
        "所有人从远离车流的一侧下车，到护栏外等候；打开双闪；"
        "在高速公路上于车后 150 米处放置三角警示牌。"
    ),
    ("IntakeDialog", "Make sure 120 (ambulance) and 122 (traffic police) are called."): (
        "确认已拨打 120（急救）和 122（交警）。"
    ),
    ("IntakeDialog", "Everyone away from the vehicle; make sure 119 (fire) is called."): (
        "所有人远离车辆；确认已拨打 119（消防）。"
    ),
    ("IntakeDialog", "Do not touch orange high-voltage cables; keep 10 m away if it smokes."): (
        "切勿触碰橙色高压线缆；如冒烟请远离车辆 10 米以上。"
    ),
    ("IntakeDialog", "Choose a city from the list first."): "请先从列表中选择城市。",
    (
        "IntakeDialog",
        "The request could not be saved; the connection may be down. "
        "Nothing was stored: try again.",
    ): "工单未能保存，可能已断开连接。未写入任何内容，请重试。",
    ("IntakeDialog", "Request {reference} was saved but stopped at {status}: {detail}"): (
        "工单 {reference} 已保存，但停留在“{status}”：{detail}"
    ),
    ("IntakeDialog", "Please correct the marked fields."): "请更正标出的字段。",
    ("IntakeDialog", "An unfinished call from {time} was kept. Restore it?"): (
        "已保留 {time} 未完成的来电记录，是否恢复？"
    ),
    ("RequestDetailPanel", "Caller"): "来电人",
    ("RequestDetailPanel", "Vehicle"): "车辆",
    ("RequestDetailPanel", "Location"): "位置",
    ("RequestDetailPanel", "Service and dispatch"): "服务与调度",
    ("RequestDetailPanel", "Times and service levels"): "时间与时效",
    ("RequestDetailPanel", "Notes"): "备注",
    ("RequestDetailPanel", "Coordinates"): "坐标",
    ("RequestDetailPanel", "Call taken"): "受理时间",
    ("RequestDetailPanel", "Queued at"): "排队时间",
    ("RequestDetailPanel", "Assign by"): "派车时限",
    ("RequestDetailPanel", "Arrive by"): "到场时限",
    ("RequestDetailPanel", "ETA"): "预计到达",
    ("RequestDetailPanel", "Start triage"): "开始分诊",
    ("RequestDetailPanel", "Queue for dispatch"): "排队派车",
    ("RequestDetailPanel", "Resolved by phone"): "电话已解决",
    ("RequestDetailPanel", "En route"): "已出发",
    ("RequestDetailPanel", "On scene"): "已到场",
    ("RequestDetailPanel", "Start tow"): "开始拖运",
    ("RequestDetailPanel", "Complete"): "完成",
    ("RequestDetailPanel", "Release crew…"): "释放车组…",
    ("RequestDetailPanel", "Cancel request…"): "取消工单…",
    ("RequestDetailPanel", "Select a request in the queue to see its details."): (
        "在工单队列中选择一个工单以查看详情。"
    ),
    ("RequestDetailPanel", "The request could not be read; the connection may be down."): (
        "无法读取工单，可能已断开连接。"
    ),
    ("RequestDetailPanel", "Yes"): "是",
    ("RequestDetailPanel", "No"): "否",
    ("RequestDetailPanel", "{minutes} min"): "{minutes} 分钟",
    ("RequestDetailPanel", "Release crew"): "释放车组",
    ("RequestDetailPanel", "Cancel request"): "取消工单",
    ("RequestDetailPanel", "Reason for {reference}:"): "{reference} 的原因：",
    ("RequestDetailPanel", "The change could not be saved; the connection may be down."): (
        "更改未能保存，可能已断开连接。"
    ),
    ("CrewTableModel", "Call sign"): "呼号",
    ("CrewTableModel", "Depot"): "网点",
    ("CrewTableModel", "Vehicle"): "救援车型",
    ("CrewTableModel", "Skills"): "技能资质",
    ("CrewTableModel", "Status"): "状态",
    ("CrewTableModel", "GPS age"): "定位距今",
    ("CrewTableModel", "Job"): "当前工单",
    ("CrewTableModel", "HV"): "高压",
    ("CrewTableModel", "Bilingual"): "双语",
    ("CrewTableModel", "GPS fix is stale (older than 10 minutes)"): (
        "GPS 定位已过时（超过 10 分钟）"
    ),
    ("CrewBoardPanel", "Search call sign or depot"): "搜索车组呼号或网点",
    ("CrewBoardPanel", "Status"): "状态",
    ("CrewBoardPanel", "Vehicle"): "救援车型",
    ("CrewBoardPanel", "Province or city of the depot"): "网点所在省份或城市",
    ("CrewBoardPanel", "Clear filters"): "清除筛选",
    ("CrewBoardPanel", "Set to {status}"): "设为“{status}”",
    ("CrewBoardPanel", "The change could not be saved; the connection may be down."): (
        "更改未能保存，可能已断开连接。"
    ),
    # -- records and recovery: request timeline --------------------------------------
    ("Labels", "Request created"): "工单已创建",
    ("Labels", "Triage started"): "开始分诊",
    ("Labels", "Resolved by phone"): "电话远程解决",
    ("Labels", "Queued for a crew"): "进入派车队列",
    ("Labels", "Crew assigned"): "已指派救援车组",
    ("Labels", "Crew on the way"): "救援车组出发",
    ("Labels", "Crew arrived"): "救援车组到场",
    ("Labels", "Towing started"): "开始拖运",
    ("Labels", "Job completed"): "救援完成",
    ("Labels", "Request cancelled"): "工单已取消",
    ("Labels", "Crew released"): "救援车组已释放",
    ("Labels", "Crew reassigned"): "已改派救援车组",
    ("Labels", "Crew status changed"): "救援车组状态变更",
    ("Labels", "Crew position reported"): "救援车组位置上报",
    ("Labels", "Demo data loaded"): "已载入演示数据",
    ("Labels", "Depots imported"): "已导入网点",
    ("Labels", "Crews imported"): "已导入救援车组",
    ("RequestTimelinePanel", "Time"): "时间",
    ("RequestTimelinePanel", "By"): "操作人",
    ("RequestTimelinePanel", "Event"): "事件",
    ("RequestTimelinePanel", "Details"): "详情",
    ("RequestTimelinePanel", "History"): "工单记录",
    ("RequestTimelinePanel", "History of {reference}"): "工单 {reference} 的记录",
    ("RequestTimelinePanel", "Select a request to see its history."): "请选择工单以查看其记录。",
    ("RequestTimelinePanel", "The history is unavailable: the database cannot be reached."): (
        "无法显示记录：数据库无法连接。"
    ),
    ("RequestTimelinePanel", "No events are recorded for this request."): "该工单尚无记录。",
    ("RequestTimelinePanel", "Reference {reference}"): "工单号 {reference}",
    ("RequestTimelinePanel", "Previous crew {crew}"): "原救援车组 {crew}",
    ("RequestTimelinePanel", "Crew {crew}"): "救援车组 {crew}",
    ("RequestTimelinePanel", "ETA {minutes} min"): "预计 {minutes} 分钟到达",
    ("RequestTimelinePanel", "Reason: {reason}"): "原因：{reason}",
    ("RequestTimelinePanel", "Note: {note}"): "备注：{note}",
    ("RequestTimelinePanel", "Warning: the location is outside the service area"): (
        "注意：该位置不在服务区域内"
    ),
    # -- records and recovery: error messages ------------------------------------------
    ("Errors", "{field} must be text."): "{field}必须是文本。",
    ("Errors", "{field} must be a whole number from {low} to {high}."): (
        "{field}必须是 {low} 至 {high} 之间的整数。"
    ),
    (
        "Errors",
        "{field} must be a date and time with a time zone.",
    ): "{field}必须是带时区的日期时间。",
    ("Errors", "{field} must be yes or no."): "{field}只能为“是”或“否”。",
    ("Errors", "Cannot read {path}: {detail}"): "无法读取 {path}：{detail}",
    ("Errors", "Cannot write {path}: {detail}"): "无法写入 {path}：{detail}",
    ("Errors", "{path} already exists; choose another name or move that file away first."): (
        "{path} 已存在；请换一个文件名，或先将该文件移走。"
    ),
    (
        "Errors",
        "The ledger is broken at event {seq}: {detail}",
    ): "账本在第 {seq} 条事件处损坏：{detail}",
    ("Errors", "Checkpoint file {path} is not valid: {detail}"): "检查点文件 {path} 无效：{detail}",
    (
        "Errors",
        "The console backs up only its SQLite file; back up PostgreSQL with its "
        "own tools: pg_dump -Fc -f FILE DBNAME, and restore with pg_restore "
        "--clean -d DBNAME FILE.",
    ): (
        "调度台只备份其 SQLite 数据库文件；PostgreSQL 请使用其自带工具备份："
        "pg_dump -Fc -f FILE DBNAME，并用 pg_restore --clean -d DBNAME FILE 恢复。"
    ),
    (
        "Errors",
        "{path} is not a backup of this console: {detail}",
    ): "{path} 不是本调度台的备份：{detail}",
    ("Errors", "{path} is the database itself; restore from a copy."): (
        "{path} 就是数据库本身；请从备份副本恢复。"
    ),
    (
        "Errors",
        "The database {url} already holds data; pass --force to replace it with the backup.",
    ): "数据库 {url} 中已有数据；如需用备份替换，请加上 --force 参数。",
    ("Errors", "{path} is not UTF-8 text (line {line}): save it as “CSV UTF-8”."): (
        "{path} 不是 UTF-8 文本（第 {line} 行）：请另存为“CSV UTF-8”格式。"
    ),
    ("Errors", "{path} is too large to import (more than {limit})."): (
        "{path} 过大，无法导入（超过 {limit}）。"
    ),
    ("Errors", "{path} is not a valid CSV file at line {line}: {detail}"): (
        "{path} 第 {line} 行不是有效的 CSV 格式：{detail}"
    ),
    (
        "Errors",
        "{path} has a header but no rows to import.",
    ): "{path} 只有表头，没有可导入的数据行。",
    ("Errors", "{path} is empty: the first line must name the columns."): (
        "{path} 是空文件：第一行必须列出各列名称。"
    ),
    ("Errors", "{path} lacks the column(s) {columns}."): "{path} 缺少列：{columns}。",
    ("Errors", "{path} has unknown column(s) {columns}."): "{path} 含有无法识别的列：{columns}。",
    (
        "Errors",
        "{path} names the column {column} more than once.",
    ): "{path} 中列 {column} 出现了多次。",
    ("Errors", "The line has {found} fields but the header names {expected}."): (
        "该行有 {found} 个字段，但表头列出了 {expected} 列。"
    ),
    ("Errors", "{path}: {count} row(s) are not valid; nothing was imported."): (
        "{path}：有 {count} 行数据无效，未导入任何数据。"
    ),
    ("Errors", "{field} {value} appears more than once in the file (first on line {first})."): (
        "{field} {value} 在文件中重复出现（首次出现在第 {first} 行）。"
    ),
    (
        "Errors",
        "{field} {value} already exists in the database.",
    ): "{field} {value} 在数据库中已存在。",
    ("Errors", "{field} {value} is not valid: use letters, digits, - and _ (at most {limit})."): (
        "{field} {value} 无效：只能使用字母、数字、- 和 _（最多 {limit} 个字符）。"
    ),
    ("Errors", "Administrative code {value} is not valid: use 6 or 12 digits."): (
        "行政区划代码 {value} 无效：应为 6 位或 12 位数字。"
    ),
    ("Errors", "There is no partner {value}."): "合作商 {value} 不存在。",
    ("Errors", "There is no depot {value}."): "网点 {value} 不存在。",
    # -- alerts, keyboard help, cancel reasons ----------------------------------
    ("AlertBanner", "New P1 safety request {reference}"): "新的 P1 安全工单 {reference}",
    ("AlertBanner", "{reference}: assignment deadline passed"): "{reference}：已超过派车时限",
    ("AlertBanner", "{reference}: arrival deadline passed"): "{reference}：已超过到达时限",
    ("AlertBanner", "&Mute alerts"): "警报静音(&M)",
    ("AlertBanner", "Silence the alert sound on this workstation (the banner still shows)"): (
        "关闭本工作站的警报声音（提示条仍会显示）"
    ),
    ("AlertBanner", "Show"): "查看",
    ("AlertBanner", "Dismiss all alerts"): "关闭全部警报",
    ("ShortcutsDialog", "Other"): "其他",
    ("ShortcutsDialog", "Keyboard shortcuts"): "键盘快捷键",
    ("ShortcutsDialog", "Action"): "操作",
    ("ShortcutsDialog", "Keys"): "按键",
    ("MainWindow", "&Keyboard shortcuts"): "键盘快捷键(&K)",
    ("MainWindow", "List every keyboard shortcut"): "列出所有键盘快捷键",
    ("CancelReasonDialog", "Caller cancelled"): "来电人取消",
    ("CancelReasonDialog", "Caller fixed it themselves"): "来电人已自行解决",
    ("CancelReasonDialog", "Duplicate call"): "重复来电",
    ("CancelReasonDialog", "Vehicle towed by others"): "车辆已被他人拖走",
    ("CancelReasonDialog", "No answer at callback"): "回访无人接听",
    ("CancelReasonDialog", "Other"): "其他",
    ("CancelReasonDialog", "Choose a reason from the list."): "请从列表中选择原因。",
    ("CancelReasonDialog", "Describe the reason for “Other”."): "请说明“其他”的具体原因。",
    ("CancelReasonDialog", "Cancel request"): "取消工单",
    ("CancelReasonDialog", "Why is {reference} cancelled?"): "为什么取消 {reference}？",
    ("CancelReasonDialog", "Reason"): "原因",
    ("CancelReasonDialog", "Details"): "说明",
    ("CancelReasonDialog", "Optional; required for “Other”"): "选填；选择“其他”时必填",
    ("IntakeDialog", "The caller says"): "来电人描述",
    ("IntakeDialog", "Service"): "服务类型",
    ("IntakeDialog", "— choose what is wrong —"): "— 选择故障 —",
    ("IntakeDialog", "Won't start"): "无法启动",
    ("IntakeDialog", "Flat tyre"): "爆胎",
    ("IntakeDialog", "Out of fuel or charge"): "没油或没电",
    ("IntakeDialog", "Locked out"): "钥匙锁车内",
    ("IntakeDialog", "Stuck (mud, sand, snow, ditch)"): "被困（泥地、沙地、雪地、沟渠）",
    ("IntakeDialog", "Accident"): "交通事故",
    ("IntakeDialog", "EV warning (battery or high voltage)"): "电动车告警（电池或高压）",
    (
        "IntakeDialog",
        "Choose what the caller describes: the service (and safety hints) follow",
    ): "选择来电人描述的故障：服务类型（及安全提示）随之确定",
    (
        "IntakeDialog",
        "Accident: ask whether anyone is hurt and whether 122 has been called.",
    ): "交通事故：询问是否有人受伤，是否已拨打122。",
    ("LeaveGuard", "a call in the new-call form"): "接警表单中正在录入的来电",
    ("LeaveGuard", "guidance of {reference}"): "工单 {reference} 的远程指导",
    ("LeaveGuard", "Leave the open call?"): "离开未完成的来电？",
    (
        "LeaveGuard",
        "Still open: {work}.\n\nLeave anyway? A call in the new-call form is kept "
        "as a draft; unsaved guidance answers are lost.",
    ): "尚未完成：{work}。\n\n仍要离开吗？接警表单中的内容会保存为草稿；未保存的远程指导问答将丢失。",
}
