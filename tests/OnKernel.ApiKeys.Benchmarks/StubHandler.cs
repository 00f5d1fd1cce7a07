using System.Net;
using System.Net.Http.Headers;

namespace OnKernel.Benchmarks;

/// <summary>
/// An in-memory server: answers each request from a script without a socket, the same way
/// for both sides of a comparison, so the benchmarks measure the clients and nothing else.
/// </summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly Func<HttpRequestMessage, (HttpStatusCode Status, byte[] Body, string? RetryAfterMs)> _answer;

    public StubHandler(Func<HttpRequestMessage, (HttpStatusCode, byte[], string?)> answer) => _answer = answer;

    /// <summary>The same answer every time.</summary>
    public static StubHandler Always(HttpStatusCode status, byte[] body) => new(_ => (status, body, null));

    /// <summary>429 with <c>retry-after-ms: 0</c> on every odd request, 201 on every even one: one retry per call, without waiting.</summary>
    public static StubHandler RateLimitedThenCreated()
    {
        var count = 0;
        return new(_ => ++count % 2 == 1 ? (HttpStatusCode.TooManyRequests, Fixtures.RateLimited, "0") : (HttpStatusCode.Created, Fixtures.Created, null));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A real handler has sent the body by the time it answers.
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var (status, body, retryAfterMs) = _answer(request);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        var response = new HttpResponseMessage(status) { Content = content, RequestMessage = request };
        foreach (var header in Fixtures.CommonHeaders)
        {
            response.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (retryAfterMs is not null)
        {
            response.Headers.TryAddWithoutValidation("retry-after-ms", retryAfterMs);
        }

        return response;
    }
}
