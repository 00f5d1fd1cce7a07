#!/usr/bin/env bash
# The test command (README, .ci/run): restore, build (which regenerates the client from
# openapi/ when needed) and run every test project in the solution.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test Kernel.Generated.sln -c Release -nologo "$@"
