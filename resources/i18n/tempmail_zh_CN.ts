<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/about_dialog.py" line="21"/>
        <source>About Tempmail Desktop</source>
        <translation>关于 Tempmail Desktop</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/about_dialog.py" line="27"/>
        <source>App icon</source>
        <translation>应用图标</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/about_dialog.py" line="35"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/about_dialog.py" line="36"/>
        <source>A desktop inbox for temporary-email services.</source>
        <translation>临时邮箱服务的桌面收件箱。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/about_dialog.py" line="50"/>
        <source>MIT licence</source>
        <translation>MIT 许可证</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/about_dialog.py" line="57"/>
        <source>Services:</source>
        <translation>服务：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/about_dialog.py" line="58"/>
        <source>Runs on:</source>
        <translation>运行环境：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/about_dialog.py" line="59"/>
        <source>Licence:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/about_dialog.py" line="60"/>
        <source>Log files:</source>
        <translation>日志文件：</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../tempmail_desktop/ui/controller.py" line="175"/>
        <source>Something went wrong: %s</source>
        <translation>出错了：%s</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="92"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="93"/>
        <source>Something went wrong: %1

The app keeps running. Details are in the log file in %2.</source>
        <translation>出错了：%1

应用仍在运行。详细信息见 %2 中的日志文件。</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="241"/>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="242"/>
        <source>GPTMail dashboard</source>
        <translation>GPTMail 仪表板</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="253"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="254"/>
        <source>Refresh the statistics</source>
        <translation>刷新统计数据</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="255"/>
        <source>Each refresh uses five of your key&apos;s daily calls.</source>
        <translation>每次刷新会消耗该密钥每日调用次数中的 5 次。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="261"/>
        <source>Mail ever received</source>
        <translation>累计收到邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="262"/>
        <source>Today (UTC)</source>
        <translation>今天（UTC）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="263"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="264"/>
        <source>Different subjects (24 h)</source>
        <translation>不同主题数（24 小时）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="265"/>
        <source>Active domains</source>
        <translation>活跃域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="266"/>
        <source>Domains configured</source>
        <translation>已配置域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="290"/>
        <source>Mail per hour, last 24 hours (your local time)</source>
        <translation>最近 24 小时每小时邮件数（本地时间）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="293"/>
        <source>Top subjects</source>
        <translation>热门主题</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="294"/>
        <source>Top domains</source>
        <translation>热门域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="295"/>
        <source>Top senders</source>
        <translation>热门发件人</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="299"/>
        <source>The service masks subjects, domains and senders (like us***@ex***.com) before sending them; they show trends, not mail.</source>
        <translation>服务在发送前会隐去主题、域名和发件人的部分内容（如 us***@ex***.com）；这些数据只反映趋势，并非邮件内容。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="304"/>
        <source>Offer your own domain</source>
        <translation>提供自己的域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="305"/>
        <source>Point the domain&apos;s MX record at GPTMail first; the service checks it when you submit.</source>
        <translation>请先将该域名的 MX 记录指向 GPTMail；提交时服务会进行检查。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="310"/>
        <source>Domain to offer</source>
        <translation>要提供的域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="311"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="312"/>
        <source>Submit the domain</source>
        <translation>提交该域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="362"/>
        <source>Loading the statistics…</source>
        <translation>正在加载统计数据…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="371"/>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="388"/>
        <source>Could not load everything: %1</source>
        <translation>部分数据未能加载：%1</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="391"/>
        <source>Updated at %1.</source>
        <translation>更新于 %1。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="410"/>
        <source>Type a domain name with a dot, like example.com.</source>
        <translation>请输入带点的域名，如 example.com。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="414"/>
        <source>Submitting %1…</source>
        <translation>正在提交 %1…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="419"/>
        <source>Submitted %1; the service will check its MX records.</source>
        <translation>已提交 %1；服务将检查其 MX 记录。</translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <location filename="../../tempmail_desktop/ui/error_words.py" line="51"/>
        <source>Open Settings and set the key.</source>
        <translation>请打开“设置”并填写密钥。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/error_words.py" line="53"/>
        <source>Open Settings and store the key again.</source>
        <translation>请打开“设置”重新保存密钥。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/error_words.py" line="55"/>
        <source>Or keep the key for this session only, in Settings.</source>
        <translation>也可以在“设置”中将密钥仅保留到本次会话结束。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/error_words.py" line="59"/>
        <source>It lifts at %1.</source>
        <translation>将于 %1 解除。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/error_words.py" line="61"/>
        <source>It lifts by itself after a while.</source>
        <translation>过一段时间会自动解除。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/error_words.py" line="63"/>
        <source>Choose the service it is on.</source>
        <translation>请选择它所在的服务。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/error_words.py" line="74"/>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="115"/>
        <source>{said}</source>
        <comment>a service&apos;s own words, shown as they are</comment>
        <translation>{said}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="119"/>
        <source>quota or rate limit reached</source>
        <translation>已达配额或频率限制</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="120"/>
        <source>quota or rate limit reached (the service said: {said})</source>
        <translation>已达配额或频率限制（服务返回：{said}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="121"/>
        <source>{said}</source>
        <comment>a service&apos;s own words about its quota or rate limit, which already say so</comment>
        <translation>已达配额或频率限制：{said}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="122"/>
        <source>{said} (the key&apos;s daily calls are used up; they reset at {when} UTC)</source>
        <translation>{said}（该密钥今日的调用次数已用完，将于 UTC {when} 重置）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="126"/>
        <source>a line break (U+{code})</source>
        <translation>换行符（U+{code}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="127"/>
        <source>a control character (U+{code})</source>
        <translation>控制字符（U+{code}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="128"/>
        <source>a character that is not plain ASCII (U+{code})</source>
        <translation>非纯 ASCII 字符（U+{code}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="129"/>
        <source>The key contains {problem}, which cannot be sent to the service; paste it again without it.</source>
        <translation>密钥中含有{problem}，无法发送给服务；请去掉它后重新粘贴。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="130"/>
        <source>The key in {variable} contains {problem}, which cannot be sent to the service; set {variable} to the key alone.</source>
        <translation>{variable} 中的密钥含有{problem}，无法发送给服务；请将 {variable} 设为仅包含密钥本身。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="133"/>
        <source>The {provider} key stored in the OS keyring contains {problem}, which cannot be sent to the service.</source>
        <translation>系统密钥环中保存的 {provider} 密钥含有{problem}，无法发送给服务。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="135"/>
        <source>The key is empty.</source>
        <translation>密钥为空。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="136"/>
        <source>environment variable {variable}</source>
        <translation>环境变量 {variable}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="137"/>
        <source>OS keyring ({backend})</source>
        <translation>系统密钥环（{backend}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="138"/>
        <source>this session only</source>
        <translation>仅限本次会话</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="139"/>
        <source>the service&apos;s public test key</source>
        <translation>该服务的公共测试密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="140"/>
        <source>no key set</source>
        <translation>未设置密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="141"/>
        <source>No OS keyring is available (no Secret Service running). Start your desktop&apos;s keyring (GNOME Keyring, KWallet) or set the environment variable {variable}.</source>
        <translation>没有可用的系统密钥环（Secret Service 未运行）。请启动桌面的密钥环（GNOME Keyring、KWallet），或设置环境变量 {variable}。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="144"/>
        <source>No OS keyring is available (no Secret Service running). Start your desktop&apos;s keyring (GNOME Keyring, KWallet) or set the environment variable {variable}. ({said})</source>
        <translation>没有可用的系统密钥环（Secret Service 未运行）。请启动桌面的密钥环（GNOME Keyring、KWallet），或设置环境变量 {variable}。（{said}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="147"/>
        <source>The keyring did not answer within {seconds} s. Check that your desktop&apos;s keyring service is running and not waiting for a password.</source>
        <translation>密钥环在 {seconds} 秒内没有响应。请检查桌面的密钥环服务是否在运行，且没有在等待输入密码。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="150"/>
        <source>The keyring is locked. Unlock it (log in to your desktop session or open your keyring app) and try again.</source>
        <translation>密钥环已锁定。请先解锁（登录桌面会话或打开密钥环应用），然后重试。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="153"/>
        <source>The OS keyring could not be opened: {said}</source>
        <translation>无法打开系统密钥环：{said}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="154"/>
        <source>The OS keyring could not be reached over D-Bus: {said}</source>
        <translation>无法通过 D-Bus 连接系统密钥环：{said}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="155"/>
        <source>The OS keyring refused: {said}</source>
        <translation>系统密钥环拒绝了操作：{said}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="156"/>
        <source>The OS keyring failed ({kind}): {said}</source>
        <translation>系统密钥环出错（{kind}）：{said}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="160"/>
        <source>no API key for {service}</source>
        <translation>没有 {service} 的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="161"/>
        <source>the API key was rejected</source>
        <translation>API 密钥被拒绝</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="162"/>
        <source>{said} (the public test key was refused)</source>
        <translation>{said}（公共测试密钥被拒绝）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="163"/>
        <source>{service} cannot {what}</source>
        <comment>{what} is one of the phrases of what a service cannot do</comment>
        <translation>{service} 不能{what}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="164"/>
        <source>answered with an HTML page (HTTP {status}) instead of its API&apos;s JSON</source>
        <translation>返回了 HTML 网页（HTTP {status}），而不是其 API 的 JSON</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="165"/>
        <source>answered with a broken response that is not JSON (HTTP {status}) instead of its API&apos;s JSON</source>
        <translation>返回了损坏的非 JSON 响应（HTTP {status}），而不是其 API 的 JSON</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="166"/>
        <source>sent {what} in an unexpected shape</source>
        <comment>{what} is one of the phrases of what a service sent</comment>
        <translation>发来的{what}格式不符合预期</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="167"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="168"/>
        <source>no message {message} in {address}</source>
        <translation>{address} 中没有邮件 {message}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="169"/>
        <source>service failing (HTTP {status})</source>
        <translation>服务出错（HTTP {status}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="170"/>
        <source>service failing (HTTP {status}): {said}</source>
        <translation>服务出错（HTTP {status}）：{said}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="171"/>
        <source>request refused (HTTP {status})</source>
        <translation>请求被拒绝（HTTP {status}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="172"/>
        <source>&apos;{address}&apos; is not an email address</source>
        <translation>“{address}”不是电子邮件地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="173"/>
        <source>unknown provider &apos;{provider}&apos; (known: {known})</source>
        <translation>未知的服务商“{provider}”（已知：{known}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="174"/>
        <source>cannot reach the service ({reason})</source>
        <translation>无法连接到服务（{reason}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="175"/>
        <source>download interrupted ({reason})</source>
        <translation>下载中断（{reason}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="176"/>
        <source>no answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="177"/>
        <source>connection refused or no network</source>
        <translation>连接被拒绝或没有网络</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="178"/>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="179"/>
        <source>connection dropped</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="180"/>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="184"/>
        <source>&apos;{address}&apos; is not a mailbox this app remembers</source>
        <translation>“{address}”不是本应用记得的邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="185"/>
        <source>&apos;{folder}&apos; is not a folder</source>
        <translation>“{folder}”不是文件夹</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="186"/>
        <source>message {message} has no attachments</source>
        <translation>邮件 {message} 没有附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="190"/>
        <source>&apos;{prefix}&apos; cannot be used: a GPTMail prefix is 1 to 32 characters: letters A-Z/a-z, digits 0-9, dot (.), underscore (_) and hyphen (-) only</source>
        <translation>不能使用“{prefix}”：GPTMail 前缀为 1 到 32 个字符，只能包含字母 A-Z/a-z、数字 0-9、点（.）、下划线（_）和连字符（-）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="193"/>
        <source>&apos;{domain}&apos; is not a domain name (like example.com)</source>
        <translation>“{domain}”不是域名（应类似 example.com）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="194"/>
        <source>domain not supported</source>
        <translation>不支持该域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="195"/>
        <source>{domain} is not an active GPTMail domain (the service offered {address} instead); pick another domain or leave it out</source>
        <translation>{domain} 不是可用的 GPTMail 域名（服务改为提供了 {address}）；请选择其他域名或留空</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="198"/>
        <source>was asked for prefix &apos;{prefix}&apos; but made {address}</source>
        <translation>请求的前缀是“{prefix}”，却创建了 {address}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="199"/>
        <source>no message {message} for {address} ({said}); it may have been deleted or expired</source>
        <translation>{address} 没有邮件 {message}（{said}）；它可能已被删除或已过期</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="200"/>
        <source>sent hourly statistics with an unreadable hour</source>
        <translation>发来的每小时统计中有无法识别的小时</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="204"/>
        <source>{service} rejected the API key</source>
        <translation>{service} 拒绝了 API 密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="205"/>
        <source>{service} rejected the API key ({said})</source>
        <translation>{service} 拒绝了 API 密钥（{said}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="206"/>
        <source>the API key is not allowed for this mailbox or message</source>
        <translation>该 API 密钥无权访问此邮箱或邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="207"/>
        <source>the API key is not allowed for {what} (it belongs to another account)</source>
        <translation>该 API 密钥无权访问{what}（它属于另一个账户）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="208"/>
        <source>mailbox {address}</source>
        <comment>what a key may not touch, in &apos;not allowed for …&apos;</comment>
        <translation>邮箱 {address}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="209"/>
        <source>message {message}</source>
        <comment>what a key may not touch, in &apos;not allowed for …&apos;</comment>
        <translation>邮件 {message}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="210"/>
        <source>&apos;{prefix}&apos; cannot be a {service} username: use 1-64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting and ending with a letter or digit</source>
        <translation>“{prefix}”不能作为 {service} 用户名：请使用 1-64 个字母、数字、“.”、“_”或“-”，并以字母或数字开头和结尾</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="213"/>
        <source>&apos;{domain}&apos; is not a domain name</source>
        <translation>“{domain}”不是域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="214"/>
        <source>a message id is needed</source>
        <translation>需要邮件 ID</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="215"/>
        <source>domain type must be one of {choices}, not &apos;{kind}&apos;</source>
        <translation>域名类型必须是 {choices} 之一，而不是“{kind}”</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="216"/>
        <source>this key&apos;s plan does not include {kind} domains (it allows: {allowed})</source>
        <translation>该密钥的套餐不包含 {kind} 域名（允许：{allowed}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="217"/>
        <source>none</source>
        <comment>no domain types at all, in &apos;it allows: none&apos;</comment>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="218"/>
        <source>sent a message without an id</source>
        <translation>发来的邮件没有 ID</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="219"/>
        <source>refused the download (HTTP {status})</source>
        <translation>拒绝了下载（HTTP {status}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="220"/>
        <source>answered the download with a redirect (HTTP {status})</source>
        <translation>下载请求被重定向（HTTP {status}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="221"/>
        <source>sent {done} of the {total} bytes of {name}</source>
        <translation>{name} 只发来了 {total} 字节中的 {done} 字节</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="225"/>
        <source>the API key was refused ({said})</source>
        <translation>API 密钥被拒绝（{said}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="226"/>
        <source>the API key may not read that mailbox ({said})</source>
        <translation>该 API 密钥无权读取这个邮箱（{said}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="227"/>
        <source>no mailbox address was given ({said})</source>
        <translation>没有提供邮箱地址（{said}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="228"/>
        <source>the Cat Mails WebSocket URL is not a valid ws:// or wss:// address</source>
        <translation>Cat Mails 的 WebSocket 地址不是有效的 ws:// 或 wss:// 地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="229"/>
        <source>the push connection dropped ({reason})</source>
        <translation>推送连接中断（{reason}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="230"/>
        <source>the push service refused the API key (HTTP {status})</source>
        <translation>推送服务拒绝了 API 密钥（HTTP {status}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="231"/>
        <source>the push service refused the connection (HTTP {status})</source>
        <translation>推送服务拒绝了连接（HTTP {status}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="232"/>
        <source>cannot open the push connection ({reason})</source>
        <translation>无法建立推送连接（{reason}）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="233"/>
        <source>the push service closed the connection</source>
        <translation>推送服务关闭了连接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="234"/>
        <source>the push service reported an error</source>
        <translation>推送服务报告了错误</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="238"/>
        <source>no message {message} to delete</source>
        <translation>没有要删除的邮件 {message}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="239"/>
        <source>did not clear {address}</source>
        <translation>未能清空 {address}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="240"/>
        <source>sent a code scan without &apos;found&apos;</source>
        <translation>发来的验证码扫描结果缺少“found”</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="241"/>
        <source>said it found a code but sent none</source>
        <translation>声称找到了验证码，却没有发来</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="242"/>
        <source>sent a domain without a name</source>
        <translation>发来的域名没有名称</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="243"/>
        <source>sent a new address that is not an email address</source>
        <translation>发来的新地址不是电子邮件地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="244"/>
        <source>sent a mail without an id</source>
        <translation>发来的邮件没有 ID</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="248"/>
        <source>Works out of the box with the public test key gpt-test. A personal key (about 2000 calls a day) comes from the Linux Do CDK platform.</source>
        <translation>使用公共测试密钥 gpt-test 即可直接使用。个人密钥（每天约 2000 次调用）可在 Linux Do CDK 平台获取。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="251"/>
        <source>Generate a personal user API key on TempMailG&apos;s API page; it is sent as &apos;Authorization: Bearer &lt;key&gt;&apos;.</source>
        <translation>请在 TempMailG 的 API 页面生成个人用户 API 密钥；它以“Authorization: Bearer &lt;key&gt;”的形式发送。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="254"/>
        <source>Your Cat Mails API key (starts with mk_), from your account on mails.cat.</source>
        <translation>你的 Cat Mails API 密钥（以 mk_ 开头），可在 mails.cat 的账户中获取。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="255"/>
        <source>An API key starting with tmp_, from the dashboard of the TempMail worker.</source>
        <translation>以 tmp_ 开头的 API 密钥，可在 TempMail worker 的控制台获取。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="259"/>
        <source>{what} must be a {wanted} address, not {value}.</source>
        <translation>{what}必须是 {wanted} 地址，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="260"/>
        <source>A service address</source>
        <translation>服务地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="261"/>
        <source>A WebSocket address</source>
        <translation>WebSocket 地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="262"/>
        <source>{first} or {second}</source>
        <comment>two kinds of address, as in &apos;http:// or https://&apos;</comment>
        <translation>{first} 或 {second}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="263"/>
        <source>The number of seconds cannot be negative.</source>
        <translation>秒数不能为负数。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="264"/>
        <source>The setting {key} must be {kind}, not {value}.</source>
        <translation>设置项 {key} 必须是{kind}，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="265"/>
        <source>text</source>
        <comment>a kind of setting value</comment>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="266"/>
        <source>true or false</source>
        <comment>a kind of setting value</comment>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="267"/>
        <source>a whole number</source>
        <comment>a kind of setting value</comment>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="268"/>
        <source>The setting {key} must be one of {choices}, not {value}.</source>
        <translation>设置项 {key} 必须是 {choices} 之一，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="269"/>
        <source>The setting {key}: {problem}</source>
        <translation>设置项 {key}：{problem}</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>open an address it did not create</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>打开不是它创建的地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>list its domains</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>列出其域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>create addresses</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>创建地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>list the mailboxes of a key</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>列出密钥下的邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>rename an address</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>重命名地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>delete an address</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>删除地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>list mail</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>列出邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>delete a message</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>删除邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>clear a mailbox</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>清空邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>download attachments</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>下载附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>push new mail</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>推送新邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>find codes on the server</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>在服务器上查找验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>report its health</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>报告其运行状态</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>take domain requests</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>接受域名申请</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>choose the name or domain of a new address</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>为新地址选择名称或域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>create an address with a chosen name (addresses are random)</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>用指定名称创建地址（地址是随机的）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>create an address on a chosen domain (the service picks it)</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>在指定域名上创建地址（域名由服务选择）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="273"/>
        <source>give the raw source of a message</source>
        <comment>what a service cannot do, after &apos;… cannot&apos;</comment>
        <translation>提供邮件的原始源码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>a mailbox</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>a message</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>a new address</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>新地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>an attachment</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>attachments</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>附件列表</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>a mail</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>its domains</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>域名列表</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>its mailbox list</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>邮箱列表</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>the mail list</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>邮件列表</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>the message</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>the new mailbox</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>新邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>the clear result</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>清空结果</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>the domain request</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>域名申请结果</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>statistics</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>统计数据</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>hourly statistics</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>每小时统计</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>top subjects</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>热门主题</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>top domains</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>热门域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>top senders</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>热门发件人</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>its health</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>运行状态</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>its domain list</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>域名列表</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>the new address</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>新地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>the inbox</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>收件箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>the deletion</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>删除结果</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>the clearing</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>清空结果</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>its code scan</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>验证码扫描结果</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/core/texts.py" line="287"/>
        <source>the message list</source>
        <comment>something a service sent, after &apos;sent …&apos; or &apos;not allowed for …&apos;</comment>
        <translation>邮件列表</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="90"/>
        <source>Mail per hour, last 24 hours</source>
        <translation>最近 24 小时每小时邮件数</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="112"/>
        <source>%1–%2: %3</source>
        <translation>%1–%2：%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="113"/>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="125"/>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="126"/>
        <source>%n mail(s)</source>
        <translation>
            <numerusform>%n 封邮件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="117"/>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="185"/>
        <source>No hourly figures loaded.</source>
        <translation>尚未加载每小时数据。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="122"/>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="185"/>
        <source>No mail in the last 24 hours.</source>
        <translation>最近 24 小时没有邮件。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="124"/>
        <source>%1 over %2 hours; the busiest hour was %3 with %4.</source>
        <translation>%2 小时内共 %1；最忙的时段是 %3，共 %4。</translation>
    </message>
