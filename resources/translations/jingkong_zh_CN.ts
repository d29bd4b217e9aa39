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
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>(only %1 distinct values: one class each)</source>
        <translation>（仅 %1 个不同取值：每值一类）</translation>
    </message>
</context>
<context>
    <name>AsOfControl</name>
    <message>
        <source>As of the end of this day: every panel and the map</source>
        <translation>统计截至当日24时：所有面板和地图同步</translation>
    </message>
    <message>
        <source>Drag to scrub through the days: the map and every panel follow</source>
        <translation>拖动逐日回看：地图和所有面板随之变化</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
</context>
<context>
    <name>AttributeTablePanel</name>
    <message>
        <source>Filter: any column contains…</source>
        <translation>筛选：任一列包含…</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>缩放到所选</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <source>%1 of %2 features, %3 selected</source>
        <translation>共 %2 个要素，显示 %1 个，已选 %3 个</translation>
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
    <name>BulkDispatcher</name>
    <message numerus="yes">
        <source>%n grid leader(s)</source>
        <translation>
            <numerusform>%n 名网格员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n village office(s)</source>
        <translation>
            <numerusform>%n 个村（社区）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n town office(s)</source>
        <translation>
            <numerusform>%n 个乡镇（街道）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the county command office</source>
        <translation>
            <numerusform>县指挥部</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>向%2下发%1</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 项任务</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to dispatch</source>
        <translation>没有可下发的任务</translation>
    </message>
    <message>
        <source>Dispatch %1?</source>
        <translation>确认%1？</translation>
    </message>
    <message>
        <source>Dispatch cancelled: no task created</source>
        <translation>已取消下发：未生成任务</translation>
    </message>
    <message>
        <source>Dispatch %1</source>
        <translation>%1</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) created</source>
        <translation>
            <numerusform>已生成 %n 项任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dispatch taken back: %n task(s) cancelled</source>
        <translation>
            <numerusform>已撤回下发：%n 项任务已取消</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already closed, left as they are</source>
        <translation>
            <numerusform>%n 项已办结，保持不变</numerusform>
        </translation>
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
        <translation>%1 米</translation>
    </message>
    <message>
        <source>Click the map to list the cameras nearest that point</source>
        <translation>点击地图，列出离该点最近的摄像头</translation>
    </message>
    <message>
        <source>Select a town, village or grid on the map to list its cameras</source>
        <translation>在地图上选择乡镇、村社或网格，列出其摄像头</translation>
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
    <message>
        <source> — status as it stood at the end of %1</source>
        <translation>——状态为 %1 日终时的状态</translation>
    </message>
    <message>
        <source>Video playback is unavailable: the system library %1 is missing (run scripts/setup.sh)</source>
        <translation>视频播放组件不可用：缺少系统库 %1（请运行 scripts/setup.sh）</translation>
    </message>
    <message>
        <source>Video playback is unavailable: %1 (run scripts/setup.sh)</source>
        <translation>视频播放组件不可用：%1（请运行 scripts/setup.sh）</translation>
    </message>
</context>
<context>
    <name>CentreRole</name>
    <message>
        <source>administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>duty officer</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>town operator</source>
        <translation>镇街操作员</translation>
    </message>
    <message>
        <source>village/grid operator</source>
        <translation>村社/网格操作员</translation>
    </message>
    <message>
        <source>drill coordinator</source>
        <translation>演练协调员</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>培训员</translation>
    </message>
    <message>
        <source>auditor</source>
        <translation>审计员</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Validation report</source>
        <translation>校验报告</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message numerus="yes">
        <source>First %n row(s) checked: </source>
        <translation>
            <numerusform>已检查前 %n 行：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 good, %2 with problems (they go to the reject file; people and codes are checked against the store during the import)</source>
        <translation>%1 行无误，%2 行有问题（将写入退回文件；人员与编码在导入时与库内数据核对）</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我方（离线包）</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方（中心）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>Take mine</source>
        <translation>采用我方</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留中心</translation>
    </message>
    <message>
        <source>Merged…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Sync with centre…</source>
        <translation>与指挥中心同步…</translation>
    </message>
    <message>
        <source>Make pack…</source>
        <translation>制作离线包…</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Packs out</source>
        <translation>已发放的离线包</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n 处未解决冲突</numerusform>
        </translation>
    </message>
    <message>
        <source>resolved at the centre after sync</source>
        <translation>同步后在指挥中心处理</translation>
    </message>
    <message>
        <source>console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Merged value</source>
        <translation>合并值</translation>
    </message>
    <message>
        <source>Value to keep for %1:</source>
        <translation>%1 保留的值：</translation>
    </message>
</context>
<context>
    <name>ConsoleUndo</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;打开时&gt;</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <source>Select %1</source>
        <translation>选择 %1</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>Computing indicators…</source>
        <translation>正在计算指标…</translation>
    </message>
</context>
<context>
    <name>DataPeriod</name>
    <message>
        <source>as-of date</source>
        <translation>统计日期</translation>
    </message>
    <message>
        <source>onset</source>
        <translation>发病时间</translation>
    </message>
    <message>
        <source>window start</source>
        <translation>时间窗起点</translation>
    </message>
    <message>
        <source>window end</source>
        <translation>时间窗终点</translation>
    </message>
    <message>
        <source>%1 %2 is outside the data period %3 .. %4</source>
        <translation>%1 %2 不在数据期间 %3 至 %4 内</translation>
    </message>
