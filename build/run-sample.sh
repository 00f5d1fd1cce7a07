#!/usr/bin/env bash
# The main job: a short API key walkthrough with the sample program (create, list, rotate,
# expire, delete), printing the new key's plaintext once.
#   ./build/run-sample.sh            against the in-memory FakeKernel: needs only the .NET SDK
#   ./build/run-sample.sh --prism    the same against a local Prism mock of openapi/kernel.yaml
#                                    (needs Node.js/npm for Prism, Python 3 and curl)
#   KERNEL_API_KEY=sk_... ./build/run-sample.sh --real --name staging --days 30
#                                    creates one real key with Kernel's API
set -euo pipefail
cd "$(dirname "$0")/.."

# --prism and --real may stand anywhere on the command line.
case " $* " in
  *" --prism "*) mode=prism ;;
  *) mode=default ;;
esac

if [ "$mode" = prism ]; then
  # shellcheck source=build/prism.sh
  source build/prism.sh
  start_prism openapi/kernel.yaml
  echo "Prism mock of openapi/kernel.yaml listening at $PRISM_URL"
  KERNEL_BASE_URL="$PRISM_URL" KERNEL_API_KEY="sk_local_prism_demo" \
    dotnet run --project src/OnKernel.ApiKeys.Sample -c Release -- "$@"
  exit
fi

exec dotnet run --project src/OnKernel.ApiKeys.Sample -c Release -- "$@"
