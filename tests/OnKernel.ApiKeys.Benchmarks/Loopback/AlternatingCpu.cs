using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;

namespace OnKernel.Benchmarks.Loopback;

/// <summary>
/// <c>profile &lt;create|get|list&gt;-ab &lt;seconds&gt;</c>: this client and the hand-written call in
/// one process, switching side every 200 ms, each side's calls timed by the thread's own CPU
/// clock (Linux). Both sides run under the same load from other jobs, so the printed ratio is
/// steadier on a shared machine than two separate runs; the in-memory calls never leave the
/// thread, so the thread's CPU time is the call's.
/// </summary>
internal static class AlternatingCpu
{
    public static async Task<int> RunAsync(string operation, double seconds)
    {
        var body = operation switch { "create" => Fixtures.Created, "get" => Fixtures.Key, _ => Fixtures.Page };
        var status = operation == "create" ? HttpStatusCode.Created : HttpStatusCode.OK;
        var client = ClientFactory.Kernel(StubHandler.Always(status, body));
        var handWritten = ClientFactory.HandWritten(StubHandler.Always(status, body));
        var options = new ApiKeyListOptions { Limit = 100 };
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var warm = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        var cpu = new long[2];
        var calls = new long[2];
        for (var side = 0; Stopwatch.GetTimestamp() < until; side ^= 1)
        {
            var slice = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 5);
            var start = ThreadCpuNanoseconds();
            long n = 0;
            while (Stopwatch.GetTimestamp() < slice)
            {
                _ = (side, operation) switch
                {
                    (1, "create") => (await handWritten.CreateAsync("bench-key", 90)).Id,
                    (1, "get") => (await handWritten.GetAsync(Fixtures.KeyId)).Id,
                    (1, _) => (await handWritten.ListPageAsync(100))[0].Id,
                    (_, "create") => (await client.ApiKeys.CreateAsync("bench-key", 90)).Id,
                    (_, "get") => (await client.ApiKeys.GetAsync(Fixtures.KeyId)).Id,
                    _ => (await client.ApiKeys.ListPageAsync(options)).Items[0].Id,
                };
                n++;
            }

            if (Stopwatch.GetTimestamp() > warm)
            {
                cpu[side] += ThreadCpuNanoseconds() - start;
                calls[side] += n;
            }
        }

        double client_ = (double)cpu[0] / Math.Max(1, calls[0]), hand = (double)cpu[1] / Math.Max(1, calls[1]);
        Console.WriteLine($"client_cpu_ns={client_:F0} hand_cpu_ns={hand:F0} ratio={client_ / hand:F3}");
        return 0;
    }

    private static long ThreadCpuNanoseconds()
    {
        // CLOCK_THREAD_CPUTIME_ID = 3.
        _ = clock_gettime(3, out var time);
        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
