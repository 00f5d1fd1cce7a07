#!/usr/bin/env bash
# The one way to install and start Prism, the OpenAPI mock that the contract tests and
# `run-sample.sh --prism` use. build/prism.sh (shell) and the contract tests' PrismProcess (C#)
# both run this script; only the readiness probe differs, each in its own language.
#
#   build/prism/serve.sh install                        npm ci when node_modules lacks the pinned version
#   build/prism/serve.sh mock SPEC PORT                 prism mock on 127.0.0.1:PORT
#   build/prism/serve.sh proxy SPEC PORT UPSTREAM       prism proxy to UPSTREAM, violations as errors
#
# mock and proxy install first, then replace this shell with Prism (exec), so the PID the caller
# holds is Prism's own and stopping it by PID stops Prism.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prism="$dir/node_modules/.bin/prism"
package="@stoplight/prism-cli"

version_in() {
  [ -f "$1" ] || return 0
  node -e 'const p = require(process.argv[1]); const d = p.dependencies && p.dependencies[process.argv[2]]; console.log(d || p.version || "")' "$1" "$package"
}

install() {
  local pinned installed
  pinned="$(version_in "$dir/package.json")"
  installed="$(version_in "$dir/node_modules/$package/package.json")"
  # A stale node_modules (the pin was bumped) would otherwise run the old Prism silently.
  if [ -x "$prism" ] && [ "$installed" = "$pinned" ]; then
    return 0
  fi
  echo "Installing Prism $pinned (pinned in build/prism/package-lock.json)..." >&2
  (cd "$dir" && SCARF_ANALYTICS=false npm ci --no-audit --no-fund --loglevel=error >&2)
  installed="$(version_in "$dir/node_modules/$package/package.json")"
  if [ ! -x "$prism" ] || [ "$installed" != "$pinned" ]; then
    echo "npm ci finished but $prism (version $pinned) is not there; installed: ${installed:-nothing}." >&2
    exit 1
  fi
}

usage() {
  echo "usage: $0 install | mock SPEC PORT | proxy SPEC PORT UPSTREAM" >&2
  exit 2
}

mode="${1:-}"
case "$mode" in
  install) [ $# -eq 1 ] || usage; install ;;
  mock) [ $# -eq 3 ] || usage; install
    SCARF_ANALYTICS=false NO_COLOR=1 exec "$prism" mock "$2" -h 127.0.0.1 -p "$3" -v warn ;;
  proxy) [ $# -eq 4 ] || usage; install
    SCARF_ANALYTICS=false NO_COLOR=1 exec "$prism" proxy "$2" "$4" --errors -h 127.0.0.1 -p "$3" -v warn ;;
  *) usage ;;
esac
