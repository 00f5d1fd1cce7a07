using System.Net;
using Microsoft.Extensions.Logging;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// The pipeline hands each attempt to the generated call it starts, on the calling thread; the
/// call takes it before its first await. The hand-over must reach exactly that call, once, and
/// never outlive it: a later call on the same thread must not find a stale attempt, and a call
/// started inside another call's start (from a caller's logger) must not take the outer one's.
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

    [Test]
    public async Task A_call_started_inside_another_calls_start_leaves_the_outer_call_its_own_attempt()
    {
        var outer = Attempt();
        var inner = Attempt();
        AttemptContext? innerTook = null;
        AttemptContext? outerTook = null;

        await outer.InvokeWith(KernelCall<ApiKey>.Of(_ =>
        {
            // Before the outer call takes its attempt, something it runs starts a call of its own.
            inner.InvokeWith(KernelCall<ApiKey>.Of(_ =>
            {
                innerTook = AttemptContext.TakeHandedOver();
                return Answered();
            }));
            outerTook = AttemptContext.TakeHandedOver();
            return Answered();
        }));

        Assert.That(innerTook, Is.SameAs(inner));
        Assert.That(outerTook, Is.SameAs(outer));
        Assert.That(AttemptContext.TakeHandedOver(), Is.Null);
    }

    [Test]
    public async Task A_request_whose_loggers_start_another_call_keeps_its_attempt_so_its_redirect_is_still_refused()
    {
        var nested = new MockKernel(o => o.LoggerFactory = null);
        nested.Handler.When(HttpMethod.Get, MockKernel.BaseUrl + "org/api_keys/k2").Respond("application/json", ListSamples.Key("k2"));
        Task<ApiKey>? started = null;
        var kernel = new MockKernel(o => o.LoggerFactory = new StartingLoggerFactory(() => started ??= nested.ApiKeys.GetAsync("k2")));
        kernel.Handler.When(HttpMethod.Get, MockKernel.BaseUrl + "org/api_keys/k1").Respond(_ =>
        {
            var redirect = new HttpResponseMessage(HttpStatusCode.Found);
            redirect.Headers.Location = new Uri("https://elsewhere.example/k1");
            return redirect;
        });

        var error = Assert.ThrowsAsync<KernelRedirectException>(() => kernel.ApiKeys.GetAsync("k1"))!;

        Assert.That(started, Is.Not.Null, "the logger started a call while the request was prepared");
        Assert.That((await started!).Id, Is.EqualTo("k2"));
        Assert.That(error.Location, Is.EqualTo(new Uri("https://elsewhere.example/k1")));
    }

    /// <summary>A caller's logger that starts a call of its own when asked whether it logs request bodies.</summary>
    private sealed class StartingLoggerFactory(Action start) : ILoggerFactory, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel)
        {
            if (logLevel == LogLevel.Trace)
            {
                start();
            }

            return false;
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
