<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../console/ui/labels.py" line="+172"/>
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
        <location line="+4"/>
        <source>A reason is required.</source>
        <translation>必须填写原因。</translation>
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
        <location line="+4"/>
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
</context>
<context>
    <name>Labels</name>
    <message>
        <location line="-174"/>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="+209"/>
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
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
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
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload the open requests now</source>
        <translation>立即重新加载所有未结工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current time</source>
        <translation>当前时间</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Roadside Assistance Dispatch Console&lt;/b&gt;&lt;br&gt;Nationwide 24-hour roadside assistance: take calls, queue requests and dispatch crews.&lt;br&gt;Licensed under Apache-2.0.</source>
        <translation>&lt;b&gt;道路救援调度台&lt;/b&gt;&lt;br&gt;全国24小时道路救援：受理来电、工单排队、派遣救援车组。&lt;br&gt;依据 Apache-2.0 许可证发布。</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Connected: {source}</source>
        <translation>已连接：{source}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disconnected: {source}</source>
        <translation>连接已断开：{source}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open requests: {count}</source>
        <translation>未结工单：{count}</translation>
    </message>
</context>
<context>
    <name>RequestQueueModel</name>
    <message>
        <location filename="../../console/ui/queue_model.py" line="+197"/>
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
        <location line="+68"/>
        <source>+{time} overdue</source>
        <translation>已超时 {time}</translation>
    </message>
</context>
</TS>
