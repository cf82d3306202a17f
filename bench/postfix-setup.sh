#!/usr/bin/env bash
# Private Postfix instance for the Mailroot benchmark: own config/queue/data/mail directories under
# one directory, an SMTP listener on a loopback port, virtual(8) delivery of every recipient of the
# test domain into ONE Maildir. It never touches /etc/postfix's instance (not started, not reloaded).
#
# Usage: postfix-setup.sh init|start|stop|reset|count|pids|verify DIR [PORT]
#   init   DIR [PORT]  write DIR/etc/{main,master}.cf, create directories (default port 2626)
#   start  DIR         postfix -c DIR/etc start (waits for the listener)
#   stop   DIR         postfix -c DIR/etc stop (waits for master to exit)
#   reset  DIR         empty the Maildir (use between rounds while the instance is idle)
#   count  DIR         number of delivered messages (files in Maildir/new + Maildir/cur)
#   pids   DIR         pid of master followed by the pids of all its descendants
#   verify DIR         send one message with swaks and check it lands in the Maildir
# Env: BENCH_DOMAIN (default localhost), BENCH_MAIL_UID/GID (owner of the Maildir, default nobody).
set -euo pipefail

cmd=${1:-}; dir=${2:-}
[[ -n "$cmd" && -n "$dir" ]] || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
port=${3:-2626}
domain=${BENCH_DOMAIN:-localhost}
conf="$dir/etc"
maildir="$dir/mail/bench"        # static map below: every recipient -> bench/ (trailing / = Maildir)

pf() { postfix -c "$conf" "$@"; }
master_pid() { [[ -f "$dir/queue/pid/master.pid" ]] && tr -d ' \n' < "$dir/queue/pid/master.pid" || true; }

init() {
  [[ $(id -u) -eq 0 ]] || { echo "postfix-setup: must run as root (postfix master runs as root)" >&2; exit 1; }
  local uid=${BENCH_MAIL_UID:-$(id -u nobody)} gid=${BENCH_MAIL_GID:-$(id -g nobody)}
  mkdir -p "$conf" "$dir/queue" "$dir/data" "$maildir"
  # mktemp -d parents are 0700: postfix (queue) and nobody (Maildir) must be able to traverse them.
  chmod 755 "$dir" "$conf" "$dir/queue" "$dir/mail"
  chown postfix:postfix "$dir/data"
  chown -R "$uid:$gid" "$dir/mail"
  : > "$conf/main.cf"
  # chroot=n everywhere: a chroot would need copies of /etc/{hosts,resolv.conf,services} in the queue.
  cat > "$conf/master.cf" <<EOF
127.0.0.1:$port inet n - n - - smtpd
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n -  0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n -  - trivial-rewrite
bounce    unix  - - n -  0 bounce
defer     unix  - - n -  0 bounce
trace     unix  - - n -  0 bounce
verify    unix  - - n -  1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n -  - proxymap
showq     unix  n - n -  - showq
error     unix  - - n -  - error
retry     unix  - - n -  - error
discard   unix  - - n -  - discard
local     unix  - n n -  - local
virtual   unix  - n n -  - virtual
smtp      unix  - - n -  - smtp
anvil     unix  - - n -  1 anvil
scache    unix  - - n -  1 scache
postlog   unix-dgram n - n - 1 postlogd
EOF
  postconf -c "$conf" -e \
    "compatibility_level = 3.6" \
    "queue_directory = $dir/queue" \
    "data_directory = $dir/data" \
    "mail_owner = postfix" "setgid_group = postdrop" \
    "myhostname = postfix-bench.localdomain" "mydomain = localdomain" \
    "inet_interfaces = 127.0.0.1" "inet_protocols = ipv4" \
    "mynetworks = 127.0.0.0/8" \
    "mydestination =" "relay_domains =" "relayhost =" \
    "alias_maps =" "alias_database =" \
    "virtual_mailbox_domains = $domain" \
    "virtual_mailbox_base = $dir/mail" \
    "virtual_mailbox_maps = static:bench/" \
    "virtual_uid_maps = static:$uid" "virtual_gid_maps = static:$gid" \
    "virtual_minimum_uid = 1" \
    "smtp_dns_support_level = disabled" "lmtp_dns_support_level = disabled" \
    "smtpd_peername_lookup = no" \
    "default_process_limit = 200" \
    "smtpd_client_connection_count_limit = 0" "smtpd_client_connection_rate_limit = 0" \
    "smtpd_client_message_rate_limit = 0" \
    "smtpd_relay_restrictions = reject_unauth_destination" \
    "biff = no" "smtputf8_enable = no" \
    "maillog_file_prefixes = $dir" "maillog_file = $dir/maillog"
  # Creates the queue subdirectories with the owners/modes of postfix-files (meta_directory).
  pf set-permissions >/dev/null 2>&1 || true
  pf check
  echo "postfix instance in $dir, listening on 127.0.0.1:$port, Maildir $maildir"
}

wait_port() {  # wait until something answers 220 on the port from master.cf
  local p; p=$(awk '$2=="inet"{split($1,a,":"); print a[2]}' "$conf/master.cf")
  for _ in $(seq 1 100); do
    if { exec 3<>"/dev/tcp/127.0.0.1/$p"; } 2>/dev/null; then
      local line; read -r -t 5 line <&3 || true; printf 'QUIT\r\n' >&3; exec 3<&- 3>&-
      [[ "$line" == 220* ]] && return 0
    fi
    sleep 0.1
  done
  echo "postfix-setup: no 220 greeting on port $p" >&2; return 1
}

case "$cmd" in
  init)  init ;;
  start) pf start; wait_port ;;
  stop)
    pid=$(master_pid); pf stop || true
    for _ in $(seq 1 100); do [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done ;;
  reset)  # moved aside, not deleted (see smtp-bench.sh run_one)
    mkdir -p "$dir/trash"
    find "$maildir/new" "$maildir/cur" "$maildir/tmp" -type f -exec mv -t "$dir/trash" {} + 2>/dev/null || true ;;
  count) { find "$maildir/new" "$maildir/cur" -type f 2>/dev/null || true; } | wc -l ;;
  pids)
    pid=$(master_pid); [[ -n "$pid" ]] || exit 1
    # breadth-first walk of /proc/<pid>/task/*/children
    todo=("$pid"); while ((${#todo[@]})); do
      p=${todo[0]}; todo=("${todo[@]:1}"); echo "$p"
      for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do todo+=("$c"); done
    done ;;
  verify)
    p=$(awk '$2=="inet"{split($1,a,":"); print a[2]}' "$conf/master.cf")
    before=$("$0" count "$dir")
    swaks --server 127.0.0.1 --port "$p" --from sender@bench.test --to "bench@$domain" \
      --header "Subject: postfix-setup verify" | grep -E '^<- +250 .*queued' || { echo "not queued" >&2; exit 1; }
    for _ in $(seq 1 50); do
      n=$("$0" count "$dir"); ((n > before)) && { echo "delivered: $n message(s) in $maildir"; exit 0; }
      sleep 0.1
    done
    echo "postfix-setup: message not delivered to $maildir (see $dir/maillog)" >&2; exit 1 ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
