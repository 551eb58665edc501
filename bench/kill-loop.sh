#!/usr/bin/env bash
# kill -9 loop: nothing that storytrack announced as stored may be lost.
#
#   bench/kill-loop.sh [--rounds N] [--records N] [--clients N] [--work DIR]
#
# (a) ingest: a generated JSONL file (--records, default 3000) is ingested with --batch 100 and
#     the process is killed with SIGKILL at a random moment, then run again, --rounds times (default
#     5), then once to completion. ingest sorts its input by publication time and the generated
#     records are published in id order, so "committed ... last id kl-00X" means every record up
#     to X is committed; each of them must be in the store after the kills.
# (b) serve: --clients (default 3) curl loops post small JSONL batches while the server is killed
#     with SIGKILL and restarted, --rounds times (every 1-5 s); an id counts as acknowledged when its
#     POST (10 articles) got a 200. After the last kill every acknowledged id must be in the store.
# The store is read back with `storytrack search` (which also proves it opens). Exit 0 when nothing
# acknowledged is lost, 1 otherwise. Uses ./storytrack as it is (which builds the jar when stale),
# curl, jq and python3. A default run takes 2-4 minutes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
st="$root/storytrack"
rounds=5 records=3000 clients=3 work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --records) records="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "kill-loop: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for tool in curl jq python3; do
  command -v "$tool" >/dev/null || { echo "kill-loop: $tool is needed" >&2; exit 2; }
done
[ -n "$work" ] || work="$(mktemp -d -t storytrack-kill-loop.XXXXXX)"
mkdir -p "$work"
echo "kill-loop: working in $work (rounds $rounds, records $records, clients $clients)"
"$st" --version >/dev/null # builds the jar first if needed, outside any timing

# A random number of milliseconds in [lo, hi].
rand_ms() { python3 -c "import random,sys; print(random.randint(int(sys.argv[1]), int(sys.argv[2])))" "$1" "$2"; }
sleep_ms() { sleep "$(awk -v m="$1" 'BEGIN { printf "%.3f", m / 1000 }')"; }

# Every stored id of the generated records (their text holds "killmark"), one a line, sorted.
stored_ids() {
  local store="$1" offset=0 page
  : >"$work/stored.ids"
  while :; do
    if ! page="$("$st" search killmark --store "$store" --order oldest --limit 1000 --offset "$offset" --json 2>"$work/search.err")"; then
      echo "  cannot read $store: $(tail -n 1 "$work/search.err")"
      return 1
    fi
    local n
    n="$(jq '.articles | length' <<<"$page")"
    jq -r '.articles[].id' <<<"$page" >>"$work/stored.ids"
    [ "$n" -eq 1000 ] || break
    offset=$((offset + 1000))
  done
  sort -u -o "$work/stored.ids" "$work/stored.ids"
}

# Generated articles: varied words so that they form many stories, unique publication times.
gen() { # gen PREFIX FIRST COUNT MINUTE0
  python3 - "$@" <<'EOF'
import json, random, sys, datetime
prefix, first, count, minute0 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
words = ("harbour council rail strike vote budget river flood bridge school hospital election court trial"
         " market bank energy grid storm drought wildfire port tariff union mayor police museum festival"
         " airport ferry mine farm").split()
base = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
for i in range(first, first + count):
    w = random.sample(words, 6)
    t = (base + datetime.timedelta(minutes=minute0 + i)).strftime("%Y-%m-%dT%H:%M:%SZ")
    print(json.dumps({"id": "%s-%06d" % (prefix, i), "source": "kill.example", "published": t,
        "title": " ".join(w[:4]).capitalize() + " %d" % i,
        "text": "killmark %s. The %s %s said on Tuesday that the %s would be reviewed, record %d."
                % (" ".join(w), w[0], w[1], w[2], i)}))
EOF
}

failed=0

