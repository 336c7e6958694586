#!/usr/bin/env bash
# Six weeks of daily use in autumn, told with ordinary kacli commands and a moving --today
# (2027-08-30 to 2027-10-15): a Hangzhou medical-equipment salesperson with a hospital tender,
# a pharmaceutical plant that pays late, a rehabilitation centre that owes money, a batch of
# imported leads, and three individual buyers — across 中秋 (09-15) and the 国庆 holiday.
#
#   examples/autumn-tender.sh autumn.db           # each morning's `kacli remind` and `kacli week`
#   COLUMNS=60 KACLI_LANG=zh-Hans examples/autumn-tender.sh autumn.db
#
# What to look for: a call nobody answered leaves the customer due; a visit about the tender deal
# settles its stalled reminder; the 中秋 gift is due a week ahead (09-08) and a gift or greeting
# to an individual settles their birthday; a customer who qualifies after that day is due from
# the day they qualify; money promised for a later day waits for that day; the imported leads
# come after money, deals and key accounts due the same day, their first calls spread over two
# weeks; a Saturday's call is due on the Friday before.
set -euo pipefail

db="${1:-autumn-tender.db}"
kacli="${KACLI:-kacli}"
if [ -e "$db" ]; then
    echo "$db exists; give a new file name" >&2
    exit 2
fi

on() { day="$1"; shift; "$kacli" --db "$db" --today "$day" "$@" >/dev/null; }
morning() {
    echo "=================== $1: kacli remind"
    "$kacli" --db "$db" --today "$1" remind
    echo "------------------- $1: kacli week"
    "$kacli" --db "$db" --today "$1" week --limit 0
}
leads=$(mktemp -d)
trap 'rm -rf "$leads"' EXIT

# 2027-08-30 (Monday): the book as it stands.
on 2027-08-30 customer add 浙东人民医院 --cycle long --batch large --status active --phone 0574-8700-0000
on 2027-08-30 contact add 浙东人民医院 陈院长 --title 院长 --role decision_maker --phone 139-5740-0001
on 2027-08-30 contact add 浙东人民医院 赵主任 --title 放射科主任 --role user --attitude supporter --phone 139-5740-0002
on 2027-08-30 contact add 浙东人民医院 钱科长 --title 设备科科长 --role buyer --primary --phone 139-5740-0003
on 2027-08-30 contact add 浙东人民医院 吴工 --title 信息科 --role influencer --attitude neutral
on 2027-08-30 visit log 浙东人民医院 -c 钱科长 --date 2027-08-20
on 2027-08-30 visit log 浙东人民医院 -c 赵主任 -c 钱科长 --kind tech_exchange --date 2027-08-26 --note 影像设备参数交流
on 2027-08-30 deal add 浙东人民医院 DR影像设备采购 --amount 300万 --stage validate --close 2027-10-20
on 2027-08-30 next add 浙东人民医院 "招标会 9 月 28 日：标书 9 月 20 日前定稿" --date 2027-09-20

on 2027-08-30 customer add 钱塘制药 --grade B --status active
on 2027-08-30 contact add 钱塘制药 孙经理 --title 采购经理 --role buyer --primary --phone 138-5710-0001 --birthday 08-20 --lunar
on 2027-08-30 contact add 钱塘制药 郑总 --title 总经理 --role decision_maker --attitude supporter
on 2027-08-30 visit log 钱塘制药 -c 孙经理 -c 郑总 --date 2027-08-24
on 2027-08-30 deal add 钱塘制药 洁净室监测系统 --amount 45万 --stage negotiate --close 2027-09-10

# A sale from the spring, entered as it happened; the customer has gone quiet and still owes.
on 2027-02-20 customer add 宁波康复中心 --grade C
on 2027-02-20 contact add 宁波康复中心 冯主任 --role buyer --primary --phone 137-5740-0009
on 2027-02-20 deal add 宁波康复中心 理疗床 --amount 12万 --stage negotiate
on 2027-03-02 visit log 宁波康复中心 -c 冯主任
on 2027-03-02 deal won 理疗床
on 2027-03-02 payment plan 理疗床 12万 --due 2027-06-30
on 2027-08-30 customer update 宁波康复中心 --status dormant

