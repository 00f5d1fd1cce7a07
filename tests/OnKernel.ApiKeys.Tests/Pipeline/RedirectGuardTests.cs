using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>What counts as "answered from another address" when a caller's handler is in the way.</summary>
public class RedirectGuardTests
{
    /// <summary>A caller's handler that rewrites the query on the way out (a cache-buster, a tracing parameter).</summary>
    private sealed class QueryRewriter : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Query = "trace=1" }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static KernelClient Over(HttpMessageHandler handler) =>
        new(new HttpClient(handler), new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = new Uri(MockKernel.BaseUrl), MaxRetries = 0 });

    [Test]
    public async Task A_query_rewritten_by_a_callers_handler_is_not_a_redirect()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, MockKernel.BaseUrl + "org/api_keys/k1?trace=1").Respond(HttpStatusCode.OK, "application/json", ListSamples.Key("k1"));
        using var client = Over(new QueryRewriter { InnerHandler = mock });

        var key = await client.ApiKeys.GetAsync("k1");

        Assert.That(key.Id, Is.EqualTo("k1"));
    }

    [Test]
    public void An_answer_from_another_path_is_a_redirect_even_on_the_same_host()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(request =>
        {
            // What a redirect-following handler leaves behind: the final request's address.
            request.RequestUri = new Uri(MockKernel.BaseUrl + "elsewhere/k1");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(ListSamples.Key("k1")), RequestMessage = request };
        });
        using var client = Over(mock);

        var error = Assert.ThrowsAsync<KernelRedirectException>(() => client.ApiKeys.GetAsync("k1"))!;
        Assert.That(error.Location, Is.EqualTo(new Uri(MockKernel.BaseUrl + "elsewhere/k1")));
    }

    [Test]
    public async Task What_a_redirect_echoes_is_kept_only_redacted()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(302, "", headers: [("Location", "https://elsewhere.example/login?token=" + Samples.CallerApiKey), ("X-Echo", Samples.CallerApiKey)]));
        var (client, _) = LoopbackClient.For(server);
        using (client)
        {
            var error = Assert.ThrowsAsync<KernelRedirectException>(() => client.ApiKeys.GetAsync("k1"))!;
            Assert.That(error.Location?.Host, Is.EqualTo("elsewhere.example"));
            Assert.That(error.Location!.ToString(), Does.Not.Contain(Samples.CallerApiKey));
            Assert.That(error.Headers["X-Echo"], Is.EqualTo(new[] { "[REDACTED]" }));
            Assert.That(string.Join(";", error.Headers.SelectMany(h => h.Value)), Does.Not.Contain(Samples.CallerApiKey));
        }
    }
}
