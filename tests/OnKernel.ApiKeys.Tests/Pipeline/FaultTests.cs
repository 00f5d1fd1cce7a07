using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OnKernel.ApiKeys.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// Creates against a real loopback server that misbehaves on cue. For each fault: the
/// attempts the server saw, what the caller got, and how many keys the server could have
/// made (a create is never replayed once it may have succeeded, so never more than one).
/// Every test also checks that no secret reached an exception or a log line.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class FaultTests
{
    private static readonly string Created = Samples.CreatedKeyJson;

    private static (KernelClient Client, CapturingLoggerFactory Logs) ClientFor(LoopbackServer server, Action<KernelClientOptions>? configure = null)
    {
        var logs = new CapturingLoggerFactory();
        var options = new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = server.BaseUrl, Timeout = TimeSpan.FromSeconds(10), LoggerFactory = logs };
        configure?.Invoke(options);
        return (new KernelClient(options), logs);
    }

    /// <summary>The keys a server would have made: every create it answered 2xx, or may have acted on before failing.</summary>
    private static int KeysMade(IEnumerable<ServerAction> actionsTaken) => actionsTaken.Count(a => a switch
    {
        RespondAction r => r.Status is >= 200 and < 300 or 500 or 502 or 504,
        TruncateAction or SlowBodyAction or HangAction or ResetAction => true,
        _ => false,
    });

    private static async Task<(Exception? Error, CreatedApiKey? Key, int Attempts, int KeysMade, CapturingLoggerFactory Logs)> RunCreate(
        Action<KernelClientOptions>? configure, params ServerAction[] script)
    {
        var taken = new List<ServerAction>();
        await using var server = new LoopbackServer((_, n) =>
        {
            var action = script[Math.Min(n, script.Length) - 1];
            lock (taken)
            {
                taken.Add(action);
            }

            return action;
        });
        var (client, logs) = ClientFor(server, configure);
        using (client)
        {
            try
            {
                var key = await client.ApiKeys.CreateAsync("deploy-bot", daysToExpire: 30);
                SecretWatch.AssertClean(null, logs);
                foreach (var request in server.Requests)
                {
                    Json.AssertEquivalent("""{"name":"deploy-bot","days_to_expire":30}""", request.Body);
                }

                return (null, key, server.RequestCount, KeysMade(taken), logs);
            }
            catch (Exception ex) when (ex is not AssertionException)
            {
                SecretWatch.AssertClean(ex, logs);
                return (ex, null, server.RequestCount, KeysMade(taken), logs);
            }
        }
    }

    [Test]
    public async Task Rate_limited_then_created_honours_Retry_After()
    {
        var (error, key, attempts, keys, logs) = await RunCreate(null,
            ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "slow down"), headers: ("Retry-After", "1")),
            ServerAction.Respond(201, Created));

        Assert.That(error, Is.Null);
        Assert.That(key!.Key, Is.EqualTo(Samples.PlaintextKey));
        Assert.That((attempts, keys), Is.EqualTo((2, 1)));
        Assert.That(logs.Lines.Select(l => l.Message), Has.Some.Contains("retrying in 1000 ms after attempt 1 failed: 429 rate_limited: slow down"));
    }

    [Test]
    public async Task Rate_limited_forever_gives_up_after_MaxRetries()
    {
        var (error, _, attempts, keys, _) = await RunCreate(null,
            ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "slow down"), headers: ("retry-after-ms", "10")));

        Assert.That(error, Is.TypeOf<KernelRateLimitException>());
        Assert.That(((OnKernelException)error!).Attempts, Is.EqualTo(3));
        Assert.That((attempts, keys), Is.EqualTo((3, 0)));
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(504)]
    public async Task A_server_error_that_may_have_created_the_key_is_not_replayed(int status)
    {
        var (error, _, attempts, keys, _) = await RunCreate(null,
            ServerAction.Respond(status, Samples.ErrorJson("internal_error", "failed")), ServerAction.Respond(201, Created));

        Assert.That(error, Is.TypeOf<KernelOutcomeUnknownException>());
        Assert.That(error!.InnerException, Is.TypeOf<KernelServerException>());
        Assert.That(((KernelServerException)error.InnerException!).StatusCode, Is.EqualTo(status));
        Assert.That(((KernelOutcomeUnknownException)error).RequestedName, Is.EqualTo("deploy-bot"));
        Assert.That(((OnKernelException)error).Attempts, Is.EqualTo(1));
        Assert.That((attempts, keys), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task A_503_HTML_page_is_retried_because_the_server_did_not_act()
    {
        const string html = "<html><head><title>503</title></head><body>upstream unavailable</body></html>";
        var (error, _, attempts, keys, _) = await RunCreate(o => o.MaxRetries = 2,
            ServerAction.Respond(503, html, "text/html", ("retry-after-ms", "10")));

        Assert.That(error, Is.TypeOf<KernelServerException>());
        var server = (KernelServerException)error!;
        Assert.That(server.RawBody, Is.EqualTo(html));
        Assert.That(server.Attempts, Is.EqualTo(3));
        Assert.That((attempts, keys), Is.EqualTo((3, 0)));
    }

    [Test]
    public async Task A_503_HTML_page_then_success_uses_computed_backoff()
    {
        var (error, key, attempts, keys, logs) = await RunCreate(null,
            ServerAction.Respond(503, "<html>busy</html>", "text/html"), ServerAction.Respond(201, Created));

        Assert.That(error, Is.Null);
        Assert.That(key, Is.Not.Null);
        Assert.That((attempts, keys), Is.EqualTo((2, 1)));
        var delay = logs.Lines.Select(l => l.Message).Single(m => m.Contains("retrying in"));
        var ms = int.Parse(delay.Split("retrying in ")[1].Split(' ')[0]);
        Assert.That(ms, Is.InRange(375, 500), "0.5 s with up to 25% jitter off");
    }

    [Test]
    public async Task A_conflict_then_success_is_retried()
    {
        var (error, key, attempts, keys, _) = await RunCreate(null,
            ServerAction.Respond(409, Samples.ErrorJson("conflict", "busy"), headers: ("retry-after-ms", "5")), ServerAction.Respond(201, Created));

        Assert.That(error, Is.Null);
        Assert.That(key, Is.Not.Null);
        Assert.That((attempts, keys), Is.EqualTo((2, 1)));
    }

    [Test]
    public async Task X_should_retry_false_stops_retries()
    {
        var (error, _, attempts, _, _) = await RunCreate(null,
            ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "no"), headers: ("x-should-retry", "false")));

        Assert.That(error, Is.TypeOf<KernelRateLimitException>());
        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task X_should_retry_true_replays_even_a_create_500()
    {
        var (error, key, attempts, _, _) = await RunCreate(null,
            ServerAction.Respond(500, Samples.ErrorJson("internal_error", "try again"), headers: [("x-should-retry", "true"), ("retry-after-ms", "5")]),
            ServerAction.Respond(201, Created));

        Assert.That(error, Is.Null);
        Assert.That(key, Is.Not.Null);
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task A_refused_connection_is_retried_then_reported()
    {
        // A port that was just free: nothing listens there.
        var port = FreePort.Next();

        var logs = new CapturingLoggerFactory();
        using var client = new KernelClient(new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = new Uri($"http://127.0.0.1:{port}/"), LoggerFactory = logs });

        var error = Assert.ThrowsAsync<KernelConnectionException>(() => client.ApiKeys.CreateAsync("deploy-bot"))!;
        Assert.That(error.Attempts, Is.EqualTo(3), "nothing was sent, so replaying is safe");
        Assert.That(error.Message, Does.Contain("could not connect"));
        SecretWatch.AssertClean(error, logs);
    }

    [Test]
    public async Task A_server_that_never_answers_times_out_without_a_replay()
    {
        var (error, _, attempts, keys, _) = await RunCreate(o => o.Timeout = TimeSpan.FromMilliseconds(300), ServerAction.Hang());

        Assert.That(error, Is.TypeOf<KernelOutcomeUnknownException>());
        Assert.That(error!.InnerException, Is.TypeOf<KernelTimeoutException>());
        Assert.That(error.InnerException!.Message, Is.EqualTo("POST org/api_keys timed out after 0.3 s (attempt 1)."));
        Assert.That((attempts, keys), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task A_reset_after_the_request_was_read_is_not_replayed()
    {
        var (error, _, attempts, keys, _) = await RunCreate(null, ServerAction.Reset(), ServerAction.Respond(201, Created));

        Assert.That(error, Is.TypeOf<KernelOutcomeUnknownException>());
        Assert.That(error!.InnerException, Is.InstanceOf<KernelConnectionException>());
        Assert.That((attempts, keys), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task A_truncated_2xx_body_is_not_replayed()
    {
        var (error, _, attempts, keys, _) = await RunCreate(null, ServerAction.Truncate(201, Created, bytesSent: Created.IndexOf("PLAINTEXT", StringComparison.Ordinal) + 4));

        Assert.That(error, Is.TypeOf<KernelOutcomeUnknownException>());
        Assert.That(error!.InnerException!.Message, Does.Contain("broke while reading the response"), "the response had arrived; its body broke");
        Assert.That((attempts, keys), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task A_malformed_2xx_body_is_an_invalid_response()
    {
        var (error, _, attempts, keys, _) = await RunCreate(null, ServerAction.Respond(201, Created.Substring(0, Created.Length - 20) + ",,,}"));

        Assert.That(error, Is.TypeOf<KernelInvalidResponseException>());
        var invalid = (KernelInvalidResponseException)error!;
        Assert.That(invalid.RawBody, Does.Contain("\"key\":\"[REDACTED]\""));
        Assert.That((attempts, keys), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task An_empty_2xx_body_is_an_invalid_response()
    {
        var (error, _, attempts, _, _) = await RunCreate(null, ServerAction.Respond(201, ""));

        Assert.That(error, Is.TypeOf<KernelInvalidResponseException>());
        Assert.That(error!.Message, Does.EndWith("the body was empty."));
        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task A_slow_body_within_the_timeout_succeeds()
    {
        var (error, key, attempts, _, _) = await RunCreate(o => o.Timeout = TimeSpan.FromSeconds(20),
            ServerAction.SlowBody(201, Created, TimeSpan.FromMilliseconds(1)));

        Assert.That(error, Is.Null);
        Assert.That(key!.Key, Is.EqualTo(Samples.PlaintextKey));
        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task A_body_slower_than_the_timeout_times_out_without_a_replay()
    {
        var (error, _, attempts, keys, _) = await RunCreate(o => o.Timeout = TimeSpan.FromMilliseconds(300),
            ServerAction.SlowBody(201, Created, TimeSpan.FromMilliseconds(50)));

        Assert.That(error, Is.TypeOf<KernelOutcomeUnknownException>());
        Assert.That(error!.InnerException, Is.TypeOf<KernelTimeoutException>());
        Assert.That((attempts, keys), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task Opting_in_replays_a_create_after_a_500_and_may_duplicate()
    {
        var (error, key, attempts, keys, _) = await RunCreate(o => o.RetryCreatesWhenOutcomeUnknown = true,
            ServerAction.Respond(500, Samples.ErrorJson("internal_error", "x"), headers: ("retry-after-ms", "5")), ServerAction.Respond(201, Created));

        Assert.That(error, Is.Null);
        Assert.That(key, Is.Not.Null);
        Assert.That((attempts, keys), Is.EqualTo((2, 2)), "the documented cost of opting in");
    }

    [Test]
    public async Task Cancelling_during_backoff_returns_promptly_with_the_callers_token()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "wait"), headers: ("Retry-After", "30")));
        var (client, logs) = ClientFor(server);
        using var _ = client;
        using var cts = new CancellationTokenSource();

        var call = client.ApiKeys.CreateAsync("deploy-bot", cancellationToken: cts.Token);
        while (!logs.Lines.Any(l => l.Message.Contains("retrying in 30000 ms")))
        {
            await Task.Delay(10);
        }

        var stopwatch = Stopwatch.StartNew();
        cts.Cancel();
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.That(finished, Is.SameAs(call), "the 30 s back-off must not be waited out");
        var ex = Assert.CatchAsync<OperationCanceledException>(() => call)!;
        Assert.That(ex.CancellationToken, Is.EqualTo(cts.Token));
        Assert.That(server.RequestCount, Is.EqualTo(1));
        SecretWatch.AssertClean(ex, logs);
        TestContext.Out.WriteLine($"cancel-to-return: {stopwatch.ElapsedMilliseconds} ms");
    }

    [Test]
    public async Task Cancelling_in_flight_is_the_callers_cancellation_not_a_timeout()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Hang());
        var (client, logs) = ClientFor(server);
        using var _ = client;
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var ex = Assert.CatchAsync<OperationCanceledException>(() => client.ApiKeys.CreateAsync("deploy-bot", cancellationToken: cts.Token))!;

        Assert.That(ex, Is.Not.InstanceOf<OnKernelException>());
        Assert.That(ex.CancellationToken, Is.EqualTo(cts.Token));
        Assert.That(server.RequestCount, Is.EqualTo(1));
        SecretWatch.AssertClean(ex, logs);
    }

    [Test]
    public async Task Logs_name_method_path_status_and_attempt_and_never_a_secret()
    {
        var (_, _, _, _, logs) = await RunCreate(null,
            ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "token " + Samples.CallerApiKey), headers: ("retry-after-ms", "5")),
            ServerAction.Respond(201, Created));

        var lines = logs.Lines.ToList();
        Assert.That(lines.Where(l => l.Level == LogLevel.Information).Select(l => l.Message),
            Has.Some.Match(@"^Kernel POST org/api_keys -> 429 in \d+ ms \(attempt 1\)$").And.Some.Match(@"^Kernel POST org/api_keys -> 201 in \d+ ms \(attempt 2\)$"));
        Assert.That(lines.Where(l => l.Level == LogLevel.Trace).Select(l => l.Message),
            Has.Some.Contains("request body: {\"name\":\"deploy-bot\",\"days_to_expire\":30}").And.Some.Contains("error body:"));
        Assert.That(lines.Select(l => l.Message), Has.Some.Contains("[REDACTED]"), "the echoed API key was redacted, not dropped silently");
        SecretWatch.AssertClean(null, logs);
    }
}