</context>
<context>
    <name>DispatchConfirmDialog</name>
    <message>
        <source>Dispatch tasks</source>
        <translation>下发任务</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) in all. Edit › Undo (Ctrl+Z) takes the dispatch back: the tasks are cancelled, with a note in their audit trail.</source>
        <translation>
            <numerusform>共涉及 %n 人。编辑 › 撤销（Ctrl+Z）可撤回本次下发：任务将被取消，并记入其审计记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>下发</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>key occupation</source>
        <translation>重点行业人员</translation>
    </message>
    <message>
        <source>arrival from a risk area</source>
        <translation>中高风险地区来返</translation>
    </message>
    <message>
        <source>home quarantine</source>
        <translation>居家隔离</translation>
    </message>
    <message>
        <source>fever clinic visit</source>
        <translation>发热门诊就诊</translation>
    </message>
    <message>
        <source>medicine bought, no test</source>
        <translation>购药后未做核酸检测</translation>
    </message>
    <message>
        <source>repeated medicine purchases</source>
        <translation>多次购药</translation>
    </message>
    <message>
        <source>repeated clinic visits</source>
        <translation>反复就诊</translation>
    </message>
    <message>
        <source>scan away from home</source>
        <translation>隔离期间离家扫码</translation>
    </message>
    <message>
        <source>arrival not reported</source>
        <translation>来返未报备</translation>
    </message>
    <message>
        <source>registered there</source>
        <translation>登记在当地</translation>
    </message>
    <message>
        <source>scanned there</source>
        <translation>在当地扫码</translation>
    </message>
    <message>
        <source>record in the county</source>
        <translation>本县有活动记录</translation>
    </message>
    <message>
        <source>declared return</source>
        <translation>已申报返乡</translation>
    </message>
    <message>
        <source>last seen there</source>
        <translation>最近一次在当地出现</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>As of %1 · Data: Jingkong, %2 · Printed %3</source>
        <translation>数据截至 %1 · 数据来源：精控 %2 · 打印于 %3</translation>
    </message>
    <message>
        <source>Schematic map: boundaries are not official</source>
        <translation>示意图：边界不作为权属依据</translation>
    </message>
    <message>
        <source>Scale 1 : %1</source>
        <translation>比例尺 1 : %1</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>导出地图</translation>
    </message>
    <message>
        <source>PDF, vector (A4)</source>
        <translation>PDF 矢量（A4）</translation>
    </message>
    <message>
        <source>PNG (300 dpi)</source>
        <translation>PNG（300 dpi）</translation>
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
        <source>Subtitle</source>
        <translation>副标题</translation>
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
    <name>FacilityPanel</name>
    <message>
        <source>Facility</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>床位</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空余</translation>
    </message>
    <message>
        <source>Quarantine beds at the end of %1: %2 of %3 used</source>
        <translation>截至 %1 日终隔离床位：已用 %2 / 共 %3</translation>
    </message>
</context>
<context>
    <name>FeatureField</name>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Name (pinyin)</source>
        <translation>名称（拼音）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Grid no.</source>
        <translation>网格序号</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation>网格长</translation>
    </message>
    <message>
        <source>Leader&apos;s phone</source>
        <translation>网格长电话</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级</translation>
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
        <source>Grid code</source>
        <translation>网格编码</translation>
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
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <source>Density (people/km²)</source>
        <translation>人口密度（人/km²）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Fever clinic</source>
        <translation>发热门诊</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>FeatureTools</name>
    <message>
        <source>Identify features</source>
        <translation>识别要素</translation>
    </message>
    <message>
        <source>Identify features (Ctrl+I): click the map to list every feature under the cursor</source>
        <translation>识别要素（Ctrl+I）：点击地图，列出光标处的全部要素</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <source>Grid labels</source>
        <translation>网格标注</translation>
    </message>
    <message>
        <source>Number in the village</source>
        <translation>村内网格序号</translation>
    </message>
    <message>
        <source>Grid leader&apos;s name</source>
        <translation>网格长姓名</translation>
    </message>
