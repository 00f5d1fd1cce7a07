#!/usr/bin/env bash
# Accepts the current public API: rewrites src/OnKernel.ApiKeys/PublicAPI.*.approved.txt and
# src/OnKernel.ApiKeys.Testing/PublicAPI.approved.txt from the built assemblies. Review
# `git diff -- 'src/*/PublicAPI*.approved.txt'` afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
KERNEL_ACCEPT_PUBLIC_API=1 dotnet test tests/OnKernel.ApiKeys.Tests -nologo --filter "FullyQualifiedName~PublicApiTests"
KERNEL_ACCEPT_PUBLIC_API=1 dotnet test tests/OnKernel.ApiKeys.Testing.Tests -nologo --filter "FullyQualifiedName~PublicApiTests"
rm -f src/OnKernel.ApiKeys/PublicAPI.received.txt src/OnKernel.ApiKeys.Testing/PublicAPI.received.txt
git --no-pager diff --stat -- 'src/*/PublicAPI*.approved.txt' || true
