"""Messages about the dossier file itself."""

MESSAGES = {
    "error.dossier_missing": (
        "There is no dossier at {path} yet. Start one with: kacli customer add NAME (or try kacli demo).",
        "{path} 还没有客户档案。可以这样开始：kacli customer add 名称（或先试试 kacli demo）。",
        "{path} 還沒有客戶檔案。可以這樣開始：kacli customer add 名稱（或先試試 kacli demo）。",
    ),
    "error.dossier_too_new": (
        "The dossier at {path} was made by a newer kacli (schema {version}; this kacli knows up to {known}). Upgrade kacli to open it; nothing was changed.",
        "{path} 的档案由更新版本的 kacli 创建（结构版本 {version}，本版本最高支持 {known}）。请升级 kacli 后再打开；未做任何修改。",
        "{path} 的檔案由更新版本的 kacli 建立（結構版本 {version}，本版本最高支援 {known}）。請升級 kacli 後再開啟；未做任何修改。",
    ),
    "error.dossier_locked": (
        "The dossier at {path} is busy (another kacli is writing to it). Try again in a moment.",
        "{path} 的档案正忙（另一个 kacli 正在写入）。请稍后重试。",
        "{path} 的檔案正忙（另一個 kacli 正在寫入）。請稍後重試。",
    ),
    "error.dossier_damaged": (
        "The dossier at {path} is damaged ({detail}). Run 'kacli dossier check'; the latest backup beside it is {backup} (put it back with 'kacli dossier restore {backup}').",
        "{path} 的档案已损坏（{detail}）。请运行“kacli dossier check”；旁边最新的备份是 {backup}（可用“kacli dossier restore {backup}”恢复）。",
        "{path} 的檔案已損壞（{detail}）。請執行「kacli dossier check」；旁邊最新的備份是 {backup}（可用「kacli dossier restore {backup}」還原）。",
    ),
    "error.dossier_damaged_no_backup": (
        "The dossier at {path} is damaged ({detail}). Run 'kacli dossier check'; no backup was found beside it — restore one you made with 'kacli dossier restore FILE'.",
        "{path} 的档案已损坏（{detail}）。请运行“kacli dossier check”；旁边没有找到备份——可以用“kacli dossier restore 文件”恢复你自己做的备份。",
        "{path} 的檔案已損壞（{detail}）。請執行「kacli dossier check」；旁邊沒有找到備份——可以用「kacli dossier restore 檔案」還原你自己做的備份。",
    ),
    "error.dossier_foreign": (
        "{path} is a SQLite file but not a kacli dossier; kacli will not touch it.",
        "{path} 是 SQLite 文件，但不是 kacli 客户档案；kacli 不会改动它。",
        "{path} 是 SQLite 檔案，但不是 kacli 客戶檔案；kacli 不會改動它。",
    ),
    "error.dossier_unopenable": (
        "Cannot open the dossier at {path}: {detail}.",
        "无法打开 {path} 的档案：{detail}。",
        "無法開啟 {path} 的檔案：{detail}。",
    ),
    "error.dossier_url_unsupported": (
        "'{url}' is not supported: kacli keeps its dossier in a SQLite file (a path or sqlite:///PATH) or a PostgreSQL database (postgresql://USER@HOST/DATABASE).",
        "不支持“{url}”：kacli 的档案放在 SQLite 文件（路径或 sqlite:///路径）或 PostgreSQL 数据库（postgresql://用户@主机/数据库）中。",
        "不支援「{url}」：kacli 的檔案放在 SQLite 檔案（路徑或 sqlite:///路徑）或 PostgreSQL 資料庫（postgresql://使用者@主機/資料庫）中。",
    ),
    "error.db_uri": (
        "--db {value} would be read by SQLite as an address, not a file: give the dossier's path (a file whose name really starts with file: is ./{value}). Nothing was changed.",
        "--db {value} 会被 SQLite 当作地址而不是文件：请给出档案的路径（名称确实以 file:… 开头的文件写作 ./{value}）。未做任何修改。",
        "--db {value} 會被 SQLite 當作位址而不是檔案：請給出檔案的路徑（名稱確實以 file:… 開頭的檔案寫作 ./{value}）。未做任何修改。",
    ),
}

