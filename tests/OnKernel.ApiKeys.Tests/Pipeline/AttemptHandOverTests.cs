using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// The pipeline hands each attempt to the generated call it starts, on the calling thread; the
/// call takes it before its first await. The hand-over must reach exactly that call, once, and
/// never outlive it: a later call on the same thread (another attempt's, or the generated client
/// used on its own) must not find a stale attempt.
/// </summary>
public class AttemptHandOverTests
{
    private static AttemptContext Attempt(CancellationToken token = default) =>
        new(new KernelOperation("GET", "org/api_keys/{id}", "ApiKey"), 1, token, new SecretRedactor(Samples.CallerApiKey));

    private static Task<ApiKeysClientResponse<ApiKey>> Answered() =>
        Task.FromResult(new ApiKeysClientResponse<ApiKey>(200, new Dictionary<string, IEnumerable<string>>(), new ApiKey()));

    [Test]
    public async Task The_call_takes_the_attempt_handed_to_it_with_its_token_and_nothing_is_left_after()
    {
        using var source = new CancellationTokenSource();
        var attempt = Attempt(source.Token);
        AttemptContext? taken = null;
        var tokenSeen = CancellationToken.None;

        await attempt.InvokeWith(KernelCall<ApiKey>.Of(token =>
        {
            taken = AttemptContext.TakeHandedOver();
            tokenSeen = token;
            return Answered();
        }));

        Assert.That(taken, Is.SameAs(attempt));
        Assert.That(tokenSeen, Is.EqualTo(source.Token));
        Assert.That(AttemptContext.TakeHandedOver(), Is.Null, "nothing is left on the thread");
    }

    [Test]
    public async Task The_attempt_is_taken_once_so_a_call_started_inside_it_finds_none()
    {
        var attempt = Attempt();
        AttemptContext? second = attempt;

        await attempt.InvokeWith(KernelCall<ApiKey>.Of(_ =>
        {
            AttemptContext.TakeHandedOver();
            second = AttemptContext.TakeHandedOver();
            return Answered();
        }));

        Assert.That(second, Is.Null);
    }

    [Test]
    public async Task A_call_that_never_takes_its_attempt_leaves_none_for_the_next_call_on_the_thread()
    {
        await Attempt().InvokeWith(KernelCall<ApiKey>.Of(_ => Answered()));

        Assert.That(AttemptContext.TakeHandedOver(), Is.Null);
    }

    [Test]
    public void A_call_that_throws_before_it_takes_its_attempt_leaves_none_either()
    {
        var failure = new InvalidOperationException("failed before sending");

        var thrown = Assert.Throws<InvalidOperationException>(() => Attempt().InvokeWith(KernelCall<ApiKey>.Of(_ => throw failure)));

        Assert.That(thrown, Is.SameAs(failure));
        Assert.That(AttemptContext.TakeHandedOver(), Is.Null);
    }

    [Test]
    public async Task Each_of_two_calls_started_one_after_the_other_on_one_thread_takes_its_own_attempt()
    {
        var first = Attempt();
        var second = Attempt();
        var takenBy = new List<AttemptContext?>();
        var release = new TaskCompletionSource<ApiKeysClientResponse<ApiKey>>();

        // The first call is still waiting when the second starts, as with concurrent calls.
        var pending = first.InvokeWith(KernelCall<ApiKey>.Of(_ =>
        {
            takenBy.Add(AttemptContext.TakeHandedOver());
            return release.Task;
        }));
        await second.InvokeWith(KernelCall<ApiKey>.Of(_ =>
        {
            takenBy.Add(AttemptContext.TakeHandedOver());
            return Answered();
        }));
        release.SetResult(await Answered());
        await pending;

        Assert.That(takenBy, Is.EqualTo(new[] { first, second }));
    }
}
