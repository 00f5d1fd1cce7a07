#!/usr/bin/env bash
# Builds the NuGet package (and its symbols package) into artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet pack src/OnKernel.ApiKeys/OnKernel.ApiKeys.csproj -c Release -o artifacts -nologo "$@"
ls -l artifacts/*.nupkg artifacts/*.snupkg
