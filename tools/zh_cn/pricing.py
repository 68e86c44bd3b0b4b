"""Simplified Chinese for pricing and coverage: quotes, bills, disputes, revenue."""

from __future__ import annotations

ZH_CN: dict[tuple[str, str], str] = {
    # -- completion with a bill --------------------------------------------------
    ("CompletionDialog", "Enter the towed distance in km."): "请输入实际拖车公里数。",
    ("CompletionDialog", "Complete and bill"): "完工并结算",
    (
        "CompletionDialog",
        "What happened on {reference}? The bill is made from these figures.",
    ): "{reference} 的实际情况如何？账单将按以下数据生成。",
    ("CompletionDialog", "Actual tow distance (km)"): "实际拖车距离（公里）",
    ("CompletionDialog", "Waiting on scene (min)"): "现场等待（分钟）",
    ("CompletionDialog", "Winching (min)"): "绞盘作业（分钟）",
    # -- errors and timeline ---------------------------------------------------------
    (
        "Errors",
        "Pricing file {path} is not valid: {field_path} {detail}.",
    ): "价格文件 {path} 无效：{field_path} {detail}。",
    ("Errors", "Request {reference} has no accepted quote."): "工单 {reference} 没有已确认的报价。",
    (
        "Errors",
        "Request {reference} is already billed; its quote can no longer change.",
    ): "工单 {reference} 已结算，报价不能再更改。",
    (
        "Errors",
        "Request {reference} is closed; it can no longer be quoted.",
    ): "工单 {reference} 已关闭，不能再报价。",
    ("Errors", "Request {reference} has no bill yet."): "工单 {reference} 尚未结算。",
    ("Labels", "Quote accepted by the caller"): "来电人确认报价",
    ("Labels", "Bill disputed"): "账单有异议",
    ("Labels", "Coverage entitlement added"): "新增救援权益",
    # -- charge lines and coverage ---------------------------------------------------
    ("Pricing", "Base fee"): "起步价",
    ("Pricing", "Tow beyond the included km"): "超出起步公里的拖车里程",
    ("Pricing", "Night surcharge"): "夜间附加费",
    ("Pricing", "Expressway surcharge"): "高速公路附加费",
    ("Pricing", "Heavy vehicle surcharge"): "重型车辆附加费",
    ("Pricing", "Winching (per started 15 min)"): "绞盘作业（每15分钟，不足按15分钟计）",
    ("Pricing", "Waiting beyond the free minutes"): "超出免费时长的等待",
    ("Pricing", "Tow"): "拖车",
    ("Pricing", "Winching"): "绞盘作业",
    ("Pricing", "Waiting"): "等待",
    ("Pricing", "job"): "次",
    ("Pricing", "km"): "公里",
    ("Pricing", "× 15 min"): "× 15 分钟",
    ("Pricing", "min"): "分钟",
    ("Pricing", "Covered by {programme}"): "由“{programme}”承担",
    (
        "Pricing",
        "No programme found: the caller pays the tariff",
    ): "未找到救援权益：来电人按价目表付费",
    (
        "Pricing",
        "{programme} is not valid yet: the caller pays",
    ): "“{programme}”尚未生效：由来电人付费",
    ("Pricing", "{programme} has expired: the caller pays"): "“{programme}”已过期：由来电人付费",
    (
        "Pricing",
        "{programme} does not cover this service: the caller pays",
    ): "“{programme}”不含此项服务：由来电人付费",
    (
        "Pricing",
        "{programme} does not cover this vehicle: the caller pays",
    ): "“{programme}”不适用于此车辆：由来电人付费",
    (
        "Pricing",
        "{programme}: this year's free uses are used up; the caller pays",
    ): "“{programme}”本年度免费次数已用完：由来电人付费",
    (
        "Pricing",
        "{item} {billed} instead of {quoted}: {step} {unit} × {price} = {delta} "
        "(caller's part {caller})",
    ): "{item} 实际 {billed}，报价 {quoted}：{step} {unit} × {price} = {delta}（车主承担部分 {caller}）",
    (
        "Pricing",
        "{item} added ({billed}): {step} {unit} × {price} = {delta} (caller's part {caller})",
    ): "新增{item}（{billed}）：{step} {unit} × {price} = {delta}（车主承担部分 {caller}）",
    (
        "Pricing",
        "{item} not needed: {step} {unit} × {price} = {delta} (caller's part {caller})",
    ): "未发生{item}：{step} {unit} × {price} = {delta}（车主承担部分 {caller}）",
    ("Pricing", "Item"): "项目",
    ("Pricing", "Quantity"): "数量",
    ("Pricing", "Unit price"): "单价",
    ("Pricing", "Amount"): "金额",
    ("Pricing", "Covered"): "权益承担",
    ("Pricing", "Caller pays"): "车主支付",
    ("Pricing", "Total"): "合计",
    # -- the request's price -----------------------------------------------------------
    ("PricingSection", "No quote accepted yet."): "尚无已确认的报价。",
    ("PricingSection", "Tow to: {address} · {km} km quoted"): "拖至：{address} · 报价 {km} 公里",
    (
        "PricingSection",
        "Quote accepted: caller pays {caller} of {total}",
    ): "已确认报价：总额 {total}，车主支付 {caller}",
    ("PricingSection", "Terms: {terms}"): "服务条款：{terms}",
    (
        "PricingSection",
        "Bill: caller pays {caller} of {total}",
    ): "账单：总额 {total}，车主支付 {caller}",
    ("PricingSection", "The bill is the quote: nothing changed."): "账单与报价一致，没有变化。",
    ("PricingSection", "Disputed by the caller: {reason}"): "来电人提出异议：{reason}",
    ("PricingSection", "Cannot write {path}: {detail}"): "无法写入 {path}：{detail}",
    ("PricingSection", "Bill written to {path}"): "账单已导出到 {path}",
    ("PricingSection", "Dispute bill"): "账单异议",
    (
        "PricingSection",
        "Why does the caller dispute the bill of {reference}?",
    ): "来电人为何对 {reference} 的账单有异议？",
    ("PricingSection", "Export bill"): "导出账单",
    ("PricingSection", "JSON (*.json);;CSV (*.csv)"): "JSON（*.json）;;CSV（*.csv）",
    ("PricingSection", "Price and coverage"): "费用与救援权益",
    ("PricingSection", "Quote…"): "报价…",
    (
        "PricingSection",
        "Price the job again and store what the caller accepts",
    ): "重新计算费用并保存来电人确认的报价",
    ("PricingSection", "Export bill…"): "导出账单…",
    ("PricingSection", "Dispute…"): "提出异议…",
    ("QuoteDialog", "Quote {reference}"): "为 {reference} 报价",
    ("QuoteDialog", "Store quote"): "保存报价",
    # -- the quote box ---------------------------------------------------------------
    (
        "QuoteWidget",
        "Enter the location and the service to see a quote.",
    ): "填写位置和服务项目后即可看到报价。",
    (
        "QuoteWidget",
        "Tow distance must be a number of kilometres from 0 to 2000.",
    ): "拖车距离必须是 0 到 2000 之间的公里数。",
    (
        "QuoteWidget",
        "The quote could not be priced; the connection may be down.",
    ): "无法计算报价，可能是连接已断开。",
    ("QuoteWidget", "Price and coverage"): "费用与救援权益",
    ("QuoteWidget", "Policy / member no."): "保单号 / 会员号",
    ("QuoteWidget", "Tow destination"): "拖车目的地",
    ("QuoteWidget", "Destination lat, lon"): "目的地纬度、经度",
    ("QuoteWidget", "Tow distance (km)"): "拖车距离（公里）",
    (
        "QuoteWidget",
        "Policy or member number, plate or last 6 of VIN",
    ): "保单号或会员号、车牌号或车架号后6位",
    ("QuoteWidget", "Workshop or address the vehicle goes to"): "车辆送往的维修站或地址",
    ("QuoteWidget", "e.g. 30.80"): "例如 30.80",
    ("QuoteWidget", "e.g. 120.70"): "例如 120.70",
    ("QuoteWidget", "Caller accepts this quote"): "来电人确认此报价",
    ("QuoteWidget", "estimated from the destination"): "按目的地估算",
    (
        "QuoteWidget",
        "{count} free uses left this year after this one",
    ): "本次之后本年度还剩 {count} 次免费救援",
    (
        "QuoteWidget",
        "Caller pays {caller} of {total} (programme pays {covered})",
    ): "总额 {total}，车主支付 {caller}（权益承担 {covered}）",
    ("QuoteWidget", "Terms: {terms}"): "服务条款：{terms}",
    ("QuoteWidget", "estimated {km} km"): "估算 {km} 公里",
    # -- supervisor view ---------------------------------------------------------------
    (
        "RevenueDialog",
        "The figures could not be read; the connection may be down.",
    ): "无法读取数据，可能是连接已断开。",
    ("RevenueDialog", "No bills yet."): "暂无账单。",
    ("RevenueDialog", "Pay as you go"): "按次付费",
    ("RevenueDialog", "Revenue and covered cost by programme"): "各救援权益的收入与承担费用",
    ("RevenueDialog", "Programme"): "救援权益",
    ("RevenueDialog", "Jobs billed"): "结算单数",
    ("RevenueDialog", "Billed"): "结算总额",
    ("RevenueDialog", "Covered cost"): "权益承担费用",
    ("RevenueDialog", "Paid by callers"): "车主支付",
    ("RevenueDialog", "Disputed bills"): "有异议的账单",
    ("RevenueDialog", "Refresh"): "刷新",
    ("RevenueMenu", "Revenue by programme…"): "各救援权益收入…",
}
