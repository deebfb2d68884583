#!/usr/bin/env bash
# Check-in writes under load (issue 3): PUT /api/v1/households/{id}/checkins/{month} on SQLite for
# DURATION seconds with wrk, /health/live in the same run as the baseline, then counts the check-ins
# stored against the 200s acknowledged, and reports the web process's peak memory.
#
#   dotnet run -c Release --project bench/Mutua.Bench -- generate --db /tmp/mutua-100k.db \
#       --households 100000 --months 36 --load-people 10000
#   bench/load/checkin-put.sh /tmp/mutua-100k.db [DURATION=60] [CONNECTIONS=32]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DB="$(realpath "${1:?database path (generate it with --load-people)}")"
DURATION="${2:-60}"
CONNECTIONS="${3:-32}"
PEOPLE="${LOAD_PEOPLE:-10000}"
PORT="${LOAD_PORT:-5180}"
URL="http://127.0.0.1:$PORT"
# Bearer tokens last seven days (Program.cs) and their keys live in the database: a rerun within six
# days reuses them, which saves the ten minutes of signing 10,000 people in.
TOKENS="/tmp/mutua-load-tokens-$(basename "$DB").txt"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

dotnet build -c Release "$ROOT/src/Mutua.Web" -v q -nologo >/dev/null
dotnet build -c Release "$ROOT/bench/Mutua.Bench" -v q -nologo >/dev/null
BENCH="dotnet $ROOT/bench/Mutua.Bench/bin/Release/net10.0/Mutua.Bench.dll"

# A month that is open in every community's time zone: the month it is twelve hours ago in UTC.
MONTH="$(date -u -d '12 hours ago' +%Y-%m)"
$BENCH load-count --db "$DB" --month "$MONTH" --reset true

cd "$ROOT/src/Mutua.Web"
env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$URL" Mutua__PublicAddress="$URL" Mutua__Demo=false \
    ConnectionStrings__Mutua="Data Source=$DB" Mutua__RateLimits__SignInPerMinute=1000000 \
    Logging__LogLevel__Default=Warning \
    dotnet bin/Release/net10.0/Mutua.Web.dll >/tmp/mutua-load-web.log 2>&1 &
WEB=$!
trap 'kill $WEB 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$URL/health/ready" >/dev/null && break; sleep 0.5; done
curl -fs "$URL/health/ready" >/dev/null || { echo "the web app did not start; see /tmp/mutua-load-web.log" >&2; exit 1; }
echo "web process $WEB on $URL, database $DB, month $MONTH"

if [ -z "$(find "$TOKENS" -mmin -8640 2>/dev/null)" ]; then
    $BENCH load-tokens --url "$URL" --people "$PEOPLE" --out "$TOKENS"
fi
# A fresh process runs slower for its first half minute (JIT tiers, SQLite page cache): warm it with
# check-ins, then put the month back as it was.
echo "warming up (30 s of check-ins)"
wrk -t2 -c"$CONNECTIONS" -d30s --timeout 10s -s "$ROOT/bench/load/checkin-put.lua" "$URL" -- "$MONTH" "$TOKENS" 2 >/dev/null
$BENCH load-count --db "$DB" --month "$MONTH" --reset true
echo "== baseline: GET /health/live, ${DURATION}s, $CONNECTIONS connections"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/load/health.lua" "$URL/health/live" | tail -n 1
echo "== PUT check-in, ${DURATION}s, $CONNECTIONS connections"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$ROOT/bench/load/checkin-put.lua" "$URL" -- "$MONTH" "$TOKENS" 2 | tail -n 2
sleep 1
$BENCH load-count --db "$DB" --month "$MONTH"
grep -E 'VmHWM|VmRSS' "/proc/$WEB/status"
