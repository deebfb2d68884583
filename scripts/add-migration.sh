#!/usr/bin/env bash
# Adds one migration, of the same name, for both databases: scripts/add-migration.sh NAME
# Each Data project is its own startup project: its design-time factory builds the model on its provider
# (no server needed). If the second one fails, the first is taken out again, so the two never drift apart;
# tests/Mutua.Core.Tests/Data/MigrationsTests fails when either snapshot misses a model change.
set -euo pipefail

if [ $# -ne 1 ] || [[ ! "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
    echo "usage: $0 NAME   (PascalCase, e.g. MeetingMinutes)" >&2
    exit 2
fi
NAME="$1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet tool restore >/dev/null

# dotnet ef builds the project first (incrementally), so each step sees the files the one before added.
ef() { dotnet ef migrations "$1" "${@:3}" --project "src/Mutua.Data.$2" --startup-project "src/Mutua.Data.$2"; }

# The SQLite migrations as they were, to put back if the PostgreSQL one fails (`ef remove` would open the database).
KEPT="$(mktemp -d)"
trap 'rm -rf "$KEPT"' EXIT
cp -a src/Mutua.Data.Sqlite/Migrations "$KEPT/"

ef add Sqlite "$NAME" --output-dir Migrations
if ! ef add Postgres "$NAME" --output-dir Migrations; then
    echo "the PostgreSQL migration failed: the SQLite one is taken out again" >&2
    rm -rf src/Mutua.Data.Sqlite/Migrations
    cp -a "$KEPT/Migrations" src/Mutua.Data.Sqlite/
    exit 1
fi
ef has-pending-model-changes Sqlite
ef has-pending-model-changes Postgres
echo "added $NAME for SQLite and PostgreSQL: review both, then run the Core tests"
