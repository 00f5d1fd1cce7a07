#!/usr/bin/env bash
# Refreshes openapi/kernel.yaml from a full Kernel OpenAPI document (file or URL),
# keeping only the "API Keys" operations and what they reference.
# Usage: build/update-spec.sh [input file or http(s) URL; default: Kernel's published spec] [--output openapi/kernel.yaml] [--check]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec dotnet run --project build/OnKernel.ApiKeys.SpecUpdate -- "$@"
