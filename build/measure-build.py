#!/usr/bin/env python3
"""Measures the generation pipeline's build times on a clean copy of HEAD.

Scenarios (each run N times, median reported, plus ratios to the no-op build):
  cold        bin/ and obj/ removed (NuGet cache warm), full build of the library
  no-op       nothing changed: the generator must not run
  spec-change a description in openapi/kernel.yaml edited: the generator runs once per TFM

Usage: build/measure-build.py [--runs N]
Machines here are shared and noisy: read medians and ratios, not single runs.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build(tree):
    start = time.monotonic()
    result = subprocess.run(
        ["dotnet", "build", "src/OnKernel.ApiKeys/OnKernel.ApiKeys.csproj", "-nologo", "-v:n"],
        cwd=tree, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    regenerated = sum(1 for line in result.stdout.splitlines() if "): regenerated " in line and "Message" not in line)
    return elapsed, regenerated


def clean(tree):
    for project in ("src/OnKernel.ApiKeys", "build/OnKernel.ApiKeys.CodeGen"):
        for folder in ("bin", "obj"):
            shutil.rmtree(os.path.join(tree, project, folder), ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    with tempfile.TemporaryDirectory(prefix="kernel-build-bench-") as tree:
        subprocess.run(["git", "clone", "-q", REPO, tree], check=True)
        spec = os.path.join(tree, "openapi", "kernel.yaml")
        original = open(spec, encoding="utf-8").read()
        results = {"cold": [], "no-op": [], "spec-change": []}
        regenerations = {"cold": set(), "no-op": set(), "spec-change": set()}

        build(tree)  # restore once, so "cold" measures the build, not NuGet downloads
        for i in range(runs):
            clean(tree)
            t, r = build(tree)
            results["cold"].append(t); regenerations["cold"].add(r)
            t, r = build(tree)
            results["no-op"].append(t); regenerations["no-op"].add(r)
            edited = original.replace("description: Unique API key identifier", f"description: Unique API key identifier (run {i})")
            assert edited != original, "the marker description is gone from the spec; pick another"
            open(spec, "w", encoding="utf-8").write(edited)
            t, r = build(tree)
            results["spec-change"].append(t); regenerations["spec-change"].add(r)
            open(spec, "w", encoding="utf-8").write(original)
            build(tree)

        noop = statistics.median(results["no-op"])
        print(f"{'scenario':<12} {'median s':>9} {'min s':>7} {'max s':>7} {'x no-op':>8}  generator runs")
        for name, times in results.items():
            median = statistics.median(times)
            print(f"{name:<12} {median:9.2f} {min(times):7.2f} {max(times):7.2f} {median / noop:8.2f}  {sorted(regenerations[name])}")
        print(f"({runs} runs each, {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