MESSAGES.update({
    "help.dossier": ("The dossier (a file or a server): path, info, check, backup, restore, push, pull.",
                     "客户档案（文件或服务器）：位置、概况、检查、备份、恢复、推送、拉取。",
                     "客戶檔案（檔案或伺服器）：位置、概況、檢查、備份、還原、推送、拉取。"),
    "help.arg.backup_file": ("Where to write the copy.", "备份写到哪里。", "備份寫到哪裡。"),
    "help.arg.restore_file": ("The backup to put back.", "要恢复的备份文件。", "要還原的備份檔案。"),
    "help.dossier.force": ("Overwrite FILE if it exists.", "如果文件已存在则覆盖。", "如果檔案已存在則覆蓋。"),
    "dossier.check_ok": ("The dossier at {path} is sound.", "{path} 的档案完好。", "{path} 的檔案完好。"),
    "dossier.backed_up": ("Backed up the dossier to {path}.", "已备份档案到 {path}。", "已備份檔案到 {path}。"),
    "dossier.restore_confirm": ("Replace the dossier at {path} with {source}?", "用 {source} 替换 {path} 的档案？",
                                "用 {source} 取代 {path} 的檔案？"),
    "dossier.restored": ("Restored {source} to {path}.", "已将 {source} 恢复到 {path}。", "已將 {source} 還原到 {path}。"),
    "dossier.kept_aside": ("The replaced dossier is kept at {path}.", "被替换的档案保存在 {path}。",
                           "被取代的檔案保存在 {path}。"),
    "dossier.path": ("File", "文件", "檔案"),
    "dossier.size": ("Size", "大小", "大小"),
    "dossier.schema": ("Schema version", "结构版本", "結構版本"),
    "dossier.journal": ("Journal", "日志模式", "日誌模式"),
    "dossier.backup": ("Backup", "备份", "備份"),
    "dossier.table.customer": ("Customers", "客户", "客戶"),
    "dossier.table.contact": ("Contacts", "联系人", "聯絡人"),
    "dossier.table.competitor": ("Competitors", "竞争对手", "競爭對手"),
    "dossier.table.visit": ("Visits", "拜访", "拜訪"),
    "dossier.table.next_action": ("Next actions", "待办", "待辦"),
    "dossier.table.deal": ("Deals", "项目", "專案"),
    "dossier.table.instalment": ("Instalments", "收款计划", "收款計畫"),
    "dossier.table.payment": ("Payments", "回款", "回款"),
    "dossier.table.change": ("Changes", "变更记录", "變更記錄"),
    "error.backup_exists": ("{path} already exists; choose another file or add --force.",
                            "{path} 已存在；请换一个文件名或加上 --force。", "{path} 已存在；請換一個檔名或加上 --force。"),
    "error.restore_missing": ("There is no file at {path}.", "{path} 不存在。", "{path} 不存在。"),
    "error.restore_damaged": ("{path} is damaged ({detail}); it was not restored.", "{path} 已损坏（{detail}），未恢复。",
                              "{path} 已損壞（{detail}），未還原。"),
    "error.restore_not_dossier": ("{path} is not a kacli dossier; it was not restored.",
                                  "{path} 不是 kacli 客户档案，未恢复。", "{path} 不是 kacli 客戶檔案，未還原。"),
    "error.busy_timeout": (
        "KACLI_BUSY_TIMEOUT must be a number of seconds from 0 to 86400, not '{value}'.",
        "KACLI_BUSY_TIMEOUT 必须是 0 到 86400 之间的秒数，而不是“{value}”。",
        "KACLI_BUSY_TIMEOUT 必須是 0 到 86400 之間的秒數，而不是「{value}」。"),
    "error.dossier_empty": (
        "{path} is an empty file, not a kacli dossier; kacli will not touch it. If it should be your dossier, restore a backup with 'kacli dossier restore FILE'; otherwise move it away or point --db elsewhere.",
        "{path} 是一个空文件，不是 kacli 客户档案；kacli 不会改动它。如果它本应是你的档案，请用“kacli dossier restore 文件”恢复备份；否则请把它移走，或用 --db 指向别处。",
        "{path} 是一個空檔案，不是 kacli 客戶檔案；kacli 不會改動它。如果它本應是你的檔案，請用「kacli dossier restore 檔案」還原備份；否則請把它移走，或用 --db 指向別處。"),
    "error.dossier_is_folder": (
        "{path} is a folder, not a dossier file. Point --db (or KACLI_DB) at a file.",
        "{path} 是一个文件夹，不是档案文件。请让 --db（或 KACLI_DB）指向一个文件。",
        "{path} 是一個資料夾，不是檔案檔案。請讓 --db（或 KACLI_DB）指向一個檔案。"),
    "error.dossier_not_a_file": (
        "{path} is not an ordinary file (it leads to {target}); kacli keeps its dossier only in an ordinary file. Point --db (or KACLI_DB) at a file.",
        "{path} 不是普通文件（它指向 {target}）；kacli 只把档案存放在普通文件里。请让 --db（或 KACLI_DB）指向一个文件。",
        "{path} 不是一般檔案（它指向 {target}）；kacli 只把檔案存放在一般檔案裡。請讓 --db（或 KACLI_DB）指向一個檔案。"),
    "error.dossier_dangling_link": (
        "{path} is a link to {target}, which does not exist. Restore the file it pointed to, or remove the link; nothing was created.",
        "{path} 是指向 {target} 的链接，但目标不存在。请恢复它指向的文件，或删除这个链接；未创建任何文件。",
        "{path} 是指向 {target} 的連結，但目標不存在。請還原它指向的檔案，或刪除這個連結；未建立任何檔案。"),
    "error.dossier_readonly": (
        "kacli cannot write at {path}: the file or its folder is read-only, or belongs to another user. Check the permissions (ls -ld on the file and its folder) or point --db at a copy you can write; nothing was changed.",
        "kacli 无法写入 {path}：该文件或所在文件夹是只读的，或属于其他用户。请检查权限（对文件及其文件夹运行 ls -ld），或用 --db 指向一个你可写的副本；未做任何修改。",
        "kacli 無法寫入 {path}：該檔案或所在資料夾是唯讀的，或屬於其他使用者。請檢查權限（對檔案及其資料夾執行 ls -ld），或用 --db 指向一個你可寫的副本；未做任何修改。"),
    "error.disk_full": (
        "There is no space left on the disk for {path}. Free some space and run the command again; nothing was changed and no partial file was left.",
        "{path} 所在的磁盘已满。请腾出空间后重新运行命令；未做任何修改，也没有留下不完整的文件。",
        "{path} 所在的磁碟已滿。請騰出空間後重新執行命令；未做任何修改，也沒有留下不完整的檔案。"),
    "error.backup_onto_dossier": (
        "{path} is the dossier itself (or one of its own files); a backup must go to another file.",
        "{path} 就是档案本身（或它自己的文件）；备份必须写到另一个文件。",
        "{path} 就是檔案本身（或它自己的檔案）；備份必須寫到另一個檔案。"),
    "error.backup_not_a_file": (
        "{path} is not an ordinary file (a folder, a device or a link); choose a file name for the backup.",
        "{path} 不是普通文件（是文件夹、设备或链接）；请为备份选一个文件名。",
        "{path} 不是一般檔案（是資料夾、裝置或連結）；請為備份選一個檔名。"),
    "error.backup_failed": (
        "The backup to {path} failed ({detail}); no partial file was left.",
        "备份到 {path} 失败（{detail}）；没有留下不完整的文件。",
        "備份到 {path} 失敗（{detail}）；沒有留下不完整的檔案。"),
    "error.restore_onto_itself": (
        "{path} is the dossier itself; restore a backup, not the dossier onto itself. Nothing was moved.",
        "{path} 就是档案本身；请恢复一个备份，而不是把档案恢复到它自己。未移动任何文件。",
        "{path} 就是檔案本身；請還原一個備份，而不是把檔案還原到它自己。未移動任何檔案。"),
    "error.restore_failed": (
        "Restoring to {path} failed ({detail}); the dossier there is as it was.",
        "恢复到 {path} 失败（{detail}）；那里的档案保持原样。",
        "還原到 {path} 失敗（{detail}）；那裡的檔案保持原樣。"),
})
