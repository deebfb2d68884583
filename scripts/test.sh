#!/usr/bin/env bash
# Every test tier, on a fresh Debian machine or a warm one:
#   installs what the tests need when it is missing (Debian's chromium, PostgreSQL, python3-networkx, python3-openpyxl,
#   fonts-dejavu-core, poppler-utils),
#   starts a throwaway PostgreSQL cluster on a free port (stopped on exit),
#   builds once, runs Core, Web on SQLite, Web on PostgreSQL and Browser tests,
#   and ends with one line: "tests: N passed, N failed" (", N skipped" when any were).
# Exits non-zero when a test failed or a run crashed. Set MUTUA_TEST_CONFIGURATION=Release to build Release.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CONFIGURATION="${MUTUA_TEST_CONFIGURATION:-Debug}"
RESULTS="$(mktemp -d "${TMPDIR:-/tmp}/mutua-tests.XXXXXX")"
START=$SECONDS
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No build processes left running after the script ends.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

say() { printf '== %s\n' "$*" >&2; }

# ------------------------------------------------------------------ what the tests need

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
fi

APT_UPDATED=0
apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        say "apt-get is not here; please install: $*"
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    # Update the package lists only when there are none, or when the install cannot find the package.
    if [ "$APT_UPDATED" -eq 0 ] && [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -print -quit 2>/dev/null)" ]; then
        $SUDO apt-get update -qq && APT_UPDATED=1
    fi
    if ! $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then
        if [ "$APT_UPDATED" -eq 1 ]; then return 1; fi
        $SUDO apt-get update -qq && APT_UPDATED=1
        $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    fi
}

if [ ! -x /usr/bin/chromium ]; then
    say "installing chromium for the browser tests"
    apt_install chromium || say "could not install chromium; the browser tests will fail"
fi

# The export tests read the help map's GEXF and GraphML with networkx and the insights workbook with openpyxl,
# Debian's own, under /usr/bin/python3 (not a pyenv or virtual environment's python3 on PATH).
if ! /usr/bin/python3 -c 'import networkx, openpyxl' >/dev/null 2>&1; then
    say "installing python3-networkx and python3-openpyxl for the export tests"
    apt_install python3-networkx python3-openpyxl || say "could not install python3-networkx and python3-openpyxl; the export tests will fail"
fi

# The passbook and meeting-sheet PDFs are written in DejaVu Sans (the app needs it at run time too: README), and the
# PDF tests read them back with poppler's pdftotext.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || ! command -v pdftotext >/dev/null 2>&1; then
    say "installing fonts-dejavu-core and poppler-utils for the PDF tests"
    apt_install fonts-dejavu-core poppler-utils || say "could not install fonts-dejavu-core and poppler-utils; the PDF tests will fail"
fi

find_pgbin() {
    if [ -x /usr/lib/postgresql/15/bin/initdb ]; then echo /usr/lib/postgresql/15/bin; return; fi
    find /usr/lib/postgresql -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1 | xargs -r dirname
}
if [ ! -d /usr/lib/postgresql/15/bin ] && [ -z "$(find_pgbin)" ]; then
    say "installing PostgreSQL for the second database run"
    apt_install postgresql-15 || apt_install postgresql || say "could not install PostgreSQL"
fi
PGBIN="$(find_pgbin || true)"

# The tools the tests drive as an integrator would (an OpenAPI linter, a generated client, an HTML validator),
# pinned in tests/tools/package-lock.json. Node 20.19 or later.
if ! command -v npm >/dev/null 2>&1; then
    say "installing Node.js and npm for the integrator tests"
    apt_install nodejs npm || say "could not install npm; the integrator tests will fail"
fi
if command -v npm >/dev/null 2>&1 && ! (cd tests/tools && npm ls --silent >/dev/null 2>&1); then
    say "installing the test tools (npm ci in tests/tools)"
    (cd tests/tools && npm ci --no-audit --no-fund --silent >/dev/null) || say "npm ci failed; the integrator tests will fail"
fi

if [ -f .config/dotnet-tools.json ] || [ -f dotnet-tools.json ]; then
    dotnet tool restore >/dev/null
fi

# ------------------------------------------------------------------ a throwaway PostgreSQL

PGDIR=""
PGPORT=""
stop_postgres() {
    if [ -n "$PGDIR" ] && [ -f "$PGDIR/data/postmaster.pid" ]; then
        runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ -n "$PGDIR" ]; then rm -rf "$PGDIR"; fi
}
trap stop_postgres EXIT

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
    if [ -z "$PGBIN" ] || ! id postgres >/dev/null 2>&1 || ! command -v runuser >/dev/null 2>&1; then
        say "PostgreSQL is not available (initdb, the postgres user or runuser is missing)"
        return 1
    fi
    if [ "$(id -u)" -ne 0 ]; then
        say "starting PostgreSQL needs root (initdb runs as the postgres user)"
        return 1
    fi
    local port=$((20000 + RANDOM % 20000))
    while ! port_is_free "$port"; do port=$((port + 1)); done
    PGDIR="$(mktemp -d "${TMPDIR:-/tmp}/mutua-pg.XXXXXX")"
    chown postgres:postgres "$PGDIR"
    runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
        || { cat "$PGDIR/initdb.log" >&2; return 1; }
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null || { cat "$PGDIR/log" >&2; return 1; }
    PGPORT="$port"
}

