#!/usr/bin/env bash
# Accepts the current public API: rewrites src/Kernel.Generated/PublicAPI.approved.txt from
# the built assembly. Review `git diff src/Kernel.Generated/PublicAPI.approved.txt` afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
KERNEL_ACCEPT_PUBLIC_API=1 dotnet test tests/Kernel.Generated.Tests -nologo --filter "FullyQualifiedName~PublicApiTests"
rm -f src/Kernel.Generated/PublicAPI.received.txt
git --no-pager diff --stat -- src/Kernel.Generated/PublicAPI.approved.txt || true
