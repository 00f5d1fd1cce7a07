using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>Many creates at once through one client: no errors, a bounded number of sockets.</summary>
public class ConcurrencyTests
{
    [Test]
    public async Task A_thousand_concurrent_creates_succeed_over_a_bounded_number_of_connections()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(201, Samples.CreatedKeyJson));
        var logs = new CapturingLoggerFactory();
        using var client = new KernelClient(new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = server.BaseUrl, LoggerFactory = logs });

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async i =>
        {
            try
            {
                return (await client.ApiKeys.CreateAsync($"key-{i}")).Key == Samples.PlaintextKey ? null : "wrong key";
            }
            catch (Exception ex)
            {
                return ex.GetType().Name + ": " + ex.Message;
            }
        }));

        Assert.That(results.Where(r => r is not null), Is.Empty);
        Assert.That(server.RequestCount, Is.EqualTo(1000), "each create sent exactly once");
        Assert.That(server.ConnectionCount, Is.LessThanOrEqualTo(KernelClient.MaxConnectionsPerServer));
        Assert.That(server.Requests.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1000));
        SecretWatch.AssertClean(null, logs);
        TestContext.Out.WriteLine($"connections used: {server.ConnectionCount}");
    }
}
