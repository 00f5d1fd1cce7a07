#!/usr/bin/env bash
# Accepts the current public API: rewrites src/OnKernel.ApiKeys/PublicAPI.<tfm>.approved.txt and
# src/OnKernel.ApiKeys.Testing/PublicAPI.approved.txt from the built assemblies. Review
# `git diff -- 'src/*/PublicAPI*.approved.txt'` afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
KERNEL_ACCEPT_PUBLIC_API=1 dotnet test tests/OnKernel.ApiKeys.Tests -c Release -nologo --filter "FullyQualifiedName~PublicApiTests.Public_api_matches_the_approved_file"
if [ -d tests/OnKernel.ApiKeys.Testing.Tests ]; then
  KERNEL_ACCEPT_PUBLIC_API=1 dotnet test tests/OnKernel.ApiKeys.Testing.Tests -c Release -nologo --filter "FullyQualifiedName~PublicApiTests"
fi
rm -f src/*/PublicAPI*.received.txt
git --no-pager diff --stat -- 'src/*/PublicAPI*.approved.txt' 2>/dev/null || true
