using System.Collections.Concurrent;
using OnKernel.ApiKeys.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace OnKernel.ApiKeys.Tests.Telemetry;

/// <summary>What is known when a call starts reaches the sampler, as the conventions ask, so sampling can depend on it.</summary>
public class SamplingTests
{
    [Test]
    public async Task A_sampler_sees_the_name_method_template_server_and_page_at_creation()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, ListSamples.Page("a"), headers: [("X-Has-More", "false")]));
        var sampler = new RecordingSampler();
        using (Sdk.CreateTracerProviderBuilder().AddSource(KernelTelemetry.SourceName).SetSampler(sampler).Build())
        {
            using var client = new KernelClient(new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = server.BaseUrl, MaxRetries = 0 });
            await client.ApiKeys.ListPageAsync(new ApiKeyListOptions { Limit = 5 }, offset: 10);
        }

        // Other tests' calls reach this sampler too: keep the one made to this server.
        var seen = sampler.Seen.Single(s => s.Tags.TryGetValue("server.port", out var port) && Equals(port, server.BaseUrl.Port));
        Assert.That(seen.Name, Is.EqualTo("ApiKeys.ListPage"));
        Assert.That(seen.Tags["http.request.method"], Is.EqualTo("GET"));
        Assert.That(seen.Tags["url.template"], Is.EqualTo("/org/api_keys"));
        Assert.That(seen.Tags["server.address"], Is.EqualTo("127.0.0.1"));
        Assert.That(seen.Tags["kernel.page.limit"], Is.EqualTo(5));
        Assert.That(seen.Tags["kernel.page.offset"], Is.EqualTo(10));
    }

    private sealed class RecordingSampler : Sampler
    {
        public ConcurrentBag<(string Name, Dictionary<string, object?> Tags)> Seen { get; } = [];

        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
        {
            Seen.Add((samplingParameters.Name, (samplingParameters.Tags ?? []).ToDictionary(t => t.Key, t => t.Value)));
            return new SamplingResult(SamplingDecision.RecordAndSample);
        }
    }
}
