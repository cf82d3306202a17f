#!/usr/bin/env bash
# Mailroot vs Postfix with Postfix's smtp-source: interleaved rounds, ratio per round, median ratio.
set -euo pipefail

usage() { cat <<'EOF'
Usage: bench/smtp-bench.sh [options]
  --dist DIR        Mailroot distribution (default runtime/distribution/target/mailroot-0.1.0-SNAPSHOT)
  --rounds N        interleaved rounds (default 5)
  --messages N      messages per server per round (default 10000)
  --sessions N      parallel smtp-source sessions (default 20)
  --warmup N        unmeasured messages sent to each server before round 1 (JIT, process pools;
                    default 60000: the JVM's C2 compiler still used half of the server's user
                    CPU at 20000 messages, and a mail server runs for days; 0 = none)
  --size N          message body bytes (default 4096)
  --postfix-port P  private Postfix listener on 127.0.0.1 (default 2626)
  --mailroot-port P Mailroot listener on 127.0.0.1 (default 2627)
  --order alternate|postfix-first  order inside a round (default alternate: odd rounds
                    Postfix first, even rounds Mailroot first)
  --postfix-only | --mailroot-only  run one server (no ratio)
  --mailroot-format eml|maildir  Mailroot's Drop/ format (default: the distribution's, eml)
  --keep            keep the temp directory (logs, maillog, Drop/) after the run
  --results FILE    results file (default bench/results/<date>.txt)
Each message uses a NEW connection (smtp-source without -d). Rate = messages / wall time of
smtp-source (acceptance rate, 250 after DATA). CPU ms/msg = server CPU (utime+stime from /proc,
incl. reaped children for Postfix) from before the round until every message of the round has
been delivered, divided by the messages. Must run as root (Postfix master).
EOF
}

here=$(cd "$(dirname "$0")" && pwd); repo=$(dirname "$here")
dist="$repo/runtime/distribution/target/mailroot-0.1.0-SNAPSHOT"
rounds=5 messages=10000 sessions=20 size=4096 warmup=60000 pport=2626 mport=2627 order=alternate
run_pf=1 run_mr=1 keep=0 results="" mformat=""
while (($#)); do
  case "$1" in
    --dist) dist=$2; shift ;;  --rounds) rounds=$2; shift ;;  --messages) messages=$2; shift ;;
    --sessions) sessions=$2; shift ;;  --warmup) warmup=$2; shift ;;  --size) size=$2; shift ;;
    --postfix-port) pport=$2; shift ;;  --mailroot-port) mport=$2; shift ;;
    --order) order=$2; shift ;;  --postfix-only) run_mr=0 ;;  --mailroot-only) run_pf=0 ;;
    --mailroot-format) mformat=$2; shift ;;  --keep) keep=1 ;;  --results) results=$2; shift ;;
    -h|--help) usage; exit 0 ;;  *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac; shift
done
command -v smtp-source >/dev/null || PATH=$PATH:/usr/sbin
dist=$(cd "$dist" 2>/dev/null && pwd || echo "$dist")
if ((run_mr)) && [[ ! -x "$dist/bin/mailroot" ]]; then
  if ((run_pf)); then echo "WARNING: no Mailroot distribution at $dist: Postfix only" >&2; run_mr=0
  else echo "no Mailroot distribution at $dist" >&2; exit 1; fi
fi

tmp=$(mktemp -d /tmp/mailroot-bench.XXXXXX); chmod 755 "$tmp"
pfdir="$tmp/postfix" mrbase="$tmp/mailroot" mrpid=""
mkdir -p "$here/results"; results=${results:-$here/results/$(date +%Y%m%d-%H%M%S).txt}
CLK_TCK=$(getconf CLK_TCK)
if ((run_mr)); then  # run a private copy: a concurrent `mvn install` may rebuild the distribution
  cp -r "$dist" "$tmp/dist"; rm -rf "$tmp/dist/data" "$tmp/dist/logs" "$tmp/dist/mailroot"; srcdist=$dist; dist="$tmp/dist"
