<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../console/ui/alert_banner.py" line="+179"/>
        <source>New P1 safety request {reference}</source>
        <translation>新的 P1 安全工单 {reference}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reference}: triage deadline passed</source>
        <translation>{reference}：已超过分诊时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reference}: assignment deadline passed</source>
        <translation>{reference}：已超过派车时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reference}: arrival deadline passed</source>
        <translation>{reference}：已超过到达时限</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} new P1 safety requests</source>
        <translation>{count} 个新的 P1 安全工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} requests past the triage deadline</source>
        <translation>{count} 个工单已超过分诊时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} requests past the assignment deadline</source>
        <translation>{count} 个工单已超过派车时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} requests past the arrival deadline</source>
        <translation>{count} 个工单已超过到达时限</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No alerts</source>
        <translation>暂无警报</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>List ({count})</source>
        <translation>列表（{count}）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>… and {count} more</source>
        <translation>……另有 {count} 个</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Select the most urgent alerted request</source>
        <translation>选中最紧急的警报工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the alerted requests</source>
        <translation>列出有警报的工单</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&amp;Mute alerts</source>
        <translation>警报静音(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Silence the alert sound on this workstation (the banner still shows)</source>
        <translation>关闭本工作站的警报声音（提示条仍会显示）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss all alerts</source>
        <translation>关闭全部警报</translation>
    </message>
</context>
<context>
    <name>CancelReasonDialog</name>
    <message>
        <location filename="../../console/ui/request_detail.py" line="+101"/>
        <source>Caller cancelled</source>
        <translation>来电人取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller fixed it themselves</source>
        <translation>来电人已自行解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate call</source>
        <translation>重复来电</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle towed by others</source>
        <translation>车辆已被他人拖走</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer at callback</source>
        <translation>回访无人接听</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Choose a reason from the list.</source>
        <translation>请从列表中选择原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Describe the reason for “Other”.</source>
        <translation>请说明“其他”的具体原因。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel request</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why is {reference} cancelled?</source>
        <translation>为什么取消 {reference}？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional; required for “Other”</source>
        <translation>选填；选择“其他”时必填</translation>
    </message>
</context>
<context>
    <name>ChoiceFilterButton</name>
    <message>
        <location filename="../../console/ui/filter_bar.py" line="+101"/>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../console/ui/dashboard/dialogs.py" line="+108"/>
        <source>New complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaint about {reference}: an answer is due within 24 hours.</source>
        <translation>工单 {reference} 的投诉：须在 24 小时内答复。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <location filename="../../console/ui/pricing_panel.py" line="+120"/>
        <source>Enter the towed distance in km.</source>
        <translation>请输入实际拖车公里数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complete and bill</source>
        <translation>完工并结算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What happened on {reference}? The bill is made from these figures.</source>
        <translation>{reference} 的实际情况如何？账单将按以下数据生成。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Actual tow distance (km)</source>
        <translation>实际拖车距离（公里）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting on scene (min)</source>
        <translation>现场等待（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Winching (min)</source>
        <translation>绞盘作业（分钟）</translation>
    </message>
</context>
<context>
    <name>Coverage</name>
    <message>
        <location filename="../../console/ui/reach_labels.py" line="+14"/>
        <source>Any tow truck</source>
        <translation>各类拖车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flatbed</source>
        <translation>平板拖车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heavy wrecker</source>
        <translation>重型清障车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV-certified</source>
        <translation>新能源高压资质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service van</source>
        <translation>服务车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilingual</source>
        <translation>双语</translation>
    </message>
</context>
<context>
    <name>CoverageTile</name>
    <message>
        <location filename="../../console/ui/dashboard/coverage_tile.py" line="+126"/>
        <source>Coverage now</source>
        <translation>当前覆盖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reached</source>
        <translation>可达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holes</source>
        <translation>盲区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cities a free crew does not reach in time</source>
        <translation>空闲车组无法按时到达的城市数</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Measuring…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Within {minutes} min of a free crew</source>
        <translation>空闲车组 {minutes} 分钟内可达</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Share of the expected calls (cities weighted by size, as in the digital twin) that a free crew with the capability reaches within {minutes} min, the P2 (standard) urban arrival target. The large figure is the mean of the rows; a hole is a city outside the target. {crews} free crews, {places} cities.</source>
        <translation>具备该能力的空闲车组在 {minutes} 分钟（P2 标准工单的城区到达时限）内可到达的预计来电占比（各城市按规模加权，与数字孪生一致）。大号数字为各行的平均值；盲区指超出时限的城市。空闲车组 {crews} 个，城市 {places} 个。</translation>
    </message>
</context>
<context>
    <name>CrewBoardPanel</name>
    <message>
        <location filename="../../console/ui/crew_board.py" line="+260"/>
        <source>Search call sign or depot</source>
        <translation>搜索车组呼号或网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>救援车型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feed</source>
        <translation>回传</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province or city of the depot</source>
        <translation>网点所在省份或城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set to {status}</source>
        <translation>设为“{status}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Devices…</source>
        <translation>设备…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The phones that report this crew&apos;s position</source>
        <translation>为该车组回传位置的手机</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>The change could not be saved; the connection may be down.</source>
        <translation>更改未能保存，可能已断开连接。</translation>
    </message>
</context>
<context>
    <name>CrewTableModel</name>
    <message>
        <location filename="../../console/ui/crew_model.py" line="+248"/>
        <source>Call sign</source>
        <translation>呼号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depot</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>救援车型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skills</source>
        <translation>技能资质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPS age</source>
        <translation>定位距今</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job</source>
        <translation>当前工单</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>HV</source>
        <translation>高压</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilingual</source>
        <translation>双语</translation>
    </message>
    <message>
        <location line="-100"/>
        <location line="+126"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Live</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quiet</source>
        <translation>间歇</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Silent</source>
        <translation>中断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No fix yet</source>
        <translation>尚无定位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No device</source>
        <translation>无设备</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Feed silent for {age}: the position may be out of date.</source>
        <translation>回传已中断 {age}：位置可能已过时。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A device is registered but has not reported yet.</source>
        <translation>已登记设备，但尚未回传。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No registered device: positions are entered by hand.</source>
        <translation>未登记设备：位置由人工录入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Newest fix: {time}</source>
        <translation>最新定位：{time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active devices: {count}</source>
        <translation>在用设备：{count} 台</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+127"/>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours} 小时 {minutes:02d} 分钟</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Feed</source>
        <translation>回传</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>GPS fix is stale (older than 10 minutes)</source>
        <translation>GPS 定位已过时（超过 10 分钟）</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../console/ui/dashboard/texts.py" line="+13"/>
        <source>Requests opened</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs completed</source>
        <translation>已完成救援</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for a crew</source>
        <translation>待派车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: P1 safety</source>
        <translation>待派车：P1 安全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: P2 standard</source>
        <translation>待派车：P2 标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: P3 scheduled</source>
        <translation>待派车：P3 预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest waiting</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA at risk</source>
        <translation>SLA 临近超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA breached</source>
        <translation>SLA 已超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean time to assign</source>
        <translation>平均派车用时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned within 2 min</source>
        <translation>2 分钟内派车率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean time to arrival</source>
        <translation>平均到达用时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P90 time to arrival</source>
        <translation>到达用时 P90</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrivals within SLA</source>
        <translation>按时到达率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P1 arrivals within SLA</source>
        <translation>P1 按时到达率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crews on duty</source>
        <translation>在岗车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crews on a job</source>
        <translation>执行任务车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew utilisation</source>
        <translation>车组利用率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed by phone</source>
        <translation>电话解决率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups</source>
        <translation>回访数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean score</source>
        <translation>平均评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied (4-5)</source>
        <translation>满意（4–5 分）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints open</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints overdue</source>
        <translation>超时未答复投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints answered in 24 h</source>
        <translation>24 小时内答复率</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/ 5</source>
        <translation>/ 5 分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late arrival</source>
        <translation>到达迟缓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew conduct</source>
        <translation>人员态度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle damage</source>
        <translation>车辆损伤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pricing</source>
        <translation>收费问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Communication</source>
        <translation>沟通不畅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../console/ui/dashboard/charts.py" line="+131"/>
        <source>Waiting for a crew, by priority</source>
        <translation>待派车工单（按优先级）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting</source>
        <translation>待派车</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This shift, by hour</source>
        <translation>本班次（按小时）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opened</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Arrivals within SLA (%)</source>
        <translation>按时到达率（%）</translation>
    </message>
</context>
<context>
    <name>DashboardReport</name>
    <message>
        <location filename="../../console/ui/dashboard/report_pdf.py" line="+42"/>
        <source>Period</source>
        <translation>统计区间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produced</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner scorecards</source>
        <translation>合作商评分卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner</source>
        <translation>合作商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs</source>
        <translation>任务数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time</source>
        <translation>按时到达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missed</source>
        <translation>未达标</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../console/ui/dashboard/window.py" line="+216"/>
        <source>Supervisor dashboard</source>
        <translation>值班主管看板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard toolbar</source>
        <translation>看板工具栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period: </source>
        <translation>统计区间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current shift</source>
        <translation>本班次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report CSV…</source>
        <translation>报表 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report PDF…</source>
        <translation>报表 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the table below as CSV, sorted as shown</source>
        <translation>按当前排序将下方表格保存为 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan moves…</source>
        <translation>计划调整…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a coverage plan file and export its moves as CSV for the depots</source>
        <translation>打开覆盖规划文件，并将调整导出为 CSV 发给各网点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the dashboard</source>
        <translation>关闭看板</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Partner scorecards</source>
        <translation>合作商评分卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depot scorecards</source>
        <translation>网点评分卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs this period</source>
        <translation>本期工单</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>Request</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jobs</source>
        <translation>任务数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On time</source>
        <translation>按时到达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Satisfied</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint rate</source>
        <translation>投诉率</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To assign</source>
        <translation>派车用时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To arrive</source>
        <translation>到达用时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+90"/>
        <location line="+32"/>
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Target ≥ {target}</source>
        <translation>目标 ≥ {target}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Assign within {minutes} min</source>
        <translation>须 {minutes} 分钟内派车</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} at risk</source>
        <translation>{count} 单临近超时</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>P90 {value}</source>
        <translation>P90 {value}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{busy} of {on_duty} on a job</source>
        <translation>{on_duty} 个在岗车组中 {busy} 个执行任务</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{part} of {whole} calls</source>
        <translation>{whole} 通来电中 {part} 通</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>mean {value}</source>
        <translation>平均 {value}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} overdue</source>
        <translation>{count} 件超时</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} requests opened</source>
        <translation>新建工单 {count} 单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SLA breached</source>
        <translation>SLA 已超时</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{status} – overdue</source>
        <translation>{status}（已超时）</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Record satisfaction…</source>
        <translation>登记满意度回访…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+16"/>
        <source>Export EIDO JSON…</source>
        <translation>导出 EIDO JSON…</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Record answer…</source>
        <translation>登记答复…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close complaint…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Answer complaint</source>
        <translation>答复投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was the caller told about {reference}?</source>
        <translation>就工单 {reference} 向客户作了什么答复？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close complaint</source>
        <translation>投诉结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How was the complaint about {reference} resolved?</source>
        <translation>工单 {reference} 的投诉如何处理结案？</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+94"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Daily report {day}</source>
        <translation>日报 {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift report {day} from {time}</source>
        <translation>班次报表 {day} {time} 起</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export EIDO JSON</source>
        <translation>导出 EIDO JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not a coverage plan</source>
        <translation>不是覆盖规划文件</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>DatabaseLostNotice</name>
    <message>
        <location filename="../../console/ui/database_lost.py" line="+54"/>
        <source>Database file is missing</source>
        <translation>数据库文件不见了</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database file was replaced</source>
        <translation>数据库文件已被替换</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving is stopped so that no call is reported as saved when it is not. Write down the calls you are taking, restore the database from the latest backup (roadside-console restore BACKUP) and start the console again. Other workstations on the same file are affected too.</source>
        <translation>已停止保存，以免把没有保存的来电显示为已保存。请把正在受理的来电记下来，用最近的备份恢复数据库（roadside-console restore 备份文件），然后重新启动控制台。使用同一文件的其他工作站也受影响。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saving is stopped so that no call is reported as saved when it is not. This console still reaches the lost database: save a rescue copy first (it holds everything saved up to now), then restore it with roadside-console restore COPY and start the console again. Other workstations on the same file are affected too.</source>
        <translation>已停止保存，以免把没有保存的来电显示为已保存。本控制台仍能读到丢失的数据库：请先保存一份抢救副本（其中有到目前为止保存的全部内容），再用 roadside-console restore 副本文件 恢复，然后重新启动控制台。使用同一文件的其他工作站也受影响。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save a rescue copy…</source>
        <translation>保存抢救副本…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit the console</source>
        <translation>退出控制台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the window open (read only)</source>
        <translation>保持窗口打开（只读）</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <location filename="../../console/ui/devices_dialog.py" line="+148"/>
        <source>Devices of {crew}</source>
        <translation>{crew} 的设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add device…</source>
        <translation>添加设备…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings for the phone</source>
        <translation>手机设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifier:</source>
        <translation>标识：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the identifier to the clipboard</source>
        <translation>将标识复制到剪贴板</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shown only this once: scan the code with Traccar Client (Settings ▸ scan QR code) or type the server and identifier into the app. The identifier is a password; whoever holds it can report for this crew.</source>
        <translation>仅显示这一次：用 Traccar Client 扫描二维码（设置 ▸ 扫描二维码），或在应用中输入服务器地址和标识。标识等同密码，持有者即可为该车组回传。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Give the device a label, e.g. the phone&apos;s owner.</source>
        <translation>请为设备命名，例如手机持有人。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A label may hold at most {count} characters.</source>
        <translation>名称最多 {count} 个字符。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Added {label}. Set up the phone now.</source>
        <translation>已添加 {label}，请立即设置手机。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Revoked {label}: its fixes are refused from now on.</source>
        <translation>已吊销 {label}：此后其定位将被拒收。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Server URL: {url}</source>
        <translation>服务器地址：{url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device identifier: {id}</source>
        <translation>设备标识：{id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reporting interval: {seconds} s</source>
        <translation>回传间隔：{seconds} 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heartbeat when standing still: {seconds} s</source>
        <translation>静止时心跳：{seconds} 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Location accuracy: high</source>
        <translation>定位精度：高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Configuration link (the QR code):</source>
        <translation>配置链接（即二维码内容）：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add device</source>
        <translation>添加设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label (e.g. the phone&apos;s owner or the vehicle):</source>
        <translation>名称（例如手机持有人或车辆）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Revoke device</source>
        <translation>吊销设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke {label} (…{hint})? The phone can no longer report for {crew}; this cannot be undone.</source>
        <translation>吊销 {label}（…{hint}）？该手机将无法再为 {crew} 回传，且无法撤销。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoked {when}</source>
        <translation>已吊销 {when}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../console/ui/labels.py" line="+212"/>
        <source>{field} is required.</source>
        <translation>{field}为必填项。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} is too long (at most {limit} characters).</source>
        <translation>{field}过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} contains invisible control characters.</source>
        <translation>{field}包含不可见的控制字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} must be a number.</source>
        <translation>{field}必须是数字。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} has an unknown value: {value}.</source>
        <translation>{field}的取值无法识别：{value}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} must be text.</source>
        <translation>{field}必须是文本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} must be a whole number from {low} to {high}.</source>
        <translation>{field}必须是 {low} 至 {high} 之间的整数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} must be a date and time with a time zone.</source>
        <translation>{field}必须是带时区的日期时间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} must be yes or no.</source>
        <translation>{field}只能为“是”或“否”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number {value} is not valid: use a mainland mobile (11 digits, 1xx), a landline with area code (0xx-xxxxxxxx) or an international number with +.</source>
        <translation>电话号码 {value} 无效：请使用中国大陆手机号（11 位，以 1 开头）、带区号的固定电话（0xx-xxxxxxxx）或以 + 开头的国际号码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plate {value} is not a valid Chinese licence plate.</source>
        <translation>车牌号 {value} 不是有效的中国车牌。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Latitude {value} is outside -90 to 90.</source>
        <translation>纬度 {value} 超出 -90 至 90 的范围。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude {value} is outside -180 to 180.</source>
        <translation>经度 {value} 超出 -180 至 180 的范围。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The location {lat}, {lon} is outside the service area (mainland China).</source>
        <translation>位置 {lat}, {lon} 不在服务区域（中国大陆）内。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A reason is required.</source>
        <translation>必须填写原因。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a location or pick a city.</source>
        <translation>请输入位置或选择城市。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A request cannot move from {from_status} to {to_status}.</source>
        <translation>工单不能从“{from_status}”变更为“{to_status}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a crew to assign.</source>
        <translation>请选择要指派的救援车组。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A {service} request cannot move to {to_status}.</source>
        <translation>“{service}”工单不能变更为“{to_status}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the {operation} action to move a request to {to_status}.</source>
        <translation>请使用“{operation}”操作将工单变更为“{to_status}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crew {crew} is no longer available (now {status}).</source>
        <translation>救援车组 {crew} 已不可用（当前状态：{status}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crew {crew} was changed by someone else; refresh and try again.</source>
        <translation>救援车组 {crew} 已被他人修改，请刷新后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crew {crew} is on a job and cannot be set to {status} by hand.</source>
        <translation>救援车组 {crew} 正在执行任务，不能手动设为“{status}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A crew cannot be set to {status} by hand.</source>
        <translation>不能手动将救援车组设为“{status}”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request {reference} was changed by someone else; refresh and try again.</source>
        <translation>工单 {reference} 已被他人修改，请刷新后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone else changed this record at the same moment; refresh and try again.</source>
        <translation>其他人刚刚同时修改了这条记录，请刷新后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request {reference} has no crew assigned.</source>
        <translation>工单 {reference} 尚未指派救援车组。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no request {key}.</source>
        <translation>工单 {key} 不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no crew {key}.</source>
        <translation>救援车组 {key} 不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no device {key}.</source>
        <translation>没有编号为 {key} 的设备。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database address {url} is not valid: {detail}</source>
        <translation>数据库地址 {url} 无效：{detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database {url} is not supported: use sqlite:///FILE or postgresql+psycopg://HOST/DB.</source>
        <translation>不支持数据库 {url}：请使用 sqlite:///FILE 或 postgresql+psycopg://HOST/DB。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot open the database {url}: {detail}</source>
        <translation>无法打开数据库 {url}：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database schema is at {current}, this console needs {head}: run `roadside-console db upgrade`.</source>
        <translation>数据库结构版本为 {current}，本调度台需要 {head}：请运行 `roadside-console db upgrade`。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database schema {current} is newer than this console knows; upgrade the console.</source>
        <translation>数据库结构版本 {current} 比本调度台所支持的更新，请升级调度台。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database already holds demo data; pass --replace to seed it again.</source>
        <translation>数据库中已有演示数据；如需重新生成，请加上 --replace 参数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database file {path} is missing: it was deleted or moved while the console ran. Nothing more is saved; restore it from a backup and restart the console.</source>
        <translation>数据库文件 {path} 不见了：控制台运行期间它被删除或移走。此后的操作都不会保存；请从备份恢复该文件并重新启动控制台。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database file {path} was replaced by another file while the console ran. Nothing more is saved; restart the console to open the file now there.</source>
        <translation>控制台运行期间，数据库文件 {path} 被另一个文件替换。此后的操作都不会保存；请重新启动控制台以打开现在的文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not save a rescue copy to {path}: {detail}</source>
        <translation>无法把抢救副本保存到 {path}：{detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database {path} held data before and is now missing or empty: restore it from a backup, or pass --new-database to start a new one there.</source>
        <translation>数据库 {path} 以前存有数据，现在却不见了或是空的：请从备份恢复，或加上 --new-database 在该位置新建数据库。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan file {path} cannot be read: {detail}.</source>
        <translation>无法读取规划文件 {path}：{detail}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configuration file {path} is not valid: {detail}</source>
        <translation>配置文件 {path} 无效：{detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seed option {option} is not valid: {detail}</source>
        <translation>演示数据选项 {option} 无效：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed data file {path} is missing or damaged: {detail}</source>
        <translation>演示数据文件 {path} 缺失或已损坏：{detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read {path}: {detail}</source>
        <translation>无法读取 {path}：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {path}: {detail}</source>
        <translation>无法写入 {path}：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} already exists; choose another name or move that file away first.</source>
        <translation>{path} 已存在；请换一个文件名，或先将该文件移走。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not a regular file (a device, pipe or socket); choose a file.</source>
        <translation>{path} 不是普通文件（而是设备、管道或套接字）；请选择一个文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is too large (more than {limit}).</source>
        <translation>{path} 过大（超过 {limit}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not UTF-8 text (line {line}).</source>
        <translation>{path} 不是 UTF-8 文本（第 {line} 行）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ledger is broken at event {seq}: {detail}</source>
        <translation>账本在第 {seq} 条事件处损坏：{detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} user account(s) do not match the ledger ({detail}): run verify.</source>
        <translation>有 {count} 个用户账户与审计账本不符（{detail}）：请运行校验（verify）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoint file {path} is not valid: {detail}</source>
        <translation>检查点文件 {path} 无效：{detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The console backs up only its SQLite file; back up PostgreSQL with its own tools: pg_dump -Fc -f FILE DBNAME, and restore with pg_restore --clean -d DBNAME FILE.</source>
        <translation>调度台只备份其 SQLite 数据库文件；PostgreSQL 请使用其自带工具备份：pg_dump -Fc -f FILE DBNAME，并用 pg_restore --clean -d DBNAME FILE 恢复。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} is not a backup of this console: {detail}</source>
        <translation>{path} 不是本调度台的备份：{detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is the database itself; restore from a copy.</source>
        <translation>{path} 就是数据库本身；请从备份副本恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup refused: {path} {detail}.</source>
        <translation>已拒绝该备份：{path}（{detail}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database {url} already holds data; pass --force to replace it with the backup.</source>
        <translation>数据库 {url} 中已有数据；如需用备份替换，请加上 --force 参数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database {url} is open in a console or another program; close it, then restore again.</source>
        <translation>数据库 {url} 正被调度台或其他程序打开；请先关闭，再重新恢复。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} is not UTF-8 text (line {line}): save it as “CSV UTF-8”.</source>
        <translation>{path} 不是 UTF-8 文本（第 {line} 行）：请另存为“CSV UTF-8”格式。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is too large to import (more than {limit}).</source>
        <translation>{path} 过大，无法导入（超过 {limit}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not a valid CSV file at line {line}: {detail}</source>
        <translation>{path} 第 {line} 行不是有效的 CSV 格式：{detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} has a header but no rows to import.</source>
        <translation>{path} 只有表头，没有可导入的数据行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is empty: the first line must name the columns.</source>
        <translation>{path} 是空文件：第一行必须列出各列名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} lacks the column(s) {columns}.</source>
        <translation>{path} 缺少列：{columns}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} has unknown column(s) {columns}.</source>
        <translation>{path} 含有无法识别的列：{columns}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} names the column {column} more than once.</source>
        <translation>{path} 中列 {column} 出现了多次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The line has {found} fields but the header names {expected}.</source>
        <translation>该行有 {found} 个字段，但表头列出了 {expected} 列。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: {count} row(s) are not valid; nothing was imported.</source>
        <translation>{path}：有 {count} 行数据无效，未导入任何数据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} {value} appears more than once in the file (first on line {first}).</source>
        <translation>{field} {value} 在文件中重复出现（首次出现在第 {first} 行）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} {value} already exists in the database.</source>
        <translation>{field} {value} 在数据库中已存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} {value} is not valid: use letters, digits, - and _ (at most {limit}).</source>
        <translation>{field} {value} 无效：只能使用字母、数字、- 和 _（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Administrative code {value} is not valid: use 6 or 12 digits.</source>
        <translation>行政区划代码 {value} 无效：应为 6 位或 12 位数字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no partner {value}.</source>
        <translation>合作商 {value} 不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no depot {value}.</source>
        <translation>网点 {value} 不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pricing file {path} is not valid: {field_path} {detail}.</source>
        <translation>价格文件 {path} 无效：{field_path} {detail}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request {reference} has no accepted quote.</source>
        <translation>工单 {reference} 没有已确认的报价。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request {reference} is already billed; its quote can no longer change.</source>
        <translation>工单 {reference} 已结算，报价不能再更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request {reference} is closed; it can no longer be quoted.</source>
        <translation>工单 {reference} 已关闭，不能再报价。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request {reference} has no bill yet.</source>
        <translation>工单 {reference} 尚未结算。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{user} ({role}) is not allowed to do this ({permission}).</source>
        <translation>{user}（{role}）无权执行此操作（{permission}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crew {crew} may move only its own current job, not {reference}.</source>
        <translation>车组 {crew} 只能操作自己当前的工单，不能操作 {reference}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many failed sign-ins: try again in {minutes} minute(s).</source>
        <translation>登录失败次数过多，请 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account {username} does not match the ledger ({detail}): sign-in refused; ask an administrator to run verify.</source>
        <translation>账户 {username} 与审计账本不符（{detail}）：已拒绝登录；请联系管理员运行校验（verify）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name {value} is not valid: use 2 to 64 lower-case letters, digits, ., _ or -.</source>
        <translation>用户名 {value} 无效：请使用 2 至 64 个小写字母、数字、.、_ 或 -。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is already a user {username}.</source>
        <translation>用户 {username} 已存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no user {key}.</source>
        <translation>没有用户 {key}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password must be {low} to {high} characters long.</source>
        <translation>密码长度须为 {low} 至 {high} 个字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password must not be the user name.</source>
        <translation>密码不能与用户名相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request {reference} is not completed; follow-ups are for completed jobs.</source>
        <translation>工单 {reference} 尚未完成；回访仅针对已完成的救援。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Request {reference} already has a satisfaction score.</source>
        <translation>工单 {reference} 已有满意度评分。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no complaint {key}.</source>
        <translation>没有编号为 {key} 的投诉。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint {key} is already closed.</source>
        <translation>投诉 {key} 已结案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint {key} has already been answered.</source>
        <translation>投诉 {key} 已答复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint {key} was changed by someone else; refresh and try again.</source>
        <translation>投诉 {key} 已被他人修改，请刷新后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report day {value} is not valid: use YYYY-MM-DD.</source>
        <translation>报表日期 {value} 无效：请使用 YYYY-MM-DD 格式。</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <location filename="../../console/ui/guidance_panel.py" line="+260"/>
        <source>Select a request first.</source>
        <translation>请先选择一个工单。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database cannot be reached.</source>
        <translation>无法连接数据库。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request {reference} is {status}: it cannot be guided.</source>
        <translation>工单 {reference} 当前为“{status}”，不能再进行远程指导。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The outcome could not be saved; the connection may be down. Try again.</source>
        <translation>指导结果未能保存，可能是网络连接中断，请重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved: {reference} is {status}.</source>
        <translation>已保存：工单 {reference} 现为“{status}”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+43"/>
        <source>Guidance</source>
        <translation>远程指导</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Guide the caller…</source>
        <translation>远程指导来电人…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Walk the caller through a guidance script for the selected request (F6)</source>
        <translation>按指导脚本一步步引导所选工单的来电人（F6）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Guide the selected request&apos;s caller; in the new-call form F6 stores the call and guides it, without asking the safety questions again</source>
        <translation>远程指导所选工单的来电人；在接警表单中按 F6 会保存来电并开始指导，不再重复询问安全问题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish and save (Ctrl+S)</source>
        <translation>完成并保存（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back (Backspace)</source>
        <translation>上一步（Backspace）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalate to dispatch (Ctrl+E)</source>
        <translation>转调度员处理（Ctrl+E）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path so far</source>
        <translation>已问答步骤</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Select a request and press F6, or choose “Guide the caller” in intake.</source>
        <translation>选择一个工单后按 F6，或在接警表单中点击“远程指导”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{reference} · {protocol} (caller speaks {language})</source>
        <translation>{reference} · {protocol}（来电人使用{language}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Escalated</source>
        <translation>已转调度员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{answer} (at intake)</source>
        <translation>{answer}（接警时已答）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answered at intake, not asked again: {answers}</source>
        <translation>接警时已回答，不再重复询问：{answers}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Outcome {code}: {label}
