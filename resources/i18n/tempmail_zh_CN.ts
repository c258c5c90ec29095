<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../tempmail_desktop/ui/controller.py" line="90"/>
        <source>Something went wrong: %s</source>
        <translation>出错了：%s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/controller.py" line="110"/>
        <source>%s. Open Settings and set the key.</source>
        <translation>%s。请打开“设置”并填写密钥。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="95"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="96"/>
        <source>Something went wrong: %1

The app keeps running. Details are in the log file in %2.</source>
        <translation>出错了：%1

应用仍在运行。详细信息见 %2 中的日志文件。</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="261"/>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="262"/>
        <source>GPTMail dashboard</source>
        <translation>GPTMail 仪表板</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="273"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="274"/>
        <source>Refresh the statistics</source>
        <translation>刷新统计数据</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="275"/>
        <source>Each refresh uses five of your key&apos;s daily calls.</source>
        <translation>每次刷新会消耗该密钥每日调用次数中的 5 次。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="281"/>
        <source>Mail ever received</source>
        <translation>累计收到邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="282"/>
        <source>Today (UTC)</source>
        <translation>今天（UTC）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="283"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="284"/>
        <source>Different subjects (24 h)</source>
        <translation>不同主题数（24 小时）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="285"/>
        <source>Active domains</source>
        <translation>活跃域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="286"/>
        <source>Domains configured</source>
        <translation>已配置域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="310"/>
        <source>Mail per hour, last 24 hours (your local time)</source>
        <translation>最近 24 小时每小时邮件数（本地时间）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="313"/>
        <source>Top subjects</source>
        <translation>热门主题</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="314"/>
        <source>Top domains</source>
        <translation>热门域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="315"/>
        <source>Top senders</source>
        <translation>热门发件人</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="319"/>
        <source>The service masks subjects, domains and senders (like us***@ex***.com) before sending them; they show trends, not mail.</source>
        <translation>服务在发送前会隐去主题、域名和发件人的部分内容（如 us***@ex***.com）；这些数据只反映趋势，并非邮件内容。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="324"/>
        <source>Offer your own domain</source>
        <translation>提供自己的域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="325"/>
        <source>Point the domain&apos;s MX record at GPTMail first; the service checks it when you submit.</source>
        <translation>请先将该域名的 MX 记录指向 GPTMail；提交时服务会进行检查。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="330"/>
        <source>Domain to offer</source>
        <translation>要提供的域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="331"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="332"/>
        <source>Submit the domain</source>
        <translation>提交该域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="382"/>
        <source>Loading the statistics…</source>
        <translation>正在加载统计数据…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="409"/>
        <source>Could not load everything: %1</source>
        <translation>部分数据未能加载：%1</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="411"/>
        <source>Updated at %1.</source>
        <translation>更新于 %1。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="430"/>
        <source>Type a domain name with a dot, like example.com.</source>
        <translation>请输入带点的域名，如 example.com。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="434"/>
        <source>Submitting %1…</source>
        <translation>正在提交 %1…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="448"/>
        <source>Submitted %1; the service will check its MX records.</source>
        <translation>已提交 %1；服务将检查其 MX 记录。</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="91"/>
        <source>Mail per hour, last 24 hours</source>
        <translation>最近 24 小时每小时邮件数</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="113"/>
        <source>%1–%2: %3</source>
        <translation>%1–%2：%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="114"/>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="126"/>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="127"/>
        <source>%n mail(s)</source>
        <translation>
            <numerusform>%n 封邮件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="118"/>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="186"/>
        <source>No hourly figures loaded.</source>
        <translation>尚未加载每小时数据。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="123"/>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="186"/>
        <source>No mail in the last 24 hours.</source>
        <translation>最近 24 小时没有邮件。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="125"/>
        <source>%1 over %2 hours; the busiest hour was %3 with %4.</source>
        <translation>%2 小时内共 %1；最忙的时段是 %3，共 %4。</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="69"/>
        <source>This link does not lead where its text says.

It shows:
%1

It writes a mail to:
    %2

