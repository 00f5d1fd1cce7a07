#!/usr/bin/env bash
# The test command (README, .ci/run): restore, build (which regenerates the client from
# openapi/ when needed) and run every test project in the solution.
set -euo pipefail
cd "$(dirname "$0")/.."
# Prism (the OpenAPI mock the contract tests run against), pinned in build/prism/.
# shellcheck source=build/prism.sh
source build/prism.sh
ensure_prism
dotnet test Kernel.Generated.sln -c Release -nologo "$@"
