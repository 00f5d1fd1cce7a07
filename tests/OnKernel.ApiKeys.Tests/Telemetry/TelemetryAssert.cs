using System.Diagnostics;
using Microsoft.Extensions.Logging.Testing;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Telemetry;

/// <summary>Checks shared by the telemetry tests: span shape, HTTP children, and that no secret reaches any attribute, event, status or log record.</summary>
internal static class TelemetryAssert
{
    public static void IsSdkSpan(Activity span, string name, string method, string urlTemplate, Uri server, ActivitySpanId parent)
    {
        Assert.That(span.DisplayName, Is.EqualTo(name));
        Assert.That(span.OperationName, Is.EqualTo(name));
        Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(span.ParentSpanId, Is.EqualTo(parent), $"{name} is a child of the caller's span");
        Assert.That(span.Source.Version, Is.EqualTo(KernelRequestPreparerVersion()), "the source's version is the package version");
        Assert.That(span.GetTagItem("http.request.method"), Is.EqualTo(method));
        Assert.That(span.GetTagItem("url.template"), Is.EqualTo(urlTemplate));
        Assert.That(span.GetTagItem("server.address"), Is.EqualTo(server.Host));
        Assert.That(span.GetTagItem("server.port"), Is.EqualTo(server.Port));
    }

    /// <summary>The HTTP spans of <paramref name="sdkSpan"/>: HttpClient's own, one per attempt, nested under it.</summary>
    public static IReadOnlyList<Activity> HttpChildren(IEnumerable<Activity> http, Activity sdkSpan, int attempts)
    {
        var children = http.Where(h => h.ParentSpanId == sdkSpan.SpanId).ToList();
        Assert.That(children, Has.Count.EqualTo(attempts), $"one HTTP span per attempt under {sdkSpan.DisplayName}");
        foreach (var child in children)
        {
            Assert.That(child.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(child.StartTimeUtc, Is.GreaterThanOrEqualTo(sdkSpan.StartTimeUtc));
            Assert.That(child.StartTimeUtc + child.Duration, Is.LessThanOrEqualTo(sdkSpan.StartTimeUtc + sdkSpan.Duration + TimeSpan.FromMilliseconds(1)));
        }

        return children;
    }

    public static void NoSecrets(IEnumerable<Activity> spans, FakeLogCollector? logs = null)
    {
        foreach (var span in spans)
        {
            var where = $"span {span.DisplayName}";
            SecretWatch.AssertClean(span.DisplayName, where);
            SecretWatch.AssertClean(span.StatusDescription, where + " status");
            foreach (var tag in span.TagObjects)
            {
                SecretWatch.AssertClean(tag.Value?.ToString(), $"{where} attribute {tag.Key}");
            }

            foreach (var e in span.Events)
            {
                SecretWatch.AssertClean(e.Name, where + " event");
                foreach (var tag in e.Tags)
                {
                    SecretWatch.AssertClean(tag.Value?.ToString(), $"{where} event {e.Name} attribute {tag.Key}");
                }
            }

            foreach (var baggage in span.Baggage)
            {
                SecretWatch.AssertClean(baggage.Value, where + " baggage");
            }
        }

        if (logs is not null)
        {
            foreach (var record in logs.GetSnapshot())
            {
                SecretWatch.AssertClean(record.Message, $"log event {record.Id}");
                SecretWatch.AssertClean(record.Exception?.ToString(), $"log event {record.Id} exception");
                foreach (var pair in record.StructuredState ?? [])
                {
                    SecretWatch.AssertClean(pair.Value, $"log event {record.Id} field {pair.Key}");
                }
            }
        }
    }

    /// <summary>The version the package reports in its user agent: "Kernel/CSharp 0.1.0".</summary>
    private static string KernelRequestPreparerVersion()
    {
        var attribute = (System.Reflection.AssemblyInformationalVersionAttribute?)Attribute.GetCustomAttribute(typeof(KernelClient).Assembly, typeof(System.Reflection.AssemblyInformationalVersionAttribute));
        var version = attribute?.InformationalVersion ?? "";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}
