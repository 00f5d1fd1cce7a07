using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Hostile;

/// <summary>
/// The per-attempt Timeout and the caller's token cover the whole attempt: connect, headers
/// and body. A body trickling at one byte a second would take over a minute here; every
/// test demands an answer within 10 s (a generous bound, not a measurement).
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class AttemptDeadlineTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    // 60+ bytes at one per second: over a minute of body after the headers arrived.
    private static ServerAction TricklingPage() => ServerAction.SlowBody(200, ListSamples.Page("k1"), TimeSpan.FromSeconds(1));

    [Test]
    public async Task A_body_trickling_after_the_headers_is_cut_off_by_the_attempt_timeout()
    {
        await using var server = LoopbackServer.Scripted(TricklingPage());
        var (client, logs) = HostileClient.For(server.BaseUrl, o => { o.Timeout = TimeSpan.FromSeconds(1); o.MaxRetries = 0; });
        using var _ = client;

        var (error, elapsed) = await HostileClient.Outcome(() => client.ApiKeys.ListPageAsync());

        Assert.That(error, Is.TypeOf<KernelTimeoutException>());
        Assert.That(error!.Message, Is.EqualTo("GET org/api_keys timed out after 1 s (attempt 1)."));
        Assert.That(((OnKernelException)error).Attempts, Is.EqualTo(1));
        Assert.That(server.RequestCount, Is.EqualTo(1));
        Assert.That(elapsed, Is.LessThan(Generous), "the body would take over 60 s");
        SecretWatch.AssertClean(error, logs);
        TestContext.Out.WriteLine($"timeout 1 s -> returned after {elapsed.TotalMilliseconds:0} ms");
    }

    [Test]
    public async Task A_body_trickling_after_the_headers_is_cut_off_by_the_callers_token()
    {
        await using var server = LoopbackServer.Scripted(TricklingPage());
        var (client, logs) = HostileClient.For(server.BaseUrl, o => o.Timeout = TimeSpan.FromMinutes(5));
        using var _ = client;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var (error, elapsed) = await HostileClient.Outcome(() => client.ApiKeys.ListPageAsync(cancellationToken: cts.Token));

        Assert.That(error, Is.InstanceOf<OperationCanceledException>());
        Assert.That(((OperationCanceledException)error!).CancellationToken, Is.EqualTo(cts.Token));
        Assert.That(server.RequestCount, Is.EqualTo(1));
        Assert.That(elapsed, Is.LessThan(Generous), "the body would take over 60 s");
        SecretWatch.AssertClean(error, logs);
    }

    [Test]
    public async Task A_create_body_trickling_after_the_headers_times_out_as_outcome_unknown()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.SlowBody(201, Samples.CreatedKeyJson, TimeSpan.FromSeconds(1)));
        var (client, logs) = HostileClient.For(server.BaseUrl, o => o.Timeout = TimeSpan.FromSeconds(1));
        using var _ = client;

        var (error, elapsed) = await HostileClient.Outcome(() => client.ApiKeys.CreateAsync("deploy-bot"));

        Assert.That(error, Is.TypeOf<KernelOutcomeUnknownException>());
        Assert.That(error!.InnerException, Is.TypeOf<KernelTimeoutException>());
        Assert.That(server.RequestCount, Is.EqualTo(1), "the server answered 201: never replayed");
        Assert.That(elapsed, Is.LessThan(Generous));
        SecretWatch.AssertClean(error, logs);
    }

    [Test]
    public async Task A_connect_that_never_completes_sent_nothing_so_a_create_is_retried()
    {
        using var blackhole = new BlackholeEndpoint();
        var (client, logs) = HostileClient.For(blackhole.BaseUrl, o => o.Timeout = TimeSpan.FromMilliseconds(500));
        using var _ = client;

        var (error, elapsed) = await HostileClient.Outcome(() => client.ApiKeys.CreateAsync("deploy-bot"));

        Assert.That(error, Is.TypeOf<KernelTimeoutException>(), "not KernelOutcomeUnknownException: no byte reached a server");
        Assert.That(((OnKernelException)error!).Attempts, Is.EqualTo(3));
        Assert.That(error.Message, Does.Contain("timed out after 0.5 s before the request was sent").And.Contain(blackhole.BaseUrl.Authority));
        Assert.That(logs.Lines.Count(l => l.Message.Contains("retrying in")), Is.EqualTo(2));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        SecretWatch.AssertClean(error, logs);
    }
}
