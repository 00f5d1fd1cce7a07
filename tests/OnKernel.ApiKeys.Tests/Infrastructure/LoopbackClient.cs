namespace OnKernel.ApiKeys.Tests.Infrastructure;

/// <summary>A KernelClient pointed at a <see cref="LoopbackServer"/>, logging every level into a capture.</summary>
internal static class LoopbackClient
{
    public static (KernelClient Client, CapturingLoggerFactory Logs) For(LoopbackServer server, Action<KernelClientOptions>? configure = null)
    {
        var logs = new CapturingLoggerFactory();
        var options = new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = server.BaseUrl, Timeout = TimeSpan.FromSeconds(10), MaxRetries = 0, LoggerFactory = logs };
        configure?.Invoke(options);
        return (new KernelClient(options), logs);
    }
}
