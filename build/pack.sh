#!/usr/bin/env bash
# Builds the NuGet packages (and their symbols packages) into artifacts/:
# OnKernel.ApiKeys, and OnKernel.ApiKeys.Testing (FakeKernel, depends on OnKernel.ApiKeys).
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/OnKernel.ApiKeys/OnKernel.ApiKeys.csproj src/OnKernel.ApiKeys.Testing/OnKernel.ApiKeys.Testing.csproj; do
  dotnet pack "$project" -c Release -o artifacts -nologo "$@"
done
ls -l artifacts/*.nupkg artifacts/*.snupkg
