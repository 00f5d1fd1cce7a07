using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OnKernel.ApiKeys.Tests.Infrastructure;
using OnKernel.ApiKeys.Tests.Readme;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OnKernel.ApiKeys.Tests.Telemetry;

/// <summary>
/// A Generic Host configured only with the README's lines (AddKernelClient, AddSource,
/// AddMeter) gets the client's spans and metrics; the test adds nothing but in-memory
/// exporters to see them.
/// </summary>
public class GenericHostTests
{
    [Test]
    public async Task A_host_configured_with_AddSource_and_AddMeter_receives_spans_and_metrics()
    {
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(503, Samples.ErrorJson("unavailable", "busy"), headers: ("retry-after-ms", "5")),
            ServerAction.Respond(201, Samples.CreatedKeyJson));
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kernel:ApiKey"] = Samples.CallerApiKey,
            ["Kernel:BaseUrl"] = server.BaseUrl.ToString(),
        });
        ReadmeTelemetrySnippet.Configure(builder);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        builder.Services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));

        using (var host = builder.Build())
        {
            await host.StartAsync();
            var client = host.Services.GetRequiredService<KernelClient>();
            await client.ApiKeys.CreateAsync("from-host");
            host.Services.GetRequiredService<TracerProvider>().ForceFlush();
            host.Services.GetRequiredService<MeterProvider>().ForceFlush();
            await host.StopAsync();
        }

        // Other tests' clients run meanwhile: keep what went to this test's server.
        var ours = spans.Where(s => Equals(s.GetTagItem("server.port"), server.BaseUrl.Port)).ToList();
        var span = ours.Single();
        Assert.That(span.DisplayName, Is.EqualTo("ApiKeys.Create"));
        Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(span.Source.Name, Is.EqualTo(KernelTelemetry.SourceName));
        Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(201));
        Assert.That(span.GetTagItem("http.request.resend_count"), Is.EqualTo(1));

        var duration = metrics.Last(m => m.Name == "kernel.client.operation.duration");
        Assert.That(duration.Unit, Is.EqualTo("s"));
        Assert.That(duration.MetricPoints.Where(p => Equals(TelemetryCapture.Tag(p, "server.port"), server.BaseUrl.Port)).Sum(p => p.GetHistogramCount()), Is.EqualTo(1));
        var retries = metrics.Last(m => m.Name == "kernel.client.operation.retries");
        var retry = retries.MetricPoints.Single(p => Equals(TelemetryCapture.Tag(p, "server.port"), server.BaseUrl.Port));
        Assert.That(TelemetryCapture.Tag(retry, "kernel.retry.reason"), Is.EqualTo("503"));
        TelemetryAssert.NoSecrets(ours);
    }
}
