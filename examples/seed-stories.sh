#!/usr/bin/env bash
# Builds a sample dossier from the sales-training seeds' own stories, with ordinary kacli
# commands, so you can see what a full dossier looks like:
#
#   examples/seed-stories.sh sample.db
#   kacli --db sample.db --today 2026-09-14 week
#   kacli --db sample.db customer show 华信地产
#
# The stories (王总 who has already cooperated three times; the real-estate company whose office
# director buys gift tea; the car buyer who will buy within a week; the industrial customer
# qualified by the two standards and its 300万 automation project won after a 20万 price cut; a
# deal whose buyer promised the order while the decision maker was never met) are the same ones
# `kacli demo` uses: `kacli demo --script` prints them, one command per line.
set -euo pipefail

db="${1:-sample-dossier.db}"
kacli="${KACLI:-kacli}"
if [ -e "$db" ]; then
    echo "$db exists; give a new file name" >&2
    exit 2
fi

"$kacli" demo --script | while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    echo "kacli $line" >&2
    # Each line is shell-quoted kacli arguments; the story is told as of 2026-09-14 unless the
    # line pins its own --today (a later --today wins).
    eval "set -- $line"
    "$kacli" --db "$db" --today 2026-09-14 "$@" >/dev/null
done
echo "Built $db. Try: $kacli --db $db --today 2026-09-14 week" >&2
