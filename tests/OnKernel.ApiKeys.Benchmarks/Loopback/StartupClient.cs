namespace OnKernel.Benchmarks.Loopback;

/// <summary>
/// <c>startup &lt;hand|client&gt; &lt;baseUrl&gt;</c>: one create from a fresh process, then <c>done</c>
/// on standard output. build/bench.sh times from starting the process to reading that line.
/// </summary>
internal static class StartupClient
{
    public static async Task<int> RunAsync(string[] args)
    {
        await LoopbackSides.Create(args[0], args[1])();
        Console.WriteLine("done");
        // For whoever compares start-ups: what the first create made the JIT and loader do.
        Console.Error.WriteLine($"jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount()} jit_ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0.0} assemblies={AppDomain.CurrentDomain.GetAssemblies().Length}");
        return 0;
    }
}