Full address:
%3

Open it anyway?</source>
        <translation>此链接并不指向其文字所写的地方。

它显示为：
%1

它会写信给：
    %2

完整地址：
%3

仍要打开吗？</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="72"/>
        <source>This link does not lead where its text says.

It shows:
%1

It opens a page on:
    %2

Full address:
%3

Open it anyway?</source>
        <translation>此链接并不指向其文字所写的地方。

它显示为：
%1

它打开的网站是：
    %2

完整地址：
%3

仍要打开吗？</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="79"/>
        <source>Open link?</source>
        <translation>打开链接？</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="83"/>
        <source>Open anyway</source>
        <translation>仍然打开</translation>
    </message>
</context>
<context>
    <name>MailboxListModel</name>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="205"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="206"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="207"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="208"/>
        <source>Expires</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="209"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="351"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/models.py" line="356"/>
        <source>expires in %n min</source>
        <translation>
            <numerusform>%n 分钟后过期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/models.py" line="360"/>
        <source>expires in %n h</source>
        <translation>
            <numerusform>%n 小时后过期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="361"/>
        <source>expires in %1 h %2 min</source>
        <translation>%1 小时 %2 分钟后过期</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="364"/>
        <source>expires in 1 day</source>
        <translation>1 天后过期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/models.py" line="364"/>
        <source>expires in %n days</source>
        <translation>
            <numerusform>%n 天后过期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="382"/>
        <source>%1 (%2)</source>
        <comment>address and unread count</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="390"/>
        <source>Provider: %1</source>
        <translation>服务商：%1</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="393"/>
        <source>Created: %1</source>
        <translation>创建时间：%1</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="397"/>
        <source>Expires: %1 (%2)</source>
        <translation>过期时间：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="404"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="421"/>
        <source>1 unread message</source>
        <translation>1 封未读邮件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/models.py" line="421"/>
        <source>%n unread messages</source>
        <translation>
            <numerusform>%n 封未读邮件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tempmail_desktop/selftest.py" line="97"/>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="234"/>
        <source>&amp;New address…</source>
        <translation>新建地址(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="227"/>
        <source>Tempmail Desktop</source>
        <translation>Tempmail Desktop</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="228"/>
        <source>Mailboxes</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="229"/>
        <source>Your addresses. Click one to see its mail.</source>
        <translation>你的地址。点击一个地址即可查看其邮件。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="230"/>
        <source>Messages</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="231"/>
        <source>Filter by sender or subject (Ctrl+F)</source>
        <translation>按发件人或主题筛选（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="232"/>
        <source>Filter messages</source>
        <translation>筛选邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="234"/>
        <source>Create a new temporary address</source>
        <translation>新建一个临时邮箱地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="235"/>
        <source>&amp;Open existing address…</source>
        <translation>打开已有地址(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="235"/>
        <source>Watch an address you already have</source>
        <translation>收取一个已有地址的邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="236"/>
        <source>&amp;Check now</source>
        <translation>立即检查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="236"/>
        <source>Check for new mail now</source>
        <translation>立即检查新邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="237"/>
        <source>Copy &amp;address</source>
        <translation>复制地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="237"/>
        <source>Copy the selected address</source>
        <translation>复制所选地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="238"/>
        <source>Copy &amp;code</source>
        <translation>复制验证码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="239"/>
        <source>Copy the verification code of the open message, else the newest one in this mailbox</source>
        <translation>复制已打开邮件中的验证码；若没有，则复制此邮箱中最新的验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="240"/>
        <source>&amp;Delete message</source>
        <translation>删除邮件(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="240"/>
        <source>Delete the selected message</source>
        <translation>删除所选邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="241"/>
        <source>&amp;Save attachments…</source>
        <translation>保存附件(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="242"/>
        <source>&amp;Rename address…</source>
        <translation>重命名地址(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="243"/>
        <source>C&amp;lear mailbox…</source>
        <translation>清空邮箱(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="244"/>
        <source>Delete address on the service…</source>
        <translation>在服务端删除地址…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="245"/>
        <source>&amp;Forget address…</source>
        <translation>移除地址(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="246"/>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="247"/>
        <source>Only &amp;unread</source>
        <translation>仅显示未读(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="248"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="249"/>
        <source>GPTMail &amp;dashboard…</source>
        <translation>GPTMail 仪表板(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="250"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="251"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="258"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="258"/>
        <source>&amp;Mailbox</source>
        <translation>邮箱(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="259"/>
        <source>M&amp;essage</source>
        <translation>邮件(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="259"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="260"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="260"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="262"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="282"/>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="569"/>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="584"/>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="593"/>
        <source>Copied %s</source>
        <translation>已复制 %s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="473"/>
        <source>No addresses yet. Press Ctrl+N (New address) to get one in a click.</source>
        <translation>还没有地址。按 Ctrl+N（新建地址）即可一键获取。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="475"/>
        <source>No mail yet. New mail appears here as soon as it arrives.</source>
        <translation>还没有邮件。新邮件一到就会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="477"/>
        <source>No message matches the filter.</source>
        <translation>没有符合筛选条件的邮件。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="522"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="586"/>
        <source>No verification code in the open message or this mailbox</source>
        <translation>已打开的邮件和此邮箱中都没有验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="58"/>
        <source>Next check in %s s</source>
        <translation>%s 秒后再次检查</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="59"/>
        <source>Next check at %s</source>
        <translation>将于 %s 再次检查</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="528"/>
        <source>Quota left: %s</source>
        <translation>剩余配额：%s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="543"/>
        <source>Saving %1: %2%</source>
        <translation>正在保存 %1：%2%</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="545"/>
        <source>Saving %1: %2 KB</source>
        <translation>正在保存 %1：%2 KB</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="552"/>
        <source>Created %s (copied)</source>
        <translation>已创建 %s（已复制）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="563"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="595"/>
        <source>No mail with a verification code yet</source>
        <translation>还没有含验证码的邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="601"/>
        <source>Delete message</source>
        <translation>删除邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="602"/>
        <source>Delete “%s” on the service and here?</source>
        <translation>要在服务端和本地删除“%s”吗？</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="607"/>
        <source>Clear mailbox</source>
        <translation>清空邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="608"/>
        <source>Delete all mail in %s on the service and here?</source>
        <translation>要在服务端和本地删除 %s 中的所有邮件吗？</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="613"/>
        <source>Delete address</source>
        <translation>删除地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="614"/>
        <source>Delete %s on the service? Its mail will be gone for good.</source>
        <translation>要在服务端删除 %s 吗？其中的邮件将永久消失。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="619"/>
        <source>Forget address</source>
        <translation>移除地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="620"/>
        <source>Forget %s and its stored mail on this computer? The service keeps it until it expires.</source>
        <translation>要从本机移除 %s 及其已保存的邮件吗？服务端会保留该地址直到过期。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="638"/>
        <source>Save attachments to</source>
        <translation>将附件保存到</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="647"/>
        <source>Saved: %s</source>
        <translation>已保存：%s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="651"/>
        <source>Saving %s…</source>
        <translation>正在保存 %s…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="658"/>
        <source>Saving cancelled. Nothing was left half-written.</source>
        <translation>已取消保存，没有留下不完整的文件。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="665"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="674"/>
        <source>Open attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="675"/>
        <source>Open “%s” with the program your system uses for it? Only open files you trust.</source>
        <translation>要用系统关联的程序打开“%s”吗？请只打开你信任的文件。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="714"/>
        <source>About Tempmail Desktop</source>
        <translation>关于 Tempmail Desktop</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="715"/>
        <source>Tempmail Desktop %s
A desktop inbox for temporary-email services.</source>
        <translation>Tempmail Desktop %s
用于临时邮箱服务的桌面收件箱。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../tempmail_desktop/ui/message_bar.py" line="31"/>
        <source>Messages from the app</source>
        <translation>应用消息</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_bar.py" line="39"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_bar.py" line="40"/>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="560"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="561"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="562"/>
        <source>Code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="563"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="567"/>
        <source>Unread and attachments</source>
        <translation>未读和附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="773"/>
        <source>%1 %2</source>
        <comment>weekday and time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="782"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="795"/>
        <source>The service has deleted this mail; it is kept in your local store</source>
        <translation>服务端已删除此邮件；本地仍保留一份</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="807"/>
        <source>Verification code: %1</source>
        <translation>验证码：%1</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="819"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="823"/>
        <source>1 attachment</source>
        <translation>1 个附件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/models.py" line="823"/>
        <source>%n attachments</source>
        <translation>
            <numerusform>%n 个附件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="826"/>
        <source>Kept locally</source>
        <translation>仅存于本地</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="84"/>
        <source>unknown size</source>
        <translation>大小未知</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="86"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="88"/>
        <source>KB</source>
        <translation>KB</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="89"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="90"/>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="91"/>
        <source>TB</source>
        <translation>TB</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="176"/>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="224"/>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="421"/>
        <source>Load images</source>
        <extracomment>The body is fully shown (sync for ordinary mail, later for big mail).</extracomment>
        <translation>加载图片</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="205"/>
        <source>Preparing the message…</source>
        <translation>正在准备邮件…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="225"/>
        <source>The remote images could not be loaded.</source>
        <translation>无法加载远程图片。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="233"/>
        <source>%1 of %2 remote images could not be loaded.</source>
        <translation>%2 张远程图片中有 %1 张无法加载。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="246"/>
        <source>Select a message to read it.</source>
        <translation>选择一封邮件即可阅读。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="266"/>
        <source>Message body</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="269"/>
        <source>Message as HTML</source>
        <translation>HTML 格式的邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="280"/>
        <source>Message as plain text</source>
        <translation>纯文本格式的邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="286"/>
        <source>Raw source of the message</source>
        <translation>邮件的原始源码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="288"/>
        <source>Header</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="288"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="295"/>
        <source>Message headers</source>
        <translation>邮件头</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="296"/>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="297"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="298"/>
        <source>Source</source>
        <translation>源码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="299"/>
        <source>Headers</source>
        <translation>邮件头</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="331"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="341"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="342"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="343"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="344"/>
        <source>From:</source>
        <translation>发件人：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="345"/>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="346"/>
        <source>Received:</source>
        <translation>接收时间：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="349"/>
        <source>Kept locally: the service has deleted this mail.</source>
        <translation>仅存于本地：服务端已删除此邮件。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="349"/>
        <source>Deleted by the service</source>
        <translation>已被服务端删除</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="352"/>
        <source>The raw source was truncated by the service; attachments may be missing.</source>
        <translation>服务端截断了原始源码；附件可能不完整。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="353"/>
        <source>Raw source truncated</source>
        <translation>原始源码不完整</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="382"/>
        <source>Verification code and link</source>
        <translation>验证码和链接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="383"/>
        <source>Code:</source>
        <translation>验证码：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="391"/>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="392"/>
        <source>Copy code</source>
        <translation>复制验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="393"/>
        <source>Copy the verification code</source>
        <translation>复制验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="395"/>
        <source>Link:</source>
        <translation>链接：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="400"/>
        <source>Verification link</source>
        <translation>验证链接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="401"/>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="402"/>
        <source>Copy the verification link</source>
        <translation>复制验证链接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="404"/>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="405"/>
        <source>Open the verification link in the browser</source>
        <translation>在浏览器中打开验证链接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="418"/>
        <source>Remote images blocked</source>
        <translation>已阻止远程图片</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="419"/>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="548"/>
        <source>Remote images were blocked to protect your privacy.</source>
        <translation>为保护你的隐私，已阻止远程图片。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="422"/>
        <source>Load the remote images of this message</source>
        <translation>加载此邮件的远程图片</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="430"/>
        <source>Large message</source>
        <translation>大邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="433"/>
        <source>Show original layout</source>
        <translation>显示原始版式</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="434"/>
        <source>Show the original layout of this large message</source>
        <translation>显示这封大邮件的原始版式</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="436"/>
        <source>Rendering the original layout can pause the window for a few seconds.</source>
        <translation>渲染原始版式可能会让窗口停顿几秒。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="448"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="454"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="455"/>
        <source>Save the selected attachments</source>
        <translation>保存所选附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="457"/>
        <source>Save all…</source>
        <translation>全部保存…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="458"/>
        <source>Save all attachments</source>
        <translation>保存全部附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="460"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="461"/>
        <source>Open the selected attachment</source>
        <translation>打开所选附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="474"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="475"/>
        <source>(unknown sender)</source>
        <translation>（未知发件人）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="488"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="503"/>
        <source>Part of this message could not be read.</source>
        <translation>此邮件的部分内容无法读取。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="510"/>
        <source>(This message has no text.)</source>
        <translation>（此邮件没有文本内容。）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="549"/>
        <source>Remote images are blocked: Settings say never to load them.</source>
        <translation>远程图片已被阻止：设置中选择了从不加载。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="567"/>
        <source>This message would take long to draw, so a simplified layout is shown.</source>
        <translation>这封邮件的排版绘制起来很慢，因此显示的是简化版式。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="570"/>
        <source>Its end is only in the Text tab.</source>
        <translation>结尾部分只在“文本”标签页中显示。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="571"/>
        <source>Its end is not shown.</source>
        <translation>结尾部分未显示。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="631"/>
        <source>Part of this message could not be shown.</source>
        <translation>此邮件的部分内容无法显示。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="682"/>
        <source>The service gave no raw source for this message.</source>
        <translation>服务端未提供此邮件的原始源码。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="703"/>
        <source>unknown type</source>
        <translation>未知类型</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="769"/>
        <source>Loading images…</source>
        <translation>正在加载图片…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="783"/>
        <source>Links of type “%1” are not opened from mail.</source>
        <translation>不会从邮件中打开“%1”类型的链接。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="786"/>
        <source>This link has no web address and was not opened.</source>
        <translation>此链接没有网址，因此未打开。</translation>
    </message>
</context>
<context>
    <name>NewAddressDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="157"/>
        <source>New address</source>
        <translation>新建地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="159"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="162"/>
        <source>Random address</source>
        <translation>随机地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="163"/>
        <source>Choose the name</source>
        <translation>自定义名称</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="169"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="170"/>
        <source>Name before the @</source>
        <translation>@ 前面的名称</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="173"/>
        <source>Domain</source>
        <translation>域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="182"/>
        <source>Service:</source>
        <translation>服务：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="191"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="212"/>
        <source>This service deletes mail after %s; the app keeps a copy.</source>
        <translation>此服务会在 %s后删除邮件；本应用会保留一份副本。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="213"/>
        <source>%s minutes</source>
        <translation>%s 分钟</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="213"/>
        <source>%s hours</source>
        <translation>%s 小时</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="215"/>
        <source>This service only gives random addresses.</source>
        <translation>此服务只提供随机地址。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="244"/>
        <source>Type the name you want before the @, or choose a random address.</source>
        <translation>请输入 @ 前面想要的名称，或选择随机地址。</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="584"/>
        <source>unknown sender</source>
        <translation>未知发件人</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="597"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="600"/>
        <source>Code %1 (copied) - %2</source>
        <translation>验证码 %1（已复制）- %2</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="600"/>
        <source>Code %1 - %2</source>
        <translation>验证码 %1 - %2</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="603"/>
        <source>A verification code was copied to the clipboard.</source>
        <translation>验证码已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="610"/>
        <source>From %1 to %2</source>
        <translation>%1 发送至 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/notify.py" line="622"/>
        <source>%n new messages in %1</source>
        <translation>
            <numerusform>%1 有 %n 封新邮件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/notify.py" line="624"/>
        <source>%n new messages in %1 addresses</source>
        <translation>
            <numerusform>%1 个地址共有 %n 封新邮件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/notify.py" line="633"/>
        <source>and %n more</source>
        <translation>
            <numerusform>还有 %n 封</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="653"/>
        <location filename="../../tempmail_desktop/ui/notify.py" line="683"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>OpenAddressDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="276"/>
        <source>Open existing address</source>
        <translation>打开已有地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="282"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="285"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="290"/>
        <source>Service:</source>
        <translation>服务：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="291"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="297"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="306"/>
        <source>Pick one of the mailboxes your key may read.</source>
        <translation>请选择你的密钥可以读取的邮箱。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="318"/>
        <source>This service reads any address on its domains.</source>
        <translation>此服务可以读取其域名下的任意地址。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="320"/>
        <source>Only addresses your key owns can be read.</source>
        <translation>只能读取你的密钥名下的地址。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="325"/>
        <source>Type a full address, like name@example.com.</source>
        <translation>请输入完整地址，如 name@example.com。</translation>
    </message>
</context>
<context>
    <name>ProviderSection</name>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="147"/>
        <source>Checking where the key is kept…</source>
        <translation>正在检查密钥的存放位置…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="152"/>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="322"/>
        <source>Paste a new key</source>
        <translation>粘贴新密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="153"/>
        <source>New API key for %1</source>
        <translation>%1 的新 API 密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="157"/>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="327"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="158"/>
        <source>Show the key as you type it</source>
        <translation>输入时显示密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="159"/>
        <source>Save key</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="160"/>
        <source>Save the %1 key in the keyring</source>
        <translation>将 %1 密钥保存到密钥环</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="161"/>
        <source>Remove key</source>
        <translation>移除密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="162"/>
        <source>Remove the stored %1 key</source>
        <translation>移除已保存的 %1 密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="164"/>
        <source>Keep for this session only</source>
        <translation>仅在本次会话中保留</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="166"/>
        <source>Keep the %1 key in memory until the app quits</source>
        <translation>将 %1 密钥保留在内存中，直到应用退出</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="167"/>
        <source>The key is not written anywhere and is forgotten when the app quits.</source>
        <translation>密钥不会写入任何地方，应用退出后即被清除。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="174"/>
        <source>Address of the %1 service</source>
        <translation>%1 服务的地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="175"/>
        <source>Leave empty for the service&apos;s own address.</source>
        <translation>留空则使用该服务的默认地址。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="188"/>
        <source>WebSocket address of %1</source>
        <translation>%1 的 WebSocket 地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="193"/>
        <source>How often %1 mailboxes are checked</source>
        <translation>%1 邮箱的检查频率</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="194"/>
        <source>Fast (twice as often)</source>
        <translation>快（频率加倍）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="195"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="196"/>
        <source>Slow (half as often, saves quota)</source>
        <translation>慢（频率减半，节省配额）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="207"/>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="212"/>
        <source>Service address:</source>
        <translation>服务地址：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="216"/>
        <source>WebSocket address:</source>
        <translation>WebSocket 地址：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="219"/>
        <source>Check for mail:</source>
        <translation>检查邮件：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="241"/>
        <source>random addresses</source>
        <translation>随机地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="242"/>
        <source>a name you choose</source>
        <translation>自定义名称</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="243"/>
        <source>a domain you choose</source>
        <translation>自选域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="244"/>
        <source>lists its domains</source>
        <translation>列出可用域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="245"/>
        <source>reads any address on its domains</source>
        <translation>读取其域名下的任意地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="246"/>
        <source>renames addresses</source>
        <translation>重命名地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="247"/>
        <source>deletes addresses</source>
        <translation>删除地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="248"/>
        <source>lists your key&apos;s mailboxes</source>
        <translation>列出密钥名下的邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="249"/>
        <source>empties a mailbox</source>
        <translation>清空邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="250"/>
        <source>deletes single mails</source>
        <translation>删除单封邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="251"/>
        <source>full messages</source>
        <translation>完整邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="252"/>
        <source>raw source</source>
        <translation>原始源码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="253"/>
        <source>headers</source>
        <translation>邮件头</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="254"/>
        <source>attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="255"/>
        <source>instant delivery (push)</source>
        <translation>即时送达（推送）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="256"/>
        <source>finds verification codes</source>
        <translation>识别验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="257"/>
        <source>service statistics</source>
        <translation>服务统计</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="258"/>
        <source>accepts your own domain</source>
        <translation>接受自有域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="259"/>
        <source>reports its health</source>
        <translation>报告运行状态</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="262"/>
        <source>Can do: %1.</source>
        <translation>支持：%1。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="264"/>
        <source>About %1 calls a day per key.</source>
        <translation>每个密钥每天约 %1 次调用。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="267"/>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="268"/>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="269"/>
        <source>Keeps mail for %1.</source>
        <translation>邮件保留 %1。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="277"/>
        <source>%1 is set in the environment and wins over this field.</source>
        <translation>环境变量 %1 已设置，优先于此处的设置。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="304"/>
        <source>Set by %1 (read-only here).</source>
        <translation>由环境变量 %1 设置（此处只读）。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="308"/>
        <source>A key is stored in %1.</source>
        <translation>密钥保存在 %1 中。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="310"/>
        <source>A key is kept for this session only; it is forgotten when the app quits.</source>
        <translation>密钥仅在本次会话中保留，应用退出后即被清除。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="312"/>
        <source>Using the public test key.</source>
        <translation>正在使用公共测试密钥。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="314"/>
        <source>No key set. This service needs one.</source>
        <translation>未设置密钥。此服务需要密钥。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="316"/>
        <source>No key set.</source>
        <translation>未设置密钥。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="319"/>
        <source>(The keyring could not be read: %1)</source>
        <translation>（无法读取密钥环：%1）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="322"/>
        <source>Set by the environment</source>
        <translation>由环境变量设置</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="327"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="357"/>
        <source>This key cannot be used: it contains %1. Paste it again without it.</source>
        <translation>无法使用此密钥：其中含有 %1。请去掉后重新粘贴。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="383"/>
        <source>Key saved.</source>
        <translation>密钥已保存。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="390"/>
        <source>Type the key first.</source>
        <translation>请先输入密钥。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="399"/>
        <source>The key is kept for this session only.</source>
        <translation>密钥仅在本次会话中保留。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="419"/>
        <source>Key removed.</source>
        <translation>密钥已移除。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="419"/>
        <source>There was no stored key to remove.</source>
        <translation>没有已保存的密钥可移除。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="429"/>
        <source>Use an http:// or https:// address, like %1, or leave it empty.</source>
        <translation>请使用 http:// 或 https:// 地址（如 %1），或留空。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="435"/>
        <source>Use a ws:// or wss:// address, like %1, or leave it empty.</source>
        <translation>请使用 ws:// 或 wss:// 地址（如 %1），或留空。</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="336"/>
        <source>Rename address</source>
        <translation>重命名地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="339"/>
        <source>New name before the @</source>
        <translation>@ 前面的新名称</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="343"/>
        <source>Domain</source>
        <translation>域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="345"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="346"/>
        <source>Domain:</source>
        <translation>域名：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="348"/>
        <source>The address changes on the service; its mail stays here.</source>
        <translation>地址会在服务端更改；其邮件仍保留在这里。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="352"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="470"/>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="471"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="474"/>
        <source>Settings pages</source>
        <translation>设置页面</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="476"/>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="509"/>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="477"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="478"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="496"/>
        <source>Keys go to your system&apos;s keyring when you press Save key. Addresses and check speeds are saved with OK.</source>
        <translation>按下“保存密钥”后，密钥会存入系统密钥环。地址和检查频率在按“确定”时保存。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="520"/>
        <source>Show a notification for new mail</source>
        <translation>收到新邮件时显示通知</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="521"/>
        <source>Notifications for new mail</source>
        <translation>新邮件通知</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="522"/>
        <source>Show the verification code in the notification</source>
        <translation>在通知中显示验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="523"/>
        <source>Verification code in notifications</source>
        <translation>通知中的验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="524"/>
        <source>Pause notifications (do not disturb)</source>
        <translation>暂停通知（勿扰）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="525"/>
        <source>Pause notifications</source>
        <translation>暂停通知</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="527"/>
        <source>Copy a verification code to the clipboard when its mail arrives</source>
        <translation>收到含验证码的邮件时，将验证码复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="528"/>
        <source>Copy verification codes automatically</source>
        <translation>自动复制验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="556"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="557"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="559"/>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="559"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="559"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="560"/>
        <source>Theme</source>
        <translation>界面主题</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="562"/>
        <source>Ask each time</source>
        <translation>每次询问</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="562"/>
        <source>Never load</source>
        <translation>从不加载</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="563"/>
        <source>Pictures from the internet in mail</source>
        <translation>邮件中来自互联网的图片</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="564"/>
        <source>Closing the window keeps the app in the system tray</source>
        <translation>关闭窗口后应用仍保留在系统托盘中</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="565"/>
        <source>Close to tray</source>
        <translation>关闭时最小化到托盘</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="566"/>
        <source>Start in the system tray without a window</source>
        <translation>启动时只在系统托盘中运行，不显示窗口</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="567"/>
        <source>Start hidden in the tray</source>
        <translation>启动时隐藏到托盘</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="572"/>
        <source>No system tray was found on this desktop, so the app cannot live there; these options apply once a tray is available.</source>
        <translation>此桌面上没有系统托盘，应用无法驻留在托盘中；托盘可用后这些选项才会生效。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="576"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="577"/>
        <source>Theme:</source>
        <translation>界面主题：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="578"/>
        <source>Pictures in mail:</source>
        <translation>邮件中的图片：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="618"/>
        <source>Correct the address marked in red first.</source>
        <translation>请先更正标红的地址。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="639"/>
        <source>The settings could not be saved: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="83"/>
        <source>Tempmail Desktop tray menu</source>
        <translation>Tempmail Desktop 托盘菜单</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="84"/>
        <source>&amp;Show Tempmail Desktop</source>
        <translation>显示 Tempmail Desktop(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="85"/>
        <source>&amp;New address…</source>
        <translation>新建地址(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="86"/>
        <source>&amp;Copy latest code</source>
        <translation>复制最新验证码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="87"/>
        <source>&amp;Pause notifications</source>
        <translation>暂停通知(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="88"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/tray.py" line="136"/>
        <source>Tempmail Desktop - %n unread</source>
        <translation>
            <numerusform>Tempmail Desktop - %n 封未读</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="138"/>
        <source>Notifications paused</source>
        <translation>通知已暂停</translation>
    </message>
</context>
<context>
    <name>WatchStatus</name>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="22"/>
        <source>Live: new mail arrives instantly</source>
        <translation>实时：新邮件即时送达</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="25"/>
        <source>Checking every %1 s to stay within %2&apos;s daily quota</source>
        <translation>为不超出 %2 的每日配额，每 %1 秒检查一次</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="27"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="29"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="31"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="33"/>
        <source>Expired: the service deleted this address; its mail stays here</source>
        <translation>已过期：服务已删除此地址，其邮件仍保留在本地</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="35"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="40"/>
        <source>Quota reached; paused until %s</source>
        <translation>配额已用完；暂停至 %s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="41"/>
        <source>Quota reached; paused for a while</source>
        <translation>配额已用完；暂停一段时间</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="43"/>
        <source>Key problem: %s</source>
        <translation>密钥有问题：%s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="43"/>
        <source>the key was rejected</source>
        <translation>密钥被拒绝</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="46"/>
        <source>Failing: %s</source>
        <translation>服务出错：%s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="46"/>
        <source>the service answers with errors</source>
        <translation>服务返回了错误</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="48"/>
        <source>Offline: %s</source>
        <translation>离线：%s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="48"/>
        <source>the service cannot be reached</source>
        <translation>无法连接到服务</translation>
    </message>
</context>
<context>
    <name>_TopList</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="218"/>
        <source>Mails</source>
        <translation>邮件数</translation>
    </message>
</context>
</TS>
