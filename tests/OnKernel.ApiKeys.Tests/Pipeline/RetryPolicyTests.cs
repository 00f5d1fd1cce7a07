using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>The retry rules and delays, as pure decisions.</summary>
public class RetryPolicyTests
{
    private static readonly KernelOperation Create = new("POST", "org/api_keys", "CreatedApiKey", createsKey: true, requestedName: "n");
    private static readonly KernelOperation Read = new("GET", "org/api_keys/{id}", "ApiKey");
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static KernelHeaders Headers(params (string, string)[] pairs) =>
        KernelHeaders.From(pairs.ToDictionary(p => p.Item1, p => (IEnumerable<string>)new[] { p.Item2 }));

    private static RetryPolicy.Failure Status(int status, params (string, string)[] headers) => new(status, Headers(headers), true);

    [TestCase(408, true)]
    [TestCase(409, true)]
    [TestCase(429, true)]
    [TestCase(500, true)]
    [TestCase(502, true)]
    [TestCase(503, true)]
    [TestCase(504, true)]
    [TestCase(400, false)]
    [TestCase(401, false)]
    [TestCase(403, false)]
    [TestCase(404, false)]
    [TestCase(422, false)]
    public void Idempotent_operations_retry_the_retryable_statuses(int status, bool retried)
    {
        var verdict = new RetryPolicy(2, false).Judge(Read, Status(status), 0);
        Assert.That(verdict.Retry, Is.EqualTo(retried));
        Assert.That(verdict.OutcomeUnknown, Is.False);
    }

    [TestCase(408, true, false)]
    [TestCase(409, true, false)]
    [TestCase(429, true, false)]
    [TestCase(503, true, false)]
    [TestCase(500, false, true)]
    [TestCase(502, false, true)]
    [TestCase(504, false, true)]
    [TestCase(400, false, false)]
    public void Creates_retry_only_when_the_server_cannot_have_acted(int status, bool retried, bool unknown)
    {
        var verdict = new RetryPolicy(2, false).Judge(Create, Status(status), 0);
        Assert.That((verdict.Retry, verdict.OutcomeUnknown), Is.EqualTo((retried, unknown)));
    }

    [Test]
    public void Creates_after_a_connection_failure_retry_only_if_nothing_was_sent()
    {
        var policy = new RetryPolicy(2, false);
        Assert.That(policy.Judge(Create, new RetryPolicy.Failure(null, null, false), 0).Retry, Is.True);
        var sent = policy.Judge(Create, new RetryPolicy.Failure(null, null, true), 0);
        Assert.That((sent.Retry, sent.OutcomeUnknown), Is.EqualTo((false, true)));
        Assert.That(policy.Judge(Read, new RetryPolicy.Failure(null, null, true), 0).Retry, Is.True);
    }

    [Test]
    public void Opting_in_replays_creates_whose_outcome_is_unknown()
    {
        var policy = new RetryPolicy(2, retryCreatesWhenOutcomeUnknown: true);
        Assert.That(policy.Judge(Create, Status(500), 0).Retry, Is.True);
        Assert.That(policy.Judge(Create, new RetryPolicy.Failure(null, null, true), 0).Retry, Is.True);
        var last = policy.Judge(Create, Status(500), 2);
        Assert.That((last.Retry, last.OutcomeUnknown), Is.EqualTo((false, true)), "still reported as unknown when retries run out");
    }

    [Test]
    public void X_should_retry_overrides_the_status_rules()
    {
        var policy = new RetryPolicy(2, false);
        Assert.That(policy.Judge(Create, Status(500, ("x-should-retry", "true")), 0).Retry, Is.True);
        Assert.That(policy.Judge(Read, Status(400, ("x-should-retry", "true")), 0).Retry, Is.True);
        Assert.That(policy.Judge(Read, Status(503, ("x-should-retry", "false")), 0).Retry, Is.False);
        Assert.That(policy.Judge(Create, Status(429, ("x-should-retry", "false")), 0).Retry, Is.False);
    }

    [Test]
    public void Retries_stop_at_MaxRetries()
    {
        var policy = new RetryPolicy(2, false);
        Assert.That(policy.Judge(Read, Status(503), 1).Retry, Is.True);
        Assert.That(policy.Judge(Read, Status(503), 2).Retry, Is.False);
        Assert.That(new RetryPolicy(0, false).Judge(Read, Status(503), 0).Retry, Is.False);
    }

    [TestCase(0, 0.0, 500)]
    [TestCase(1, 0.0, 1000)]
    [TestCase(2, 0.0, 2000)]
    [TestCase(4, 0.0, 8000)]
    [TestCase(10, 0.0, 8000)]
    [TestCase(0, 1.0, 375)]
    [TestCase(4, 1.0, 6000)]
    public void Backoff_is_half_a_second_doubling_to_8_with_up_to_25_percent_off(int retry, double random, int expectedMs)
    {
        var delay = new RetryPolicy(2, false, () => random).Delay(retry, null, Now);
        Assert.That(delay.TotalMilliseconds, Is.EqualTo(expectedMs).Within(0.001));
    }

    [Test]
    public void Server_given_delays_win_within_0_to_60_seconds()
    {
        var policy = new RetryPolicy(2, false, () => 0.0);
        Assert.Multiple(() =>
        {
            Assert.That(policy.Delay(0, Headers(("retry-after-ms", "1500"), ("Retry-After", "9")), Now), Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
            Assert.That(policy.Delay(0, Headers(("Retry-After", "3")), Now), Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(policy.Delay(0, Headers(("Retry-After", Now.AddSeconds(20).ToString("r"))), Now), Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(policy.Delay(0, Headers(("Retry-After", "0")), Now), Is.EqualTo(TimeSpan.Zero));
            // Out of bounds or unreadable: the computed back-off.
            Assert.That(policy.Delay(0, Headers(("Retry-After", "3600")), Now), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(policy.Delay(0, Headers(("Retry-After", "-4")), Now), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(policy.Delay(0, Headers(("Retry-After", "soon")), Now), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(policy.Delay(0, Headers(("Retry-After", Now.AddSeconds(-20).ToString("r"))), Now), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        });
    }
}
