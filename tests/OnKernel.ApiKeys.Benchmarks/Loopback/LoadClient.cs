using System.Diagnostics;
using System.Globalization;

namespace OnKernel.Benchmarks.Loopback;

/// <summary>
/// <c>loopback &lt;hand|client&gt; &lt;baseUrl&gt; &lt;concurrency&gt; &lt;seconds&gt; [warm-up seconds, default 3]</c>:
/// creates as fast as <c>concurrency</c> callers can and prints <c>creates_per_s=N</c>. The warm-up
/// lets tiered compilation finish first: on two cores a second was not enough for the side
/// with more code to compile, so the comparison measured the JIT, not the steady state
/// (in one process, alternating, the sides were within 12% when two separate processes
/// with a one-second warm-up said 0.5x). Start-up is measured on its own.
/// </summary>
internal static class LoadClient
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = double.Parse(args[3], CultureInfo.InvariantCulture);
        var (create, concurrency) = await WarmedUpAsync(args[0], args[1], args[2], args.Length > 4 ? args[4] : null);
        var (done, elapsed, cpu) = await MeasureAsync(create, concurrency, seconds);
        var rate = done / elapsed;
        var cpuPerCreate = cpu / Math.Max(1, done);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"creates_per_s={rate:0.0}"));
        // For whoever reads the log: how hard the run made the collector work.
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu_us_per_create={cpuPerCreate:0.0}"));
        Console.Error.WriteLine($"threads={ThreadPool.ThreadCount} work_items_per_create={(double)ThreadPool.CompletedWorkItemCount / Math.Max(1, done):0.00} contentions={Monitor.LockContentionCount}");
        Console.Error.WriteLine($"gc0={GC.CollectionCount(0)} gc1={GC.CollectionCount(1)} gc2={GC.CollectionCount(2)} allocated={GC.GetTotalAllocatedBytes() / Math.Max(1, done)} B/create (warm-up included)");
        return 0;
    }

    /// <summary>
    /// One side's create and its concurrency, from the load clients' common arguments, after
    /// <paramref name="warmUpSeconds"/> (default 3) of load.
    /// </summary>
    internal static async Task<(Func<Task> Create, int Concurrency)> WarmedUpAsync(string side, string baseUrl, string concurrencyText, string? warmUpSeconds)
    {
        var create = LoopbackSides.Create(side, baseUrl);
        var concurrency = int.Parse(concurrencyText, CultureInfo.InvariantCulture);
        var warmUp = warmUpSeconds is null ? 3 : double.Parse(warmUpSeconds, CultureInfo.InvariantCulture);
        await RunForAsync(create, concurrency, TimeSpan.FromSeconds(warmUp));
        return (create, concurrency);
    }

    /// <summary>
    /// Creates for <paramref name="seconds"/>: how many, in how long, and the process's own CPU
    /// time in microseconds (on a shared machine a steadier measure of what a side costs than the
    /// rate, which also depends on what else got the cores).
    /// </summary>
    internal static async Task<(long Creates, double Seconds, double CpuMicroseconds)> MeasureAsync(Func<Task> create, int concurrency, double seconds)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var done = await RunForAsync(create, concurrency, TimeSpan.FromSeconds(seconds));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        return (done, elapsed, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds);
    }

    internal static async Task<long> RunForAsync(Func<Task> create, int concurrency, TimeSpan duration)
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
