#!/usr/bin/env bash
# Mutation testing (Stryker.NET) over the Core modules that decide money, privacy and access, with Core's tests on SQLite.
#   scripts/mutation.sh                    every module, one Stryker run each (slow: see docs/testing.md for the times)
#   scripts/mutation.sh money months       just these modules
#   scripts/mutation.sh pledges --since    only the module's files changed since the branch left main (--since=REF for another base)
#   scripts/mutation.sh --list             the modules and their files
# Ends with one line per module:
#   mutation: <module> <killed>/<total> = NN.N % killed (survived S, no coverage N, timeout T)
# where killed counts Killed and Timeout, total adds Survived and NoCoverage, and compile errors and ignored mutants
# count for nothing. Reports (HTML with every survivor, and JSON) are in StrykerOutput/<module>/reports/.
# MUTUA_MUTATION_CONCURRENCY sets Stryker's parallel test sessions (default 2: the machine has 2 cores).
# Exits non-zero when a run crashed or left no report; the scores are printed either way. Not in CI: too slow.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
CONCURRENCY="${MUTUA_MUTATION_CONCURRENCY:-2}"
# vstest activates no mutant under xUnit v3 (every mutant "survives": money scored 0/63), so the default is mtp.
RUNNER="${MUTUA_MUTATION_RUNNER:-mtp}"
OUT="$ROOT/StrykerOutput"
CORE="src/Mutua.Core"
TESTS="tests/Mutua.Core.Tests"

say() { printf '== %s\n' "$*" >&2; }

# Each module is a named set of files in src/Mutua.Core, smallest first. One Stryker run per module.
ALL_MODULES=(money months viewer invitations disclosure pledges insights network savings savings-service)
files_of() {
    case "$1" in
        money)       echo "Money.cs" ;;
        months)      echo "Month.cs" ;;  # Month.StateAt is the check-in edit window (EditableDaysAfterEnd)
        viewer)      echo "Viewer.cs Role.cs Communities/RoleService.cs Communities/Viewers.cs" ;;
        invitations) echo "Communities/InvitationService.cs Communities/InvitationCodes.cs Accounts/AccountCreation.cs" ;;  # who gets an account, and where
        disclosure)  echo "Disclosure.cs Insights/InsightsKernel.cs" ;;
        pledges)     echo "Projects/PledgeService.cs Projects/ProjectRanking.cs" ;;
        insights)    echo "Insights/InsightsService.cs Insights/InsightsSnapshot.cs" ;;  # the kernel is in disclosure: not mutated twice
        network)     echo "Network/Betweenness.cs Network/Louvain.cs Network/HelpGraph.cs Network/HelpLinks.cs Network/NetworkMetrics.cs" ;;
        savings)     echo "Savings/SavingsKernel.cs Savings/SavingsBooks.cs Savings/SavingsRollUpKernel.cs" ;;  # the ledger's arithmetic: balances, shares, charges, share-out; the roll-up's disclosure
        savings-service) echo "Savings/SavingsService.cs Savings/SavingsRollUp.cs" ;;  # who may, idempotency, the journal's writes (1,300 mutants: about an hour)
        *)           return 1 ;;
    esac
}

# The Core tests each module runs against (a dotnet test --filter): coverage capture fails with xUnit v3, so Stryker
# runs every selected test for every mutant, and the whole suite per mutant would take hours on 2 cores.
# MUTUA_MUTATION_ALL_TESTS=1 runs all Core tests instead.
tests_of() {
    case "$1" in
        money)       echo "FullyQualifiedName~MoneyTests|FullyQualifiedName~MoneyEntryTests" ;;
        months)      echo "FullyQualifiedName~MonthTests|FullyQualifiedName~CheckInServiceTests" ;;
        viewer)      echo "FullyQualifiedName~ViewerTests|FullyQualifiedName~ViewerLoadTests|FullyQualifiedName~RoleServiceTests" ;;  # ViewerLoadTests (Viewers.LoadAsync) is not a ~ViewerTests match
        invitations) echo "FullyQualifiedName~Invitation|FullyQualifiedName~AccountCreationTests" ;;
        disclosure)  echo "FullyQualifiedName~DisclosureTests|FullyQualifiedName~Mutua.Core.Tests.Insights" ;;
        pledges)     echo "FullyQualifiedName~Mutua.Core.Tests.Projects" ;;
        insights)    echo "FullyQualifiedName~Mutua.Core.Tests.Insights|FullyQualifiedName~MigrationsTests" ;;  # the snapshot's EF configuration is held by the migrations snapshot
        network)     echo "FullyQualifiedName~Mutua.Core.Tests.Network" ;;
        savings|savings-service) echo "FullyQualifiedName~Mutua.Core.Tests.Savings" ;;
    esac
}

MODULES=()
SINCE=""
for arg in "$@"; do
    case "$arg" in
        --since) SINCE="main" ;;
        --since=*) SINCE="${arg#--since=}" ;;
        --list)
            for m in "${ALL_MODULES[@]}"; do printf '%-12s %s\n' "$m" "$(files_of "$m")"; done
            exit 0 ;;
        -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) say "unknown option $arg"; exit 2 ;;
        *)
            if ! files_of "$arg" >/dev/null; then say "unknown module '$arg'; known: ${ALL_MODULES[*]}"; exit 2; fi
            MODULES+=("$arg") ;;
    esac
