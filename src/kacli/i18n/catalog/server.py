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
