using System.Diagnostics;
using System.Net;

namespace OnKernel.Benchmarks.Loopback;

/// <summary>
/// <c>profile &lt;create|get|list&gt;[-hand] &lt;seconds&gt;</c>: this client's (or, with <c>-hand</c>, the
/// hand-written baseline's) calls over the in-memory handler in a loop, for a profiler to attach to, e.g.
/// <c>dotnet dotnet-trace collect --format Speedscope -- dotnet OnKernel.ApiKeys.Benchmarks.dll profile create 5</c>.
/// With a third argument <c>alloc</c>, prints the allocation samples by type instead; with
/// <c>bytes</c>, the exact bytes allocated per call (after the first second, so JIT and
/// first-use caches are not counted): deterministic, so usable while the machine is busy; and
/// the process CPU time per call, steadier than wall time on shared cores.
/// </summary>
internal static class ProfileLoop
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0].EndsWith("-ab", StringComparison.Ordinal))
        {
            return await AlternatingCpu.RunAsync(args[0][..^3], double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        var hand = args[0].EndsWith("-hand", StringComparison.Ordinal);
        var operation = hand ? args[0][..^5] : args[0];
        using var sampler = args.Length > 2 && args[2] == "alloc" ? new AllocationSampler() : null;
        var body = operation switch { "create" => Fixtures.Created, "get" => Fixtures.Key, _ => Fixtures.Page };
        var status = operation == "create" ? HttpStatusCode.Created : HttpStatusCode.OK;
        var client = ClientFactory.Kernel(StubHandler.Always(status, body));
        var handWritten = ClientFactory.HandWritten(StubHandler.Always(status, body));
        var options = new ApiKeyListOptions { Limit = 100 };
        var until = Stopwatch.GetTimestamp() + (long)(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) * Stopwatch.Frequency);
        var bytesOnly = args.Length > 2 && args[2] == "bytes";
        var warm = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        long calls = 0, measuredCalls = 0, startBytes = 0;
        var startCpu = TimeSpan.Zero;
        while (Stopwatch.GetTimestamp() < until)
        {
            if (bytesOnly && measuredCalls == 0 && Stopwatch.GetTimestamp() >= warm)
            {
                startBytes = GC.GetTotalAllocatedBytes(precise: true);
                startCpu = Process.GetCurrentProcess().TotalProcessorTime;
                measuredCalls = 1;
                calls = 0;
            }

            _ = (hand, operation) switch
            {
                (true, "create") => (await handWritten.CreateAsync("bench-key", 90)).Id,
                (true, "get") => (await handWritten.GetAsync(Fixtures.KeyId)).Id,
                (true, _) => (await handWritten.ListPageAsync(100))[0].Id,
                (_, "create") => (await client.ApiKeys.CreateAsync("bench-key", 90)).Id,
                (_, "get") => (await client.ApiKeys.GetAsync(Fixtures.KeyId)).Id,
                _ => (await client.ApiKeys.ListPageAsync(options)).Items[0].Id,
            };
            calls++;
        }

        Console.WriteLine($"calls={calls}");
        if (bytesOnly)
        {
            Console.WriteLine($"bytes_per_call={(GC.GetTotalAllocatedBytes(precise: true) - startBytes) / Math.Max(1, calls)}");
            // Process CPU time, not wall time: steadier when other jobs share the cores.
            Console.WriteLine($"cpu_ns_per_call={(Process.GetCurrentProcess().TotalProcessorTime - startCpu).Ticks * 100 / Math.Max(1, calls)}");
        }

        sampler?.Print(40);
        return 0;
    }
}
