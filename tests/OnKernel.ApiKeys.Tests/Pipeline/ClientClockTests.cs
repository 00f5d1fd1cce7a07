using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// KernelClientOptions.TimeProvider drives back-off, Retry-After dates and the per-attempt
/// deadline, so a user's test can fast-forward them with a fake clock instead of waiting.
/// </summary>
public class ClientClockTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    [Test]
    public async Task A_retry_after_delay_waits_for_the_fake_clock_not_the_real_one()
    {
        var clock = new WatchedClock(DateTimeOffset.Parse("2026-11-30T10:00:00Z"));
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(429, """{"code":"rate_limited","message":"slow down"}""", headers: ("Retry-After", "30")),
            ServerAction.Respond(200, ListSamples.Key("key_1")));
        var (client, _) = LoopbackClient.For(server, o => { o.MaxRetries = 1; o.TimeProvider = clock; });
        using (client)
        {
            var call = client.ApiKeys.GetWithResponseAsync("key_1");
            await WaitUntil(() => clock.Armed.Contains(TimeSpan.FromSeconds(30)));
            Assert.That((call.IsCompleted, server.RequestCount), Is.EqualTo((false, 1)), "waiting on the fake clock");

            clock.Advance(TimeSpan.FromSeconds(29));
            await Task.Delay(200);
            Assert.That(server.RequestCount, Is.EqualTo(1), "29 of the 30 seconds");

            clock.Advance(TimeSpan.FromSeconds(1));
            var response = await call.WaitAsync(Generous);
            Assert.That((response.StatusCode, response.Attempts, server.RequestCount), Is.EqualTo((200, 2, 2)));
        }
    }

    [Test]
    public async Task A_retry_after_date_is_read_against_the_fake_clock()
    {
        var clock = new WatchedClock(DateTimeOffset.Parse("2026-11-30T10:00:00Z"));
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(503, "", headers: ("Retry-After", "Mon, 30 Nov 2026 10:00:10 GMT")),
            ServerAction.Respond(200, ListSamples.Key("key_1")));
        var (client, _) = LoopbackClient.For(server, o => { o.MaxRetries = 1; o.TimeProvider = clock; });
        using (client)
        {
            var call = client.ApiKeys.GetAsync("key_1");
            await WaitUntil(() => clock.Armed.Contains(TimeSpan.FromSeconds(10)));
            clock.Advance(TimeSpan.FromSeconds(9));
            await Task.Delay(200);
            Assert.That(server.RequestCount, Is.EqualTo(1), "the date is 10 s after the fake now");
            clock.Advance(TimeSpan.FromSeconds(1));
            await call.WaitAsync(Generous);
            Assert.That(server.RequestCount, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task A_rate_limit_errors_retry_after_date_is_read_against_the_fake_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T10:00:00Z"));
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(429, """{"code":"rate_limited","message":"slow down"}""", headers: ("Retry-After", "Mon, 30 Nov 2026 10:00:45 GMT")));
        var (client, _) = LoopbackClient.For(server, o => o.TimeProvider = clock);
        using (client)
        {
            var error = Assert.ThrowsAsync<KernelRateLimitException>(() => client.ApiKeys.GetAsync("key_1"))!;
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(45)));
        }
    }

    [Test]
    public async Task The_attempt_deadline_runs_on_the_fake_clock()
    {
        var clock = new WatchedClock(DateTimeOffset.Parse("2026-11-30T10:00:00Z"));
        await using var server = LoopbackServer.Scripted(ServerAction.Hang());
        var (client, _) = LoopbackClient.For(server, o => { o.Timeout = TimeSpan.FromMinutes(5); o.TimeProvider = clock; });
        using (client)
        {
            var call = client.ApiKeys.GetAsync("key_1");
            await WaitUntil(() => server.RequestCount == 1 && clock.Armed.Contains(TimeSpan.FromMinutes(5)));
            clock.Advance(TimeSpan.FromMinutes(4));
            await Task.Delay(200);
            Assert.That(call.IsCompleted, Is.False);

            clock.Advance(TimeSpan.FromMinutes(1));
            var ex = Assert.ThrowsAsync<KernelTimeoutException>(() => call.WaitAsync(Generous));
            Assert.That(ex!.Message, Does.Contain("timed out after 300 s"));
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Generous;
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(until), "the client never got that far");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// A fake clock that records the due time of every timer armed on it. The tests advance it
    /// only once the client is waiting on it: advancing before the client arms its timer would
    /// leave that timer due after the advance, and the call waiting for a time that never comes.
    /// </summary>
    private sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly ConcurrentQueue<TimeSpan> _armed = new();

        public IReadOnlyCollection<TimeSpan> Armed => _armed;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _armed.Enqueue(dueTime);
            return timer;
        }
    }
}