</context>
<context>
    <name>KeyringPanel</name>
    <message>
        <location filename="../../tempmail_desktop/ui/keyring_panel.py" line="65"/>
        <location filename="../../tempmail_desktop/ui/keyring_panel.py" line="66"/>
        <source>Keep keys for this session only</source>
        <translation>仅在本次会话中保留密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyring_panel.py" line="67"/>
        <source>Applies to every service. Keys stay in memory, are never written to disk and are forgotten when the app quits.</source>
        <translation>适用于所有服务。密钥只保存在内存中，从不写入磁盘，应用退出后即被遗忘。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyring_panel.py" line="75"/>
        <source>macOS has a keychain built in: check in Keychain Access that it is unlocked.</source>
        <translation>macOS 自带钥匙串：请在“钥匙串访问”中确认它已解锁。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyring_panel.py" line="77"/>
        <source>Windows has Credential Manager built in: check that it is not turned off.</source>
        <translation>Windows 自带凭据管理器：请确认它没有被关闭。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyring_panel.py" line="78"/>
        <source>To keep keys, install and start a keyring with a Secret Service, such as GNOME Keyring (gnome-keyring) or KWallet, then open Settings again.</source>
        <translation>要保存密钥，请安装并启动一个提供 Secret Service 的密钥环，例如 GNOME Keyring（gnome-keyring）或 KWallet，然后重新打开设置。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyring_panel.py" line="88"/>
        <source>There is no keyring on this computer</source>
        <translation>这台电脑上没有密钥环</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyring_panel.py" line="90"/>
        <source>The keyring cannot be used now</source>
        <translation>密钥环现在无法使用</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyring_panel.py" line="91"/>
        <source>Keys you save cannot be kept after the app quits. A key set in the environment (TEMPMAIL_&lt;ID&gt;_KEY) always works.</source>
        <translation>你保存的密钥在应用退出后无法保留。在环境变量中设置的密钥（TEMPMAIL_&lt;ID&gt;_KEY）始终有效。</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="68"/>
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
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="71"/>
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
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="78"/>
        <source>Open link?</source>
        <translation>打开链接？</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="82"/>
        <source>Open anyway</source>
        <translation>仍然打开</translation>
    </message>
