#!/usr/bin/env bash
# The regenerate-on-spec-change workflow in one command (CI runs it daily; see CONTRIBUTING.md):
# cut and vendor the API Keys part of Kernel's published spec, rebuild, validate the package
# against the current one (the SDK's ApiCompat), regenerate the public API listings, compute
# and set the version, run the tests, and write a review summary to artifacts/spec-update/.
# Usage: build/regenerate.sh [source file or URL] [--tests "command"] [--baseline package.nupkg]
# Exit: 0 no change, 10 updated, 1 failed (nothing vendored changed), 2 usage.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build build/OnKernel.ApiKeys.SpecUpdate -c Release -nologo -v:q >/dev/null || { echo "error: building the spec update command failed" >&2; exit 1; }
exec dotnet build/OnKernel.ApiKeys.SpecUpdate/bin/Release/net10.0/OnKernel.ApiKeys.SpecUpdate.dll regenerate "$@"