fi
log() { echo "$*" | tee -a "$results"; }

cleanup() {
  set +e
  if ((run_mr)) && [[ -d "$mrbase" ]]; then MAILROOT_BASE="$mrbase" "$dist/bin/mailroot" stop >/dev/null 2>&1
    for _ in $(seq 1 100); do [[ -n "$mrpid" ]] && kill -0 "$mrpid" 2>/dev/null || break; sleep 0.1; done
    [[ -n "$mrpid" ]] && kill -0 "$mrpid" 2>/dev/null && { echo "mailroot $mrpid still running: TERM" >&2; kill "$mrpid"; }
  fi
  ((run_pf)) && "$here/postfix-setup.sh" stop "$pfdir" >/dev/null 2>&1
  if ((keep)); then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

# CPU clock ticks of pids: fields after the ")" of /proc/pid/stat: utime=14 stime=15 cutime=16 cstime=17.
ticks() {  # ticks WITH_CHILDREN pid...
  local with=$1; shift; local sum=0 p f
  for p in "$@"; do
    f=$(cat "/proc/$p/stat" 2>/dev/null) || continue; f=${f##*) }; set -- $f
    # after stripping "pid (comm) ", $1 is state (field 3): utime=$12 stime=$13 cutime=$14 cstime=$15
    sum=$((sum + ${12} + ${13})); ((with)) && sum=$((sum + ${14} + ${15}))
  done; echo "$sum"
}
pf_ticks() {  # master + live descendants (master's cutime holds the processes it reaped)
  local pids; pids=$("$here/postfix-setup.sh" pids "$pfdir" | tac); ticks 1 $pids
}
mr_ticks() { ticks 0 "$mrpid"; }
mr_count() { { find "$mrbase/mailroot/Drop" -type f 2>/dev/null || true; } | wc -l; }
pf_count() { "$here/postfix-setup.sh" count "$pfdir"; }
# Resets move the last round's mail aside instead of deleting it: see run_one.
mr_reset() { mkdir -p "$mrbase/trash"; find "$mrbase/mailroot/Drop" -mindepth 1 -type f -exec mv -t "$mrbase/trash" {} + 2>/dev/null || true; }
pf_reset() { "$here/postfix-setup.sh" reset "$pfdir"; }

greeting() {  # greeting PORT TIMEOUT_S: wait for "220"
  local end=$((SECONDS + $2)) line
  while ((SECONDS < end)); do
    if { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null; then
      line=""; read -r -t 5 line <&3 || true; printf 'QUIT\r\n' >&3 2>/dev/null || true; exec 3<&- 3>&-
      [[ "$line" == 220* ]] && return 0
    fi; sleep 0.5
  done; return 1
}

start_mailroot() {
  mkdir -p "$mrbase"
  [[ -d "$dist/etc" ]] && cp -r "$dist/etc" "$mrbase/"
  mkdir -p "$mrbase/etc"
  local lcfg="$mrbase/etc/org.mailroot.listener~default.cfg" dcfg="$mrbase/etc/org.mailroot.delivery.local.cfg"
  [[ -f "$lcfg" ]] || printf 'name=default\nbindAddress=0.0.0.0\nport=2525\n' > "$lcfg"
  sed -i -e "s/^port=.*/port=$mport/" -e "s/^bindAddress=.*/bindAddress=127.0.0.1/" "$lcfg"
  # Only the MX listener is measured (Postfix has one listener too); the submission/smtps virtual
  # servers and the admin endpoint would otherwise take 2587/2465/2580 from a server already there.
  rm -f "$mrbase/etc/org.mailroot.listener~submission.cfg" "$mrbase/etc/org.mailroot.listener~smtps.cfg"
  [[ -f "$mrbase/etc/org.mailroot.admin.cfg" ]] && sed -i "s/^port=.*/port=0/" "$mrbase/etc/org.mailroot.admin.cfg"
  if [[ -n "$mformat" ]]; then
    [[ -f "$dcfg" ]] && sed -i "/^format=/d" "$dcfg"; echo "format=$mformat" >> "$dcfg"
  fi
  MAILROOT_BASE="$mrbase" "$dist/bin/mailroot" start > "$tmp/mailroot-start.out" 2>&1 \
    || { cat "$tmp/mailroot-start.out" >&2; exit 1; }
  greeting "$mport" 30 || { echo "Mailroot: no 220 on $mport" >&2; cat "$tmp/mailroot-start.out" >&2; exit 1; }
  # The server JVM: a pid file under the instance, else the java process whose environment names it.
  local f p; f=$(find "$mrbase" -maxdepth 3 -name '*.pid' 2>/dev/null | head -1)
  [[ -n "$f" ]] && mrpid=$(tr -dc '0-9' < "$f")
  if [[ -z "$mrpid" ]] || ! kill -0 "$mrpid" 2>/dev/null; then mrpid=""
    for p in /proc/[0-9]*; do
      [[ $(cat "$p/comm" 2>/dev/null) == java ]] || continue
      if tr '\0' '\n' < "$p/environ" 2>/dev/null | grep -qx "MAILROOT_BASE=$mrbase" \
         || tr '\0' '\n' < "$p/cmdline" 2>/dev/null | grep -q -- "$mrbase"; then mrpid=${p#/proc/}; break; fi
    done
  fi
  [[ -n "$mrpid" ]] || { echo "Mailroot JVM pid not found" >&2; exit 1; }
}

# Machine-wide busy ticks (user+nice+system of all CPUs, /proc/stat) and this shell's reaped
# children's CPU in ticks (bash `times`, 2nd line): used to estimate what OTHER programs took.
busy_ticks() { awk '$1=="cpu"{print $2+$3+$4; exit}' /proc/stat; }
child_ticks() {  # `times` must run in this shell (not in a pipeline/$(...) subshell) to see its children
  times > "$tmp/times"; tail -1 "$tmp/times" | tr 'ms' '  ' | awk -v hz="$CLK_TCK" '{printf "%d", ($1*60+$2+$3*60+$4)*hz}'
}

# run_one NAME PORT -> sets R_RATE R_CPU R_ERR R_MISSING R_OTHER
run_one() {
  local name=$1 port=$2 before t0 t1 c0 c1 cm n err end b0 b1 k0 k1
  # The last round's mail is moved aside, not deleted: ext4 without a journal makes every file
  # creation skip, and check one by one, the free inodes deleted in the last 5 s (300 s while their
  # inode-table block is dirty). Deleting 10,000 files here made both servers pay for the
  # benchmark's own clean-up during the next round. Everything is deleted at the end.
  "${name}_reset"; sync; sleep 1
  before=$("${name}_count"); c0=$("${name}_ticks")
  b0=$(busy_ticks); child_ticks > "$tmp/k"; k0=$(< "$tmp/k"); t0=$(date +%s%N)
  smtp-source -A -s "$sessions" -l "$size" -m "$messages" -M bench.client \
    -f sender@bench.test -t bench@localhost "127.0.0.1:$port" 2> "$tmp/$name-err.txt" || true
  t1=$(date +%s%N); b1=$(busy_ticks); child_ticks > "$tmp/k"; k1=$(< "$tmp/k"); cm=$("${name}_ticks")
  end=$((SECONDS + 300))   # wait for delivery: CPU counts the whole work of a message
  while n=$(("$("${name}_count")" - before)); ((n < messages && SECONDS < end)); do sleep 0.2; done
  c1=$("${name}_ticks")
  err=$(grep -c -E 'warning|fatal|error' "$tmp/$name-err.txt" || true)
  ((err)) && { echo "$name smtp-source: $(sort "$tmp/$name-err.txt" | uniq -c | sort -rn | head -3)" >&2; }
  R_RATE=$(awk -v m="$messages" -v d=$((t1 - t0)) 'BEGIN{printf "%.0f", m / (d / 1e9)}')
  R_CPU=$(awk -v t=$((c1 - c0)) -v hz="$CLK_TCK" -v m="$messages" 'BEGIN{printf "%.3f", t * 1000 / hz / m}')
  # % of the machine used by others while smtp-source ran: busy - server - smtp-source (+ a few
  # % of kernel time not charged to either; a rough noise indicator, not a measurement)
  R_OTHER=$(awk -v o=$((b1 - b0 - (cm - c0) - (k1 - k0))) -v d=$((t1 - t0)) -v hz="$CLK_TCK" -v n="$(nproc)" \
    'BEGIN{v = 100 * o / hz / (d / 1e9) / n; printf "%.0f", v < 0 ? 0 : v}')
  R_ERR=$err R_MISSING=$((messages - n))
}

log "# smtp-bench $(date -Is) host=$(hostname) cores=$(nproc) commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null)"
log "# messages=$messages sessions=$sessions size=$size rounds=$rounds order=$order new connection per message"
log "# smtp-source -A -s $sessions -l $size -m $messages; postfix $(postconf -h mail_version) on :$pport; mailroot ${srcdist:-none} on :$mport"
if ((run_pf)); then
  "$here/postfix-setup.sh" init "$pfdir" "$pport" >/dev/null
  "$here/postfix-setup.sh" start "$pfdir"
  "$here/postfix-setup.sh" verify "$pfdir" >/dev/null || { echo "Postfix verify failed" >&2; exit 1; }
fi
((run_mr)) && start_mailroot
if ((run_mr)); then
  swaks --server 127.0.0.1 --port "$mport" --from sender@bench.test --to bench@localhost \
    > "$tmp/mailroot-swaks.txt" 2>&1 || { echo "Mailroot: swaks failed:" >&2; tail -5 "$tmp/mailroot-swaks.txt" >&2; exit 1; }
fi

if ((warmup > 0)); then  # not measured: lets the JIT compile the hot paths and Postfix spawn its pools
  for pp in $( ((run_pf)) && echo "$pport") $( ((run_mr)) && echo "$mport"); do
    smtp-source -A -s "$sessions" -l "$size" -m "$warmup" -M bench.client -f sender@bench.test \
      -t bench@localhost "127.0.0.1:$pp" 2>> "$tmp/warmup-err.txt" || true
  done
  end=$((SECONDS + 120))   # its deliveries must not spill into round 1
  for nm in $( ((run_pf)) && echo pf) $( ((run_mr)) && echo mr); do
    while (($("${nm}_count") < warmup && SECONDS < end)); do sleep 0.2; done
  done
fi
log "# warm-up: $warmup messages per server (not measured)"

fmt="%-5s %12s %12s %7s %10s %10s %8s %8s %8s\n"
# shellcheck disable=SC2059
log "$(printf "$fmt" round postfix/s mailroot/s ratio mr_ms/msg pf_ms/msg errors missing others%)"
ratios=()
for ((r = 1; r <= rounds; r++)); do
  pr=- pc=- mr=- mc=- ratio=- errs=0 miss=0 po=- mo=-
  if [[ $order == alternate ]] && ((r % 2 == 0)); then seq_=(mailroot postfix); else seq_=(postfix mailroot); fi
  for s in "${seq_[@]}"; do
    if [[ $s == postfix ]] && ((run_pf)); then run_one pf "$pport"; pr=$R_RATE pc=$R_CPU po=$R_OTHER
    elif [[ $s == mailroot ]] && ((run_mr)); then run_one mr "$mport"; mr=$R_RATE mc=$R_CPU mo=$R_OTHER
    else continue; fi
    errs=$((errs + R_ERR)); miss=$((miss + R_MISSING))
  done
  if ((run_pf && run_mr)); then ratio=$(awk -v a="$mr" -v b="$pr" 'BEGIN{printf "%.2f", a / b}'); ratios+=("$ratio"); fi
  # shellcheck disable=SC2059
  log "$(printf "$fmt" "$r" "$pr" "$mr" "$ratio" "$mc" "$pc" "$errs" "$miss" "$po/$mo")"
done
if ((${#ratios[@]})); then
  log "median ratio mailroot/postfix: $(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END{printf "%.2f\n", (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')"
fi
log "# results: $results"
