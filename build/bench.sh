#!/usr/bin/env bash
# Performance comparison: this client against a hand-written HttpClient + Newtonsoft call,
# side by side in one run, printed as ratios with their goals and PASS/FAIL.
#   ./build/bench.sh                      # everything: in-memory, loopback, start-up
#   ./build/bench.sh inmemory|loopback|startup [BenchmarkDotNet args, e.g. --job dry]
# BENCH_ROUNDS (default 5), BENCH_LOAD_SECONDS (default 8) and BENCH_PROCESSES (load processes per
# side per round, default 4) tune the loopback rounds; BENCH_CONTROL=1 runs the hand-written call
# on both sides of them, to show what this machine's noise alone reads;
# BENCH_LAUNCHES (default 4) the processes per in-memory class with a goal (median of their ratios;
# every other one runs this client's benchmark first).
# Exit code 1 when a ratio misses its goal.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/OnKernel.ApiKeys.Benchmarks -c Release -nologo -v q 2>&1 | grep -E " error |Build succeeded" | sort -u
dotnet build tests/OnKernel.ApiKeys.Benchmarks.Server -c Release -nologo -v q 2>&1 | grep -E " error |Build succeeded" | sort -u
# The build leaves MSBuild nodes and the compiler server running: stop them, so that only the
# benchmarks run (the first benchmark process right after a build once measured create at 1.41x,
# the next two 1.09x and 0.90x).
dotnet build-server shutdown > /dev/null 2>&1 || true
exec python3 build/bench.py "$@"
