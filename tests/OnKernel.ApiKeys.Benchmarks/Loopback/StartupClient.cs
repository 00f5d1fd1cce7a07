using System.Diagnostics;

namespace OnKernel.Benchmarks.Loopback;

/// <summary>
/// <c>startup &lt;hand|client&gt; &lt;baseUrl&gt;</c>: one create from a fresh process, then <c>done</c>
/// on standard output. build/bench.sh times from starting the process to reading that line.
/// </summary>
internal static class StartupClient
{
    public static async Task<int> RunAsync(string[] args)
    {
        var entered = DateTime.UtcNow;
        var begin = Stopwatch.GetTimestamp();
        var create = LoopbackSides.Create(args[0], args[1]);
        var made = Stopwatch.GetElapsedTime(begin);
        await create();
        var done = Stopwatch.GetElapsedTime(begin);
        Console.WriteLine("done");
        // For whoever compares start-ups (after "done", so not timed): where the time went, and
        // what the JIT and the loader did.
        var runtime = entered - Process.GetCurrentProcess().StartTime.ToUniversalTime();
        Console.Error.WriteLine($"to_main_ms={runtime.TotalMilliseconds:0.0} construct_ms={made.TotalMilliseconds:0.0} first_create_ms={(done - made).TotalMilliseconds:0.0} " +
            $"jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount()} jit_ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0.0} assemblies={AppDomain.CurrentDomain.GetAssemblies().Length}");
        return 0;
    }
}
