using Microsoft.Extensions.Logging;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Diagnostics;

/// <summary>
/// A server that echoes secrets back, over a real socket: the caller's API key and any
/// plaintext key are gone from every place server text is kept or printed (message,
/// ToString, error fields, details, headers, raw body, logs at every level).
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class EchoedSecretTests
{
    private const string Caller = Samples.CallerApiKey;
    private const string Plain = Samples.PlaintextKey;

    /// <summary>One 429 (retried once, so the warning log runs) then the given final error; traces on.</summary>
    private static async Task<(KernelApiException Error, CapturingLoggerFactory Logs)> Fail(int status, string body, params (string, string)[] headers)
    {
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(429, body, headers: [("retry-after-ms", "1"), .. headers]),
            ServerAction.Respond(status, body, headers: headers));
        var (client, logs) = LoopbackClient.For(server, o => o.MaxRetries = 1);
        using (client)
        {
            var ex = Assert.ThrowsAsync(Is.InstanceOf<KernelApiException>(), () => client.ApiKeys.GetAsync("key_1"));
            Assert.That(server.RequestCount, Is.EqualTo(2));
            Assert.That(logs.Lines.Select(l => l.Level), Does.Contain(LogLevel.Warning).And.Contain(LogLevel.Trace));
            return ((KernelApiException)ex!, logs);
        }
    }

    private static void AssertNoSecret(KernelApiException ex, CapturingLoggerFactory logs)
    {
        SecretWatch.AssertClean(ex, logs);
        foreach (var text in new[] { ex.ErrorCode, ex.ErrorMessage, ex.InnerError?.Code, ex.InnerError?.Message }
            .Concat(ex.Details.SelectMany(d => new[] { d.Code, d.Message }))
            .Concat(ex.Headers.SelectMany(h => h.Value)))
        {
            SecretWatch.AssertClean(text, "an error field or header");
        }
    }

    [Test]
    public async Task The_callers_key_echoed_in_the_error_code_is_redacted_everywhere()
    {
        var (ex, logs) = await Fail(401, $$"""{"code":"bad_key {{Caller}}","message":"no"}""");

        Assert.That(ex, Is.TypeOf<KernelAuthenticationException>());
        Assert.That(ex.ErrorCode, Is.EqualTo("bad_key [REDACTED]"));
        Assert.That(ex.Message, Is.EqualTo("401 bad_key [REDACTED]: no"));
        Assert.That(logs.Lines.Single(l => l.Level == LogLevel.Warning).Message, Does.EndWith("failed: 429 bad_key [REDACTED]: no"));
        AssertNoSecret(ex, logs);
    }

    [Test]
    public async Task The_callers_key_echoed_in_details_and_inner_error_is_redacted()
    {
        var (ex, logs) = await Fail(400, $$$"""
            {"code":"bad_request","message":"Bearer {{{Caller}}} refused",
             "details":[{"code":"c {{{Caller}}}","message":"header was Bearer {{{Caller}}}"}],
             "inner_error":{"code":"auth","message":"token {{{Caller}}}"}}
            """);

        Assert.That(ex.ErrorMessage, Is.EqualTo("Bearer [REDACTED] refused"));
        Assert.That(ex.Details.Single().Code, Is.EqualTo("c [REDACTED]"));
        Assert.That(ex.Details.Single().Message, Is.EqualTo("header was Bearer [REDACTED]"));
        Assert.That(ex.InnerError!.Message, Is.EqualTo("token [REDACTED]"));
        AssertNoSecret(ex, logs);
    }

    [TestCase($$"""{"code":"x","message":"m","KEY":"{{Plain}}"}""")]
    [TestCase($$"""{"code":"x","message":"m","Key":"{{Plain}}"}""")]
    [TestCase($$"""{"code":"x","message":"m","\u006bey":"{{Plain}}"}""")]
    [TestCase($$"""{"code":"x","message":"m","\u004BEY":"{{Plain}}"}""")]
    [TestCase($$"""{"code":"x","message":"m","key":["{{Plain}}"]}""")]
    [TestCase($$$"""{"code":"x","message":"m","key":{"value":"{{{Plain}}}"}}""")]
    [TestCase($$$"""{"code":"x","message":"m","data":[{"deeper":{"kEy":"{{{Plain}}}"}}]}""")]
    [TestCase($$"""{"code":"x","message":"m","key":"{{Plain}}","key":"[REDACTED]"}""")]
    [TestCase($$"""{"code":"x","message":"m","echo":"\u0073k_caller_SECRET_fedcba9876543210"}""")]
    [TestCase($$"""{"code":"x","message":"m","{{Caller}}":1}""")]
    [TestCase($$"""[{"key":"{{Plain}}"}]""")]
    public async Task A_key_field_of_any_spelling_type_or_depth_is_redacted_in_RawBody_and_the_trace_log(string body)
    {
        var (ex, logs) = await Fail(500, body);

        Assert.That(ex.RawBody, Does.Contain("[REDACTED]"));
        AssertNoSecret(ex, logs);
    }

    [Test]
    public async Task An_innocent_json_body_is_kept_verbatim()
    {
        const string body = """{ "code": "x", "message": "m", "masked_key": "sk_live_...cdef", "at": "2026-11-01T00:00:00.000+01:00", "n": 1.50 }""";

        var (ex, _) = await Fail(500, body);

        Assert.That(ex.RawBody, Is.EqualTo(body));
    }

    [Test]
    public async Task The_callers_key_echoed_in_a_response_header_is_redacted()
    {
        var (ex, logs) = await Fail(403, """{"code":"forbidden","message":"no"}""", ("X-Echo-Authorization", "Bearer " + Caller));

        Assert.That(ex.Headers.GetFirst("X-Echo-Authorization"), Is.EqualTo("Bearer [REDACTED]"));
        AssertNoSecret(ex, logs);
    }

    [Test]
    public async Task The_callers_key_echoed_in_a_success_header_is_redacted()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, ListSamples.Key("key_1"), headers: ("X-Echo-Authorization", "Bearer " + Caller)));
        var (client, _) = LoopbackClient.For(server);
        using (client)
        {
            var response = await client.ApiKeys.GetWithResponseAsync("key_1");

            Assert.That(response.Headers.GetFirst("X-Echo-Authorization"), Is.EqualTo("Bearer [REDACTED]"));
        }
    }
}
