namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>The edges of the retry rules: which answers say the server did not act, and the longest server delay honoured.</summary>
public class RetryPolicyEdgeTests
{
    [TestCase(408, false)]
    [TestCase(409, false)]
    [TestCase(429, false)]
    [TestCase(503, false)]
    [TestCase(500, true)]
    [TestCase(502, true)]
    [TestCase(504, true)]
    [TestCase(400, false)]
    public void Which_answers_mean_the_server_may_have_acted(int status, bool mayHaveActed) =>
        Assert.That(RetryPolicy.MayHaveActed(new RetryPolicy.Failure(status, null, mayHaveReachedServer: true)), Is.EqualTo(mayHaveActed));

    [TestCase(true, true)]
    [TestCase(false, false)]
    public void Without_an_answer_it_depends_on_whether_anything_left(bool reached, bool mayHaveActed) =>
        Assert.That(RetryPolicy.MayHaveActed(new RetryPolicy.Failure(null, null, reached)), Is.EqualTo(mayHaveActed));

    [TestCase("60", 60)]
    [TestCase("0", 0)]
    public void A_server_delay_up_to_60_seconds_is_honoured(string retryAfter, int seconds)
    {
        var policy = new RetryPolicy(maxRetries: 2, retryCreatesWhenOutcomeUnknown: false, random: () => 0);
        var headers = ApiKeysModelFactory.Headers(new KeyValuePair<string, string>("Retry-After", retryAfter));
        Assert.That(policy.Delay(0, headers, DateTimeOffset.UtcNow), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [Test]
    public void A_longer_server_delay_falls_back_to_backoff()
    {
        var policy = new RetryPolicy(maxRetries: 2, retryCreatesWhenOutcomeUnknown: false, random: () => 0);
        var headers = ApiKeysModelFactory.Headers(new KeyValuePair<string, string>("Retry-After", "61"));
        Assert.That(policy.Delay(1, headers, DateTimeOffset.UtcNow), Is.EqualTo(TimeSpan.FromSeconds(1)), "0.5 s x 2^1, no jitter");
    }
}
