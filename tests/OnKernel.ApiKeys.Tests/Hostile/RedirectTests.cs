using Microsoft.Extensions.DependencyInjection;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Hostile;

/// <summary>
/// A 3xx is an error naming the status and the target host, never followed and never
/// retried: following it would send the API key (and a create's body) wherever it points.
/// The target is another loopback server that records whether anything reached it.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class RedirectTests
{
    // "localhost" for the target, 127.0.0.1 for the origin: another host, as far as a URL goes.
    private static Uri Elsewhere(LoopbackServer target, string path) => new($"http://localhost:{target.BaseUrl.Port}/{path}");

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(307)]
    [TestCase(308)]
    public async Task The_clients_own_handler_reports_a_redirect_and_sends_nothing_further(int status)
    {
        await using var target = LoopbackServer.Scripted(ServerAction.Respond(201, Samples.CreatedKeyJson));
        await using var origin = LoopbackServer.Scripted(HostileAction.Redirect(status, Elsewhere(target, "org/api_keys")));
        var (client, logs) = HostileClient.For(origin.BaseUrl);
        using var _ = client;

        var (error, _) = await HostileClient.Outcome(() => client.ApiKeys.CreateAsync("deploy-bot"));

        Assert.That(error, Is.TypeOf<KernelRedirectException>());
        var redirect = (KernelRedirectException)error!;
        Assert.That(redirect.StatusCode, Is.EqualTo(status));
        Assert.That(redirect.Location, Is.EqualTo(Elsewhere(target, "org/api_keys")));
        Assert.That(redirect.Message, Is.EqualTo(
            $"POST org/api_keys was answered {status} redirecting to {Elsewhere(target, "").Authority}. Redirects are not followed (they would carry the API key elsewhere); set BaseUrl to the address that should receive the requests."));
        Assert.That(redirect.Attempts, Is.EqualTo(1));
        Assert.That((origin.RequestCount, target.RequestCount), Is.EqualTo((1, 0)));
        SecretWatch.AssertClean(error, logs);
    }

    [Test]
    public async Task The_dependency_injection_client_reports_a_redirect_and_sends_nothing_further()
    {
        await using var target = LoopbackServer.Scripted(ServerAction.Respond(200, ListSamples.Key("k1")));
        await using var origin = LoopbackServer.Scripted(HostileAction.Redirect(302, Elsewhere(target, "org/api_keys/k1")));
        var services = new ServiceCollection();
        services.AddKernelClient(o => { o.ApiKey = Samples.CallerApiKey; o.BaseUrl = origin.BaseUrl; o.MaxRetries = 2; });
        await using var provider = services.BuildServiceProvider();

        var (error, _) = await HostileClient.Outcome(() => provider.GetRequiredService<ApiKeysService>().GetAsync("k1"));

        Assert.That(error, Is.TypeOf<KernelRedirectException>());
        Assert.That(error!.Message, Does.StartWith($"GET org/api_keys/{{id}} was answered 302 redirecting to {Elsewhere(target, "").Authority}."));
        Assert.That(((OnKernelException)error).Attempts, Is.EqualTo(1), "never retried");
        Assert.That((origin.RequestCount, target.RequestCount), Is.EqualTo((1, 0)));
        SecretWatch.AssertClean(error);
    }

    [Test]
    public async Task A_callers_HttpClient_that_follows_a_redirect_is_caught_by_the_answers_address()
    {
        await using var target = LoopbackServer.Scripted(ServerAction.Respond(200, ListSamples.Key("k1")));
        await using var origin = LoopbackServer.Scripted(HostileAction.Redirect(302, Elsewhere(target, "org/api_keys/k1")));
        using var followsRedirects = new HttpClient(); // AllowAutoRedirect is on by default
        using var client = new KernelClient(followsRedirects, new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = origin.BaseUrl });

        var (error, _) = await HostileClient.Outcome(() => client.ApiKeys.GetAsync("k1"));

        Assert.That(error, Is.TypeOf<KernelRedirectException>());
        var redirect = (KernelRedirectException)error!;
        Assert.That(redirect.Location, Is.EqualTo(Elsewhere(target, "org/api_keys/k1")));
        Assert.That(redirect.Message, Does.StartWith($"GET org/api_keys/{{id}} was redirected to {Elsewhere(target, "").Authority} by the HttpClient's own handler"));
        Assert.That(redirect.Attempts, Is.EqualTo(1), "never retried");
        // The caller's handler did follow it (the documented limit); the answer was not used.
        Assert.That((origin.RequestCount, target.RequestCount), Is.EqualTo((1, 1)));
        SecretWatch.AssertClean(error);
    }
}
