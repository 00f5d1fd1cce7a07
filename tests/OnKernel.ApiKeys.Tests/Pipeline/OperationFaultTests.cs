using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// The same retry rules for every operation: reads, renames and deletes retry after a
/// 500, a timeout or a reset; rotate, like create, is never replayed once it may have acted.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class OperationFaultTests
{
    private static Task<(Exception? Error, int Attempts, CapturingLoggerFactory Logs)> Run(Func<ApiKeysService, Task> call, params ServerAction[] script) =>
        Run(call, TimeSpan.FromSeconds(10), script);

    /// <param name="timeout">Short only where a test waits for a hang; generous elsewhere, so a busy machine cannot turn a slow answer into a timeout.</param>
    private static async Task<(Exception? Error, int Attempts, CapturingLoggerFactory Logs)> Run(Func<ApiKeysService, Task> call, TimeSpan timeout, params ServerAction[] script)
    {
        await using var server = LoopbackServer.Scripted(script);
        var logs = new CapturingLoggerFactory();
        using var client = new KernelClient(new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = server.BaseUrl, Timeout = timeout, LoggerFactory = logs });
        try
        {
            await call(client.ApiKeys);
            SecretWatch.AssertClean(null, logs);
            var bodies = server.Requests.Select(r => r.Body).Distinct().ToList();
            Assert.That(bodies, Has.Count.EqualTo(1), "every retry sends the same body");
            return (null, server.RequestCount, logs);
        }
        catch (Exception ex) when (ex is not AssertionException)
        {
            SecretWatch.AssertClean(ex, logs);
            return (ex, server.RequestCount, logs);
        }
    }

    private static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(1);

    private static readonly ServerAction Ok = ServerAction.Respond(200, ListSamples.Key("k1"));
    private static readonly ServerAction Fail500 = ServerAction.Respond(500, Samples.ErrorJson("internal_error", "x"), headers: ("retry-after-ms", "5"));

    private static IEnumerable<TestCaseData> IdempotentCalls()
    {
        yield return new TestCaseData((Func<ApiKeysService, Task>)(s => s.GetAsync("k1")), ListSamples.Key("k1")).SetArgDisplayNames("get");
        yield return new TestCaseData((Func<ApiKeysService, Task>)(s => s.UpdateAsync("k1", "renamed")), ListSamples.Key("k1")).SetArgDisplayNames("update");
        yield return new TestCaseData((Func<ApiKeysService, Task>)(s => s.ListPageAsync()), ListSamples.Page("k1")).SetArgDisplayNames("list");
        yield return new TestCaseData((Func<ApiKeysService, Task>)(s => s.DeleteAsync("k1")), "").SetArgDisplayNames("delete");
    }

    [TestCaseSource(nameof(IdempotentCalls))]
    public async Task Idempotent_operations_retry_a_500(Func<ApiKeysService, Task> call, string successBody)
    {
        var (error, attempts, _) = await Run(call, Fail500, ServerAction.Respond(successBody.Length == 0 ? 204 : 200, successBody));
        Assert.That(error, Is.Null);
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task Get_retries_after_a_timeout_and_a_reset()
    {
        var (error, attempts, _) = await Run(s => s.GetAsync("k1"), HangTimeout, ServerAction.Hang(), ServerAction.Reset(), Ok);
        Assert.That(error, Is.Null);
        Assert.That(attempts, Is.EqualTo(3));
    }

    [Test]
    public async Task Delete_retries_a_503_then_succeeds()
    {
        var (error, attempts, _) = await Run(s => s.DeleteAsync("k1"),
            ServerAction.Respond(503, "<html>busy</html>", "text/html", ("retry-after-ms", "5")), ServerAction.Respond(204, ""));
        Assert.That(error, Is.Null);
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task Get_gives_up_after_MaxRetries_with_the_attempts_on_the_exception()
    {
        var (error, attempts, _) = await Run(s => s.GetAsync("k1"), Fail500);
        Assert.That(error, Is.TypeOf<KernelServerException>());
        Assert.That(((OnKernelException)error!).Attempts, Is.EqualTo(3));
        Assert.That(attempts, Is.EqualTo(3));
    }

    [Test]
    public async Task Rotate_is_not_replayed_after_a_500()
    {
        var (error, attempts, _) = await Run(s => s.RotateAsync("k1", 30, 7), Fail500, ServerAction.Respond(201, Samples.CreatedKeyJson));
        Assert.That(error, Is.TypeOf<KernelOutcomeUnknownException>());
        Assert.That(((KernelOutcomeUnknownException)error!).Operation, Is.EqualTo("POST org/api_keys/{id}/rotate"));
        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task Rotate_is_not_replayed_after_a_timeout()
    {
        var (error, attempts, _) = await Run(s => s.RotateAsync("k1"), HangTimeout, ServerAction.Hang());
        Assert.That(error, Is.TypeOf<KernelOutcomeUnknownException>());
        Assert.That(error!.InnerException, Is.TypeOf<KernelTimeoutException>());
        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task Rotate_is_retried_after_a_429()
    {
        var (error, attempts, _) = await Run(s => s.RotateAsync("k1"),
            ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "x"), headers: ("retry-after-ms", "5")), ServerAction.Respond(201, Samples.CreatedKeyJson));
        Assert.That(error, Is.Null);
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task A_delete_whose_first_answer_was_lost_is_done_when_the_retry_finds_it_gone()
    {
        KernelResponse? response = null;
        var (error, attempts, logs) = await Run(async s => response = await s.DeleteWithResponseAsync("k1"), HangTimeout,
            ServerAction.Hang(), ServerAction.Respond(404, Samples.ErrorJson("not_found", "no such key")));

        Assert.That(error, Is.Null);
        Assert.That((response!.StatusCode, response.Attempts, attempts), Is.EqualTo((404, 2, 2)));
        Assert.That(logs.Lines.Select(l => l.Message), Has.Some.Contains("done by an earlier attempt"));
    }

    [Test]
    public async Task A_delete_of_a_missing_key_is_still_not_found()
    {
        var (error, attempts, _) = await Run(s => s.DeleteAsync("k1"), ServerAction.Respond(404, Samples.ErrorJson("not_found", "no such key")));
        Assert.That(error, Is.TypeOf<KernelNotFoundException>());
        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task A_404_after_a_429_is_not_found_because_the_429_did_nothing()
    {
        var (error, attempts, _) = await Run(s => s.DeleteAsync("k1"),
            ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "x"), headers: ("retry-after-ms", "5")), ServerAction.Respond(404, Samples.ErrorJson("not_found", "no such key")));
        Assert.That(error, Is.TypeOf<KernelNotFoundException>());
        Assert.That(attempts, Is.EqualTo(2));
    }
}