</context>
<context>
    <name>MailboxListModel</name>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="312"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/models.py" line="317"/>
        <source>expires in %n min</source>
        <translation>
            <numerusform>%n 分钟后过期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/models.py" line="321"/>
        <source>expires in %n h</source>
        <translation>
            <numerusform>%n 小时后过期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/delegates.py" line="140"/>
        <location filename="../../tempmail_desktop/ui/models.py" line="322"/>
        <source>expires in %1 h %2 min</source>
        <translation>%1 小时 %2 分钟后过期</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="325"/>
        <source>expires in 1 day</source>
        <translation>1 天后过期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/models.py" line="325"/>
        <source>expires in %n days</source>
        <translation>
            <numerusform>%n 天后过期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="332"/>
        <source>%1 (%2)</source>
        <comment>address and unread count</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="342"/>
        <source>live</source>
        <comment>mail pushed as it arrives</comment>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="344"/>
        <source>polling</source>
        <comment>mail checked at intervals</comment>
        <translation>轮询</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="354"/>
        <source>Provider: %1</source>
        <translation>服务商：%1</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="357"/>
        <source>Created: %1</source>
        <translation>创建时间：%1</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="361"/>
        <source>Expires: %1 (%2)</source>
        <translation>过期时间：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="368"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="386"/>
        <source>1 unread message</source>
        <translation>1 封未读邮件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/models.py" line="386"/>
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
        <location filename="../../tempmail_desktop/ui/main_window.py" line="302"/>
        <source>&amp;New address…</source>
        <translation>新建地址(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="295"/>
        <source>Tempmail Desktop</source>
        <translation>Tempmail Desktop</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="296"/>
        <source>Mailboxes</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="297"/>
        <source>Your addresses. Click one to see its mail.</source>
        <translation>你的地址。点击一个地址即可查看其邮件。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="298"/>
        <source>Messages</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="299"/>
        <source>Filter by sender or subject (Ctrl+F)</source>
        <translation>按发件人或主题筛选（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="300"/>
        <source>Filter messages</source>
        <translation>筛选邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="302"/>
        <source>Create a new temporary address</source>
        <translation>新建一个临时邮箱地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="303"/>
        <source>&amp;Open existing address…</source>
        <translation>打开已有地址(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="303"/>
        <source>Watch an address you already have</source>
        <translation>收取一个已有地址的邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="304"/>
        <source>&amp;Check now</source>
        <translation>立即检查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="304"/>
        <source>Check for new mail now</source>
        <translation>立即检查新邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="305"/>
        <source>Copy &amp;address</source>
        <translation>复制地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="305"/>
        <source>Copy the selected address</source>
        <translation>复制所选地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="306"/>
        <source>Copy &amp;code</source>
        <translation>复制验证码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="307"/>
        <source>Copy the verification code of the open message, else the newest one in this mailbox</source>
        <translation>复制已打开邮件中的验证码；若没有，则复制此邮箱中最新的验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="308"/>
        <source>&amp;Delete message</source>
        <translation>删除邮件(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="308"/>
        <source>Delete the selected message</source>
        <translation>删除所选邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="309"/>
        <source>&amp;Save attachments…</source>
        <translation>保存附件(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="310"/>
        <source>&amp;Rename address…</source>
        <translation>重命名地址(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="311"/>
        <source>C&amp;lear mailbox…</source>
        <translation>清空邮箱(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="312"/>
        <source>Delete address on the service…</source>
        <translation>在服务端删除地址…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="313"/>
        <source>&amp;Forget address…</source>
        <translation>移除地址(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="314"/>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="315"/>
        <source>Only &amp;unread</source>
        <translation>仅显示未读(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="316"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="317"/>
        <source>GPTMail &amp;dashboard…</source>
        <translation>GPTMail 仪表板(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="318"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="319"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="320"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="327"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="327"/>
        <source>&amp;Mailbox</source>
        <translation>邮箱(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="328"/>
        <source>M&amp;essage</source>
        <translation>邮件(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="328"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="329"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="329"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="331"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="351"/>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="645"/>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="660"/>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="669"/>
        <source>Copied %s</source>
        <translation>已复制 %s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="530"/>
        <source>No addresses yet. Press Ctrl+N (New address) to get one in a click.</source>
        <translation>还没有地址。按 Ctrl+N（新建地址）即可一键获取。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="532"/>
        <source>No mail yet. New mail appears here as soon as it arrives.</source>
        <translation>还没有邮件。新邮件一到就会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="534"/>
        <source>No message matches the filter.</source>
        <translation>没有符合筛选条件的邮件。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="581"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="662"/>
        <source>No verification code in the open message or this mailbox</source>
        <translation>已打开的邮件和此邮箱中都没有验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="66"/>
        <source>Next check in %s s</source>
        <translation>%s 秒后再次检查</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="67"/>
        <source>Next check at %s</source>
        <translation>将于 %s 再次检查</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="586"/>
        <source>Quota left: %s</source>
        <translation>剩余配额：%s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="601"/>
        <source>Saving %1: %2%</source>
        <translation>正在保存 %1：%2%</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="603"/>
        <source>Saving %1: %2 KB</source>
        <translation>正在保存 %1：%2 KB</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="610"/>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="619"/>
        <source>Created %s (copied)</source>
        <translation>已创建 %s（已复制）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="639"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="671"/>
        <source>No mail with a verification code yet</source>
        <translation>还没有含验证码的邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="677"/>
        <source>Delete message</source>
        <translation>删除邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="678"/>
        <source>Delete “%s” on the service and here?</source>
        <translation>要在服务端和本地删除“%s”吗？</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="683"/>
        <source>Clear mailbox</source>
        <translation>清空邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="684"/>
        <source>Delete all mail in %s on the service and here?</source>
        <translation>要在服务端和本地删除 %s 中的所有邮件吗？</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="689"/>
        <source>Delete address</source>
        <translation>删除地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="690"/>
        <source>Delete %s on the service? Its mail will be gone for good.</source>
        <translation>要在服务端删除 %s 吗？其中的邮件将永久消失。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="695"/>
        <source>Forget address</source>
        <translation>移除地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="696"/>
        <source>Forget %s and its stored mail on this computer? The service keeps it until it expires.</source>
        <translation>要从本机移除 %s 及其已保存的邮件吗？服务端会保留该地址直到过期。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="714"/>
        <source>Save attachments to</source>
        <translation>将附件保存到</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="723"/>
        <source>Saved: %s</source>
        <translation>已保存：%s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="727"/>
        <source>Saving %s…</source>
        <translation>正在保存 %s…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="734"/>
        <source>Saving cancelled. Nothing was left half-written.</source>
        <translation>已取消保存，没有留下不完整的文件。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="741"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="750"/>
        <source>Open attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="751"/>
        <source>Open “%s” with the program your system uses for it? Only open files you trust.</source>
        <translation>要用系统关联的程序打开“%s”吗？请只打开你信任的文件。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/main_window.py" line="778"/>
        <source>Not opened: only web links (http, https) with an address, and mail links, open from a mail.</source>
        <translation>未打开：邮件中只有带地址的网页链接（http、https）和邮件链接可以打开。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../tempmail_desktop/ui/message_bar.py" line="29"/>
        <source>Messages from the app</source>
        <translation>应用消息</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_bar.py" line="37"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_bar.py" line="38"/>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="522"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="523"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="524"/>
        <source>Code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="525"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="529"/>
        <source>Unread and attachments</source>
        <translation>未读和附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="662"/>
        <location filename="../../tempmail_desktop/ui/models.py" line="674"/>
        <source>Yesterday</source>
        <comment>received</comment>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="685"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="694"/>
        <source>The service has deleted this mail; it is kept in your local store</source>
        <translation>服务端已删除此邮件；本地仍保留一份</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="706"/>
        <source>Verification code: %1</source>
        <translation>验证码：%1</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="718"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="722"/>
        <source>1 attachment</source>
        <translation>1 个附件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/models.py" line="722"/>
        <source>%n attachments</source>
        <translation>
            <numerusform>%n 个附件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/models.py" line="725"/>
        <source>Kept locally</source>
        <translation>仅存于本地</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="31"/>
        <source>unknown size</source>
        <translation>大小未知</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="33"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="35"/>
        <source>KB</source>
        <translation>KB</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="36"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="37"/>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="38"/>
        <source>TB</source>
        <translation>TB</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="121"/>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="139"/>
        <source>Load images</source>
        <translation>加载图片</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="175"/>
        <source>Preparing the message…</source>
        <extracomment>The body is fully shown (sync for ordinary mail, later for big mail).</extracomment>
        <translation>正在准备邮件…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="194"/>
        <source>The remote images could not be loaded.</source>
        <translation>无法加载远程图片。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="202"/>
        <source>%1 of %2 remote images could not be loaded.</source>
        <translation>%2 张远程图片中有 %1 张无法加载。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="215"/>
        <source>Select a message to read it.</source>
        <translation>选择一封邮件即可阅读。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="240"/>
        <source>Message body</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="243"/>
        <source>Message as HTML</source>
        <translation>HTML 格式的邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="254"/>
        <source>Message as plain text</source>
        <translation>纯文本格式的邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="260"/>
        <source>Raw source of the message</source>
        <translation>邮件的原始源码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="262"/>
        <source>Header</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="262"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="269"/>
        <source>Message headers</source>
        <translation>邮件头</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="270"/>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="271"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="272"/>
        <source>Source</source>
        <translation>源码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="273"/>
        <source>Headers</source>
        <translation>邮件头</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="26"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="36"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="37"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="38"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="39"/>
        <source>From:</source>
        <translation>发件人：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="40"/>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="41"/>
        <source>Received:</source>
        <translation>接收时间：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="44"/>
        <source>Kept locally: the service has deleted this mail.</source>
        <translation>仅存于本地：服务端已删除此邮件。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="45"/>
        <source>Deleted by the service</source>
        <translation>已被服务端删除</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="48"/>
        <source>The raw source was truncated by the service; attachments may be missing.</source>
        <translation>服务端截断了原始源码；附件可能不完整。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="50"/>
        <source>Raw source truncated</source>
        <translation>原始源码不完整</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="48"/>
        <source>Verification code and link</source>
        <translation>验证码和链接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="49"/>
        <source>Code:</source>
        <translation>验证码：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="57"/>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="58"/>
        <source>Copy code</source>
        <translation>复制验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="59"/>
        <source>Copy the verification code</source>
        <translation>复制验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="61"/>
        <source>Link:</source>
        <translation>链接：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="66"/>
        <source>Verification link</source>
        <translation>验证链接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="67"/>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="68"/>
        <source>Copy the verification link</source>
        <translation>复制验证链接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="70"/>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="72"/>
        <source>Open the verification link in the browser</source>
        <translation>在浏览器中打开验证链接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="117"/>
        <source>Remote images blocked</source>
        <translation>已阻止远程图片</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="119"/>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="132"/>
        <source>Remote images were blocked to protect your privacy.</source>
        <translation>为保护你的隐私，已阻止远程图片。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="123"/>
        <source>Load the remote images of this message</source>
        <translation>加载此邮件的远程图片</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="150"/>
        <source>Large message</source>
        <translation>大邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="153"/>
        <source>Show original layout</source>
        <translation>显示原始版式</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="155"/>
        <source>Show the original layout of this large message</source>
        <translation>显示这封大邮件的原始版式</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="156"/>
        <source>Rendering the original layout can pause the window for a few seconds.</source>
        <translation>渲染原始版式可能会让窗口停顿几秒。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="59"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="65"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="66"/>
        <source>Save the selected attachments</source>
        <translation>保存所选附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="68"/>
        <source>Save all…</source>
        <translation>全部保存…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="69"/>
        <source>Save all attachments</source>
        <translation>保存全部附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="71"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="72"/>
        <source>Open the selected attachment</source>
        <translation>打开所选附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="56"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="57"/>
        <source>(unknown sender)</source>
        <translation>（未知发件人）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_header.py" line="66"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="321"/>
        <source>Part of this message could not be read.</source>
        <translation>此邮件的部分内容无法读取。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="328"/>
        <source>(This message has no text.)</source>
        <translation>（此邮件没有文本内容。）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="134"/>
        <source>Remote images are blocked: Settings say never to load them.</source>
        <translation>远程图片已被阻止：设置中选择了从不加载。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="164"/>
        <source>This message would take long to draw, so a simplified layout is shown.</source>
        <translation>这封邮件的排版绘制起来很慢，因此显示的是简化版式。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="168"/>
        <source>Its end is only in the Text tab.</source>
        <translation>结尾部分只在“文本”标签页中显示。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="169"/>
        <source>Its end is not shown.</source>
        <translation>结尾部分未显示。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="429"/>
        <source>Part of this message could not be shown.</source>
        <translation>此邮件的部分内容无法显示。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="480"/>
        <source>The service gave no raw source for this message.</source>
        <translation>服务端未提供此邮件的原始源码。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_attachments.py" line="86"/>
        <source>unknown type</source>
        <translation>未知类型</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/reader_bars.py" line="138"/>
        <source>Loading images…</source>
        <translation>正在加载图片…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="523"/>
        <source>Links of type “%1” are not opened from mail.</source>
        <translation>不会从邮件中打开“%1”类型的链接。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/message_view.py" line="526"/>
        <source>This link has no web address and was not opened.</source>
        <translation>此链接没有网址，因此未打开。</translation>
    </message>
</context>
<context>
    <name>NewAddressDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="160"/>
        <source>New address</source>
        <translation>新建地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="162"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="165"/>
        <source>Random address</source>
        <translation>随机地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="166"/>
        <source>Choose the name</source>
        <translation>自定义名称</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="172"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="173"/>
        <source>Name before the @</source>
        <translation>@ 前面的名称</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="177"/>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="178"/>
        <source>Domain</source>
        <translation>域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="189"/>
        <source>Service:</source>
        <translation>服务：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="198"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="222"/>
        <source>This service deletes mail after %s; the app keeps a copy.</source>
        <translation>此服务会在 %s后删除邮件；本应用会保留一份副本。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="223"/>
        <source>%s minutes</source>
        <translation>%s 分钟</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="223"/>
        <source>%s hours</source>
        <translation>%s 小时</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="225"/>
        <source>This service only gives random addresses.</source>
        <translation>此服务只提供随机地址。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="246"/>
        <source>free</source>
        <translation>免费</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="246"/>
        <source>premium</source>
        <translation>高级</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="264"/>
        <source>Type the name you want before the @, or choose a random address.</source>
        <translation>请输入 @ 前面想要的名称，或选择随机地址。</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="621"/>
        <source>unknown sender</source>
        <translation>未知发件人</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="634"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="637"/>
        <source>Code %1 (copied) - %2</source>
        <translation>验证码 %1（已复制）- %2</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="637"/>
        <source>Code %1 - %2</source>
        <translation>验证码 %1 - %2</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="640"/>
        <source>A verification code was copied to the clipboard.</source>
        <translation>验证码已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="648"/>
        <source>From %1 to %2</source>
        <translation>%1 发送至 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/notify.py" line="660"/>
        <source>%n new messages in %1</source>
        <translation>
            <numerusform>%1 有 %n 封新邮件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/notify.py" line="662"/>
        <source>%n new messages in %1 addresses</source>
        <translation>
            <numerusform>%1 个地址共有 %n 封新邮件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/notify.py" line="671"/>
        <source>and %n more</source>
        <translation>
            <numerusform>还有 %n 封</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="691"/>
        <location filename="../../tempmail_desktop/ui/notify.py" line="720"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="722"/>
        <source>Copy code</source>
        <translation>复制验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="787"/>
        <source>The mail with that code is gone</source>
        <translation>含有该验证码的邮件已不存在</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="801"/>
        <source>Verification code copied</source>
        <translation>验证码已复制</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/notify.py" line="802"/>
        <source>Copied %1</source>
        <translation>已复制 %1</translation>
    </message>
</context>
<context>
    <name>OpenAddressDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="297"/>
        <source>Open existing address</source>
        <translation>打开已有地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="303"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="306"/>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="307"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="313"/>
        <source>Service:</source>
        <translation>服务：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="314"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="320"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="329"/>
        <source>Pick one of the mailboxes your key may read.</source>
        <translation>请选择你的密钥可以读取的邮箱。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="339"/>
        <source>This service reads any address on its domains.</source>
        <translation>此服务可以读取其域名下的任意地址。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="341"/>
        <source>Only addresses your key owns can be read.</source>
        <translation>只能读取你的密钥名下的地址。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="346"/>
        <source>Type a full address, like name@example.com.</source>
        <translation>请输入完整地址，如 name@example.com。</translation>
    </message>
</context>
<context>
    <name>ProviderSection</name>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="136"/>
        <source>Checking where the key is kept…</source>
        <translation>正在检查密钥的存放位置…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="141"/>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="147"/>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="324"/>
        <source>Paste a new key</source>
        <translation>粘贴新密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="142"/>
        <source>New API key for %1</source>
        <translation>%1 的新 API 密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="151"/>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="329"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="152"/>
        <source>Show the key as you type it</source>
        <translation>输入时显示密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="153"/>
        <source>Save key</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="155"/>
        <source>Remove key</source>
        <translation>移除密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="156"/>
        <source>Remove the stored %1 key</source>
        <translation>移除已保存的 %1 密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="164"/>
        <source>Address of the %1 service</source>
        <translation>%1 服务的地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="165"/>
        <source>Leave empty for the service&apos;s own address.</source>
        <translation>留空则使用该服务的默认地址。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="178"/>
        <source>WebSocket address of %1</source>
        <translation>%1 的 WebSocket 地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="183"/>
        <source>How often %1 mailboxes are checked</source>
        <translation>%1 邮箱的检查频率</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="184"/>
        <source>Fast (twice as often)</source>
        <translation>快（频率加倍）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="185"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="186"/>
        <source>Slow (half as often, saves quota)</source>
        <translation>慢（频率减半，节省配额）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="134"/>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="154"/>
        <source>Save the %1 key</source>
        <translation>保存 %1 密钥</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="161"/>
        <source>Service address:</source>
        <translation>服务地址：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="204"/>
        <source>WebSocket address:</source>
        <translation>WebSocket 地址：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="206"/>
        <source>Check for mail:</source>
        <translation>检查邮件：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="243"/>
        <source>random addresses</source>
        <translation>随机地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="244"/>
        <source>a name you choose</source>
        <translation>自定义名称</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="245"/>
        <source>a domain you choose</source>
        <translation>自选域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="246"/>
        <source>lists its domains</source>
        <translation>列出可用域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="247"/>
        <source>reads any address on its domains</source>
        <translation>读取其域名下的任意地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="248"/>
        <source>renames addresses</source>
        <translation>重命名地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="249"/>
        <source>deletes addresses</source>
        <translation>删除地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="250"/>
        <source>lists your key&apos;s mailboxes</source>
        <translation>列出密钥名下的邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="251"/>
        <source>empties a mailbox</source>
        <translation>清空邮箱</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="252"/>
        <source>deletes single mails</source>
        <translation>删除单封邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="253"/>
        <source>full messages</source>
        <translation>完整邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="254"/>
        <source>raw source</source>
        <translation>原始源码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="255"/>
        <source>headers</source>
        <translation>邮件头</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="256"/>
        <source>attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="257"/>
        <source>instant delivery (push)</source>
        <translation>即时送达（推送）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="258"/>
        <source>finds verification codes</source>
        <translation>识别验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="259"/>
        <source>service statistics</source>
        <translation>服务统计</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="260"/>
        <source>accepts your own domain</source>
        <translation>接受自有域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="263"/>
        <source>Can do: %1.</source>
        <translation>支持：%1。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="265"/>
        <source>About %1 calls a day per key.</source>
        <translation>每个密钥每天约 %1 次调用。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="268"/>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="269"/>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="270"/>
        <source>Keeps mail for %1.</source>
        <translation>邮件保留 %1。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="278"/>
        <source>%1 is set in the environment and wins over this field.</source>
        <translation>环境变量 %1 已设置，优先于此处的设置。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="305"/>
        <source>Set by %1 (read-only here).</source>
        <translation>由环境变量 %1 设置（此处只读）。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="309"/>
        <source>A key is stored in %1.</source>
        <translation>密钥保存在 %1 中。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="311"/>
        <source>A key is kept for this session only; it is forgotten when the app quits.</source>
        <translation>密钥仅在本次会话中保留，应用退出后即被清除。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="313"/>
        <source>Using the public test key.</source>
        <translation>正在使用公共测试密钥。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="315"/>
        <source>No key set. This service needs one.</source>
        <translation>未设置密钥。此服务需要密钥。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="317"/>
        <source>No key set.</source>
        <translation>未设置密钥。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="148"/>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="324"/>
        <source>Set by the environment</source>
        <translation>由环境变量设置</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="329"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="370"/>
        <source>This key cannot be used: it contains %1. Paste it again without it.</source>
        <translation>无法使用此密钥：其中含有 %1。请去掉后重新粘贴。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="395"/>
        <source>Not saved: the keyring cannot be used (see the note at the top).</source>
        <translation>未保存：密钥环无法使用（见顶部说明）。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="401"/>
        <source>Key kept for this session only.</source>
        <translation>密钥仅在本次会话中保留。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="403"/>
        <source>Key saved.</source>
        <translation>密钥已保存。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="422"/>
        <source>Key removed.</source>
        <translation>密钥已移除。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="422"/>
        <source>There was no stored key to remove.</source>
        <translation>没有已保存的密钥可移除。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="433"/>
        <source>Use an http:// or https:// address, like %1, or leave it empty.</source>
        <translation>请使用 http:// 或 https:// 地址（如 %1），或留空。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="439"/>
        <source>Use a ws:// or wss:// address, like %1, or leave it empty.</source>
        <translation>请使用 ws:// 或 wss:// 地址（如 %1），或留空。</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="358"/>
        <source>Rename address</source>
        <translation>重命名地址</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="361"/>
        <source>New name before the @</source>
        <translation>@ 前面的新名称</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="365"/>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="366"/>
        <source>Domain</source>
        <translation>域名</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="369"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="370"/>
        <source>Domain:</source>
        <translation>域名：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="372"/>
        <source>The address changes on the service; its mail stays here.</source>
        <translation>地址会在服务端更改；其邮件仍保留在这里。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/dialogs.py" line="376"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="482"/>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="483"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="491"/>
        <source>Settings pages</source>
        <translation>设置页面</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="499"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="500"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="508"/>
        <source>Keys are saved at once with their own button. Everything else is saved with OK.</source>
        <translation>密钥通过各自的按钮立即保存，其他设置点击“确定”后保存。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="566"/>
        <source>Show a notification for new mail</source>
        <translation>收到新邮件时显示通知</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="567"/>
        <source>Notifications for new mail</source>
        <translation>新邮件通知</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="568"/>
        <source>Show the verification code in the notification</source>
        <translation>在通知中显示验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="569"/>
        <source>Verification code in notifications</source>
        <translation>通知中的验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="570"/>
        <source>Pause notifications (do not disturb)</source>
        <translation>暂停通知（勿扰）</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="571"/>
        <source>Pause notifications</source>
        <translation>暂停通知</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="573"/>
        <source>Copy a verification code to the clipboard when its mail arrives</source>
        <translation>收到含验证码的邮件时，将验证码复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="574"/>
        <source>Copy verification codes automatically</source>
        <translation>自动复制验证码</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="602"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="603"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="605"/>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="605"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="605"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="606"/>
        <source>Theme</source>
        <translation>界面主题</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="608"/>
        <source>Ask each time</source>
        <translation>每次询问</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="608"/>
        <source>Never load</source>
        <translation>从不加载</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="609"/>
        <source>Pictures from the internet in mail</source>
        <translation>邮件中来自互联网的图片</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="610"/>
        <source>Closing the window keeps the app in the system tray</source>
        <translation>关闭窗口后应用仍保留在系统托盘中</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="611"/>
        <source>Close to tray</source>
        <translation>关闭时最小化到托盘</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="612"/>
        <source>Start in the system tray without a window</source>
        <translation>启动时只在系统托盘中运行，不显示窗口</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="613"/>
        <source>Start hidden in the tray</source>
        <translation>启动时隐藏到托盘</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="618"/>
        <source>No system tray was found on this desktop, so the app cannot live there; these options apply once a tray is available.</source>
        <translation>此桌面上没有系统托盘，应用无法驻留在托盘中；托盘可用后这些选项才会生效。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="622"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="623"/>
        <source>Theme:</source>
        <translation>界面主题：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="624"/>
        <source>Pictures in mail:</source>
        <translation>邮件中的图片：</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="664"/>
        <source>Correct the address marked in red first.</source>
        <translation>请先更正标红的地址。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/settings_dialog.py" line="685"/>
        <source>The settings could not be saved: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
</context>
<context>
    <name>ShortcutsWindow</name>
    <message>
        <location filename="../../tempmail_desktop/ui/keyboard.py" line="125"/>
        <source>Next message</source>
        <translation>下一封邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyboard.py" line="126"/>
        <source>Previous message</source>
        <translation>上一封邮件</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyboard.py" line="127"/>
        <source>Next pane</source>
        <translation>下一个窗格</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyboard.py" line="128"/>
        <source>Previous pane</source>
        <translation>上一个窗格</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyboard.py" line="159"/>
        <location filename="../../tempmail_desktop/ui/keyboard.py" line="160"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyboard.py" line="161"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/keyboard.py" line="161"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="110"/>
        <source>Tempmail Desktop tray menu</source>
        <translation>Tempmail Desktop 托盘菜单</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="112"/>
        <source>&amp;New address</source>
        <translation>新建地址(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="147"/>
        <source>&amp;Show Tempmail Desktop</source>
        <translation>显示 Tempmail Desktop(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="113"/>
        <source>&amp;Copy latest code</source>
        <translation>复制最新验证码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="115"/>
        <source>Copy the no&amp;tified code</source>
        <translation>复制通知中的验证码(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="119"/>
        <source>Copy code %1</source>
        <translation>复制验证码 %1</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="120"/>
        <source>&amp;Pause notifications</source>
        <translation>暂停通知(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="121"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="145"/>
        <source>&amp;Hide Tempmail Desktop</source>
        <translation>隐藏 Tempmail Desktop(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="168"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tempmail_desktop/ui/tray.py" line="235"/>
        <source>Tempmail Desktop - %n unread</source>
        <translation>
            <numerusform>Tempmail Desktop - %n 封未读</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="237"/>
        <source>Notifications paused</source>
        <translation>通知已暂停</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="307"/>
        <source>Still running in the tray</source>
        <translation>仍在托盘中运行</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="308"/>
        <source>Tempmail Desktop keeps running in the system tray and tells you of new mail.
Click its tray icon to open the window again. Quit is in the tray menu and in the File menu.</source>
        <translation>Tempmail Desktop 会继续在系统托盘中运行，并在有新邮件时通知你。
点击托盘图标可重新打开窗口。“退出”在托盘菜单和“文件”菜单中。</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/tray.py" line="314"/>
        <source>Don&apos;t show this again</source>
        <translation>不再显示</translation>
    </message>
</context>
<context>
    <name>WatchStatus</name>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="30"/>
        <source>Live: new mail arrives instantly</source>
        <translation>实时：新邮件即时送达</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="33"/>
        <source>Checking every %1 s to stay within %2&apos;s daily quota</source>
        <translation>为不超出 %2 的每日配额，每 %1 秒检查一次</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="35"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="37"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="39"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="41"/>
        <source>Expired: the service deleted this address; its mail stays here</source>
        <translation>已过期：服务已删除此地址，其邮件仍保留在本地</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="43"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="48"/>
        <source>Quota reached; paused until %s</source>
        <translation>配额已用完；暂停至 %s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="49"/>
        <source>Quota reached; paused for a while</source>
        <translation>配额已用完；暂停一段时间</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="51"/>
        <source>Key problem: %s</source>
        <translation>密钥有问题：%s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="51"/>
        <source>the key was rejected</source>
        <translation>密钥被拒绝</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="54"/>
        <source>Failing: %s</source>
        <translation>服务出错：%s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="54"/>
        <source>the service answers with errors</source>
        <translation>服务返回了错误</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="56"/>
        <source>Offline: %s</source>
        <translation>离线：%s</translation>
    </message>
    <message>
        <location filename="../../tempmail_desktop/ui/watch_status.py" line="56"/>
        <source>the service cannot be reached</source>
        <translation>无法连接到服务</translation>
    </message>
</context>
<context>
    <name>_TopList</name>
    <message>
        <location filename="../../tempmail_desktop/ui/dashboard.py" line="217"/>
        <source>Mails</source>
        <translation>邮件数</translation>
    </message>
</context>
</TS>