on 2027-08-30 customer add 周医生 --kind person --buy-within 1m --phone 186-5710-0001
on 2027-08-30 contact add 周医生 周医生 --primary --birthday 09-03
on 2027-08-30 visit log 周医生 --kind call --date 2027-08-23
on 2027-08-30 customer add 林女士 --kind person --buy-within 1w --phone 186-5710-0002
on 2027-08-30 visit log 林女士 --date 2027-08-28 --note 看了家用血压计和制氧机
on 2027-08-30 customer add 黄先生 --kind person --buy-within 3m --phone 186-5710-0003
on 2027-08-30 visit log 黄先生 --kind call --date 2027-08-16
morning 2027-08-30

# 08-31: eight leads from a trade fair, never contacted, first calls spread over two weeks.
cat > "$leads/leads.csv" <<'CSV'
客户名称,行业,电话
西湖体检连锁,体检,0571-8800-0001
萧山骨科医院,医疗,0571-8800-0002
余杭妇幼保健院,医疗,0571-8800-0003
富阳中医院,医疗,0571-8800-0004
临安社区医院,医疗,0571-8800-0005
桐庐人民医院,医疗,0571-8800-0006
建德口腔诊所,口腔,0571-8800-0007
淳安卫生院,医疗,0571-8800-0008
CSV
on 2027-08-31 import customers "$leads/leads.csv" --first-call-within 10d
on 2027-08-31 visit log 林女士 --kind call --note 约周五来店
morning 2027-08-31

# 09-01: 周医生 does not pick up; the call is logged but is no contact.
on 2027-09-01 visit log 周医生 --kind no_answer
on 2027-09-01 visit log 钱塘制药 -c 孙经理 --deal 洁净室 --kind call --note 价格基本谈妥
morning 2027-09-01
# 09-03: 林女士 buys; 周医生's birthday greeting.
on 2027-09-03 visit log 林女士 --kind visit --note 试用制氧机
on 2027-09-03 deal add 林女士 家用制氧机 --amount 1.2万 --stage negotiate
on 2027-09-03 deal won 家用制氧机
on 2027-09-03 visit log 周医生 --kind greeting --note 生日祝福
morning 2027-09-03
# Saturday 09-04 and Sunday 09-05: nothing logged.
morning 2027-09-06
on 2027-09-06 visit log 浙东人民医院 -c 吴工 --kind visit --deal DR影像 --note 信息科接口要求
on 2027-09-07 visit log 钱塘制药 -c 孙经理 --kind small_gift --note 中秋月饼 --gift-value 600
on 2027-09-07 deal won 洁净室监测系统
on 2027-09-07 payment plan 洁净室监测系统 20万 --due 2027-09-30
on 2027-09-07 payment plan 洁净室监测系统 25万 --due 2027-11-30
morning 2027-09-08
on 2027-09-08 visit log 浙东人民医院 -c 陈院长 --kind small_gift --note 中秋问候
morning 2027-09-09
on 2027-09-10 customer update 黄先生 --buy-within 1m
morning 2027-09-10
morning 2027-09-13
on 2027-09-14 visit log 浙东人民医院 -c 陈院长 -c 赵主任 --kind company_visit --deal DR影像 --note 参观样板医院
on 2027-09-14 deal advance DR影像设备采购
morning 2027-09-15
on 2027-09-16 visit log 黄先生 --kind no_answer
morning 2027-09-17
on 2027-09-20 next done 1 --note 标书已定稿
on 2027-09-20 deal update DR影像设备采购 --note "标书定稿，报价 298 万"
morning 2027-09-22
# 09-28: the tender meeting; won on 09-29.
on 2027-09-28 visit log 浙东人民医院 -c 陈院长 -c 钱科长 --kind visit --deal DR影像 --note 招标会
on 2027-09-29 deal won DR影像设备采购
on 2027-09-29 payment plan DR影像设备采购 90万 --due 2027-10-15
on 2027-09-29 payment plan DR影像设备采购 210万 --due 2027-12-31
morning 2027-09-29
# 09-30: 钱塘制药 does not pay; 孙经理 promises the money after the holiday.
on 2027-09-30 visit log 钱塘制药 -c 孙经理 --kind call --note 国庆后付款
on 2027-09-30 payment promise 洁净室监测系统 2027-10-11
morning 2027-09-30
morning 2027-10-08
morning 2027-10-11
on 2027-10-12 payment received 洁净室监测系统 20万
on 2027-10-15 payment received DR影像设备采购 90万
morning 2027-10-15
