#!/usr/bin/env bash
# Mutation testing (issue 11): Stryker.NET (pinned in .config/dotnet-tools.json) mutates the
# library's hand-written code (build/stryker-config.json says what is left out and why) and
# runs the unit tests against each mutant. Too slow for CI (tens of minutes on 2 cores): run it
# by hand and record the score in CONTRIBUTING.md. The slow tests that pack NuGet packages or
# build copies of the repository skip themselves when KERNEL_MUTATION_RUN is set: they do not
# exercise the library in-process, so they cannot kill a mutant.
# Usage: build/mutation.sh [extra stryker options, e.g. --mutate "**/RetryPolicy.cs"]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build Kernel.Generated.sln -c Release -nologo -v:q
export KERNEL_MUTATION_RUN=1
output="$PWD/artifacts/mutation"
mkdir -p "$output"
(cd tests/OnKernel.ApiKeys.Tests && dotnet stryker --config-file "$PWD/../../build/stryker-config.json" --output "$output" "$@")
report="$(ls -t "$output"/*/reports/mutation-report.json "$output"/reports/mutation-report.json 2>/dev/null | head -n 1 || true)"
if [ -n "$report" ]; then
  python3 - "$report" <<'PY'
import json, sys
files = json.load(open(sys.argv[1]))["files"]
counts = {}
for f in files.values():
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
valid = killed + counts.get("Survived", 0) + counts.get("NoCoverage", 0)
print("Mutation score: %.1f%% (%s)" % (100.0 * killed / valid if valid else 0, ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
PY
fi
