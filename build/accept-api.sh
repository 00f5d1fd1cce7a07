#!/usr/bin/env bash
# Accepts the current public API: rewrites src/OnKernel.ApiKeys/PublicAPI.*.approved.txt from
# the built assembly. Review `git diff src/OnKernel.ApiKeys/PublicAPI.*.approved.txt` afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
KERNEL_ACCEPT_PUBLIC_API=1 dotnet test tests/OnKernel.ApiKeys.Tests -nologo --filter "FullyQualifiedName~PublicApiTests"
rm -f src/OnKernel.ApiKeys/PublicAPI.received.txt
git --no-pager diff --stat -- src/OnKernel.ApiKeys/PublicAPI.*.approved.txt || true
