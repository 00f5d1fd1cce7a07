using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Hostile;

/// <summary>
/// An endless chunked body is cut off at the response limit (1 MiB) and reported as what it
/// is: an answer too large to be Kernel's, not a lost connection. The server's byte count
/// bounds what the client could have buffered.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class ResponseSizeTests
{
    // Generous: the cap is 1 MiB; loopback socket buffers hold a few MiB more in flight.
    private const long MaxBytesTheServerMayPush = 64L * 1024 * 1024;

    [Test]
    public async Task An_endless_200_list_page_is_an_invalid_response_at_the_limit()
    {
        await using var server = LoopbackServer.Scripted(HostileAction.EndlessChunked(200));
        var (client, logs) = HostileClient.For(server.BaseUrl);
        using var _ = client;

        var (error, elapsed) = await HostileClient.Outcome(() => client.ApiKeys.ListPageAsync());

        Assert.That(error, Is.TypeOf<KernelInvalidResponseException>());
        var invalid = (KernelInvalidResponseException)error!;
        Assert.That(invalid.Message, Is.EqualTo("GET org/api_keys answered 200, but the body is larger than the 1 MiB response limit; it was not read to the end."));
        Assert.That(invalid.StatusCode, Is.EqualTo(200));
        Assert.That(invalid.Attempts, Is.EqualTo(1));
        Assert.That(server.RequestCount, Is.EqualTo(1), "a 2xx is never replayed");
        Assert.That(server.BodyBytesSent, Is.LessThan(MaxBytesTheServerMayPush));
        SecretWatch.AssertClean(error, logs);
        TestContext.Out.WriteLine($"server pushed {server.BodyBytesSent / 1024} KiB before the client hung up, in {elapsed.TotalMilliseconds:0} ms");
    }

    [Test]
    public async Task An_endless_201_create_says_the_key_may_exist()
    {
        await using var server = LoopbackServer.Scripted(HostileAction.EndlessChunked(201));
        var (client, logs) = HostileClient.For(server.BaseUrl);
        using var _ = client;

        var (error, _) = await HostileClient.Outcome(() => client.ApiKeys.CreateAsync("deploy-bot"));

        Assert.That(error, Is.TypeOf<KernelInvalidResponseException>());
        Assert.That(error!.Message, Does.StartWith("POST org/api_keys answered 201, but the body is larger than the 1 MiB response limit")
            .And.Contain("the key 'deploy-bot' was most likely created"));
        Assert.That(server.RequestCount, Is.EqualTo(1));
        Assert.That(server.BodyBytesSent, Is.LessThan(MaxBytesTheServerMayPush));
        SecretWatch.AssertClean(error, logs);
    }

    [Test]
    public async Task An_endless_500_is_a_server_error_with_its_status_not_a_lost_connection()
    {
        await using var server = LoopbackServer.Scripted(HostileAction.EndlessChunked(500));
        var (client, logs) = HostileClient.For(server.BaseUrl, o => o.MaxRetries = 1);
        using var _ = client;

        var (error, _) = await HostileClient.Outcome(() => client.ApiKeys.GetAsync("k1"));

        Assert.That(error, Is.TypeOf<KernelServerException>());
        var server500 = (KernelServerException)error!;
        Assert.That(server500.StatusCode, Is.EqualTo(500));
        Assert.That(server500.Message, Is.EqualTo("GET org/api_keys/{id} answered 500, and the body is larger than the 1 MiB response limit; it was not read to the end (attempt 2)."));
        Assert.That(server500.Message, Does.Not.Contain("before a response arrived"));
        Assert.That(server500.RawBody, Does.StartWith("[{\"id\":\"k\"").And.Length.LessThanOrEqualTo(KernelApiException.RawBodyLimit + 20));
        Assert.That(server500.Attempts, Is.EqualTo(2), "a 500 on a read is retried like any 500");
        Assert.That(server.RequestCount, Is.EqualTo(2));
        Assert.That(server.BodyBytesSent, Is.LessThan(2 * MaxBytesTheServerMayPush));
        SecretWatch.AssertClean(error, logs);
    }
}
