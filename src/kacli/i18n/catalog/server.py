"""Messages about a dossier kept on a PostgreSQL server."""

MESSAGES = {
    "error.server_unreachable": (
        "Cannot reach the dossier's server at {url}: it is not running or not listening there. Nothing was changed.",
        "无法连接档案所在的服务器 {url}：服务器没有运行，或不在该地址监听。未做任何修改。",
        "無法連線檔案所在的伺服器 {url}：伺服器沒有執行，或不在該位址監聽。未做任何修改。",
    ),
    "error.server_login": (
        "The server at {url} refused the login: wrong password, or no such user. Nothing was changed.",
        "服务器 {url} 拒绝登录：密码错误，或没有这个用户。未做任何修改。",
        "伺服器 {url} 拒絕登入：密碼錯誤，或沒有這個使用者。未做任何修改。",
    ),
    "error.server_no_database": (
        "There is no such database at {url}; an administrator creates it with createdb. Nothing was changed.",
        "{url} 上没有这个数据库；请管理员用 createdb 创建。未做任何修改。",
        "{url} 上沒有這個資料庫；請管理員用 createdb 建立。未做任何修改。",
    ),
    "error.server_no_permission": (
        "The server at {url} does not let this login use the dossier. Ask its administrator for access. Nothing was changed.",
        "服务器 {url} 不允许这个登录使用档案。请向管理员申请权限。未做任何修改。",
        "伺服器 {url} 不允許這個登入使用檔案。請向管理員申請權限。未做任何修改。",
    ),
    "error.server_tls": (
        "The server at {url} requires an encrypted connection (or refused the one offered): set sslmode in the URI, e.g. ?sslmode=require. Nothing was changed.",
        "服务器 {url} 要求加密连接（或拒绝了所提供的加密方式）：请在地址中设置 sslmode，例如 ?sslmode=require。未做任何修改。",
        "伺服器 {url} 要求加密連線（或拒絕了所提供的加密方式）：請在位址中設定 sslmode，例如 ?sslmode=require。未做任何修改。",
    ),
    "error.server_bad_uri": (
        "'{url}' is not a connection URI kacli can use (postgresql://USER@HOST/DATABASE).",
        "“{url}”不是 kacli 能使用的连接地址（postgresql://用户@主机/数据库）。",
        "「{url}」不是 kacli 能使用的連線位址（postgresql://使用者@主機/資料庫）。",
    ),
    "error.server_gone": (
        "The connection to the server at {url} was lost during the command; nothing it was writing was kept. Try again.",
        "命令执行期间与服务器 {url} 的连接中断；正在写入的内容都未保存。请重试。",
        "指令執行期間與伺服器 {url} 的連線中斷；正在寫入的內容都未儲存。請重試。",
    ),
    "error.server_empty": (
        "The database at {url} holds no dossier yet. The first command that writes makes one (kacli customer add NAME), or copy yours in with kacli dossier push.",
        "{url} 的数据库里还没有客户档案。第一个写入的命令会建立它（kacli customer add 名称），也可以用 kacli dossier push 把你的档案复制进去。",
        "{url} 的資料庫裡還沒有客戶檔案。第一個寫入的指令會建立它（kacli customer add 名稱），也可以用 kacli dossier push 把你的檔案複製進去。",
    ),
    "error.server_foreign": (
        "The database at {url} holds tables that are not a kacli dossier; kacli will not touch them. Use an empty database (createdb).",
        "{url} 的数据库中有不属于 kacli 客户档案的表；kacli 不会改动它们。请使用一个空数据库（createdb）。",
        "{url} 的資料庫中有不屬於 kacli 客戶檔案的表；kacli 不會改動它們。請使用一個空資料庫（createdb）。",
    ),
}