</context>
<context>
    <name>FeatureValue</name>
    <message>
        <source>farmers&apos; market</source>
        <translation>农贸市场</translation>
    </message>
    <message>
        <source>supermarket</source>
        <translation>超市</translation>
    </message>
    <message>
        <source>restaurant</source>
        <translation>饭店</translation>
    </message>
    <message>
        <source>factory</source>
        <translation>工厂</translation>
    </message>
    <message>
        <source>school</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>office</source>
        <translation>写字楼</translation>
    </message>
    <message>
        <source>station</source>
        <translation>车站</translation>
    </message>
    <message>
        <source>hotel</source>
        <translation>宾馆</translation>
    </message>
    <message>
        <source>shopping mall</source>
        <translation>商场</translation>
    </message>
    <message>
        <source>temple</source>
        <translation>寺庙</translation>
    </message>
    <message>
        <source>park</source>
        <translation>公园</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>expressway checkpoint</source>
        <translation>高速卡口</translation>
    </message>
    <message>
        <source>railway station checkpoint</source>
        <translation>火车站卡口</translation>
    </message>
    <message>
        <source>national road checkpoint</source>
        <translation>国道卡口</translation>
    </message>
    <message>
        <source>provincial road checkpoint</source>
        <translation>省道卡口</translation>
    </message>
    <message>
        <source>port checkpoint</source>
        <translation>码头卡口</translation>
    </message>
    <message>
        <source>test site</source>
        <translation>核酸采样点</translation>
    </message>
    <message>
        <source>laboratory</source>
        <translation>检测实验室</translation>
    </message>
    <message>
        <source>vaccination site</source>
        <translation>疫苗接种点</translation>
    </message>
    <message>
        <source>quarantine hotel</source>
        <translation>集中隔离酒店</translation>
    </message>
    <message>
        <source>clinic</source>
        <translation>诊所</translation>
    </message>
    <message>
        <source>pharmacy</source>
        <translation>药店</translation>
    </message>
    <message>
        <source>dome camera</source>
        <translation>球机</translation>
    </message>
    <message>
        <source>bullet camera</source>
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
        <source>thermal camera</source>
        <translation>测温摄像机</translation>
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
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>File and kind</source>
        <translation>文件与数据类别</translation>
    </message>
    <message>
        <source>CSV (UTF-8 or GBK), Excel, GeoJSON, Shapefile or GeoPackage</source>
        <translation>CSV（UTF-8 或 GBK）、Excel、GeoJSON、Shapefile 或 GeoPackage</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Try with a sample</source>
        <translation>试用样例文件</translation>
    </message>
    <message>
        <source>Boundaries (towns, villages, grids)</source>
        <translation>行政区划边界（乡镇、村社区、网格）</translation>
    </message>
    <message>
        <source>department (default: the file&apos;s name)</source>
        <translation>来源部门（默认为文件名）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Department file</source>
        <translation>部门数据文件</translation>
    </message>
    <message>
        <source>Department files (*.csv *.txt *.xlsx *.geojson *.json *.shp *.gpkg)</source>
        <translation>部门数据文件 (*.csv *.txt *.xlsx *.geojson *.json *.shp *.gpkg)</translation>
    </message>
</context>
<context>
    <name>GenerationStage</name>
    <message>
        <source>laying out towns, villages and micro-grids</source>
        <translation>正在划分乡镇、村社和微网格</translation>
    </message>
    <message>
        <source>creating people and places</source>
        <translation>正在生成人员与场所</translation>
    </message>
    <message>
        <source>creating 60 days of records</source>
        <translation>正在生成60余天的业务记录</translation>
    </message>
    <message>
        <source>writing the store</source>
        <translation>正在写入数据库</translation>
    </message>
    <message>
        <source>building indexes</source>
        <translation>正在建立索引</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <source>Turn on Identify (Ctrl+I) and click the map.</source>
        <translation>打开“识别要素”（Ctrl+I）后点击地图。</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>要素</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Zoom to feature</source>
        <translation>缩放到要素</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) at %1</source>
        <translation>
            <numerusform>%1 处有 %n 个要素</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 m away</source>
        <translation>相距 %1 米</translation>
    </message>
    <message>
        <source>Grid %1</source>
        <translation>第%1网格</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Undo import…</source>
        <translation>撤销导入…</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>行政区划边界</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>running or stopped</source>
        <translation>进行中或已中断</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>This import was undone already.</source>
        <translation>此次导入已撤销。</translation>
    </message>
    <message>
        <source>Only the latest boundaries import can be undone: it kept the layers it replaced. Undo the later one first.</source>
        <translation>只能撤销最近一次边界导入（它保存了被替换的图层）：请先撤销后一次边界导入。</translation>
    </message>
    <message>
        <source>Select an import.</source>
        <translation>请选择一次导入。</translation>
    </message>
    <message>
        <source>Undo import %1: the admin layers it replaced are put back and every record goes to its grid again.</source>
        <translation>撤销导入 %1：将恢复被替换的行政区划图层，所有记录重新归入各自网格。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 %2 records</source>
        <translation>%1 条%2记录</translation>
    </message>
    <message>
        <source>Undo import %1: %2 will be deleted.</source>
        <translation>撤销导入 %1：将删除 %2。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undoing import %1…</source>
        <translation>正在撤销导入 %1…</translation>
    </message>
    <message>
        <source>Import %1 undone.</source>
        <translation>导入 %1 已撤销。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import department data</source>
        <translation>导入部门数据</translation>
    </message>
</context>
<context>
    <name>ImportedTable</name>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>place</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>venue scan</source>
        <translation>场所扫码</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>facility</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>test sample</source>
        <translation>核酸采样</translation>
    </message>
    <message>
        <source>vaccination</source>
        <translation>疫苗接种</translation>
    </message>
    <message>
        <source>quarantine order</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>clinic visit</source>
        <translation>门诊就诊</translation>
    </message>
    <message>
        <source>pharmacy purchase</source>
        <translation>药店购药</translation>
    </message>
