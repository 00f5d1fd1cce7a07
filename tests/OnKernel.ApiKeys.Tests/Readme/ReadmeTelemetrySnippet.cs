using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OnKernel.ApiKeys.Tests.Readme;

/// <summary>
/// The README's OpenTelemetry snippet, compiled. <see cref="Telemetry.GenericHostTests"/> runs
/// it in a Generic Host (on both builds of the package) to prove that these lines alone
/// turn traces and metrics on.
/// </summary>
internal static class ReadmeTelemetrySnippet
{
    public static void Configure(HostApplicationBuilder builder)
    {
        #region readme-opentelemetry
        builder.Services.AddKernelClient(builder.Configuration.GetSection("Kernel"));
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("OnKernel.ApiKeys"))  // KernelTelemetry.SourceName
            .WithMetrics(metrics => metrics.AddMeter("OnKernel.ApiKeys")); // KernelTelemetry.MeterName
        // ...plus the exporter of your choice on both, e.g. .AddOtlpExporter().
        #endregion
    }
}
