using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Hostile;

/// <summary>
/// Dispose ends the client's life: later calls throw ObjectDisposedException naming
/// KernelClient, and calls in flight end promptly the same way (not as a timeout, and not retried).
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class LifecycleTests
{
    [Test]
    public async Task A_call_after_Dispose_names_KernelClient_and_sends_nothing()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, ListSamples.Key("k1")));
        var (client, _) = HostileClient.For(server.BaseUrl);
        client.Dispose();

        var (error, _) = await HostileClient.Outcome(() => client.ApiKeys.GetAsync("k1"));

        Assert.That(error, Is.TypeOf<ObjectDisposedException>());
        Assert.That(((ObjectDisposedException)error!).ObjectName, Is.EqualTo(nameof(KernelClient)));
        Assert.That(server.RequestCount, Is.Zero);
    }

    [Test]
    public async Task A_call_after_Dispose_over_a_callers_HttpClient_is_refused_too()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, ListSamples.Key("k1")));
        using var http = new HttpClient();
        var client = new KernelClient(http, new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = server.BaseUrl });
        client.Dispose();

        var (error, _) = await HostileClient.Outcome(() => client.ApiKeys.GetAsync("k1"));

        Assert.That(error, Is.TypeOf<ObjectDisposedException>());
        Assert.That(((ObjectDisposedException)error!).ObjectName, Is.EqualTo(nameof(KernelClient)));
        Assert.That(server.RequestCount, Is.Zero, "the caller's HttpClient still works, but this client is closed");
    }

    [Test]
    public async Task Dispose_ends_a_call_waiting_for_an_answer_promptly_without_a_retry()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Hang());
        var (client, logs) = HostileClient.For(server.BaseUrl, o => o.Timeout = TimeSpan.FromMinutes(5));

        var call = client.ApiKeys.GetAsync("k1");
        await WaitUntil(() => server.RequestCount == 1);
        client.Dispose();
        var (error, elapsed) = await HostileClient.Outcome(() => call);

        Assert.That(error, Is.TypeOf<ObjectDisposedException>());
        Assert.That(((ObjectDisposedException)error!).ObjectName, Is.EqualTo(nameof(KernelClient)));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the 5-minute timeout must not be waited out");
        await Task.Delay(300);
        Assert.That(server.RequestCount, Is.EqualTo(1), "not retried");
        Assert.That(logs.Lines.Select(l => l.Message), Has.None.Contains("retrying").And.None.Contains("timed out"));
    }

    [Test]
    public async Task Dispose_ends_a_call_reading_a_trickling_body_promptly()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.SlowBody(200, ListSamples.Page("k1"), TimeSpan.FromSeconds(1)));
        var (client, _) = HostileClient.For(server.BaseUrl, o => o.Timeout = TimeSpan.FromMinutes(5));

        var call = client.ApiKeys.ListPageAsync();
        await WaitUntil(() => server.RequestCount == 1);
        await Task.Delay(200); // the headers are out; the body is trickling
        client.Dispose();
        var (error, elapsed) = await HostileClient.Outcome(() => call);

        Assert.That(error, Is.TypeOf<ObjectDisposedException>());
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the body would take over 60 s");
        Assert.That(server.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Dispose_during_a_retry_back_off_ends_the_call_promptly()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "wait"), headers: ("Retry-After", "30")));
        var (client, logs) = HostileClient.For(server.BaseUrl);

        var call = client.ApiKeys.GetAsync("k1");
        await WaitUntil(() => logs.Lines.Any(l => l.Message.Contains("retrying in 30000 ms")));
        client.Dispose();
        var (error, elapsed) = await HostileClient.Outcome(() => call);

        Assert.That(error, Is.TypeOf<ObjectDisposedException>());
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the 30 s back-off must not be waited out");
        Assert.That(server.RequestCount, Is.EqualTo(1));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the call never reached the server");
            await Task.Delay(10);
        }
    }
}