Service: {service} · Priority: {priority}{equipment}</source>
        <translation>结果 {code}：{label}
服务：{service} · 优先级：{priority}{equipment}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> · Needs: {kinds}</source>
        <translation> · 需要：{kinds}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The request will be closed as resolved by phone.</source>
        <translation>保存后工单将以“电话远程解决”结案。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request will be queued for a crew.</source>
        <translation>保存后工单将进入待派车队列。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Ask the caller</source>
        <translation>询问来电人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the instruction, then check</source>
        <translation>宣读操作指引，然后确认结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety warning: read it out now</source>
        <translation>安全提示：请立即向来电人宣读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tell the caller</source>
        <translation>告知来电人</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Guidance is unavailable</source>
        <translation>远程指导不可用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The guidance scripts have {count} problem(s) and will not be used until they are fixed (run “python main.py guidance check”):</source>
        <translation>指导脚本有 {count} 处问题，修复之前不会启用（可运行“python main.py guidance check”检查）：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>That number is not covered by the script; escalate instead.</source>
        <translation>脚本未涵盖这个数值，请转调度员处理。</translation>
    </message>
</context>
<context>
    <name>GuidanceText</name>
    <message>
        <location filename="../../console/ui/guidance_text.py" line="+37"/>
        <source>{question} escalated</source>
        <translation>{question} 已转调度员</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{question} {answer} (at intake)</source>
        <translation>{question} {answer}（接警时已答）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Guidance {code} ({protocol})</source>
        <translation>远程指导 {code}（{protocol}）</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../console/ui/intake_dialog.py" line="+514"/>
        <source>New call</source>
        <translation>新来电</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 · Safety first</source>
        <translation>1 · 安全确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 · Caller</source>
        <translation>2 · 来电人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 · Location</source>
        <translation>3 · 位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 · Vehicle</source>
        <translation>4 · 车辆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 · Fault and service</source>
        <translation>5 · 故障与服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>6 · Notes</source>
        <translation>6 · 备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vehicle stopped in a live traffic lane?</source>
        <translation>车辆是否停在行车道上？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anyone injured?</source>
        <translation>是否有人受伤？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smoke or fire?</source>
        <translation>是否冒烟或起火？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV warning: battery warning light, burning smell or hissing?</source>
        <translation>新能源车报警：电池故障灯亮、有焦味或嘶嘶声？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Children, elderly, disabled or pregnant people on board?</source>
        <translation>车上是否有儿童、老人、残障人士或孕妇？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fixed by phone: resolve remotely, send no crew</source>
        <translation>电话中已解决：远程结案，不派车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller asks for a scheduled visit later</source>
        <translation>来电人要求稍后预约上门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override priority:</source>
        <translation>人工调整优先级：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Callback number</source>
        <translation>回拨号码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The caller says</source>
        <translation>来电人描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override reason</source>
        <translation>调整原因</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— choose what is wrong —</source>
        <translation>— 选择故障 —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Won&apos;t start</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flat tyre</source>
        <translation>爆胎</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of fuel or charge</source>
        <translation>没油或没电</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked out</source>
        <translation>钥匙锁车内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stuck (mud, sand, snow, ditch)</source>
        <translation>被困（泥地、沙地、雪地、沟渠）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accident</source>
        <translation>交通事故</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV warning (battery or high voltage)</source>
        <translation>电动车告警（电池或高压）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose what the caller describes: the service (and safety hints) follow</source>
        <translation>选择来电人描述的故障：服务类型（及安全提示）随之确定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lat</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lon</source>
        <translation>经度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 138 1234 5678 or 0571-87654321</source>
        <translation>例如 138 1234 5678 或 0571-87654321</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 30.27415</source>
        <translation>例如 30.27415</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 120.15515</source>
        <translation>例如 120.15515</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Road, kilometre post, landmark</source>
        <translation>道路、公里桩号、参照物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 浙A12345</source>
        <translation>例如 浙A12345</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why the derived priority does not fit</source>
        <translation>为何不采用系统判定的优先级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type to search the depots&apos; cities</source>
        <translation>输入以搜索网点所在城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the caller said, landmarks, access</source>
        <translation>来电人描述、参照物、通行情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use city centre</source>
        <translation>使用市中心</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill in approximate coordinates from the city&apos;s depots</source>
        <translation>根据该市网点填入大致坐标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick on map</source>
        <translation>在地图上选取</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create request</source>
        <translation>创建工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the request (Ctrl+Enter)</source>
        <translation>创建工单（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guide the caller</source>
        <translation>远程指导</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store the call in triage and walk the caller through a guidance script ({key})</source>
        <translation>保存来电并进入分诊，按指导脚本一步步引导来电人（{key}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close; what you typed is kept for next time (Esc)</source>
        <translation>关闭；已填写的内容会保留到下次（Esc）</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>{priority} — {reason}</source>
        <translation>{priority} — {reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Everyone out on the side away from traffic and behind the barrier; hazard lights on; warning triangle 150 m behind on an expressway.</source>
        <translation>所有人从远离车流的一侧下车，到护栏外等候；打开双闪；在高速公路上于车后 150 米处放置三角警示牌。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accident: ask whether anyone is hurt and whether 122 has been called.</source>
        <translation>交通事故：询问是否有人受伤，是否已拨打122。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make sure 120 (ambulance) and 122 (traffic police) are called.</source>
        <translation>确认已拨打 120（急救）和 122（交警）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everyone away from the vehicle; make sure 119 (fire) is called.</source>
        <translation>所有人远离车辆；确认已拨打 119（消防）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not touch orange high-voltage cables; keep 10 m away if it smokes.</source>
        <translation>切勿触碰橙色高压线缆；如冒烟请远离车辆 10 米以上。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Choose a city from the list first.</source>
        <translation>请先从列表中选择城市。</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>The request could not be saved; the connection may be down. Nothing was stored: try again.</source>
        <translation>工单未能保存，可能已断开连接。未写入任何内容，请重试。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Please correct the marked fields.</source>
        <translation>请更正标出的字段。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>An unfinished call from {time} was kept. Restore it?</source>
        <translation>已保留 {time} 未完成的来电记录，是否恢复？</translation>
    </message>
</context>
<context>
    <name>JobFieldStrip</name>
    <message>
        <location filename="../../console/ui/field/strip.py" line="+89"/>
        <source>Mark on scene</source>
        <translation>标记到达现场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet</source>
        <translation>尚未到达</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide this question until the crew leaves the scene and comes back</source>
        <translation>隐藏此提示，直到车组离开现场后再次到达</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Arrived? {crew} has stayed within {metres} m of the scene for {duration}.</source>
        <translation>已到达？{crew} 已在现场 {metres} 米范围内停留 {duration}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>The crew</source>
        <translation>车组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Live ETA {minutes} min · from a fix {age} ago</source>
        <translation>实时预计 {minutes} 分钟到达 · 依据 {age}前的定位</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{crew} has sent no position: live ETA unknown</source>
        <translation>{crew} 尚未上报位置：实时预计到达时间未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No position from {crew} for {age}: live ETA unknown</source>
        <translation>{crew} 已 {age}未上报位置：实时预计到达时间未知</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../console/ui/labels.py" line="-374"/>
        <source>Tow</source>
        <translation>拖车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump start</source>
        <translation>搭电</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tyre change</source>
        <translation>换胎</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fuel delivery</source>
        <translation>送油</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extraction / winch-out</source>
        <translation>脱困</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lockout</source>
        <translation>开锁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV charging assistance</source>
        <translation>充电协助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV high-voltage check</source>
        <translation>高压系统检测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote guidance</source>
        <translation>远程指导</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P1</source>
        <translation>P1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P2</source>
        <translation>P2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P3</source>
        <translation>P3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Triage</source>
        <translation>分诊中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved remotely</source>
        <translation>远程解决</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Queued</source>
        <translation>待派车</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Assigned</source>
        <translation>已指派</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>En route</source>
        <translation>在途</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Towing</source>
        <translation>拖运中</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Off duty</source>
        <translation>下班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flatbed</source>
        <translation>平板拖车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wheel-lift</source>
        <translation>托举拖车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service van</source>
        <translation>服务车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV service van</source>
        <translation>新能源服务车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heavy wrecker</source>
        <translation>重型清障车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV high-voltage certified</source>
        <translation>新能源高压作业资质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilingual</source>
        <translation>双语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Combustion</source>
        <translation>燃油</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hybrid</source>
        <translation>混合动力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electric</source>
        <translation>纯电动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Car</source>
        <translation>轿车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SUV</source>
        <translation>SUV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light truck</source>
        <translation>轻型货车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heavy truck</source>
        <translation>重型货车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urban road</source>
        <translation>城市道路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expressway</source>
        <translation>高速公路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rural road</source>
        <translation>乡村道路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatcher</source>
        <translation>调度员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>值班主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day shift</source>
        <translation>白班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Night shift</source>
        <translation>夜班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round the clock</source>
        <translation>24小时值守</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live feed</source>
        <translation>回传在线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiet feed</source>
        <translation>回传间歇</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silent feed</source>
        <translation>回传中断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device never reported</source>
        <translation>设备从未回传</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No device</source>
        <translation>无设备</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reference</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller name</source>
        <translation>来电人姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller phone</source>
        <translation>来电人电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller language</source>
        <translation>来电人语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make and model</source>
        <translation>品牌型号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Powertrain</source>
        <translation>动力类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle class</source>
        <translation>车辆类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All-wheel drive</source>
        <translation>四轮驱动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Road type</source>
        <translation>道路类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority reason</source>
        <translation>优先级依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew</source>
        <translation>救援车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call sign</source>
        <translation>车组呼号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depot</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle kind</source>
        <translation>救援车型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skills</source>
        <translation>技能资质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancellation reason</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance path</source>
        <translation>指导路径</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Request created</source>
        <translation>工单已创建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Triage started</source>
        <translation>开始分诊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved by phone</source>
        <translation>电话远程解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued for a crew</source>
        <translation>进入派车队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew assigned</source>
        <translation>已指派救援车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew on the way</source>
        <translation>救援车组出发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew arrived</source>
        <translation>救援车组到场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Towing started</source>
        <translation>开始拖运</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job completed</source>
        <translation>救援完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request cancelled</source>
        <translation>工单已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew released</source>
        <translation>救援车组已释放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew reassigned</source>
        <translation>已改派救援车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance outcome recorded</source>
        <translation>已记录远程指导结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew status changed</source>
        <translation>救援车组状态变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew position reported</source>
        <translation>救援车组位置上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo data loaded</source>
        <translation>已载入演示数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depots imported</source>
        <translation>已导入网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crews imported</source>
        <translation>已导入救援车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote accepted by the caller</source>
        <translation>来电人确认报价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bill disputed</source>
        <translation>账单有异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coverage entitlement added</source>
        <translation>新增救援权益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction recorded</source>
        <translation>已登记满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint opened</source>
        <translation>已登记投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint answered</source>
        <translation>投诉已答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint closed</source>
        <translation>投诉已结案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo history loaded</source>
        <translation>已载入演示历史数据</translation>
    </message>
</context>
<context>
    <name>LeaveGuard</name>
    <message>
        <location filename="../../console/ui/leave_guard.py" line="+29"/>
        <source>a call in the new-call form</source>
        <translation>接警表单中正在录入的来电</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>guidance of {reference}</source>
        <translation>工单 {reference} 的远程指导</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Leave the open call?</source>
        <translation>离开未完成的来电？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still open: {work}.

Leave anyway? A call in the new-call form is kept as a draft; unsaved guidance answers are lost.</source>
        <translation>尚未完成：{work}。

仍要离开吗？接警表单中的内容会保存为草稿；未保存的远程指导问答将丢失。</translation>
    </message>
</context>
<context>
    <name>LostDatabaseDialog</name>
    <message>
        <location filename="../../console/ui/lost_database.py" line="+45"/>
        <source>Database missing</source>
        <translation>数据库不见了</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database {path} held data before and is now missing or empty.</source>
        <translation>数据库 {path} 以前存有数据，现在却不见了或是空的。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>If it was deleted or moved by mistake, quit and restore it from the latest backup (roadside-console restore BACKUP). A new database starts empty, with demo data only.</source>
        <translation>如果它是被误删或误移的，请退出并用最近的备份恢复（roadside-console restore 备份文件）。新建的数据库是空的，只有演示数据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create a new database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="+675"/>
        <source>Roadside Assistance Dispatch Console</source>
        <translation>道路救援调度台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;quest</source>
        <translation>工单(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Crews</source>
        <translation>车组(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New call</source>
        <translation>新来电(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take a new call (intake form)</source>
        <translation>受理新来电（受理表单）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search the queue</source>
        <translation>搜索工单队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;xt request</source>
        <translation>下一个工单(&amp;X)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select the next request</source>
        <translation>选择下一个工单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre&amp;vious request</source>
        <translation>上一个工单(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the previous request</source>
        <translation>选择上一个工单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reload the open requests now</source>
        <translation>立即重新加载所有未结工单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Assign best crew</source>
        <translation>指派最佳车组(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign the first suggested crew to the selected request</source>
        <translation>将首个推荐车组指派给所选工单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Switch between light and dark</source>
        <translation>在浅色和深色主题之间切换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset panel layout</source>
        <translation>重置面板布局(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put every panel back in its place</source>
        <translation>将所有面板恢复到默认位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List every keyboard shortcut</source>
        <translation>列出所有键盘快捷键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supervisor &amp;dashboard</source>
        <translation>值班主管看板(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the supervisor dashboard: KPIs, complaints, scorecards, reports</source>
        <translation>打开值班主管看板：关键指标、投诉、评分卡与报表</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New call</source>
        <translation>新来电</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request queue</source>
        <translation>工单队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request detail</source>
        <translation>工单详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew board</source>
        <translation>车组看板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew suggestions</source>
        <translation>推荐车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance</source>
        <translation>远程指导</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The live map will appear here.</source>
        <translation>实时地图将显示在这里。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew suggestions for the selected request will appear here.</source>
        <translation>所选工单的推荐车组将显示在这里。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance scripts for the call will appear here.</source>
        <translation>来电的指导话术将显示在这里。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The history of the selected request will appear here.</source>
        <translation>所选工单的处理记录将显示在这里。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current time</source>
        <translation>当前时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User: {user}</source>
        <translation>用户：{user}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Roadside Assistance Dispatch Console&lt;/b&gt;&lt;br&gt;Nationwide 24-hour roadside assistance: take calls, queue requests and dispatch crews.&lt;br&gt;Licensed under Apache-2.0.</source>
        <translation>&lt;b&gt;道路救援调度台&lt;/b&gt;&lt;br&gt;全国24小时道路救援：受理来电、工单排队、派遣救援车组。&lt;br&gt;依据 Apache-2.0 许可证发布。</translation>
    </message>
    <message>
        <location line="+295"/>
        <source>Select a request first.</source>
        <translation>请先选择一个工单。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Request {reference} created: {status}.</source>
        <translation>工单 {reference} 已创建：{status}。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This database keeps no devices.</source>
        <translation>此数据库不保存设备。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Database file is missing: {source}</source>
        <translation>数据库文件不见了：{source}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database file was replaced: {source}</source>
        <translation>数据库文件已被替换：{source}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected: {source}</source>
        <translation>已连接：{source}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disconnected, retrying: {source}</source>
        <translation>连接已断开，正在重试：{source}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Saved a rescue copy with {events} ledger events and {requests} requests to {path}. Restore it with: roadside-console restore {path}</source>
        <translation>已把抢救副本（{events} 条台账事件、{requests} 个工单）保存到 {path}。恢复命令：roadside-console restore {path}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save a rescue copy</source>
        <translation>保存抢救副本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQLite database (*.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rescue copy</source>
        <translation>抢救副本</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open requests: {count}</source>
        <translation>未结工单：{count}</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../console/ui/map/labels.py" line="+24"/>
        <source>Provinces</source>
        <translation>省界</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Depots</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Crews</source>
        <translation>车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open requests</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggested crews</source>
        <translation>推荐车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Coverage holes</source>
        <translation>覆盖盲区</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Map tiles</source>
        <translation>底图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew trail</source>
        <translation>车组轨迹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests by priority</source>
        <translation>工单（按优先级）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crews by status</source>
        <translation>车组（按状态）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger dot: heavier vehicle</source>
        <translation>圆点越大，车辆越重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Depot (grouped when zoomed out)</source>
        <translation>网点（缩小时聚合）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected job</source>
        <translation>选中的工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew&apos;s trail since assignment (arrows: direction)</source>
        <translation>派车以来的车组轨迹（箭头：行驶方向）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>City a free capable crew misses (larger: worse)</source>
        <translation>空闲车组无法按时到达的城市（圈越大越严重）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depot</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capability</source>
        <translation>能力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nearest free crew</source>
        <translation>最近空闲车组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New call at this point</source>
        <translation>在此处新建来电</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none free</source>
        <translation>无空闲车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nearest free crew: {nearest}</source>
        <translation>最近空闲车组：{nearest}</translation>
    </message>
    <message>
        <location filename="../../console/ui/map/panel.py" line="+95"/>
        <location line="+235"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="+93"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>PlanMovesDialog</name>
    <message>
        <location filename="../../console/ui/dashboard/plan_moves.py" line="+39"/>
        <source>Move</source>
        <translation>调动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New crew</source>
        <translation>新增车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train</source>
        <translation>培训</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+70"/>
        <source>Plan moves</source>
        <translation>计划调整</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} (scenario {scenario}) · moves: {moves} · new crews: {additions} · crews to train: {training}</source>
        <translation>{file}（场景 {scenario}）· 调动：{moves} · 新增车组：{additions} · 需培训车组：{training}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Change</source>
        <translation>调整</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Call sign</source>
        <translation>车组呼号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skills</source>
        <translation>资质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From depot</source>
        <translation>原网点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To depot</source>
        <translation>目标网点</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Export plan moves</source>
        <translation>导出计划调整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a coverage plan</source>
        <translation>打开覆盖规划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coverage plans (*.json)</source>
        <translation>覆盖规划文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <location filename="../../console/ui/pricing_text.py" line="+29"/>
        <location line="+11"/>
        <source>Base fee</source>
        <translation>起步价</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Tow beyond the included km</source>
        <translation>超出起步公里的拖车里程</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Night surcharge</source>
        <translation>夜间附加费</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+11"/>
        <source>Expressway surcharge</source>
        <translation>高速公路附加费</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+11"/>
        <source>Heavy vehicle surcharge</source>
        <translation>重型车辆附加费</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Winching (per started 15 min)</source>
        <translation>绞盘作业（每15分钟，不足按15分钟计）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting beyond the free minutes</source>
        <translation>超出免费时长的等待</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tow</source>
        <translation>拖车</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Winching</source>
        <translation>绞盘作业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>等待</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>job</source>
        <translation>次</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>× 15 min</source>
        <translation>× 15 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Covered by {programme}</source>
        <translation>由“{programme}”承担</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No programme found: the caller pays the tariff</source>
        <translation>未找到救援权益：来电人按价目表付费</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{programme} is not valid yet: the caller pays</source>
        <translation>“{programme}”尚未生效：由来电人付费</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{programme} has expired: the caller pays</source>
        <translation>“{programme}”已过期：由来电人付费</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{programme} does not cover this service: the caller pays</source>
        <translation>“{programme}”不含此项服务：由来电人付费</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{programme} does not cover this vehicle: the caller pays</source>
        <translation>“{programme}”不适用于此车辆：由来电人付费</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{programme}: this year&apos;s free uses are used up; the caller pays</source>
        <translation>“{programme}”本年度免费次数已用完：由来电人付费</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{item} {billed} instead of {quoted}: {step} {unit} × {price} = {delta} (caller&apos;s part {caller})</source>
        <translation>{item} 实际 {billed}，报价 {quoted}：{step} {unit} × {price} = {delta}（车主承担部分 {caller}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{item} added ({billed}): {step} {unit} × {price} = {delta} (caller&apos;s part {caller})</source>
        <translation>新增{item}（{billed}）：{step} {unit} × {price} = {delta}（车主承担部分 {caller}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{item} not needed: {step} {unit} × {price} = {delta} (caller&apos;s part {caller})</source>
        <translation>未发生{item}：{step} {unit} × {price} = {delta}（车主承担部分 {caller}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covered</source>
        <translation>权益承担</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller pays</source>
        <translation>车主支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>PricingSection</name>
    <message>
        <location filename="../../console/ui/pricing_panel.py" line="+195"/>
        <source>No quote accepted yet.</source>
        <translation>尚无已确认的报价。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tow to: {address} · {km} km quoted</source>
        <translation>拖至：{address} · 报价 {km} 公里</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quote accepted: caller pays {caller} of {total}</source>
        <translation>已确认报价：总额 {total}，车主支付 {caller}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Terms: {terms}</source>
        <translation>服务条款：{terms}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bill: caller pays {caller} of {total}</source>
        <translation>账单：总额 {total}，车主支付 {caller}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bill is the quote: nothing changed.</source>
        <translation>账单与报价一致，没有变化。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disputed by the caller: {reason}</source>
        <translation>来电人提出异议：{reason}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot write {path}: {detail}</source>
        <translation>无法写入 {path}：{detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bill written to {path}</source>
        <translation>账单已导出到 {path}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Dispute bill</source>
        <translation>账单异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does the caller dispute the bill of {reference}?</source>
        <translation>来电人为何对 {reference} 的账单有异议？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export bill</source>
        <translation>导出账单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON（*.json）;;CSV（*.csv）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Price and coverage</source>
        <translation>费用与救援权益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote…</source>
        <translation>报价…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price the job again and store what the caller accepts</source>
        <translation>重新计算费用并保存来电人确认的报价</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export bill…</source>
        <translation>导出账单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispute…</source>
        <translation>提出异议…</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <location filename="../../console/ui/proposal_dialog.py" line="+122"/>
        <source>Crews assigned: {count}.</source>
        <translation>已指派车组：{count} 个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not assigned:</source>
        <translation>未能指派：</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Queue proposal</source>
        <translation>整体派车方案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed crew</source>
        <translation>建议车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA (min)</source>
        <translation>预计到达（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nearest free crew</source>
        <translation>最近空闲车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its ETA (min)</source>
        <translation>其预计到达（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{assigned} of {total} queued requests get a crew. Priority-weighted ETA {ours:.0f} min, against {theirs:.0f} min for the nearest free crew in queue order.</source>
        <translation>{total} 个待派车工单中 {assigned} 个获得车组。按优先级加权的预计到达合计 {ours:.0f} 分钟，按排队顺序派最近空闲车组则为 {theirs:.0f} 分钟。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Accept ticked</source>
        <translation>接受勾选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept all</source>
        <translation>全部接受</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../console/ui/qt_texts.py" line="+17"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <location filename="../../console/ui/filter_bar.py" line="+229"/>
        <source>Search reference, plate, phone or caller (Ctrl+F)</source>
        <translation>搜索工单号、车牌、电话或来电人（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province or city</source>
        <translation>省份或城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every open request</source>
        <translation>显示全部未结工单</translation>
    </message>
</context>
<context>
    <name>QuoteDialog</name>
    <message>
        <location filename="../../console/ui/pricing_panel.py" line="-239"/>
        <source>Quote {reference}</source>
        <translation>为 {reference} 报价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store quote</source>
        <translation>保存报价</translation>
    </message>
</context>
<context>
    <name>QuoteWidget</name>
    <message>
        <location filename="../../console/ui/quote_widget.py" line="+178"/>
        <source>Enter the location and the service to see a quote.</source>
        <translation>填写位置和服务项目后即可看到报价。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Tow distance must be a number of kilometres from 0 to 2000.</source>
        <translation>拖车距离必须是 0 到 2000 之间的公里数。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The quote could not be priced; the connection may be down.</source>
        <translation>无法计算报价，可能是连接已断开。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Price and coverage</source>
        <translation>费用与救援权益</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy / member no.</source>
        <translation>保单号 / 会员号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tow destination</source>
        <translation>拖车目的地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination lat, lon</source>
        <translation>目的地纬度、经度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tow distance (km)</source>
        <translation>拖车距离（公里）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Policy or member number, plate or last 6 of VIN</source>
        <translation>保单号或会员号、车牌号或车架号后6位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workshop or address the vehicle goes to</source>
        <translation>车辆送往的维修站或地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 30.80</source>
        <translation>例如 30.80</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 120.70</source>
        <translation>例如 120.70</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller accepts this quote</source>
        <translation>来电人确认此报价</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+23"/>
        <source>estimated from the destination</source>
        <translation>按目的地估算</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>{count} free uses left this year after this one</source>
        <translation>本次之后本年度还剩 {count} 次免费救援</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Caller pays {caller} of {total} (programme pays {covered})</source>
        <translation>总额 {total}，车主支付 {caller}（权益承担 {covered}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Terms: {terms}</source>
        <translation>服务条款：{terms}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>estimated {km} km</source>
        <translation>估算 {km} 公里</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../console/ui/dispatch_labels.py" line="+20"/>
        <source>{value} km</source>
        <translation>{value} 公里</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA {value} min</source>
        <translation>预计 {value} 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>free in ~{value} min</source>
        <translation>约 {value} 分钟后空闲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPS {value} min old</source>
        <translation>定位已 {value} 分钟未更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no GPS fix</source>
        <translation>无定位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>feed silent {value} min</source>
        <translation>回传中断 {value} 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not {value}</source>
        <translation>无{value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} jobs this shift</source>
        <translation>本班已接 {value} 单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partner {value}% reliable</source>
        <translation>合作方完成率 {value}%</translation>
    </message>
</context>
<context>
    <name>RegionCombo</name>
    <message>
        <location filename="../../console/ui/filter_bar.py" line="-125"/>
        <location line="+21"/>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{province} (all)</source>
        <translation>{province}（全部）</translation>
    </message>
</context>
<context>
    <name>RequestDetailPanel</name>
    <message>
        <location filename="../../console/ui/request_detail.py" line="+250"/>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service and dispatch</source>
        <translation>服务与调度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times and service levels</source>
        <translation>时间与时效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call taken</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued at</source>
        <translation>排队时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign by</source>
        <translation>派车时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrive by</source>
        <translation>到场时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start triage</source>
        <translation>开始分诊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue for dispatch</source>
        <translation>排队派车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved by phone</source>
        <translation>电话已解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En route</source>
        <translation>已出发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start tow</source>
        <translation>开始拖运</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release crew…</source>
        <translation>释放车组…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel request…</source>
        <translation>取消工单…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a request in the queue to see its details.</source>
        <translation>在工单队列中选择一个工单以查看详情。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The request could not be read; the connection may be down.</source>
        <translation>无法读取工单，可能已断开连接。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+236"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>ETA exceeds target by {minutes} min</source>
        <translation>预计到达超出时限 {minutes} 分钟</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Release crew</source>
        <translation>释放车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel request</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason for {reference}:</source>
        <translation>{reference} 的原因：</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+38"/>
        <source>The change could not be saved; the connection may be down.</source>
        <translation>更改未能保存，可能已断开连接。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Crew not at the scene?</source>
        <translation>车组尚未到达现场？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The crew</source>
        <translation>车组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{crew} has no GPS fix, so its position is not known.</source>
        <translation>{crew} 没有 GPS 定位，位置不明。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{crew}&apos;s last GPS fix is {km} km from the scene (fix {age} old).</source>
        <translation>{crew} 最近一次 GPS 定位距现场 {km} 公里（定位于 {age}前）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mark {reference} on scene anyway?</source>
        <translation>仍将 {reference} 标记为已到场？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Complete {reference}?</source>
        <translation>完成工单 {reference}？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{crew} becomes free for the next job.</source>
        <translation>{crew} 将转为空闲，可接下一单。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complete request</source>
        <translation>完成工单</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
</context>
<context>
    <name>RequestQueueModel</name>
    <message>
        <location filename="../../console/ui/queue_model.py" line="+217"/>
        <source>Reference</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>已用时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crew</source>
        <translation>救援车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA (min)</source>
        <translation>预计到达（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA</source>
        <translation>时效</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>+{time} overdue</source>
        <translation>已超时 {time}</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>ETA exceeds target by {minutes} min</source>
        <translation>预计到达超出时限 {minutes} 分钟</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Triage: queue the request or resolve it by phone</source>
        <translation>分诊时限：将工单排队派车或电话解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assignment: a crew must be assigned</source>
        <translation>派车时限：须指派救援车组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrival: the crew must be on scene</source>
        <translation>到达时限：救援车组须到达现场</translation>
    </message>
</context>
<context>
    <name>RequestTimelinePanel</name>
    <message>
        <location filename="../../console/ui/timeline_panel.py" line="+132"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+10"/>
        <source>History</source>
        <translation>工单记录</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Select a request to see its history.</source>
        <translation>请选择工单以查看其记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History of {reference}</source>
        <translation>工单 {reference} 的记录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The history is unavailable: the database cannot be reached.</source>
        <translation>无法显示记录：数据库无法连接。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No events are recorded for this request.</source>
        <translation>该工单尚无记录。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reference {reference}</source>
        <translation>工单号 {reference}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous crew {crew}</source>
        <translation>原救援车组 {crew}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Crew {crew}</source>
        <translation>救援车组 {crew}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ETA {minutes} min</source>
        <translation>预计 {minutes} 分钟到达</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warning: the location is outside the service area</source>
        <translation>注意：该位置不在服务区域内</translation>
    </message>
</context>
<context>
    <name>RevenueDialog</name>
    <message>
        <location filename="../../console/ui/revenue_dialog.py" line="+84"/>
        <source>The figures could not be read; the connection may be down.</source>
        <translation>无法读取数据，可能是连接已断开。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No bills yet.</source>
        <translation>暂无账单。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pay as you go</source>
        <translation>按次付费</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Revenue and covered cost by programme</source>
        <translation>各救援权益的收入与承担费用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Programme</source>
        <translation>救援权益</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jobs billed</source>
        <translation>结算单数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Billed</source>
        <translation>结算总额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covered cost</source>
        <translation>权益承担费用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid by callers</source>
        <translation>车主支付</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disputed bills</source>
        <translation>有异议的账单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>RevenueMenu</name>
    <message>
        <location line="+34"/>
        <source>Revenue by programme…</source>
        <translation>各救援权益收入…</translation>
    </message>
</context>
<context>
    <name>RoleBadge</name>
    <message>
        <location filename="../../console/ui/session.py" line="+56"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role: {role}</source>
        <translation>角色：{role}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{role} · DEMO account</source>
        <translation>{role} · 演示账号</translation>
    </message>
</context>
<context>
    <name>SatisfactionDialog</name>
    <message>
        <location filename="../../console/ui/dashboard/dialogs.py" line="-59"/>
        <source>Satisfaction follow-up</source>
        <translation>满意度回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How satisfied was the caller of {reference}?</source>
        <translation>工单 {reference} 的客户满意度如何？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score (1-5)</source>
        <translation>评分（1–5）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the caller said (optional)</source>
        <translation>客户原话（可选）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../console/ui/shortcuts_dialog.py" line="+124"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../console/ui/sign_in_dialog.py" line="+162"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Roadside Assistance Dispatch Console</source>
        <translation>道路救援调度台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo database. These demo accounts are for trying the console, never for real calls. Click one to fill it in:</source>
        <translation>演示数据库。以下演示账号仅供试用调度台，切勿用于真实来电。点击即可填入：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{role}: {username} / password {password}</source>
        <translation>{role}：{username} / 密码 {password}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>First start: loading demo data…</source>
        <translation>首次启动：正在载入演示数据…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database could not be opened: {reason}</source>
        <translation>无法打开数据库：{reason}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Checking the password…</source>
        <translation>正在验证密码…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Opening the console…</source>
        <translation>正在打开调度台…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sign-in could not be checked; the database may be down.</source>
        <translation>无法验证登录，数据库可能已断开。</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../console/ui/suggestion_panel.py" line="+283"/>
        <source>{crew} would arrive in {eta} min: {late} min after the arrival target for {reference}.</source>
        <translation>{crew} 预计 {eta} 分钟到达，比 {reference} 的到场时限晚 {late} 分钟。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No suggested crew would arrive sooner.</source>
        <translation>没有推荐车组能更早到达。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(free in ~{minutes} min)</source>
        <translation>(约 {minutes} 分钟后空闲)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Best alternative: {crew}, ETA {eta} min, within the target.</source>
        <translation>最佳替代：{crew}，预计 {eta} 分钟到达，满足时限。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Best alternative: {crew}, ETA {eta} min, {late} min late as well.</source>
        <translation>最佳替代：{crew}，预计 {eta} 分钟到达，同样超时 {late} 分钟。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ETA over the arrival target</source>
        <translation>预计到达超出时限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assign {crew} anyway</source>
        <translation>仍指派 {crew}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Assign {crew} instead</source>
        <translation>改派 {crew}</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Suggestions</source>
        <translation>推荐车组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Crew</source>
        <translation>车组</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ETA (min)</source>
        <translation>预计到达（分钟）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign first</source>
        <translation>指派首选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign the best crew (Ctrl+Return)</source>
        <translation>指派最佳车组（Ctrl+Return）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimise queue…</source>
        <translation>整体优化…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose crews for every queued request at once</source>
        <translation>一次性为所有待派车工单给出派车方案</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Finding suggested crews…</source>
        <translation>正在查找推荐车组…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a request to see suggested crews.</source>
        <translation>选择一个工单以查看推荐车组。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{reference} · {service} · {status}</source>
        <translation>{reference} · {service} · {status}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Suggestions are shown for requests waiting for a crew.</source>
        <translation>仅为等待派车的工单显示推荐。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No crew needed: this service is handled by phone.</source>
        <translation>无需派车：此项服务通过电话处理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs: {kinds}</source>
        <translation>需要：{kinds}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No capable crew is free nearby.</source>
        <translation>附近没有可用的合适车组。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Crew assigned; its ETA exceeds the target by {minutes} min.</source>
        <translation>已指派车组；预计到达超出时限 {minutes} 分钟。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Crew assigned.</source>
        <translation>已指派车组。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reason} Fresh suggestions are shown.</source>
        <translation>{reason} 已显示最新推荐。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suggestions are unavailable: the database cannot be reached.</source>
        <translation>无法获取推荐：数据库无法连接。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{eta} (+{late} late)</source>
        <translation>{eta}（超时 {late} 分钟）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>ETA exceeds the arrival target by {minutes} min</source>
        <translation>预计到达超出到场时限 {minutes} 分钟</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The crew&apos;s position is old; the ETA is uncertain.</source>
        <translation>该车组的位置信息已过时，预计到达时间不确定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
</context>
<context>
    <name>Triage</name>
    <message>
        <location filename="../../console/ui/triage_text.py" line="+22"/>
        <source>Vehicle stopped in a live lane</source>
        <translation>车辆停在行车道上</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Injuries reported</source>
        <translation>有人受伤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Smoke or fire reported</source>
        <translation>冒烟或起火</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EV battery warning</source>
        <translation>新能源车电池报警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle on an expressway</source>
        <translation>车辆在高速公路上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vulnerable occupants</source>
        <translation>车上有需特别照顾的人员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Night-time in a remote place</source>
        <translation>夜间且位置偏僻</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Caller asked for a scheduled visit</source>
        <translation>来电人要求预约上门</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No safety risk reported</source>
        <translation>未报告安全风险</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vehicle on expressway shoulder</source>
        <translation>车辆停在高速公路应急车道</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Collision reported</source>
        <translation>发生碰撞</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dispatcher override {old} → {new}: {reason}</source>
        <translation>调度员调整 {old} → {new}：{reason}</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../console/ui/users_dialog.py" line="+71"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Added {user}.</source>
        <translation>已添加 {user}。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New password set for {user}.</source>
        <translation>已为 {user} 设置新密码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{user} can sign in again.</source>
        <translation>{user} 已恢复登录。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled {user}.</source>
        <translation>已停用 {user}。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>启用中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state} · DEMO</source>
        <translation>{state} · 演示</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>_SignOutAction</name>
    <message>
        <location filename="../../console/ui/session.py" line="+14"/>
        <source>Sign out / switch user…</source>
        <translation>退出登录 / 切换用户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the console and sign in as someone else</source>
        <translation>关闭调度台并以其他用户登录</translation>
    </message>
</context>
<context>
    <name>_UsersAction</name>
    <message>
        <location line="+7"/>
        <source>Users…</source>
        <translation>用户管理…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add users, reset passwords, disable accounts</source>
        <translation>添加用户、重置密码、停用账号</translation>
    </message>
</context>
</TS>