</context>
<context>
    <name>ImprovementPlanPage</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>(whole incident)</source>
        <translation>（整个事件）</translation>
    </message>
    <message>
        <source>Add to improvement plan</source>
        <translation>加入改进计划</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Owner / due date</source>
        <translation>责任单位 / 时限</translation>
    </message>
    <message>
        <source>Added to the improvement plan</source>
        <translation>已加入改进计划</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <source>Open drill</source>
        <translation>开始演练</translation>
    </message>
    <message>
        <source>Dispatch plan…</source>
        <translation>下达方案…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Selected grid → zone</source>
        <translation>选中网格 → 区划</translation>
    </message>
    <message>
        <source>Drawn area → zone</source>
        <translation>绘制区域 → 区划</translation>
    </message>
    <message>
        <source>Drawn area out of zone</source>
        <translation>绘制区域移出所选区划</translation>
    </message>
    <message>
        <source>Undo zone edit</source>
        <translation>撤销区划修改</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>After-action report…</source>
        <translation>评估报告…</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>节点看板</translation>
    </message>
    <message>
        <source>Improvement plan</source>
        <translation>改进计划</translation>
    </message>
    <message>
        <source>Proposing the plan…</source>
        <translation>正在生成处置方案…</translation>
    </message>
    <message>
        <source>Dispatch plan</source>
        <translation>下达方案</translation>
    </message>
    <message>
        <source>Dispatch the whole plan as %1 tasks, cascaded to towns, villages and grids?</source>
        <translation>将整个方案作为 %1 项任务下达，并逐级分解到乡镇、村社和网格？</translation>
    </message>
    <message>
        <source>Dispatching…</source>
        <translation>正在下达…</translation>
    </message>
    <message>
        <source>Select a grid on the map, or draw an area, first</source>
        <translation>请先在地图上选中网格或绘制区域</translation>
    </message>
    <message>
        <source>After-action report</source>
        <translation>评估报告</translation>
    </message>
    <message>
        <source>Report written: %1</source>
        <translation>报告已生成：%1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Zones (grids/people)</source>
        <translation>区划（网格/人口）</translation>
    </message>
    <message>
        <source>Drill: %1</source>
        <translation>演练：%1</translation>
    </message>
    <message>
        <source>staff %1 · checkpoints %2 + %3 · sites %4 / stations %5 · beds %6 of %7 free · contacts %8 + %9</source>
        <translation>人员 %1 · 卡点 %2 + %3 · 采样点 %4 / 采样台 %5 · 床位 %6（空余 %7）· 密接 %8 + 次密接 %9</translation>
    </message>
    <message>
        <source>Milestones overdue: %1</source>
        <translation>节点超时：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n incident task(s) overdue</source>
        <translation>
            <numerusform>%n 项处置任务超时</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <source>All groups</source>
        <translation>全部分组</translation>
    </message>
    <message>
        <source>Computing indicators… {0} {1:.0%}</source>
        <translation>正在计算指标… {0} {1:.0%}</translation>
    </message>
    <message>
        <source>Computing indicators…</source>
        <translation>正在计算指标…</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>近30天</translation>
    </message>
</context>
<context>
    <name>IndicatorProfileModel</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
</context>
<context>
    <name>KeyFigureTile</name>
    <message>
        <source>%1 %2 since the day before</source>
        <translation>较前一日 %1 %2</translation>
    </message>
</context>
<context>
    <name>LabelPainter</name>
    <message>
        <source>Grid %1</source>
        <translation>第%1网格</translation>
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
        <source>Cameras</source>
        <translation>视频监控</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>操作历史</translation>
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
        <source>Import department data…</source>
        <translation>导入部门数据…</translation>
    </message>
    <message>
        <source>Import history…</source>
        <translation>导入记录…</translation>
    </message>
    <message>
        <source>Wall mode</source>
        <translation>大屏模式</translation>
    </message>
    <message>
        <source>Wall mode: what to show…</source>
        <translation>大屏模式：展示内容…</translation>
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
        <source>Draw area</source>
        <translation>绘制区域</translation>
    </message>
    <message>
        <source>Click the corners of an area; double-click or Enter finishes, right-click or Esc cancels</source>
        <translation>在地图上依次单击区域各顶点；双击或按 Enter 完成，右键或按 Esc 取消</translation>
    </message>
    <message>
        <source>Clear drawn area</source>
        <translation>清除绘制区域</translation>
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
        <source>Make offline pack…</source>
        <translation>制作离线包…</translation>
    </message>
    <message>
        <source>Sync pack with centre…</source>
        <translation>离线包与指挥中心同步…</translation>
    </message>
    <message>
        <source>Enter person found door to door…</source>
        <translation>录入入户排查发现人员…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
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
        <source>Wartime layout</source>
        <translation>战时布局</translation>
    </message>
    <message>
        <source>Trainer mode</source>
        <translation>培训演示模式</translation>
    </message>
    <message>
        <source>Leave trainer mode</source>
        <translation>退出培训演示模式</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
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
    <name>MakePackDialog</name>
    <message>
        <source>Make offline pack</source>
        <translation>制作离线包</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Pack file</source>
        <translation>离线包文件</translation>
    </message>
    <message>
        <source>Pack of %1 %2 written: %3 (%4 MB, %5 people, %6 tasks, %7 s)</source>
        <translation>已写出 %1 %2 的离线包：%3（%4 MB，%5 人，%6 项任务，%7 秒）</translation>
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
    <name>MappingPage</name>
    <message>
        <source>Column mapping</source>
        <translation>字段对应</translation>
    </message>
    <message>
        <source>Which column holds each field (guessed from the headers; * required)</source>
        <translation>每个字段取自哪一列（按表头自动识别；* 为必填）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>empty: longitude/latitude in degrees</source>
        <translation>留空：经纬度（度）</translation>
    </message>
    <message>
        <source>Coordinate system of x/y (e.g. EPSG:4549)</source>
        <translation>X/Y 坐标系（如 EPSG:4549）</translation>
    </message>
    <message>
        <source>Preview (first rows as read)</source>
        <translation>预览（读取的前几行）</translation>
    </message>
</context>
<context>
    <name>MilestoneBoard</name>
    <message>
        <source>Milestone</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Done / required</source>
        <translation>完成 / 要求</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评定</translation>
    </message>
