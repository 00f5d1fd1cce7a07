using OnKernel.ApiKeys.ContractTests.Infrastructure;

namespace OnKernel.ApiKeys.ContractTests.FakeServer;

/// <summary>
/// The fake's injected faults, served over real sockets, reach the client as the network
/// failures they stand for: a dropped connection resets the socket after the fake acted, a
/// hang lasts until the client's timeout, a 429 carries Retry-After.
/// </summary>
public sealed class FaultsOverHttpTests
{
    [Test]
    public void A_dropped_connection_after_a_create_resets_the_socket_and_leaves_the_key()
    {
        using var facade = new FacadeHarness(ServerKind.FakeOverHttp);
        facade.Fake!.Faults.Next().DroppedAfterActing();

        var thrown = Assert.ThrowsAsync<KernelOutcomeUnknownException>(() => facade.Client.ApiKeys.CreateAsync("orphan-over-http"));

        Assert.That(thrown!.InnerException, Is.TypeOf<KernelConnectionException>());
        Assert.That(facade.Fake.Keys.Count(k => k.Name == "orphan-over-http"), Is.EqualTo(1));
    }

    [Test]
    public void A_hang_lasts_until_the_clients_timeout()
    {
        using var facade = new FacadeHarness(ServerKind.FakeOverHttp);
        facade.Fake!.Faults.Next().Timeout();
        using var http = new HttpClient(PrismHttp.CreateSocketsHandler());
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        using var client = new KernelClient(http, new KernelClientOptions
        {
            ApiKey = FacadeHarness.ApiKey,
            BaseUrl = FakeHttpServer.Host.Register(facade.Fake),
            MaxRetries = 0,
            Timeout = TimeSpan.FromMilliseconds(500),
        });

        Assert.ThrowsAsync<KernelTimeoutException>(() => client.ApiKeys.ListPageAsync());

        Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(450)));
    }

    [Test]
    public void A_rate_limit_carries_retry_after_over_the_wire()
    {
        using var facade = new FacadeHarness(ServerKind.FakeOverHttp);
        facade.Fake!.Faults.Next().RateLimited(TimeSpan.FromSeconds(3));

        var thrown = Assert.ThrowsAsync<KernelRateLimitException>(() => facade.Client.ApiKeys.ListPageAsync());

        Assert.That(thrown!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }
}
