using System.Net;
using System.Net.Http.Headers;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// A body the tests control: how it is read (in chunks, with a fault, each read completing at
/// once or later as over a network), and whether it was opened or disposed. It has no known
/// length, like a chunked response.
/// </summary>
internal sealed class ScriptedContent(byte[] body, int chunk = int.MaxValue, Action? beforeFirstRead = null, bool readsWait = false) : HttpContent
{
    public bool Opened { get; private set; }

    public bool Disposed { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body, 0, body.Length);

    protected override Task<Stream> CreateContentReadStreamAsync()
    {
        Opened = true;
        return Task.FromResult<Stream>(new ChunkedStream(body, chunk, beforeFirstRead, readsWait));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    private sealed class ChunkedStream(byte[] body, int chunk, Action? beforeFirstRead, bool readsWait) : MemoryStream(body, writable: false)
    {
        private Action? _beforeFirstRead = beforeFirstRead;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var fault = Interlocked.Exchange(ref _beforeFirstRead, null);
            fault?.Invoke();
            return base.Read(buffer, offset, Math.Min(count, chunk));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
            readsWait ? ReadLaterAsync(buffer) : ReadNow(buffer);

        private async ValueTask<int> ReadLaterAsync(Memory<byte> buffer)
        {
            await Task.Yield();
            return await ReadNow(buffer);
        }

        private ValueTask<int> ReadNow(Memory<byte> buffer)
        {
            var array = new byte[buffer.Length];
            var read = Read(array, 0, array.Length);
            array.AsSpan(0, read).CopyTo(buffer.Span);
            return new ValueTask<int>(read);
        }
    }
}

/// <summary>The wrappers the transport hooks put around request and response bodies: what they copy, and what disposing them releases.</summary>
public class TransportContentTests
{
    private static AttemptContext Attempt(CancellationToken token = default) =>
        new(new KernelOperation("GET", "org/api_keys/{id}", "ApiKey"), 1, token, new SecretRedactor(Samples.CallerApiKey));

    [Test]
    public async Task The_bounded_response_body_carries_the_content_headers_once_read_and_no_length_it_cannot_know()
    {
        var inner = new ScriptedContent("{}"u8.ToArray());
        inner.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        inner.Headers.ContentLanguage.Add("en");
        inner.Headers.ContentLanguage.Add("fr");

        var bounded = new BoundedContent(inner, Attempt(), new HttpResponseMessage(HttpStatusCode.OK));
        Assert.That(bounded.Headers, Is.Empty, "copied only when a read can need them: the parsed-response path never does");
        await bounded.CopyToAsync(Stream.Null);
        Assert.That(bounded.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), "copied by the first read");
        Assert.CatchAsync(() => bounded.CopyToAsync(Stream.Null), "the body that arrived can be read once; the headers are not copied again");

        Assert.That(bounded.Headers.ContentLanguage, Is.EqualTo(new[] { "en", "fr" }), "a header with several values keeps them all, copied once");
        Assert.That(bounded.Headers.ContentLength, Is.Null, "the body is read to its end, whatever length it turns out to have");
    }

    [Test]
    public void The_request_body_wrapper_carries_the_content_headers()
    {
        var inner = new StringContent("{}");
        inner.Headers.ContentLanguage.Add("en");
        inner.Headers.ContentLanguage.Add("fr");

        var tracking = new SendTrackingContent(inner, Attempt());

        Assert.That(tracking.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
        Assert.That(tracking.Headers.ContentLanguage, Is.EqualTo(new[] { "en", "fr" }));
        Assert.That(tracking.Headers.ContentLength, Is.EqualTo(2), "the inner body's length");
    }

    [Test]
    public async Task Disposing_the_bounded_body_disposes_the_response_body_it_wraps_and_itself()
    {
        var inner = new ScriptedContent("{}"u8.ToArray());
        var bounded = new BoundedContent(inner, Attempt(), new HttpResponseMessage(HttpStatusCode.OK));
        await bounded.LoadIntoBufferAsync();

        bounded.Dispose();

        Assert.That(inner.Disposed, Is.True);
        Assert.ThrowsAsync<ObjectDisposedException>(() => bounded.ReadAsStringAsync(), "a disposed content keeps no buffered body");
    }

    [Test]
    public async Task Disposing_the_request_body_wrapper_disposes_the_request_body_it_wraps_and_itself()
    {
        var inner = new ScriptedContent("{}"u8.ToArray());
        var tracking = new SendTrackingContent(inner, Attempt());
        await tracking.LoadIntoBufferAsync();

        tracking.Dispose();

        Assert.That(inner.Disposed, Is.True);
        Assert.ThrowsAsync<ObjectDisposedException>(() => tracking.ReadAsStringAsync());
    }

    [Test]
    public void An_attempt_already_cancelled_never_opens_the_response_body()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var inner = new ScriptedContent("{}"u8.ToArray());
        var bounded = new BoundedContent(inner, Attempt(cancelled.Token), new HttpResponseMessage(HttpStatusCode.OK));

        Assert.CatchAsync<OperationCanceledException>(() => bounded.ReadAsStringAsync());
        Assert.CatchAsync<OperationCanceledException>(async () => await bounded.ReadAsTextAsync());
        Assert.That(inner.Opened, Is.False);
    }

    [Test]
    public void A_read_that_breaks_because_the_attempt_was_cancelled_is_reported_as_the_cancellation()
    {
        using var attempt = new CancellationTokenSource();
        var inner = new ScriptedContent("{}"u8.ToArray(), beforeFirstRead: () =>
        {
            // What a deadline does to a stream that ignores tokens: it is closed under the read.
            attempt.Cancel();
            throw new IOException("stream closed");
        });
        var bounded = new BoundedContent(inner, Attempt(attempt.Token), new HttpResponseMessage(HttpStatusCode.OK));

        var error = Assert.CatchAsync<OperationCanceledException>(() => bounded.ReadAsStringAsync())!;

        Assert.That(error.Message, Is.EqualTo("The attempt was cancelled while reading the response body."));
        Assert.That(error.InnerException, Is.TypeOf<IOException>());
        Assert.That(error.CancellationToken, Is.EqualTo(attempt.Token));
    }
}
