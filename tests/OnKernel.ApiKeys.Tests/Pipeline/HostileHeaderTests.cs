using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// Delay headers of any size, sign or format on a 429/503, over a real socket: the caller
/// gets the typed exception (never an OverflowException), and a nonsense delay is ignored.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class HostileHeaderTests
{
    private static readonly string RateLimited = Samples.ErrorJson("rate_limited", "slow down");

    [TestCase("Retry-After", "1000000000000")]
    [TestCase("Retry-After", "-1000000000000")]
    [TestCase("Retry-After", "1e300")]
    [TestCase("Retry-After", "-1e300")]
    [TestCase("Retry-After", "-5")]
    [TestCase("retry-after-ms", "1e16")]
    [TestCase("retry-after-ms", "-1e16")]
    [TestCase("retry-after-ms", "9999999999999999999999999")]
    [TestCase("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")]
    [TestCase("Retry-After", "Mon, 01 Jan 0001 00:00:00 GMT")]
    [TestCase("Retry-After", "soon")]
    public async Task A_nonsense_delay_gives_a_rate_limit_exception_without_a_delay(string header, string value)
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(429, RateLimited, headers: (header, value)));
        var (client, _) = LoopbackClient.For(server);
        using (client)
        {
            var ex = Assert.ThrowsAsync<KernelRateLimitException>(() => client.ApiKeys.GetAsync("key_1"));

            Assert.That(ex!.RetryAfter, Is.Null);
            Assert.That(ex.Headers.GetFirst(header), Is.EqualTo(value));
            Assert.That(server.RequestCount, Is.EqualTo(1));
        }
    }

    [TestCase("Retry-After", "1000000000000")]
    [TestCase("retry-after-ms", "1e16")]
    [TestCase("retry-after-ms", "-1e16")]
    public async Task A_nonsense_delay_on_a_503_falls_back_to_backoff_and_the_retry_succeeds(string header, string value)
    {
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(503, Samples.ErrorJson("unavailable", "busy"), headers: (header, value)),
            ServerAction.Respond(201, Samples.CreatedKeyJson));
        var (client, logs) = LoopbackClient.For(server, o => o.MaxRetries = 1);
        using (client)
        {
            var key = await client.ApiKeys.CreateAsync("deploy-bot");

            Assert.That(key.Id, Is.EqualTo("ckv9w8q2f000001l5r3j7k9m4"));
            Assert.That(server.RequestCount, Is.EqualTo(2));
            var delay = logs.Lines.Select(l => l.Message).Single(m => m.Contains("retrying in"));
            var ms = int.Parse(delay.Split("retrying in ")[1].Split(' ')[0]);
            Assert.That(ms, Is.InRange(375, 500), "the computed first back-off, not the server's number");
        }
    }

    [Test]
    public async Task A_sane_delay_is_still_reported()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(429, RateLimited, headers: ("retry-after-ms", "1500")));
        var (client, _) = LoopbackClient.For(server);
        using (client)
        {
            var ex = Assert.ThrowsAsync<KernelRateLimitException>(() => client.ApiKeys.GetAsync("key_1"));

            Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
        }
    }
}