# ------------------------------------------------------------------ build once

TIERS=()
BUILD_OK=1
say "building ($CONFIGURATION)"
if ! dotnet build Mutua.slnx -c "$CONFIGURATION" -nologo -v quiet >"$RESULTS/build.log" 2>&1; then
    BUILD_OK=0
    grep -E 'error' "$RESULTS/build.log" | sort -u | head -n 30 >&2 || true
    say "the solution did not build; trying each test project on its own"
fi

# ------------------------------------------------------------------ run the tiers

PASSED=0
FAILED=0
SKIPPED=0
CRASHED=0
SUMMARY=()

# count_trx FILE -> "passed failed skipped" from the per-test results of one TRX file
count_trx() {
    local p f s
    p=$({ grep -o '<UnitTestResult [^>]*outcome="Passed"' "$1" || true; } | wc -l)
    f=$({ grep -o '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\|Aborted\)"' "$1" || true; } | wc -l)
    s=$({ grep -o '<UnitTestResult [^>]*outcome="\(NotExecuted\|Inconclusive\)"' "$1" || true; } | wc -l)
    echo "$p $f $s"
}

# run_tier NAME PROJECT [ENV=VALUE...]
run_tier() {
    local name="$1" project="$2"
    shift 2
    local dir="$RESULTS/$name"
    mkdir -p "$dir"
    if [ "$BUILD_OK" -eq 0 ] && ! dotnet build "$project" -c "$CONFIGURATION" -nologo -v quiet >"$dir/build.log" 2>&1; then
        say "$name: the project does not build"
        CRASHED=$((CRASHED + 1))
        SUMMARY+=("$name: did not build")
        return
    fi
    say "$name"
    local rc=0
    env "$@" dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$dir" >"$dir/output.log" 2>&1 || rc=$?
    local trx="$dir/$name.trx"
    if [ ! -f "$trx" ]; then
        tail -n 30 "$dir/output.log" >&2
        say "$name: the run crashed (exit $rc, no results)"
        CRASHED=$((CRASHED + 1))
        SUMMARY+=("$name: crashed")
        return
    fi
    local p f s
    read -r p f s < <(count_trx "$trx")
    PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); SKIPPED=$((SKIPPED + s))
    if [ "$f" -gt 0 ]; then
        grep -E '^\s+Failed [A-Za-z]' "$dir/output.log" | head -n 40 >&2 || true
    elif [ "$rc" -ne 0 ]; then
        tail -n 30 "$dir/output.log" >&2
        say "$name: dotnet test exited $rc with no failed test"
        CRASHED=$((CRASHED + 1))
    fi
    local line="$name: $p passed, $f failed"
    if [ "$s" -gt 0 ]; then line="$line, $s skipped"; fi
    SUMMARY+=("$line")
}

has_tests() { find "$1" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' -print -quit | grep -q .; }

if has_tests tests/Mutua.Core.Tests; then run_tier core tests/Mutua.Core.Tests/Mutua.Core.Tests.csproj; fi
run_tier web-sqlite tests/Mutua.Web.Tests/Mutua.Web.Tests.csproj MUTUA_TEST_PROVIDER=Sqlite
if start_postgres; then
    run_tier web-postgres tests/Mutua.Web.Tests/Mutua.Web.Tests.csproj MUTUA_TEST_PROVIDER=Postgres \
        "MUTUA_TEST_PG=Host=127.0.0.1;Port=$PGPORT;Username=postgres"
    stop_postgres
    PGDIR=""
else
    say "web-postgres: could not start PostgreSQL"
    CRASHED=$((CRASHED + 1))
    SUMMARY+=("web-postgres: PostgreSQL did not start")
fi
if has_tests tests/Mutua.Browser.Tests; then run_tier browser tests/Mutua.Browser.Tests/Mutua.Browser.Tests.csproj; fi

for line in "${SUMMARY[@]}"; do say "$line"; done
say "results in $RESULTS; took $((SECONDS - START)) s"
if [ "$CRASHED" -gt 0 ]; then say "$CRASHED run(s) crashed or did not build"; fi

LINE="tests: $PASSED passed, $FAILED failed"
if [ "$SKIPPED" -gt 0 ]; then LINE="$LINE, $SKIPPED skipped"; fi
echo "$LINE"
if [ "$FAILED" -gt 0 ] || [ "$CRASHED" -gt 0 ]; then exit 1; fi
