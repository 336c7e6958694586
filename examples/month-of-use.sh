#!/usr/bin/env bash
# A month of daily use, told with ordinary kacli commands and a moving --today (2027-01-11 to
# 2027-02-09, around Spring Festival on 02-06): a few customers, visits, deals and payments, and
# each morning the list the salesperson would read.
#
#   examples/month-of-use.sh month.db          # prints each day's `kacli remind` and `kacli week`
#   COLUMNS=60 KACLI_LANG=zh-Hans examples/month-of-use.sh month.db
#
# What to look for: care given (a gift before a birthday, a greeting before the festival) takes
# its reason off the list; the festival gift is due a week before the day; the buyer is the one
# asked for money; a planned visit not recorded stays on the list; a customer who bought is no
# longer chased as "buys within a week".
set -euo pipefail

db="${1:-month-of-use.db}"
kacli="${KACLI:-kacli}"
if [ -e "$db" ]; then
    echo "$db exists; give a new file name" >&2
    exit 2
fi

k() { "$kacli" --db "$db" "$@"; }
on() { day="$1"; shift; "$kacli" --db "$db" --today "$day" "$@" >/dev/null; }
morning() {
    echo "=================== $1: kacli remind"
    "$kacli" --db "$db" --today "$1" remind
    echo "------------------- $1: kacli week"
    "$kacli" --db "$db" --today "$1" week --limit 0
}

# 2027-01-11: the portfolio as it stands.
on 2027-01-11 customer add 华信地产 --cycle short --batch large --status active
on 2027-01-11 contact add 华信地产 李工 --title 工程师 --role user --primary --phone 138-0000-0001
on 2027-01-11 contact add 华信地产 王总 --title 总经理 --role decision_maker --attitude supporter --phone 138-0000-0002
on 2027-01-11 contact add 华信地产 刘主任 --title 办公室主任 --role buyer --phone 138-0000-0003 --birthday 01-22
on 2027-01-11 visit log 华信地产 -c 王总 --date 2027-01-04
on 2027-01-11 visit log 华信地产 -c 王总 -c 李工 --date 2027-01-08
on 2027-01-11 deal add 华信地产 年会礼品茶 --amount 80万 --stage negotiate --close 2027-01-20
on 2027-01-11 customer add 机床厂 --grade B
on 2027-01-11 contact add 机床厂 孙总 --role decision_maker --primary --phone 139-0000-0001
on 2027-01-11 visit log 机床厂 -c 孙总 --date 2027-01-06
on 2027-01-11 visit log 机床厂 --planned --date 2027-01-14 --purpose 送样品 -c 孙总
on 2027-01-11 customer add 张先生 --kind person --buy-within 1w --phone 186-0000-0001
on 2027-01-11 visit log 张先生 --date 2027-01-10
on 2027-01-11 customer add 老周茶行 --grade C --status dormant
on 2027-01-11 contact add 老周茶行 周老板 --birthday 01-25 --primary
on 2027-01-11 visit log 老周茶行 --date 2026-06-01
on 2027-01-11 deal add 老周茶行 旧货款 --amount 5万
on 2027-01-11 deal won 旧货款 --date 2026-06-01
on 2027-01-11 payment plan 旧货款 5万 --due 2027-01-15
morning 2027-01-11

on 2027-01-12 visit log 张先生 --kind call
morning 2027-01-13
# 01-14: the sample visit to 机床厂 happens but is not recorded as done.
morning 2027-01-15
on 2027-01-15 visit log 张先生 --kind visit --note 试驾
on 2027-01-16 deal add 张先生 家用茶礼盒 --amount 2万 --stage negotiate
on 2027-01-16 deal won 家用茶礼盒
morning 2027-01-16
on 2027-01-18 visit log 华信地产 -c 刘主任 --kind small_gift --note 生日茶点 --gift-value 500
morning 2027-01-18
on 2027-01-19 deal won 年会礼品茶
on 2027-01-19 payment plan 年会礼品茶 40万 --due 2027-01-26
on 2027-01-19 payment plan 年会礼品茶 40万 --due 2027-02-15

morning 2027-01-20
on 2027-01-23 visit log 华信地产 -c 王总 --kind greeting --note 拜早年
morning 2027-01-25
morning 2027-01-27
on 2027-01-27 visit update 4 --done --note 样品已送到
on 2027-01-28 payment received 年会礼品茶 40万
morning 2027-01-29
morning 2027-02-01
morning 2027-02-05
morning 2027-02-09
