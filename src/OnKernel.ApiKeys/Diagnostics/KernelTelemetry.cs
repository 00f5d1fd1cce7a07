namespace OnKernel;

/// <summary>
/// The names under which the client reports traces and metrics, for OpenTelemetry's
/// <c>AddSource</c> and <c>AddMeter</c> (or any <see cref="System.Diagnostics.ActivityListener"/>
/// and <see cref="System.Diagnostics.Metrics.MeterListener"/>). Nothing is recorded, and
/// nothing costs more than a flag check, until something listens.
/// <code>
/// services.AddOpenTelemetry()
///     .WithTracing(t => t.AddSource(KernelTelemetry.SourceName))
///     .WithMetrics(m => m.AddMeter(KernelTelemetry.MeterName));
/// </code>
/// </summary>
public static class KernelTelemetry
{
    /// <summary>
    /// The <see cref="System.Diagnostics.ActivitySource"/> name, <c>OnKernel.ApiKeys</c>: one
    /// Client span per SDK call (<c>ApiKeys.Create</c>, <c>ApiKeys.ListPage</c>,
    /// <c>ApiKeys.Get</c>, <c>ApiKeys.Update</c>, <c>ApiKeys.Rotate</c>, <c>ApiKeys.Delete</c>),
    /// covering every attempt and back-off; HttpClient's own spans nest under it.
    /// </summary>
    public const string SourceName = "OnKernel.ApiKeys";

    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> name, <c>OnKernel.ApiKeys</c>:
    /// <c>kernel.client.operation.duration</c> (s) and <c>kernel.client.operation.retries</c>.
    /// </summary>
    public const string MeterName = "OnKernel.ApiKeys";
}