</context>
<context>
    <name>MilestoneState</name>
    <message>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>no tasks</source>
        <translation>无任务</translation>
    </message>
</context>
<context>
    <name>PackJobDialog</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>PackStatusLabel</name>
    <message>
        <source>Pack %1 %2 · %3 h old · %4 unsynced · %5 conflicts</source>
        <translation>离线包 %1 %2 · %3 小时前 · %4 条未同步 · %5 处冲突</translation>
    </message>
    <message>
        <source>%1 is not in this pack</source>
        <translation>%1 不在本离线包内</translation>
    </message>
</context>
<context>
    <name>PacksOutTable</name>
    <message>
        <source>Pack</source>
        <translation>离线包</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>制作时间</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Hours stale</source>
        <translation>未同步小时数</translation>
    </message>
    <message>
        <source>Changes in</source>
        <translation>已收回修改</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>PanelSwitcher</name>
    <message>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
</context>
<context>
    <name>PersonEntryDialog</name>
    <message>
        <source>Enter a person found door to door</source>
        <translation>录入入户排查发现人员</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>15-digit grid code</source>
        <translation>15 位网格编码</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Home grid</source>
        <translation>居住网格</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Person %1 entered (%2); sent to the centre at the next sync.</source>
        <translation>已录入人员 %1（%2），下次同步时报送指挥中心。</translation>
    </message>
</context>
<context>
    <name>PersonKind</name>
    <message>
        <source>resident</source>
        <translation>常住人口</translation>
    </message>
    <message>
        <source>floating population</source>
        <translation>流动人口</translation>
    </message>
    <message>
        <source>registered here, living elsewhere</source>
        <translation>户籍在本地、人在外地</translation>
    </message>
</context>
<context>
    <name>PlanUnit</name>
    <message>
        <source>tasks</source>
        <translation>项</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>人</translation>
    </message>
    <message>
        <source>beds</source>
        <translation>床</translation>
    </message>
    <message>
        <source>checkpoints</source>
        <translation>处卡点</translation>
    </message>
    <message>
        <source>stations</source>
        <translation>个采样台</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>名接触者</translation>
    </message>
    <message>
        <source>m²</source>
        <translation>m²</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>份样本</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>performed without challenges</source>
        <translation>顺利完成</translation>
    </message>
    <message>
        <source>performed with some challenges</source>
        <translation>完成但存在一些问题</translation>
    </message>
    <message>
        <source>performed with major challenges</source>
        <translation>完成但存在重大问题</translation>
    </message>
    <message>
        <source>unable to be performed</source>
        <translation>未能完成</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>person</source>
        <translation>人员登记</translation>
    </message>
    <message>
        <source>venue scan</source>
        <translation>场所码扫码</translation>
    </message>
    <message>
        <source>test sample</source>
        <translation>核酸采样</translation>
    </message>
    <message>
        <source>pharmacy purchase</source>
        <translation>药店购药</translation>
    </message>
    <message>
        <source>clinic visit</source>
        <translation>门诊就诊</translation>
    </message>
    <message>
        <source>quarantine order</source>
        <translation>隔离管控</translation>
    </message>
    <message>
        <source>vaccination</source>
        <translation>疫苗接种</translation>
    </message>
</context>
<context>
    <name>ReplacePage</name>
    <message>
        <source>Replace the admin layers</source>
        <translation>替换行政区划图层</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销本次导入</translation>
    </message>
    <message>
        <source>Replacing the admin layers and re-assigning every record to its grid (one transaction: it completes or changes nothing)…</source>
        <translation>正在替换行政区划图层并将每条记录重新落入所属网格（单一事务：要么全部完成，要么不作任何改动）…</translation>
    </message>
    <message>
        <source>Import %1: %2 units updated, %3 added, %4 removed; records re-assigned to their grids and the indicators recomputed.</source>
        <translation>导入 %1：更新 %2 个单元，新增 %3 个，删除 %4 个；记录已重新落入网格，指标已重新计算。</translation>
    </message>
    <message>
        <source>Putting the previous admin layers back…</source>
        <translation>正在恢复原行政区划图层…</translation>
    </message>
    <message>
        <source>Import %1 undone: the previous admin layers are back and every record is in its grid again.</source>
        <translation>导入 %1 已撤销：原行政区划图层已恢复，每条记录已回到原网格。</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Rows read: %1</source>
        <translation>已读取行数：%1</translation>
    </message>
    <message>
        <source>Import %1 %2: read %3, imported %4, skipped %5 already present, rejected %6.</source>
        <translation>导入 %1 %2：读取 %3 行，导入 %4 行，已存在跳过 %5 行，退回 %6 行。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Reject file: %1</source>
        <translation>退回文件：%1</translation>
    </message>
</context>
<context>
    <name>ScreeningClass</name>
    <message>
        <source>returned</source>
        <translation>已返乡</translation>
    </message>
    <message>
        <source>planning</source>
        <translation>拟返乡</translation>
    </message>
    <message>
        <source>still there</source>
        <translation>仍在当地</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>ScreeningPanel</name>
    <message>
        <source>or a WKT polygon (EPSG:4490 lon/lat)</source>
        <translation>或输入 WKT 多边形（EPSG:4490 经纬度）</translation>
    </message>
    <message>
        <source>Default (since the risk area began, else 14 days)</source>
        <translation>默认（自风险区划定之日起，否则近14天）</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>开始排查</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>区划单元</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>排查分类</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>City</source>
        <translation>涉疫城市</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Dispatch to grids</source>
        <translation>下发至网格</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Screening…</source>
        <translation>正在排查…</translation>
    </message>
    <message>
        <source>Export screening</source>
        <translation>导出排查结果</translation>
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
        <translation>高</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>No Chinese font is installed: Chinese text shows as boxes (install fonts-noto-cjk: run scripts/setup.sh)</source>
        <translation>未安装中文字体：中文将显示为方框（请安装 fonts-noto-cjk：运行 scripts/setup.sh）</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
