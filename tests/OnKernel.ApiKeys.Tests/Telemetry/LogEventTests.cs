using Microsoft.Extensions.Logging;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Telemetry;

/// <summary>
/// The log events the README lists (id, level, message), recorded by FakeLogger: stable ids,
/// bodies only at Trace and redacted, headers never, no secret in any message or field.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class LogEventTests
{
    [Test]
    public async Task A_retried_create_logs_its_attempts_with_stable_event_ids()
    {
        // The error body echoes the caller's key; the success body holds the plaintext key.
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "slow down " + Samples.CallerApiKey), headers: ("retry-after-ms", "5")),
            ServerAction.Respond(201, Samples.CreatedKeyJson));
        using var capture = new TelemetryCapture();
        using var client = new KernelClient(new KernelClientOptions
        {
            ApiKey = Samples.CallerApiKey, BaseUrl = server.BaseUrl, MaxRetries = 2, LoggerFactory = capture.LoggerFactory,
        });

        await client.ApiKeys.CreateAsync("staging");

        var records = capture.Logs.GetSnapshot();
        Assert.That(records.Select(r => (r.Id.Id, r.Id.Name, r.Level)), Is.EqualTo(new[]
        {
            (1, "AttemptStarting", LogLevel.Debug),
            (6, "RequestBody", LogLevel.Trace),
            (7, "ErrorBody", LogLevel.Trace),
            (3, "AttemptFailed", LogLevel.Information),
            (4, "Retrying", LogLevel.Warning),
            (1, "AttemptStarting", LogLevel.Debug),
            (6, "RequestBody", LogLevel.Trace),
            (2, "AttemptSucceeded", LogLevel.Information),
        }));
        Assert.That(records.Select(r => r.Category).Distinct(), Is.EqualTo(new[] { "OnKernel.KernelClient" }));
        Assert.That(records[0].Message, Is.EqualTo("Kernel POST org/api_keys: attempt 1"));
        Assert.That(records[3].Message, Does.StartWith("Kernel POST org/api_keys -> 429 in "));
        Assert.That(records[4].Message, Does.StartWith("Kernel POST org/api_keys: retrying in 5 ms after attempt 1 failed: "));
        Assert.That(records[2].Message, Does.Contain("[REDACTED]"), "the echoed key is redacted in the error body");

        var success = records[7].StructuredState!.ToDictionary(p => p.Key, p => p.Value);
        Assert.That(success["Method"], Is.EqualTo("POST"));
        Assert.That(success["Path"], Is.EqualTo("org/api_keys"));
        Assert.That(success["Status"], Is.EqualTo("201"));
        Assert.That(success["Attempt"], Is.EqualTo("2"));
        Assert.That(success, Does.ContainKey("ElapsedMs"));

        Assert.That(records.Select(r => r.Message), Has.None.Contain("Authorization").And.None.Contain("Bearer"), "headers are never logged");
        TelemetryAssert.NoSecrets([], capture.Logs);
    }

    [Test]
    public async Task Nothing_below_information_is_logged_at_information()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(201, Samples.CreatedKeyJson));
        var logs = new Microsoft.Extensions.Logging.Testing.FakeLogCollector();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new Microsoft.Extensions.Logging.Testing.FakeLoggerProvider(logs)));
        using var client = new KernelClient(new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = server.BaseUrl, LoggerFactory = factory });

        await client.ApiKeys.CreateAsync("staging");

        Assert.That(logs.GetSnapshot().Select(r => r.Id.Id), Is.EqualTo(new[] { 2 }), "no body below Trace");
    }

    [Test]
    public async Task A_delete_whose_earlier_attempt_acted_logs_gone_means_done()
    {
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(502, Samples.ErrorJson("bad_gateway", "upstream"), headers: ("retry-after-ms", "5")),
            ServerAction.Respond(404, Samples.ErrorJson("not_found", "no such key")));
        using var capture = new TelemetryCapture();
        using var client = new KernelClient(new KernelClientOptions
        {
            ApiKey = Samples.CallerApiKey, BaseUrl = server.BaseUrl, MaxRetries = 2, LoggerFactory = capture.LoggerFactory,
        });

        await client.ApiKeys.DeleteAsync("key_1");

        var gone = capture.Logs.GetSnapshot().Single(r => r.Id.Id == 5);
        Assert.That(gone.Id.Name, Is.EqualTo("GoneMeansDone"));
        Assert.That(gone.Level, Is.EqualTo(LogLevel.Information));
        Assert.That(gone.Message, Is.EqualTo("Kernel DELETE org/api_keys/{id}: 404 on attempt 2 means done by an earlier attempt whose answer was lost"));
    }
}
