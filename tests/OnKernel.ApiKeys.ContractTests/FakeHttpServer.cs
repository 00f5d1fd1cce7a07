using OnKernel.ApiKeys.ContractTests.FakeServer;

namespace OnKernel.ApiKeys.ContractTests;

/// <summary>
/// One loopback HTTP host for the whole assembly, serving each test's FakeKernel under a
/// prefix of its own (<see cref="FakeKernelHttpHost.Register"/>). Started on first use,
/// stopped after the last test.
/// </summary>
[SetUpFixture]
public sealed class FakeHttpServer
{
    private static readonly Lazy<Task<FakeKernelHttpHost>> Started = new(() => FakeKernelHttpHost.StartAsync());

    internal static FakeKernelHttpHost Host => Started.Value.GetAwaiter().GetResult();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Started.IsValueCreated)
        {
            await (await Started.Value).DisposeAsync();
        }
    }
}
