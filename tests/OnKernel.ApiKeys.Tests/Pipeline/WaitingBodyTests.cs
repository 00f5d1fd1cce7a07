using System.Net;
using System.Text;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// A body whose reads have to wait (as over a network) goes through the bounded read's waiting
/// path (ContinueAsync), which a body that is already in never takes: the same bytes, the same
/// limit, the same cancellation. ScriptedContent with readsWait completes each read later.
/// </summary>
public class WaitingBodyTests
{
    private static AttemptContext Attempt(CancellationToken token = default) =>
        new(new KernelOperation("GET", "org/api_keys", "ApiKey"), 1, token, new SecretRedactor(Samples.CallerApiKey));

    private static (BoundedContent Bounded, HttpResponseMessage Response) Waiting(byte[] body, int chunk, CancellationToken token = default, Action? whileWaiting = null)
    {
        var inner = new ScriptedContent(body, chunk, whileWaiting is null ? null : Breaking(whileWaiting), readsWait: true);
        inner.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        var bounded = new BoundedContent(inner, Attempt(token), response);
        // As the pipeline does: the response carries the bounded body from then on.
        response.Content = bounded;
        return (bounded, response);
    }

    [Test]
    public async Task A_body_read_in_waiting_chunks_past_the_first_buffer_arrives_whole()
    {
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => $"{i:D5},")) + "é";
        var body = Encoding.UTF8.GetBytes(text);

        var (bounded, _) = Waiting(body, chunk: 7000);

        Assert.That(body, Has.Length.GreaterThan(16 * 1024), "past the first pooled buffer");
        var reading = bounded.ReadAsTextAsync();
        Assert.That(reading.IsCompleted, Is.False, "a read that has to wait is awaited, never waited for on the caller's thread");
        Assert.That(await reading, Is.EqualTo(text));
        var (copied, _) = Waiting(body, chunk: 4096);
        Assert.That(await copied.ReadAsByteArrayAsync(), Is.EqualTo(body));
    }

    [Test]
    public void A_body_over_the_limit_read_in_waiting_chunks_is_refused_with_the_headers_that_came_with_it()
    {
        var (bounded, _) = Waiting(new byte[BoundedContent.MaxBytes + 1], chunk: 256 * 1024);

        var failed = Assert.ThrowsAsync<AttemptFailedException>(async () => await bounded.ReadAsTextAsync())!;

        var error = (KernelApiException)failed.Failure;
        Assert.That(error.Message, Does.Contain("larger than the 1 MiB response limit"));
        Assert.That(error.Headers.GetFirst("Content-Type"), Is.EqualTo("application/json; charset=utf-8"), "the content's headers, read through the wrapper the response now carries");
    }

    [Test]
    public void A_waiting_read_that_breaks_once_the_attempt_was_cancelled_is_reported_as_the_cancellation()
    {
        using var attempt = new CancellationTokenSource();
        var (bounded, _) = Waiting(new byte[64 * 1024], chunk: 1024, attempt.Token, whileWaiting: attempt.Cancel);

        var error = Assert.CatchAsync<OperationCanceledException>(async () => await bounded.ReadAsTextAsync())!;

        Assert.That(error.CancellationToken, Is.EqualTo(attempt.Token));
    }

    // The attempt is cancelled while the first read waits, and the stream is closed under it.
    private static Action Breaking(Action cancel) => () =>
    {
        cancel();
        throw new IOException("closed under the read");
    };
}