# Copying a dossier between its file and a server, and looking after a server dossier.
MESSAGES.update({
    "help.cmd.dossier.push": (
        "Copy this dossier file into an empty PostgreSQL database (ids kept); every table's rows are counted on both sides. A second push of the same file adds nothing.\n\n"
        "Example: kacli dossier push postgresql://lina@crm.example.com/sales",
        "把这个客户档案文件复制到一个空的 PostgreSQL 数据库（编号不变）；两边逐表清点行数。同一文件再推送一次不会增加任何内容。\n\n"
        "例如：kacli dossier push postgresql://lina@crm.example.com/sales",
        "把這個客戶檔案複製到一個空的 PostgreSQL 資料庫（編號不變）；兩邊逐表清點列數。同一檔案再推送一次不會增加任何內容。\n\n"
        "例如：kacli dossier push postgresql://lina@crm.example.com/sales",
    ),
    "help.cmd.dossier.pull": (
        "Copy the server dossier (--db postgresql://…) into a new dossier file, an offline copy; every table's rows are counted on both sides.\n\n"
        "Example: kacli --db postgresql://lina@crm.example.com/sales dossier pull ~/dossier.db",
        "把服务器上的客户档案（--db postgresql://…）复制成一个新的档案文件，作为离线副本；两边逐表清点行数。\n\n"
        "例如：kacli --db postgresql://lina@crm.example.com/sales dossier pull ~/dossier.db",
        "把伺服器上的客戶檔案（--db postgresql://…）複製成一個新的檔案，作為離線副本；兩邊逐表清點列數。\n\n"
        "例如：kacli --db postgresql://lina@crm.example.com/sales dossier pull ~/dossier.db",
    ),
    "help.arg.push_uri": ("The PostgreSQL database to copy the dossier into.", "要复制到的 PostgreSQL 数据库。",
                          "要複製到的 PostgreSQL 資料庫。"),
    "help.arg.pull_file": ("The new dossier file to write.", "要写出的新档案文件。", "要寫出的新檔案。"),
    "error.push_from_server": (
        "dossier push copies a dossier file to a server, but --db names a server. Give the file with --db FILE (or leave --db out for your own dossier). Nothing was changed.",
        "dossier push 是把档案文件复制到服务器，但 --db 指向的是服务器。请用 --db 文件 指定档案文件（或不写 --db，使用你自己的档案）。未做任何修改。",
        "dossier push 是把檔案複製到伺服器，但 --db 指向的是伺服器。請用 --db 檔案 指定檔案（或不寫 --db，使用你自己的檔案）。未做任何修改。",
    ),
    "error.push_needs_server": (
        "'{value}' is not a PostgreSQL database; push copies to one: postgresql://USER@HOST/DATABASE. Nothing was changed.",
        "“{value}”不是 PostgreSQL 数据库；push 只复制到数据库：postgresql://用户@主机/数据库。未做任何修改。",
        "「{value}」不是 PostgreSQL 資料庫；push 只複製到資料庫：postgresql://使用者@主機/資料庫。未做任何修改。",
    ),
    "error.pull_needs_server": (
        "dossier pull copies a server dossier to a file: name the server with --db postgresql://USER@HOST/DATABASE. To copy a dossier file, use dossier backup. Nothing was written.",
        "dossier pull 是把服务器上的档案复制成文件：请用 --db postgresql://用户@主机/数据库 指定服务器。要复制档案文件，请用 dossier backup。未写入任何内容。",
        "dossier pull 是把伺服器上的檔案複製成檔案：請用 --db postgresql://使用者@主機/資料庫 指定伺服器。要複製檔案，請用 dossier backup。未寫入任何內容。",
    ),
    "error.push_not_empty": (
        "The database at {url} already holds a different dossier ({held}); push copies only into an empty one. Use another database (createdb), or put a file back in place of it with kacli --db URI dossier restore FILE. Nothing was changed.",
        "{url} 的数据库里已经有另一份档案（{held}）；push 只复制到空数据库。请换一个数据库（createdb），或用 kacli --db 地址 dossier restore 文件 替换它。未做任何修改。",
        "{url} 的資料庫裡已經有另一份檔案（{held}）；push 只複製到空資料庫。請換一個資料庫（createdb），或用 kacli --db 位址 dossier restore 檔案 取代它。未做任何修改。",
    ),
    "error.transfer_failed": (
        "The server at {url} refused the copy ({detail}); nothing was kept.",
        "服务器 {url} 拒绝了这次复制（{detail}）；没有保留任何内容。",
        "伺服器 {url} 拒絕了這次複製（{detail}）；沒有保留任何內容。",
    ),
    "error.transfer_counts": (
        "The copy to or from {url} does not hold as many rows as its source; nothing was kept.",
        "与 {url} 之间的复制行数与来源不一致；没有保留任何内容。",
        "與 {url} 之間的複製列數與來源不一致；沒有保留任何內容。",
    ),
    "error.server_damaged": (
        "The dossier at {url} is not as this kacli's migrations make it ({detail}). Put a backup back with kacli --db URI dossier restore FILE.",
        "{url} 的档案与本版本 kacli 的迁移所建结构不一致（{detail}）。可以用 kacli --db 地址 dossier restore 文件 恢复备份。",
        "{url} 的檔案與本版本 kacli 的遷移所建結構不一致（{detail}）。可以用 kacli --db 位址 dossier restore 檔案 還原備份。",
    ),
    "dossier.pushed": ("Copied {path} into {url}.", "已将 {path} 复制到 {url}。", "已將 {path} 複製到 {url}。"),
    "dossier.pushed_nothing": ("{url} already holds {path} as it is; nothing was added.",
                               "{url} 已经有与 {path} 相同的档案；没有增加任何内容。",
                               "{url} 已經有與 {path} 相同的檔案；沒有增加任何內容。"),
    "dossier.pulled": ("Copied the dossier at {url} into {path}.", "已将 {url} 的档案复制到 {path}。",
                       "已將 {url} 的檔案複製到 {path}。"),
    "dossier.server": ("Server", "服务器", "伺服器"),
    "dossier.database": ("Database", "数据库", "資料庫"),
    "dossier.server_version": ("PostgreSQL", "PostgreSQL", "PostgreSQL"),
    "dossier.rows_table": ("Table", "表", "表"),
    "dossier.rows_file": ("File", "文件", "檔案"),
    "dossier.rows_server": ("Server", "服务器", "伺服器"),
})