# ---------------------------------------------------------------- (a) ingest
gen kl 1 "$records" 0 >"$work/records.jsonl"
store="$work/ingest-store"
rm -rf "$store" "$work/scratch-store"
start=$(date +%s%N)
"$st" ingest --store "$work/scratch-store" --batch 100 "$work/records.jsonl" 2>/dev/null
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
rm -rf "$work/scratch-store"
echo "ingest: an uninterrupted run takes $full_ms ms; killing at random in [300, $full_ms] ms"
kills=0 finished=0 committed=0 ingest_lost=0
for ((r = 1; r <= rounds; r++)); do
  log="$work/ingest-$r.log"
  "$st" ingest --store "$store" --batch 100 "$work/records.jsonl" 2>"$log" &
  pid=$!
  sleep_ms "$(rand_ms 300 "$full_ms")"
  if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
  rc=0; { wait "$pid"; } 2>/dev/null || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 137 ]; then
    echo "ingest round $r: exit $rc without being killed: $(tail -n 1 "$log")"; failed=1
  fi
  [ "$rc" -eq 0 ] && finished=$((finished + 1))
  last="$(grep -o 'last id kl-[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)"
  [ -n "$last" ] && [ "$((10#$last))" -gt "$committed" ] && committed=$((10#$last))
  # Killed before its first commit, a run may leave no store yet; after one, it must open.
  stored_ids "$store" || { [ "$committed" -eq 0 ] || failed=1; }
  for ((i = 1; i <= committed; i++)); do printf 'kl-%06d\n' "$i"; done >"$work/announced.ids"
  missing=$(comm -23 "$work/announced.ids" "$work/stored.ids" | wc -l)
  echo "ingest round $r: exit $rc, announced committed up to kl-$(printf %06d "$committed"), stored $(wc -l <"$work/stored.ids"), lost $missing"
  [ "$missing" -eq 0 ] || { failed=1; ingest_lost=$((ingest_lost + missing)); }
done
"$st" ingest --store "$store" --batch 100 "$work/records.jsonl" 2>"$work/ingest-final.log" || { echo "ingest: the final run failed: $(tail -n 1 "$work/ingest-final.log")"; failed=1; }
stored_ids "$store" || failed=1
echo "ingest: $kills kills ($finished runs finished first), lost $ingest_lost; after a final run $(wc -l <"$work/stored.ids") of $records stored"
[ "$(wc -l <"$work/stored.ids")" -eq "$records" ] || failed=1

# ---------------------------------------------------------------- (b) serve under posting clients
store="$work/serve-store"
rm -rf "$store"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
server=""
start_server() {
  "$st" serve --store "$store" --port "$port" >"$work/serve.out" 2>>"$work/serve.err" &
  server=$!
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "$url/api/health" && return 0
    kill -0 "$server" 2>/dev/null || { echo "serve: did not start: $(tail -n 1 "$work/serve.err")"; return 1; }
    sleep 0.1
  done
  echo "serve: no answer within 30 s"; return 1
}
# One client: posts 10 articles at a time; a 200 acknowledges all ten. After a refused connection
# (the server is down) or another status it goes on with the next batch: what was not
# acknowledged may or may not be stored.
client() {
  local c="$1" seq=1 body code
  gen "c$c" 1 100000 $((c * 1000000)) >"$work/client-$c.jsonl"
  while [ ! -e "$work/stop" ]; do
    body="$(sed -n "${seq},$((seq + 9))p" "$work/client-$c.jsonl")"
    code="$(curl -s -o /dev/null -w '%{http_code}' -m 20 -H 'Content-Type: application/json' \
      --data-binary "$body" "$url/api/articles" || true)"
    if [ "$code" = 200 ] || [ "$code" = 201 ]; then
      jq -r .id <<<"$body" >>"$work/acked-$c.ids"
    else
      sleep 0.05
    fi
    seq=$((seq + 10))
  done
}
rm -f "$work/stop" "$work"/acked-*.ids
start_server || failed=1
client_pids=()
for ((c = 1; c <= clients; c++)); do
  : >"$work/acked-$c.ids"
  client "$c" &
  client_pids+=($!)
done
serve_kills=0
for ((r = 1; r <= rounds; r++)); do
  sleep_ms "$(rand_ms 1000 5000)"
  kill -9 "$server" 2>/dev/null && serve_kills=$((serve_kills + 1))
  { wait "$server"; } 2>/dev/null || true
  start_server || failed=1
done
touch "$work/stop"
for p in "${client_pids[@]}"; do wait "$p" || true; done
kill -9 "$server" 2>/dev/null && serve_kills=$((serve_kills + 1)) # the last kill, after the clients' last acks
{ wait "$server"; } 2>/dev/null || true
cat "$work"/acked-*.ids | sort -u >"$work/acked.ids"
stored_ids "$store" || failed=1
serve_lost=$(comm -23 "$work/acked.ids" "$work/stored.ids" | wc -l)
echo "serve: $serve_kills kills under $clients clients, $(wc -l <"$work/acked.ids") acknowledged, $(wc -l <"$work/stored.ids") stored, lost $serve_lost"
[ "$serve_lost" -eq 0 ] || { comm -23 "$work/acked.ids" "$work/stored.ids" | head -n 5; failed=1; }

if [ "$failed" -eq 0 ]; then echo "kill-loop: OK, nothing acknowledged was lost"; else echo "kill-loop: FAILED"; fi
exit "$failed"
