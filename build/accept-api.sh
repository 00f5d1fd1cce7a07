#!/usr/bin/env bash
# Accepts the current public API: rewrites src/OnKernel.ApiKeys/PublicAPI.*.approved.txt from
# the built assembly. Review `git diff src/OnKernel.ApiKeys/PublicAPI.*.approved.txt` afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
KERNEL_ACCEPT_PUBLIC_API=1 dotnet test tests/OnKernel.ApiKeys.Tests -c Release -nologo --filter "FullyQualifiedName~PublicApiTests.Public_api_matches_the_approved_file"
rm -f src/OnKernel.ApiKeys/PublicAPI.*.received.txt
git --no-pager diff --stat -- src/OnKernel.ApiKeys/PublicAPI.*.approved.txt || true
