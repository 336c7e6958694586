#!/usr/bin/env bash
# Mail tomorrow's reminders to yourself. `kacli remind` prints one plain line per customer that is
# overdue or due by tomorrow, most urgent first, and nothing at all when nothing is due — so this
# script sends no mail on a quiet day. The subject is in your language (KACLI_LANG).
#
# Crontab line (every evening at 20:00); cron's environment is minimal, so say the language there:
#   0 20 * * *  KACLI_LANG=zh-Hans /path/to/kacli/examples/nightly-reminder.sh you@example.com
#
# Environment: KACLI_DB (the dossier; default: the one kacli uses for your user), KACLI_LANG
# (zh-Hans, zh-Hant or en), KACLI (the kacli command). Without KACLI the script uses kacli on PATH,
# else the .venv/bin/kacli of this checkout, else ~/.local/bin/kacli (pipx) — cron's PATH is
# only /usr/bin:/bin.
set -euo pipefail

to="${1:-${USER:-${LOGNAME:-me}}}"
here="$(cd "$(dirname "$0")" && pwd)"

kacli="${KACLI:-}"
if [ -z "$kacli" ]; then
    for candidate in "$(command -v kacli || true)" "$here/../.venv/bin/kacli" "${HOME:-}/.local/bin/kacli"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then
            kacli="$candidate"
            break
        fi
    done
fi
if [ -z "$kacli" ]; then
    echo "nightly-reminder: kacli not found; set KACLI=/path/to/kacli in the crontab line" >&2
    exit 127
fi

# Exit codes: 0 = fine (with or without reminders), 2 = bad input, 3 = dossier unusable
# (missing, damaged, locked for longer than the busy timeout), 1 = unexpected failure.
errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT
status=0
output="$("$kacli" remind --subject 2>"$errors")" || status=$?
if [ "$status" -ne 0 ]; then
    # Say what kacli said, then what to try for that kind of failure.
    cat "$errors" >&2
    echo "nightly-reminder: kacli remind failed (exit $status)" >&2
    if [ "$status" -eq 3 ]; then
        echo "nightly-reminder: the dossier is unusable; try '$kacli dossier check'" >&2
    fi
    exit "$status"
fi

[ -n "$output" ] || exit 0

subject="$(printf '%s\n' "$output" | head -n 1)"
reminders="$(printf '%s\n' "$output" | tail -n +2)"
if command -v mail >/dev/null 2>&1; then
    printf '%s\n' "$reminders" | mail -s "$subject" "$to"
else
    # No mail command here: print, and let cron mail the output (cron mails what a job prints).
    printf '%s\n%s\n' "$subject" "$reminders"
fi
