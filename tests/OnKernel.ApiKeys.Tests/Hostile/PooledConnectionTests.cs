using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Hostile;

/// <summary>
/// A kept-alive connection that the server closes as the next request arrives. .NET's own
/// handler silently re-sends a GET on a fresh connection (so the server sees more requests
/// than <see cref="KernelResponse.Attempts"/> says, as the README documents), but never a
/// create: that must reach the server exactly once.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class PooledConnectionTests
{
    [Test]
    public async Task A_create_on_a_pooled_connection_that_dies_is_sent_once()
    {
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(200, ListSamples.Key("k1")), HostileAction.Close(), ServerAction.Respond(201, Samples.CreatedKeyJson));
        var (client, logs) = HostileClient.For(server.BaseUrl);
        using var _ = client;
        await client.ApiKeys.GetAsync("k1"); // leaves a pooled connection behind

        var (error, _) = await HostileClient.Outcome(() => client.ApiKeys.CreateAsync("deploy-bot"));

        Assert.That(error, Is.TypeOf<KernelOutcomeUnknownException>(), "the server read the create before closing");
        Assert.That(((OnKernelException)error!).Attempts, Is.EqualTo(1));
        Assert.That(server.Requests.Count(r => r.Method == "POST"), Is.EqualTo(1), "one create on the wire");
        Assert.That(server.ConnectionCount, Is.EqualTo(1), "no fresh connection was opened to re-send it");
        SecretWatch.AssertClean(error, logs);
    }

    [TestCase("GET")]
    [TestCase("DELETE")]
    public async Task A_request_without_a_body_on_a_pooled_connection_that_dies_is_resent_by_the_handler_as_documented(string method)
    {
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(200, ListSamples.Key("k1")), HostileAction.Close(), method == "GET" ? ServerAction.Respond(200, ListSamples.Key("k1")) : ServerAction.Respond(204));
        var (client, _) = HostileClient.For(server.BaseUrl);
        using var _ = client;
        await client.ApiKeys.GetAsync("k1");

        KernelResponse response = method == "GET" ? await client.ApiKeys.GetWithResponseAsync("k1") : await client.ApiKeys.DeleteWithResponseAsync("k1");

        // Pins the behaviour the README's Retries section describes: one attempt of ours,
        // two requests on the wire, the second on a new connection opened by .NET itself.
        Assert.That(response.Attempts, Is.EqualTo(1));
        Assert.That(server.Requests.Count(r => r.Method == method), Is.EqualTo(method == "GET" ? 3 : 2));
        Assert.That(server.ConnectionCount, Is.EqualTo(2));
    }
}
