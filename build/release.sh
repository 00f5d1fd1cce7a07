#!/usr/bin/env bash
# Publishes the packages built by build/pack.sh (artifacts/*.nupkg, with their .snupkg
# symbols) for a version tag. Called by .github/workflows/release.yml on a tag v<version>.
# Usage: build/release.sh <tag>   with NUGET_API_KEY set (a repository secret in CI);
# NUGET_SOURCE defaults to nuget.org.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

tag="${1:?usage: build/release.sh <tag, e.g. v0.2.0>}"
version="${tag#v}"
project_version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' build/Version.props | head -n 1)"
if [ "$version" != "$project_version" ]; then
  echo "error: tag $tag does not match the package version $project_version in build/Version.props" >&2
  exit 1
fi
: "${NUGET_API_KEY:?error: NUGET_API_KEY is not set (the NuGet API key, from a repository secret)}"

shopt -s nullglob
packages=(artifacts/*."$version".nupkg)
if [ ${#packages[@]} -eq 0 ]; then
  echo "error: no artifacts/*.$version.nupkg; run ./build/pack.sh first" >&2
  exit 1
fi

for package in "${packages[@]}"; do
  dotnet nuget push "$package" --api-key "$NUGET_API_KEY" --source "${NUGET_SOURCE:-https://api.nuget.org/v3/index.json}" --skip-duplicate
done
