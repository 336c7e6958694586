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
        "'{url}' is not supported: this version of kacli keeps its dossier in SQLite (a path or sqlite:///PATH).",
        "不支持“{url}”：此版本的 kacli 只使用 SQLite 档案（路径或 sqlite:///路径）。",
        "不支援「{url}」：此版本的 kacli 只使用 SQLite 檔案（路徑或 sqlite:///路徑）。",
    ),
}
