#!/usr/bin/env bash
# The one test command: installs what a fresh machine lacks, runs every test project, prints one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/prerequisites.sh || exit 1

log=$(mktemp)
dotnet test GovBot.sln --nologo -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N, Total: N" line per test project.
summary=$(grep -E '(Passed|Failed)!\s+- Failed:' "$log" | awk -F'[:,]' '
  { failed += $2; passed += $4; skipped += $6 }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }')
rm -f "$log"
echo
echo "${summary:-0 passed, 0 failed}"
exit "$status"
