"""Messages about the files kacli writes (``-o``, ``--svg``, ``--skip-bad``, backups, the demo)."""

MESSAGES = {
    "help.output.force": ("Replace the output file if it exists.", "输出文件已存在时替换它。", "輸出檔案已存在時取代它。"),
    "error.output_is_dossier": (
        "{path} is the dossier itself ({dossier}) or one of its own files; kacli never writes output there. Choose another file.",
        "{path} 就是客户档案本身（{dossier}）或它自己的文件；kacli 绝不把输出写到那里。请换一个文件。",
        "{path} 就是客戶檔案本身（{dossier}）或它自己的檔案；kacli 絕不把輸出寫到那裡。請換一個檔案。"),
    "error.output_is_dossier_copy": (
        "{path} is a copy kept beside the dossier {dossier} (a backup); kacli never writes output there. Choose another file.",
        "{path} 是客户档案 {dossier} 旁保存的副本（备份）；kacli 绝不把输出写到那里。请换一个文件。",
        "{path} 是客戶檔案 {dossier} 旁保存的副本（備份）；kacli 絕不把輸出寫到那裡。請換一個檔案。"),
    "error.output_is_rules": (
        "{path} is the rules file {rules}; kacli never writes output there. Choose another file.",
        "{path} 就是规则文件 {rules}；kacli 绝不把输出写到那里。请换一个文件。",
        "{path} 就是規則檔 {rules}；kacli 絕不把輸出寫到那裡。請換一個檔案。"),
    "error.output_exists": (
        "{path} already exists; choose another file or add --force to replace it.",
        "{path} 已存在；请换一个文件名，或加上 --force 替换它。",
        "{path} 已存在；請換一個檔名，或加上 --force 取代它。"),
    "error.output_is_folder": (
        "{path} is a folder; give a file name to write.",
        "{path} 是一个文件夹；请给出要写入的文件名。",
        "{path} 是一個資料夾；請給出要寫入的檔名。"),
    "error.output_needs_folder": (
        "{path} is not a folder; this export writes one file per table into a folder.",
        "{path} 不是文件夹；这种导出会在文件夹里为每张表写一个文件。",
        "{path} 不是資料夾；這種匯出會在資料夾裡為每張表寫一個檔案。"),
    "error.output_not_a_file": (
        "{path} is neither an ordinary file nor something kacli can write into (a terminal, a pipe, /dev/null).",
        "{path} 既不是普通文件，也不是 kacli 能写入的对象（终端、管道、/dev/null）。",
        "{path} 既不是一般檔案，也不是 kacli 能寫入的對象（終端機、管線、/dev/null）。"),
    "error.output_needs_file": (
        "{path} is not an ordinary file; this command writes a whole file (a dossier), not a stream.",
        "{path} 不是普通文件；此命令要写出一个完整文件（客户档案），不能写入数据流。",
        "{path} 不是一般檔案；此命令要寫出一個完整檔案（客戶檔案），不能寫入資料流。"),
    "error.output_unwritable": (
        "Cannot write {path}: {detail}. Nothing was written.",
        "无法写入 {path}：{detail}。未写入任何内容。",
        "無法寫入 {path}：{detail}。未寫入任何內容。"),
}
