#!/usr/bin/env bash
# The one test command: installs what a fresh machine lacks, runs every test project, then the host tests that pass on
# PostgreSQL a second time on PostgreSQL (docs/postgres.md), and prints one summary line for both runs.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/prerequisites.sh || exit 1

# The host test folders that run on PostgreSQL (GOVBOT_TEST_PROVIDER=Postgres), about ten minutes here; tests about the
# SQLite file skip there. Each host's database is copied from one migrated template, so the 200 stories stay affordable.
pg_folders=(EndToEnd Conversations Reports Services Staff)
pg_filter=$(printf 'FullyQualifiedName~GovBot.Host.Tests.%s.|' "${pg_folders[@]}")
pg_filter=${pg_filter%|}

log=$(mktemp)
pg_log=$(mktemp)
dotnet test GovBot.sln --nologo -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

echo
echo "Host tests again on PostgreSQL: ${pg_folders[*]}"
GOVBOT_TEST_PROVIDER=Postgres dotnet test tests/GovBot.Host.Tests --nologo -c Release --no-build --filter "$pg_filter" 2>&1 | tee "$pg_log"
pg_status=${PIPESTATUS[0]}

# VSTest prints one "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N, Total: N" line per test project.
count() {
  grep -hE '(Passed|Failed)!\s+- Failed:' "$@" | awk -F'[:,]' '
    { failed += $2; passed += $4; skipped += $6 }
    END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }'
}
summary=$(count "$log" "$pg_log")
pg_summary=$(count "$pg_log")
rm -f "$log" "$pg_log"
echo
echo "${summary:-0 passed, 0 failed} (PostgreSQL run: ${pg_summary:-none})"
[ "$status" -eq 0 ] && [ "$pg_status" -eq 0 ]
