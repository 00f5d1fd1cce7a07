#!/usr/bin/env bash
# The main job: create a Kernel API key with the sample program and print it.
# By default it runs against a local Prism mock of openapi/kernel.yaml (no Kernel account
# needed). To use the real API instead:
#   KERNEL_API_KEY=sk_... ./build/run-sample.sh --real --name staging --days 30
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--real" ]; then
  shift
  exec dotnet run --project src/OnKernel.ApiKeys.Sample -c Release -- "$@"
fi

# shellcheck source=build/prism.sh
source build/prism.sh
start_prism openapi/kernel.yaml
echo "Prism mock of openapi/kernel.yaml listening at $PRISM_URL"
[ $# -gt 0 ] || set -- --name staging --days 30
KERNEL_BASE_URL="$PRISM_URL" KERNEL_API_KEY="sk_local_prism_demo" \
  dotnet run --project src/OnKernel.ApiKeys.Sample -c Release -- "$@"
