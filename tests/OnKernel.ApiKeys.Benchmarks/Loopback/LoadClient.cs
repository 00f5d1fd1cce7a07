using System.Diagnostics;
using System.Globalization;

namespace OnKernel.Benchmarks.Loopback;

/// <summary>
/// <c>loopback &lt;hand|client&gt; &lt;baseUrl&gt; &lt;concurrency&gt; &lt;seconds&gt;</c>: creates as fast as
/// <c>concurrency</c> callers can, after a one-second warm-up, and prints <c>creates_per_s=N</c>.
/// </summary>
internal static class LoadClient
{
    public static async Task<int> RunAsync(string[] args)
    {
        var create = LoopbackSides.Create(args[0], args[1]);
        var concurrency = int.Parse(args[2], CultureInfo.InvariantCulture);
        var seconds = double.Parse(args[3], CultureInfo.InvariantCulture);

        await RunForAsync(create, concurrency, TimeSpan.FromSeconds(1));
        var stopwatch = Stopwatch.StartNew();
        var done = await RunForAsync(create, concurrency, TimeSpan.FromSeconds(seconds));
        var rate = done / stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"creates_per_s={rate:0.0}"));
        // For whoever reads the log: how hard the run made the collector work.
        Console.Error.WriteLine($"gc0={GC.CollectionCount(0)} gc1={GC.CollectionCount(1)} gc2={GC.CollectionCount(2)} allocated={GC.GetTotalAllocatedBytes() / Math.Max(1, done)} B/create (warm-up included)");
        return 0;
    }

    private static async Task<long> RunForAsync(Func<Task> create, int concurrency, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long done = 0;
        var callers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            while (Stopwatch.GetTimestamp() < until)
            {
                await create();
                Interlocked.Increment(ref done);
            }
        });
        await Task.WhenAll(callers);
        return done;
    }
}
