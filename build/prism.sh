# Sourced by scripts that need a local Prism mock of openapi/kernel.yaml on 127.0.0.1.
# Installs and starts Prism through build/prism/serve.sh (the one launcher).
# Defines start_prism (sets PRISM_URL and PRISM_PID) and stops Prism on exit, error or Ctrl-C.
# shellcheck shell=bash

PRISM_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/prism"

ensure_prism() {
  "$PRISM_DIR/serve.sh" install
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

stop_prism() {
  if [ -n "${PRISM_PID:-}" ] && kill -0 "$PRISM_PID" 2>/dev/null; then
    kill "$PRISM_PID" 2>/dev/null || true
    wait "$PRISM_PID" 2>/dev/null || true
  fi
}

start_prism() {
  local spec="$1"
  local port
  port="$(free_port)"
  PRISM_LOG="$(mktemp)"
  ensure_prism
  "$PRISM_DIR/serve.sh" mock "$spec" "$port" >"$PRISM_LOG" 2>&1 &
  PRISM_PID=$!
  trap stop_prism EXIT INT TERM
  PRISM_URL="http://127.0.0.1:$port/"
  # Ready when an unknown path gets Prism's own 404 (not merely when the port opens).
  for _ in $(seq 1 150); do
    if curl -s "${PRISM_URL}__ready_probe" 2>/dev/null | grep -q NO_PATH_MATCHED_ERROR; then
      return 0
    fi
    if ! kill -0 "$PRISM_PID" 2>/dev/null; then
      echo "Prism exited before it was ready:" >&2
      cat "$PRISM_LOG" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "Prism was not ready after 30 s:" >&2
  cat "$PRISM_LOG" >&2
  return 1
}