done
if [ "${#MODULES[@]}" -eq 0 ]; then MODULES=("${ALL_MODULES[@]}"); fi

dotnet tool restore >/dev/null

# Stryker's own --since does not work in a git worktree: it reads the diff with paths under the worktree's git
# directory (/work/main/.git/worktrees/…), so no source file ever matches and every mutant is Ignored (0/0), and it
# diffs against the tip of the base rather than where the branch left it. The script finds the changed files itself.
CHANGED=""
if [ -n "$SINCE" ]; then
    base=$(git merge-base HEAD "$SINCE") || { say "no common ancestor with $SINCE"; exit 2; }
    CHANGED=$(git diff --name-only "$base" -- "$CORE")
fi

# score FILE -> "killed total survived nocoverage timeout" from Stryker's mutation-report.json
score() {
    local k s n t
    count() { { grep -oE "\"status\": *\"$1\"" "$2" || true; } | wc -l; }
    k=$(count Killed "$1"); s=$(count Survived "$1"); n=$(count NoCoverage "$1"); t=$(count Timeout "$1")
    echo "$((k + t)) $((k + t + s + n)) $s $n $t"
}

CRASHED=0
LINES=()
mkdir -p "$OUT"
for module in "${MODULES[@]}"; do
    args=()
    present=0
    changed=0
    for f in $(files_of "$module"); do
        # shellcheck disable=SC2086 # the glob is meant to expand here, to see whether the module exists yet
        for path in $(compgen -G "$CORE/$f" || true); do
            present=1
            # --since mutates only the module's files that differ from the merge base (committed or not).
            if [ -n "$SINCE" ] && ! grep -qxF "$path" <<<"$CHANGED"; then continue; fi
            changed=1
            args+=(--mutate "**/Mutua.Core/${path#"$CORE/"}")
        done
    done
    if [ "$present" -eq 0 ]; then
        say "$module: no files yet ($(files_of "$module")), skipped"
        LINES+=("mutation: $module not in Core yet")
        continue
    fi
    if [ "$changed" -eq 0 ]; then
        LINES+=("mutation: $module nothing changed since $SINCE")
        continue
    fi
    if [ "${MUTUA_MUTATION_ALL_TESTS:-0}" != 1 ]; then args+=(--test-case-filter "$(tests_of "$module")"); fi
    dir="$OUT/$module"
    rm -rf "$dir"
    mkdir -p "$dir"
    say "$module: ${args[*]} (runner $RUNNER, concurrency $CONCURRENCY)"
    start=$SECONDS
    rc=0
    # Run from the test project: Stryker would take the root's Mutua.slnx for a solution run and mutate everything.
    (cd "$TESTS" && dotnet stryker --config-file "$ROOT/stryker-config.json" --project Mutua.Core.csproj \
        --concurrency "$CONCURRENCY" --test-runner "$RUNNER" --output "$dir" "${args[@]}") >"$dir/stryker.log" 2>&1 || rc=$?
    took=$((SECONDS - start))
    report="$dir/reports/mutation-report.json"
    if [ "$rc" -ne 0 ] || [ ! -f "$report" ]; then
        tail -n 30 "$dir/stryker.log" >&2
        say "$module: Stryker exited $rc; log in $dir/stryker.log"
        CRASHED=$((CRASHED + 1))
        if [ ! -f "$report" ]; then LINES+=("mutation: $module crashed, no report (${took} s)"); continue; fi
    fi
    read -r killed total survived nocov timeout < <(score "$report")
    if [ "$total" -gt 0 ]; then
        pct=$(awk -v k="$killed" -v t="$total" 'BEGIN { printf "%.1f", 100 * k / t }')
    else
        pct="n/a"
    fi
    line="mutation: $module $killed/$total = $pct % killed (survived $survived, no coverage $nocov, timeout $timeout) in ${took} s"
    say "$line; report $dir/reports/mutation-report.html"
    LINES+=("$line")
    # The mtp runner reuses a test host across mutants: a mutant in a static initializer that ran first stays in
    # force, fails the same tests for every later mutant, and they all look killed (stryker-net#3742). Say so.
    if command -v jq >/dev/null 2>&1 && [ "$killed" -ge 10 ]; then
        top=$(jq '[.files[].mutants[] | select(.status == "Killed") | .killedBy // [] | unique[]] | group_by(.) | map(length) | max // 0' "$report")
        if [ "$top" -ge $((killed * 9 / 10)) ]; then
            LINES+=("mutation: $module SUSPECT: one test killed $top of the $killed killed mutants; a static mutant probably poisoned the test host, read docs/testing.md")
        fi
    fi
    if [ "$killed" -eq 0 ] && [ "$total" -gt 0 ]; then
        LINES+=("mutation: $module SUSPECT: nothing killed; the runner probably activated no mutant, read docs/testing.md")
    fi
done

for line in "${LINES[@]}"; do echo "$line"; done
if [ "$CRASHED" -gt 0 ]; then say "$CRASHED run(s) crashed"; exit 1; fi