</context>
<context>
    <name>SyncPackDialog</name>
    <message>
        <source>Sync pack with centre</source>
        <translation>离线包与指挥中心同步</translation>
    </message>
    <message>
        <source>centre store file, or postgresql+psycopg://…</source>
        <translation>指挥中心数据文件，或 postgresql+psycopg://…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <source>Sent %1 changes: %2 applied, %3 new rows, %4 conflicting fields kept for review, %5 already at the centre. Received %6 tasks, %7 people.</source>
        <translation>已发送 %1 条修改：%2 条已应用，%3 条新记录，%4 个冲突字段待审核，%5 条中心已有。收回 %6 项任务、%7 人。</translation>
    </message>
</context>
<context>
    <name>TaskAction</name>
    <message>
        <source>dispatch</source>
        <translation>派发</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始处置</translation>
    </message>
    <message>
        <source>done</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>标记失败</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>取消任务</translation>
    </message>
</context>
<context>
    <name>TaskDetailView</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>a note for the audit trail</source>
        <translation>填写备注（记入操作留痕）</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>No child tasks</source>
        <translation>无子任务</translation>
    </message>
    <message>
        <source>Children: {0}/{1} closed</source>
        <translation>子任务：已关闭 {0}/{1}</translation>
    </message>
    <message>
        <source>Select a task to see its details and audit trail.</source>
        <translation>选择一项任务，查看详情和操作留痕。</translation>
    </message>
    <message>
        <source>Task %1 did not exist yet at the end of %2.</source>
        <translation>截至 %2 日终，任务 %1 尚未创建。</translation>
    </message>
    <message>
        <source>Status {0}, priority {1}, version {2}, due {3}</source>
        <translation>状态：{0}，优先级：{1}，版本：{2}，截止时间：{3}</translation>
    </message>
    <message>
        <source>Assignee {0} {1} ({2}); claimed by {3}</source>
        <translation>承办：{0} {1}（{2}）；签收人：{3}</translation>
    </message>
    <message>
        <source>As it stood at the end of %1 — past, read only</source>
        <translation>%1 日终时的状态——历史，只读</translation>
    </message>
    <message>
        <source>Escalated to {0} at {1}</source>
        <translation>已于 {1} 逾期升级至 {0}</translation>
    </message>
    <message>
        <source>People: {0}</source>
        <translation>涉及人员：{0}</translation>
    </message>
</context>
<context>
    <name>TaskEvent</name>
    <message>
        <source>create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>status change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>trip</source>
        <translation>转运</translation>
    </message>
    <message>
        <source>fan out</source>
        <translation>逐级分派</translation>
    </message>
    <message>
        <source>roll-up</source>
        <translation>子任务汇总</translation>
    </message>
    <message>
        <source>escalate</source>
        <translation>逾期升级</translation>
    </message>
</context>
<context>
    <name>TaskKind</name>
    <message>
        <source>screening</source>
        <translation>排查</translation>
    </message>
    <message>
        <source>control</source>
        <translation>管控</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>闭环转运</translation>
    </message>
    <message>
        <source>specimen</source>
        <translation>标本转运</translation>
    </message>
    <message>
        <source>lockdown</source>
        <translation>封控</translation>
    </message>
    <message>
        <source>test site</source>
        <translation>核酸采样点</translation>
    </message>
    <message>
        <source>warning verification</source>
        <translation>预警核实</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>TaskPriority</name>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>high</source>
        <translation>较急</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>常规</translation>
    </message>
</context>
<context>
    <name>TaskQueuePanel</name>
    <message>
        <source>open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>all kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>title contains…</source>
        <translation>标题包含…</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>selected unit</source>
        <translation>所选区域</translation>
    </message>
    <message>
        <source>fan out to villages</source>
        <translation>分派至各村（社区）</translation>
    </message>
    <message>
        <source>fan out to grids</source>
        <translation>分派至各网格</translation>
    </message>
    <message>
        <source>show on map</source>
        <translation>地图定位</translation>
    </message>
    <message>
        <source>open tasks map</source>
        <translation>未办结任务分布</translation>
    </message>
    <message numerus="yes">
        <source>Integrity alarm: %n task(s) changed outside the console, status unlike events (tasks %1)</source>
        <translation>
            <numerusform>完整性告警：%n 个任务在控制台之外被改动，状态与审计事件不符（任务 %1）</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} of {1} tasks</source>
        <translation>显示 {0} 项，共 {1} 项任务</translation>
    </message>
    <message>
        <source>The queue as it stood at the end of %1 — read only; move the date to today (%2) to act.</source>
        <translation>%1 日终时的任务队列（只读）；将日期移回今天（%2）才能操作。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n task(s) changed</source>
        <translation>
            <numerusform>%1：已处理 %n 项任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>task %1 fanned out into %n task(s)</source>
        <translation>
            <numerusform>任务 %1 已分派为 %n 项子任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue task(s) escalated</source>
        <translation>
            <numerusform>%n 项逾期任务已升级</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskRole</name>
    <message>
        <source>county command office</source>
        <translation>县指挥部</translation>
    </message>
    <message>
        <source>town office</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>village office</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>grid leader</source>
        <translation>网格长</translation>
    </message>
