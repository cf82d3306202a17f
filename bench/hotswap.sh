#!/usr/bin/env bash
# Hot swap under load, larger runs: the itest HotSwapUnderLoadIT with bigger sizes and longer phases.
set -euo pipefail

usage() { cat <<'EOF2'
Usage: bench/hotswap.sh [options]
  --threads N       client threads / connections (default 8); even ones send 5 messages per
                    connection, odd ones connect for every message
  --rounds N        repetitions of the sequence (b) plugin update, (c) listener limit change,
                    (d) pause + resume, (a) bin/mailroot feature disable + enable
                    delivery-local (default 3)
  --phase-seconds S minimum time under load after each change (default 10)
  --per-phase N     minimum acknowledged messages after each change (default 200)
  --pause-seconds S how long the virtual server stays paused in (d) (default 2)
  --size BYTES      message body size (default 4096)
  --max-gap-ms MS   fail when the longest gap between two 250s outside a pause exceeds this
                    (default 10000)
  --results FILE    results file (default bench/results/hotswap-<date>.txt)
Runs the real server in-process (Felix, the distribution's bundles) through Maven/Failsafe,
offline (-o), then prints the HOTSWAP summary: acknowledged, failed, lost and duplicated
messages, 4xx replies retried by the clients (connections refused while paused, other 4xx),
the longest gap between two acknowledged transactions (overall and outside the pause), the
longest single transaction, and per step the messages acknowledged and the longest gap.
Exit status: the test's (0 = no failed or lost transaction).
EOF2
}

here=$(cd "$(dirname "$0")" && pwd); repo=$(dirname "$here")
threads=8 rounds=3 phase=10 perphase=200 pause=2 size=4096 maxgap=10000 results=""
while (($#)); do
  case "$1" in
    --threads) threads=$2; shift ;;  --rounds) rounds=$2; shift ;;  --phase-seconds) phase=$2; shift ;;
    --per-phase) perphase=$2; shift ;;  --pause-seconds) pause=$2; shift ;;  --size) size=$2; shift ;;  --max-gap-ms) maxgap=$2; shift ;;
    --results) results=$2; shift ;;
    -h|--help) usage; exit 0 ;;  *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac; shift
done
for v in "$threads" "$rounds" "$phase" "$perphase" "$pause" "$size" "$maxgap"; do
  [[ $v =~ ^[0-9]+$ ]] || { echo "not a number: $v" >&2; usage >&2; exit 2; }
done
mkdir -p "$here/results"; results=${results:-$here/results/hotswap-$(date +%Y%m%d-%H%M%S).txt}

props=(-Dmailroot.hotswap.threads="$threads" -Dmailroot.hotswap.rounds="$rounds"
  -Dmailroot.hotswap.phaseMillis=$((phase * 1000)) -Dmailroot.hotswap.perPhase="$perphase"
  -Dmailroot.hotswap.pauseMillis=$((pause * 1000)) -Dmailroot.hotswap.bodyBytes="$size" -Dmailroot.hotswap.maxGapMillis="$maxgap")
# only this test: no unit tests, no other itest, no distribution smoke test
only=(-Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=HotSwapUnderLoadIT
  -Dfailsafe.failIfNoSpecifiedTests=false)
# -am: the itests need the example bundles and the distribution of this same build (never installed)
modules=(-pl itests -am)

echo "hotswap: threads=$threads rounds=$rounds phase=${phase}s perPhase=$perphase pause=${pause}s size=$size (log: $results)"
start=$(date +%s)
status=0
(cd "$repo" && mvn -B -o verify "${modules[@]}" "${only[@]}" "${props[@]}") > "$results.mvn.log" 2>&1 || status=$?
output="$repo/itests/target/failsafe-reports/org.mailroot.itests.HotSwapUnderLoadIT-output.txt"
{
  echo "hotswap.sh $(date -u +%FT%TZ) threads=$threads rounds=$rounds phaseSeconds=$phase perPhase=$perphase pauseSeconds=$pause size=$size"
  echo "host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  if [[ -f $output ]]; then grep '^HOTSWAP' "$output" || echo "no HOTSWAP summary in $output"
  else echo "no test output ($output): see $results.mvn.log"; fi
  echo "wall time $(( $(date +%s) - start )) s, exit status $status"
} | tee "$results"
if ((status)); then grep -E 'FAIL|ERROR' "$results.mvn.log" | head -20 >&2; fi
exit "$status"
