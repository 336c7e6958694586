"""Messages for ``kacli demo``."""

MESSAGES = {
    "help.demo": ("Build a demo dossier from the seeds' stories (never your own) and show its week.",
                  "用案例故事建立一个演示档案（不会动你自己的档案），并显示它的本周清单。",
                  "用案例故事建立一個示範檔案（不會動你自己的檔案），並顯示它的本週清單。"),
    "help.demo.file": ("Where to build the demo dossier (default: demo.db in kacli's data folder).",
                       "演示档案的位置（默认：kacli 数据目录下的 demo.db）。",
                       "示範檔案的位置（預設：kacli 資料目錄下的 demo.db）。"),
    "help.demo.script": ("Print the demo's commands instead of running them.", "打印演示所用的命令，而不运行。",
                         "列印示範所用的指令，而不執行。"),
    "demo.replace_confirm": ("Replace the demo dossier at {path}?", "替换 {path} 的演示档案？",
                             "取代 {path} 的示範檔案？"),
    "demo.building": ("Building the demo dossier at {path} from the seeds' stories…",
                      "正在根据案例故事在 {path} 建立演示档案……", "正在根據案例故事在 {path} 建立示範檔案……"),
    "demo.built": ("Demo dossier ready at {path} (explore it with: kacli --db {path} customer list). Its week, as seen on {today}:",
                   "演示档案已建好：{path}（可以这样查看：kacli --db {path} customer list）。以下是 {today} 这一周的待联系清单：",
                   "示範檔案已建好：{path}（可以這樣檢視：kacli --db {path} customer list）。以下是 {today} 這一週的待聯繫清單："),
}
