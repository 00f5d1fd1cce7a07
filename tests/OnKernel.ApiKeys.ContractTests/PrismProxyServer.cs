using OnKernel.ApiKeys.ContractTests.FakeServer;
using OnKernel.ApiKeys.ContractTests.Infrastructure;
using OnKernel.Testing;

namespace OnKernel.ApiKeys.ContractTests;

/// <summary>
/// FakeKernel behind Prism's validating proxy (<c>prism proxy openapi/kernel.yaml
/// http://127.0.0.1:FAKEPORT --errors</c>): every request and every answer of the fake is
/// checked against the vendored spec. Started on first use (Prism is installed by
/// <see cref="PrismServer"/> before any test runs), stopped after the last test.
/// </summary>
[SetUpFixture]
public sealed class PrismProxyServer
{
    private static readonly Lazy<Task<(FakeKernelHttpHost Host, PrismProcess Proxy)>> Started = new(StartAsync);

    /// <summary>Routes the proxy to <paramref name="fake"/> (until the next call) and returns the proxy's address; null leaves the upstream answering a bare 404.</summary>
    internal static Uri Use(FakeKernel? fake)
    {
        var (host, proxy) = Started.Value.GetAwaiter().GetResult();
        host.DefaultFake = fake;
        return proxy.BaseUrl;
    }

    /// <summary>What the proxy printed, for failure messages.</summary>
    internal static string Output => Started.IsValueCreated && Started.Value.IsCompletedSuccessfully ? Started.Value.Result.Proxy.Output : "(not started)";

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Started.IsValueCreated && Started.Value.IsCompletedSuccessfully)
        {
            var (host, proxy) = Started.Value.Result;
            await proxy.DisposeAsync();
            await host.DisposeAsync();
        }
    }

    private static async Task<(FakeKernelHttpHost, PrismProcess)> StartAsync()
    {
        var host = await FakeKernelHttpHost.StartAsync();
        var proxy = await PrismProcess.StartProxyAsync(RepoPaths.Combine("build", "prism"), RepoPaths.Combine("openapi", "kernel.yaml"), host.BaseUrl);
        TestContext.Progress.WriteLine($"[prism proxy] validating the fake at {host.BaseUrl} from {proxy.BaseUrl}, ready after {proxy.StartupTime.TotalMilliseconds:F0} ms");
        return (host, proxy);
    }
}