</context>
<context>
    <name>TaskSource</name>
    <message>
        <source>warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>screening</source>
        <translation>排查</translation>
    </message>
    <message>
        <source>tracing</source>
        <translation>流调</translation>
    </message>
    <message>
        <source>drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动创建</translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <source>new</source>
        <translation>待派发</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>已派发</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>承办</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>Due in</source>
        <translation>剩余时限</translation>
    </message>
    <message>
        <source>Due at</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>%1d %2h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1小时%2分</translation>
    </message>
</context>
<context>
    <name>TaskTransferPanel</name>
    <message>
        <source>Facility</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空余</translation>
    </message>
    <message>
        <source>person ids, e.g. 12,15,31</source>
        <translation>人员编号，如 12,15,31</translation>
    </message>
    <message>
        <source>plate, e.g. 浙C·12345</source>
        <translation>车牌号，如 浙C·12345</translation>
    </message>
    <message>
        <source>home</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>转运车辆</translation>
    </message>
    <message>
        <source>People</source>
        <translation>转运人员</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>集中隔离点</translation>
    </message>
    <message>
        <source>Pick up at</source>
        <translation>接驳地点</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>检测机构</translation>
    </message>
    <message>
        <source>Test site id</source>
        <translation>采样点编号</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>标本数</translation>
    </message>
    <message>
        <source>Task id</source>
        <translation>任务编号</translation>
    </message>
    <message>
        <source>Plan transfer</source>
        <translation>安排闭环转运</translation>
    </message>
    <message>
        <source>Plan specimen batch</source>
        <translation>安排标本转运</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>hotel</source>
        <translation>集中隔离点</translation>
    </message>
    <message>
        <source>lab (samples today)</source>
        <translation>检测机构（今日标本）</translation>
    </message>
    <message>
        <source>{0} — {1} free beds</source>
        <translation>{0} — 空余床位 {1} 张</translation>
    </message>
    <message>
        <source>{0} — {1} samples left today</source>
        <translation>{0} — 今日剩余检测量 {1} 份</translation>
    </message>
    <message>
        <source>{0}: task {1}</source>
        <translation>{0}：任务 {1}</translation>
    </message>
    <message>
        <source>transfer planned</source>
        <translation>已安排闭环转运</translation>
    </message>
    <message>
        <source>person ids</source>
        <translation>人员编号</translation>
    </message>
    <message>
        <source>specimen batch planned</source>
        <translation>已安排标本转运</translation>
    </message>
    <message>
        <source>picked up</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>已送达</translation>
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
    <name>TopologyPage</name>
    <message>
        <source>Topology check</source>
        <translation>拓扑检查</translation>
    </message>
    <message>
        <source>Gaps, overlaps, grids crossing their village and codes not nested are listed before anything is replaced</source>
        <translation>替换前列出缝隙、重叠、越出所属村社区的网格以及编码不嵌套等问题</translation>
    </message>
    <message>
        <source>Cancel check</source>
        <translation>取消检查</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace the admin layers although these problems were found</source>
        <translation>已知上述问题，仍替换行政区划图层</translation>
    </message>
    <message>
        <source>Reading and checking the boundaries…</source>
        <translation>正在读取并检查边界…</translation>
    </message>
    <message>
        <source>Check cancelled: nothing was replaced.</source>
        <translation>检查已取消：未替换任何内容。</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>%1 in the file, no topology problem: ready to replace the store&apos;s layers.</source>
        <translation>文件含 %1，无拓扑问题：可替换库内图层。</translation>
    </message>
    <message numerus="yes">
        <source>%1 in the file; %n problem(s) listed below. Nothing has been replaced: tick the box to replace the layers anyway (points in a gap then belong to no grid).</source>
        <translation>
            <numerusform>文件含 %1；发现 %n 个问题（见下表）。尚未替换任何内容：勾选下方选项可仍然替换（落在缝隙中的点将不属于任何网格）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in the file; %n problem(s) listed below block the replacement (rows that cannot be read, codes not nested): mend the file. Nothing has been replaced.</source>
        <translation>
            <numerusform>文件含 %1；下表 %n 个问题阻止替换（无法读取的行、编码不嵌套）：请先修正文件。未替换任何内容。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TraceGraphView</name>
    <message>
        <source>Case</source>
        <translation>病例</translation>
    </message>
    <message>
        <source>Close contact</source>
        <translation>密接</translation>
    </message>
    <message>
        <source>Secondary contact</source>
        <translation>次密接</translation>
    </message>
    <message>
        <source>Tertiary contact</source>
        <translation>三级接触者</translation>
    </message>
</context>
<context>
    <name>TracePanel</name>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>开始流调</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>暴露来源</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Case (person id)</source>
        <translation>病例（人员编号）</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>发病时间</translation>
    </message>
    <message>
        <source>Window ±</source>
        <translation>时间窗 ±</translation>
    </message>
    <message>
        <source>Dispatch to grids</source>
        <translation>下发至网格</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Tracing…</source>
        <translation>正在流调…</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>病例 %1</translation>
    </message>
    <message>
        <source>close contacts</source>
        <translation>密接</translation>
    </message>
    <message>
        <source>secondary contacts</source>
        <translation>次密接</translation>
    </message>
    <message>
        <source>depth %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>导出密接名单</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Move the map</source>
        <translation>移动地图</translation>
    </message>
    <message>
        <source>Add a corner</source>
        <translation>添加顶点</translation>
    </message>
    <message>
        <source>undo in the console: %1</source>
        <translation>控制台撤销：%1</translation>
    </message>
