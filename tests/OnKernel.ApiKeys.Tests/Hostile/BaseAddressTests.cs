using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Hostile;

/// <summary>
/// A caller-owned HttpClient's BaseAddress is where the caller meant the key to go: honoured
/// when BaseUrl is not set, and a conflict with BaseUrl fails at construction. Failures that
/// suggest the wrong address name the host and the attempts made.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class BaseAddressTests
{
    [SetUp]
    public void NoAmbientBaseUrl() =>
        Assume.That(Environment.GetEnvironmentVariable("KERNEL_BASE_URL"), Is.Null.Or.Empty, "these tests need KERNEL_BASE_URL unset");

    [Test]
    public async Task A_callers_BaseAddress_is_used_when_BaseUrl_is_not_set()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, ListSamples.Key("k1")));
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl, "kernel") };
        using var client = new KernelClient(http, new KernelClientOptions { ApiKey = Samples.CallerApiKey });

        await client.ApiKeys.GetAsync("k1");

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri(server.BaseUrl, "kernel/")));
        Assert.That(server.Requests.Single().Path, Is.EqualTo("/kernel/org/api_keys/k1"));
    }

    [Test]
    public async Task A_BaseAddress_set_through_AddKernelClient_is_used()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, ListSamples.Key("k1")));
        var services = new ServiceCollection();
        services.AddKernelClient(o => o.ApiKey = Samples.CallerApiKey).ConfigureHttpClient(c => c.BaseAddress = server.BaseUrl);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ApiKeysService>().GetAsync("k1");

        Assert.That(provider.GetRequiredService<KernelClient>().BaseUrl, Is.EqualTo(server.BaseUrl));
        Assert.That(server.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public void A_BaseAddress_that_differs_from_BaseUrl_fails_at_construction()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5001/") };
        var options = new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = new Uri("https://api.onkernel.com/") };

        var error = Assert.Throws<ArgumentException>(() => new KernelClient(http, options))!;

        Assert.That(error.Message, Does.StartWith(
            "KernelClientOptions.BaseUrl (https://api.onkernel.com/) and the HttpClient's BaseAddress (http://127.0.0.1:5001/) differ. Keep one: " +
            "clear BaseAddress to use BaseUrl, or leave BaseUrl unset to use BaseAddress."));
    }

    [Test]
    public void The_same_address_in_both_is_accepted()
    {
        using var http = new HttpClient { BaseAddress = new Uri("https://proxy.example/kernel") };
        using var client = new KernelClient(http, new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = new Uri("https://proxy.example/kernel/") });

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://proxy.example/kernel/")));
    }

    [Test]
    public void A_BaseAddress_is_checked_like_BaseUrl()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://kernel.example/") };

        var error = Assert.Throws<ArgumentException>(() => new KernelClient(http, new KernelClientOptions { ApiKey = Samples.CallerApiKey }))!;

        Assert.That(error.Message, Does.StartWith("The HttpClient's BaseAddress ('http://kernel.example/') is plain http"));
    }

    [Test]
    public void A_refused_connection_names_the_host_and_the_attempts()
    {
        var port = FreePort.Next();
        using var client = new KernelClient(new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = new Uri($"http://127.0.0.1:{port}/") });

        var error = Assert.ThrowsAsync<KernelConnectionException>(() => client.ApiKeys.GetAsync("k1"))!;

        Assert.That(error.Message, Is.EqualTo($"GET org/api_keys/{{id}} failed: could not connect to 127.0.0.1:{port} (ConnectionRefused); 3 attempts."));
    }

    [Test]
    public async Task A_404_that_is_not_a_Kernel_error_names_the_host_and_the_attempts()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(404, "<html>no such page</html>", "text/html"));
        using var client = new KernelClient(new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = server.BaseUrl });

        var error = Assert.ThrowsAsync<KernelNotFoundException>(() => client.ApiKeys.GetAsync("k1"))!;

        Assert.That(error.StatusCode, Is.EqualTo(404));
        Assert.That(error.Message, Is.EqualTo(
            $"404 Not Found (body was not a Kernel error) from {server.BaseUrl.Authority} for GET org/api_keys/{{id}}; 1 attempt. Is BaseUrl ({server.BaseUrl}) the Kernel API?"));
    }

    [Test]
    public async Task A_404_with_a_Kernel_error_keeps_Kernels_words()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(404, Samples.ErrorJson("not_found", "no such key")));
        using var client = new KernelClient(new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = server.BaseUrl });

        var error = Assert.ThrowsAsync<KernelNotFoundException>(() => client.ApiKeys.GetAsync("k1"))!;

        Assert.That(error.Message, Is.EqualTo("404 not_found: no such key"));
    }
}
