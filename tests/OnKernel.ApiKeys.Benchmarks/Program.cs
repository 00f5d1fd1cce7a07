using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;
using OnKernel.Benchmarks.Loopback;

namespace OnKernel.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- [BenchmarkDotNet arguments]</c> runs the in-memory suite;
/// <c>loopback ...</c>, <c>loopback-sliced ...</c> and <c>startup ...</c> are the load and start-up clients that
/// build/bench.sh starts as their own processes against the stand-in server; <c>profile ...</c>
/// loops this client in memory for dotnet-trace.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Kept out of Main's own body so that a load or start-up run never loads BenchmarkDotNet.
        return args.FirstOrDefault() switch
        {
            "loopback" => await LoadClient.RunAsync(args[1..]),
            "loopback-sliced" => await SlicedLoadClient.RunAsync(args[1..]),
            "startup" => await StartupClient.RunAsync(args[1..]),
            "profile" => await ProfileLoop.RunAsync(args[1..]),
            _ => RunBenchmarks(args),
        };
    }

    private static int RunBenchmarks(string[] args)
    {
        // Few iterations: the machine is shared and noisy, so ratios against the baseline
        // measured in the same run are what count, not absolute times. In process: a
        // generated out-of-process project would rebuild the library under another
        // ArtifactsPath, where its generated client is compiled twice. Units are fixed so
        // that build/bench.sh can read the CSV report.
        var style = new SummaryStyle(CultureInfo.InvariantCulture, printUnitsInHeader: true, sizeUnit: SizeUnit.B, timeUnit: TimeUnit.Nanosecond, printUnitsInContent: false);
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance).WithId("Short"))
            .AddColumn(StatisticColumn.Median)
            .AddExporter(new CsvExporter(CsvSeparator.Comma, style))
            .WithSummaryStyle(style.WithTimeUnit(TimeUnit.Microsecond));
        // BENCH_ORDER=client-first: this client's benchmark runs before the hand-written one. In one
        // process the side that runs second finds the code both share (Newtonsoft.Json, HttpClient)
        // already compiled for the first side's types and profile; build/bench.py alternates the order.
        if (Environment.GetEnvironmentVariable("BENCH_ORDER") == "client-first")
        {
            // "Client" sorts before "HandWritten"; declared order (the default) puts the baseline first.
            config = config.WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Default, MethodOrderPolicy.Alphabetical));
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