</context>
<context>
    <name>Unit</name>
    <message>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <source>people/km²</source>
        <translation>人/km²</translation>
    </message>
    <message>
        <source>households</source>
        <translation>户</translation>
    </message>
    <message>
        <source>warnings</source>
        <translation>条</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>项</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>人次</translation>
    </message>
    <message>
        <source>doses</source>
        <translation>剂</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>份</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>个</translation>
    </message>
    <message>
        <source>/10k people</source>
        <translation>/万人</translation>
    </message>
    <message>
        <source>cameras</source>
        <translation>路</translation>
    </message>
    <message>
        <source>times</source>
        <translation>次</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>beds</source>
        <translation>张</translation>
    </message>
    <message>
        <source>people/household</source>
        <translation>人/户</translation>
    </message>
    <message>
        <source>people/grid</source>
        <translation>人/格</translation>
    </message>
    <message>
        <source>times/person</source>
        <translation>次/人</translation>
    </message>
    <message>
        <source>/100k people</source>
        <translation>/10万人</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>packs</source>
        <translation>盒</translation>
    </message>
    <message>
        <source>cameras/km²</source>
        <translation>路/km²</translation>
    </message>
    <message>
        <source>cameras/1k people</source>
        <translation>路/千人</translation>
    </message>
    <message>
        <source>beds/10k people</source>
        <translation>张/万人</translation>
    </message>
    <message>
        <source>samples/day</source>
        <translation>份/日</translation>
    </message>
    <message>
        <source>samples/1k people</source>
        <translation>份/千人</translation>
    </message>
    <message>
        <source>doses/day</source>
        <translation>剂/日</translation>
    </message>
</context>
<context>
    <name>VaccinationTableModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Aged 3+</source>
        <translation>3岁以上人口</translation>
    </message>
    <message>
        <source>%1 dose %2 %</source>
        <translation>%1岁 第%2剂 %</translation>
    </message>
</context>
<context>
    <name>VaccinationTablePanel</name>
    <message>
        <source>Towns</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>All doses</source>
        <translation>全部剂次</translation>
    </message>
    <message>
        <source>Dose {0}</source>
        <translation>第{0}剂</translation>
    </message>
    <message>
        <source>Filter by name or code</source>
        <translation>按名称或编码筛选</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Computing indicators…</source>
        <translation>正在计算指标…</translation>
    </message>
    <message>
        <source>{0} units · as of {1}</source>
        <translation>{0} 个单元 · 截至 {1}</translation>
    </message>
    <message>
        <source>Export vaccination table</source>
        <translation>导出疫苗接种统计表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
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
        <source>no video backend could be loaded</source>
        <translation>无法加载视频解码后端</translation>
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
        <source>the stream cannot be opened (unreachable, or not a video)</source>
        <translation>无法打开视频流（地址不可达，或不是视频）</translation>
    </message>
    <message>
        <source>the stream cannot be opened, or its video format is not supported</source>
        <translation>无法打开视频流，或不支持其视频格式</translation>
    </message>
    <message>
        <source>the network connection to the camera failed</source>
        <translation>与摄像头的网络连接失败</translation>
    </message>
    <message>
        <source>the camera refused access</source>
        <translation>摄像头拒绝访问</translation>
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
    <name>WallChooserDialog</name>
    <message>
        <source>Wall mode: what to show</source>
        <translation>大屏模式：展示内容</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Units (none: the whole county)</source>
        <translation>单元（不选：全县）</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Each unit and indicator stays up for</source>
        <translation>每个单元和指标停留</translation>
    </message>
</context>
<context>
    <name>WallMode</name>
    <message>
        <source>Jingkong — wall</source>
        <translation>精控 · 一屏协同</translation>
    </message>
    <message>
        <source>Command picture</source>
        <translation>一屏协同</translation>
    </message>
    <message>
        <source>Overdue tasks: %1</source>
        <translation>超时任务：%1</translation>
    </message>
    <message>
        <source>New warnings: %1</source>
        <translation>新预警：%1</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
</context>
<context>
    <name>WarningPanel</name>
    <message>
        <source>All rules</source>
        <translation>全部预警规则</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Evaluate rules</source>
        <translation>运行预警研判</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>预警等级</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>微网格</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation>网格长</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>研判截至</translation>
    </message>
    <message>
        <source>Reason for dismissing</source>
        <translation>排除原因</translation>
    </message>
    <message>
        <source>Dispatch to grids</source>
        <translation>下发至网格</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核实属实</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>地图分布</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>共 %n 条预警</numerusform>
        </translation>
    </message>
    <message>
        <source>newest %1 listed</source>
        <translation>列出最新 %1 条</translation>
    </message>
    <message>
        <source>Evaluating the rules as of %1…</source>
        <translation>正在研判截至 %1 的数据…</translation>
    </message>
    <message>
        <source>Give a reason to dismiss a warning</source>
        <translation>排除预警须填写原因</translation>
    </message>
</context>
<context>
    <name>WarningStatus</name>
    <message>
        <source>new</source>
        <translation>新预警</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>已派发</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>已排除</translation>
    </message>
</context>
</TS>
