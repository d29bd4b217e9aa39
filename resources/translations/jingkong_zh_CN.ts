<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Creating the demo county (first start)…</source>
        <translation>正在生成示范县数据（首次启动）…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Jingkong — first start</source>
        <translation>精控 — 首次启动</translation>
    </message>
    <message>
        <source>Jingkong</source>
        <translation>精控</translation>
    </message>
    <message>
        <source>Could not create the demo store:</source>
        <translation>无法生成示范数据库：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>人口密度</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation>网格长</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（市）</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <source>Population density</source>
        <translation>人口密度</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>AsOfControl</name>
    <message>
        <source>As of the end of this day: every panel and the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreadcrumbBar</name>
    <message>
        <source>Location:</source>
        <translation>当前位置：</translation>
    </message>
    <message>
        <source>Double-click to drill down · Shift+drag to zoom to a box</source>
        <translation>双击下钻 · Shift+拖动框选放大</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>In selected unit</source>
        <translation>所选单元内</translation>
    </message>
    <message>
        <source>Nearest to click</source>
        <translation>点击点最近</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>视频流</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>dome</source>
        <translation>球机</translation>
    </message>
    <message>
        <source>bullet</source>
        <translation>枪机</translation>
    </message>
    <message>
        <source>face capture</source>
        <translation>人脸抓拍</translation>
    </message>
    <message>
        <source>plate recognition</source>
        <translation>车牌识别</translation>
    </message>
    <message>
        <source>thermal</source>
        <translation>热成像</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n camera(s)</source>
        <translation>
            <numerusform>共 %n 路摄像头</numerusform>
        </translation>
    </message>
    <message>
        <source>, first %1 listed: select a smaller unit</source>
        <translation>，列出前 %1 路：请选择更小的单元</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>Computing indicators…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>key occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrival from a risk area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>home quarantine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fever clinic visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medicine bought, no test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repeated medicine purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repeated clinic visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan away from home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrival not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanned there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record in the county</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declared return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last seen there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <source>All groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing indicators… {0} {1:.0%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing indicators…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorProfileModel</name>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished">指标</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished">上级</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Draw above</source>
        <translation>上移一层</translation>
    </message>
    <message>
        <source>Draw below</source>
        <translation>下移一层</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Jingkong — epidemic-prevention command console</source>
        <translation>精控 — 疫情防控指挥平台</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Thematic map</source>
        <translation>专题图</translation>
    </message>
    <message>
        <source>Camera feeds</source>
        <translation>视频监控</translation>
    </message>
    <message>
        <source>This panel could not start:</source>
        <translation>此面板无法启动：</translation>
    </message>
    <message>
        <source>Whole county</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>Up one level</source>
        <translation>返回上级</translation>
    </message>
    <message>
        <source>Export map…</source>
        <translation>导出地图…</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <source>Find unit</source>
        <translation>查找单元</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>地图(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language changes the next time the console starts.</source>
        <translation>界面语言将在下次启动时切换。</translation>
    </message>
    <message>
        <source>Printed %1 · Jingkong · %2</source>
        <translation>制图时间 %1 · 精控 · %2</translation>
    </message>
    <message>
        <source>Schematic map (示意图): boundaries are not official</source>
        <translation>示意图：边界不作为权属界线依据（schematic, not an official boundary）</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Persons %1</source>
        <translation>人员 %1</translation>
    </message>
    <message>
        <source>Cameras %1</source>
        <translation>摄像头 %1</translation>
    </message>
    <message>
        <source>Records %1</source>
        <translation>记录 %1</translation>
    </message>
</context>
<context>
    <name>MapStatusBar</name>
    <message>
        <source>Store: %1</source>
        <translation>数据库：%1</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>venue scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pharmacy purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clinic visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quarantine order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaccination</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningClass</name>
    <message>
        <source>returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still_there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningPanel</name>
    <message>
        <source>or a WKT polygon (EPSG:4490 lon/lat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (since the risk area began, else 14 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished">微网格</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch to grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) created</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export screening</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Find a town, village or grid (name, pinyin or code)</source>
        <translation>查找乡镇、村社或网格（名称、拼音或编码）</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskAction</name>
    <message>
        <source>dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDetailView</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a note for the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No child tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children: {0}/{1} closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task to see its details and audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status {0}, priority {1}, version {2}, due {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee {0} {1} ({2}); claimed by {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to {0} at {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskEvent</name>
    <message>
        <source>create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fan out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roll-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskKind</name>
    <message>
        <source>screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>specimen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lockdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskPriority</name>
    <message>
        <source>urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>routine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskQueuePanel</name>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selected unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fan out to villages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fan out to grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show on map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open tasks map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n task(s) changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>task %1 fanned out into %n task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue task(s) escalated</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskRole</name>
    <message>
        <source>county command office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>town office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>village office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grid leader</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskSource</name>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tracing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished">标题</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskTransferPanel</name>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">类型</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person ids, e.g. 12,15,31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plate, e.g. 浙C·12345</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick up at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test site id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan specimen batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hotel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lab (samples today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1} free beds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1} samples left today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: task {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person ids must be whole numbers separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>specimen batch planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrived</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThematicPanel</name>
    <message>
        <source>Quantiles</source>
        <translation>分位数</translation>
    </message>
    <message>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation>自然断点（Jenks）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分级方法</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>分级数</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>色带</translation>
    </message>
</context>
<context>
    <name>TracePanel</name>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished">微网格</translation>
    </message>
    <message>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case (person id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window ±</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch to grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secondary contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>depth %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) created</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaccinationTableModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished">编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">名称</translation>
    </message>
    <message>
        <source>Aged 3+</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaccinationTablePanel</name>
    <message>
        <source>Towns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Villages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing indicators…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} units · as of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export vaccination table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideoPlayerDialog</name>
    <message>
        <source>no application on this computer opens this kind of link</source>
        <translation>本机没有可打开此类链接的程序</translation>
    </message>
    <message>
        <source>Camera feed</source>
        <translation>监控视频</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Cannot play %1: %2</source>
        <translation>无法播放 %1：%2</translation>
    </message>
    <message>
        <source>the stream is unreachable</source>
        <translation>视频流无法访问</translation>
    </message>
    <message>
        <source>Playing %1</source>
        <translation>正在播放 %1</translation>
    </message>
    <message>
        <source>End of %1</source>
        <translation>%1 播放结束</translation>
    </message>
</context>
<context>
    <name>WarningPanel</name>
    <message>
        <source>All rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished">微网格</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation type="unfinished">网格长</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for dismissing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch to grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>newest %1 listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating the rules as of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) created</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Give a reason to dismiss a warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WarningStatus</name>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
