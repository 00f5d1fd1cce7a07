using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Hostile;

/// <summary>Clients for the hostile-server tests, with logs captured and no secret allowed out.</summary>
internal static class HostileClient
{
    public static (KernelClient Client, CapturingLoggerFactory Logs) For(Uri baseUrl, Action<KernelClientOptions>? configure = null)
    {
        var logs = new CapturingLoggerFactory();
        var options = new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = baseUrl, Timeout = TimeSpan.FromSeconds(10), LoggerFactory = logs };
        configure?.Invoke(options);
        return (new KernelClient(options), logs);
    }

    /// <summary>Runs a call; returns what it threw (null when it returned) and how long it took.</summary>
    public static async Task<(Exception? Error, TimeSpan Elapsed)> Outcome(Func<Task> call)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await call();
            return (null, stopwatch.Elapsed);
        }
        catch (Exception ex)
        {
            return (ex, stopwatch.Elapsed);
        }
    }
}
