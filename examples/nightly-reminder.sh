#!/usr/bin/env bash
# Mail tomorrow's reminders to yourself. `kacli remind` prints one plain line per customer that is
# overdue or due by tomorrow, most urgent first, and nothing at all when nothing is due — so this
# script sends no mail on a quiet day.
#
# Crontab line (every evening at 20:00):
#   0 20 * * *  /path/to/examples/nightly-reminder.sh you@example.com
#
# Environment: KACLI_DB (the dossier), KACLI_LANG (zh-Hans, zh-Hant or en), KACLI (the kacli
# command, default: kacli on PATH).
set -euo pipefail

to="${1:-${USER:-me}}"
kacli="${KACLI:-kacli}"

# Exit codes: 0 = fine (with or without reminders), 2 = bad input, 3 = dossier unusable
# (missing, damaged, locked for longer than the busy timeout), 1 = unexpected failure.
status=0
reminders="$("$kacli" remind)" || status=$?
if [ "$status" -ne 0 ]; then
    echo "kacli remind failed (exit $status); try 'kacli dossier check'" >&2
    exit "$status"
fi

[ -n "$reminders" ] || exit 0

subject="kacli: $(printf '%s\n' "$reminders" | wc -l | tr -d ' ') customers to contact"
if command -v mail >/dev/null 2>&1; then
    printf '%s\n' "$reminders" | mail -s "$subject" "$to"
else
    # No mail command here: print, and let cron mail the output (cron mails what a job prints).
    printf '%s\n%s\n' "$subject" "$reminders"
fi
