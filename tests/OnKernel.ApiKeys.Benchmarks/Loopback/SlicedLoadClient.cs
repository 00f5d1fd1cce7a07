using System.Globalization;

namespace OnKernel.Benchmarks.Loopback;

/// <summary>
/// <c>loopback-sliced &lt;hand|client&gt; &lt;baseUrl&gt; &lt;concurrency&gt; [warm-up seconds, default 3]</c>:
/// the load client of <see cref="LoadClient"/>, kept alive for one round so that build/bench.sh can
/// interleave the two sides in short slices: after the warm-up it prints <c>ready</c>, then for each
/// line <c>run &lt;seconds&gt;</c> on standard input creates as fast as <c>concurrency</c> callers can
/// for that long and prints <c>creates=N seconds=S cpu_us=C</c>; it exits at the end of its input.
/// A burst of load from other jobs on the machine, a few seconds long, then falls on both sides'
/// slices alike instead of on one side's whole run.
/// </summary>
internal static class SlicedLoadClient
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (create, concurrency) = await LoadClient.WarmedUpAsync(args[0], args[1], args[2], args.Length > 3 ? args[3] : null);
        Console.WriteLine("ready");
        while (Console.ReadLine() is { } line && line.StartsWith("run ", StringComparison.Ordinal))
        {
            var (done, elapsed, cpu) = await LoadClient.MeasureAsync(create, concurrency, double.Parse(line[4..], CultureInfo.InvariantCulture));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"creates={done} seconds={elapsed:0.000000} cpu_us={cpu:0}"));
        }

        return 0;
    }
}
