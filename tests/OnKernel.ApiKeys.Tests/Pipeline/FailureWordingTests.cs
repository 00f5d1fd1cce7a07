using System.Net;
using System.Net.Sockets;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// How a transport failure is worded: a request that never left ("could not connect"), one
/// that broke before any answer, one that broke while the answer was read; and the timeout
/// of a caller's own HttpClient. The wording tells the caller whether the server may have acted.
/// </summary>
public class FailureWordingTests
{
    private const string KeyUrl = MockKernel.BaseUrl + "org/api_keys/k1";

    private static async Task<Exception> GetFails(Action<MockedRequest> answer, Action<KernelClientOptions>? configure = null)
    {
        var kernel = new MockKernel(configure);
        answer(kernel.Handler.When(HttpMethod.Get, KeyUrl));
        using var client = kernel.Client;
        try
        {
            await kernel.ApiKeys.GetAsync("k1");
        }
        catch (Exception e)
        {
            return e;
        }

        Assert.Fail("the call succeeded");
        return null!;
    }

    // An answer whose headers arrived and whose body then fails with the given exception on its first read.
    private static HttpResponseMessage BreaksOffAfterTheHeaders(HttpStatusCode status, Exception failure) =>
        new(status) { Content = new ScriptedContent("{\"id\":"u8.ToArray(), beforeFirstRead: () => throw failure) };

    [TestCase(HttpRequestError.ConnectionError)]
    [TestCase(HttpRequestError.NameResolutionError)]
    [TestCase(HttpRequestError.SecureConnectionError)]
    [TestCase(HttpRequestError.ProxyTunnelError)]
    public async Task A_request_that_never_got_a_connection_could_not_connect(HttpRequestError kind)
    {
        var error = await GetFails(r => r.Throw(new HttpRequestException(kind, "no connection")));

        Assert.That(error, Is.TypeOf<KernelConnectionException>());
        Assert.That(error.Message, Is.EqualTo($"GET org/api_keys/{{id}} failed: could not connect to api.test ({kind}); 1 attempt."));
    }

    [TestCase(HttpRequestError.Unknown)]
    [TestCase(HttpRequestError.ResponseEnded)]
    [TestCase(HttpRequestError.InvalidResponse)]
    public async Task A_connection_that_broke_before_an_answer_is_not_called_unconnected(HttpRequestError kind)
    {
        var error = await GetFails(r => r.Throw(new HttpRequestException(kind, "broke")));

        Assert.That(error.Message, Is.EqualTo($"GET org/api_keys/{{id}} failed: the connection to api.test failed before a response arrived ({kind}); 1 attempt."));
    }

    [TestCase(SocketError.ConnectionRefused, true)]
    [TestCase(SocketError.HostNotFound, true)]
    [TestCase(SocketError.HostUnreachable, true)]
    [TestCase(SocketError.NetworkUnreachable, true)]
    [TestCase(SocketError.TryAgain, true)]
    [TestCase(SocketError.NoData, true)]
    [TestCase(SocketError.ConnectionReset, false)]
    [TestCase(SocketError.TimedOut, false)]
    public async Task A_socket_error_anywhere_in_the_chain_decides_whether_the_request_left(SocketError code, bool neverLeft)
    {
        // The socket error two levels down, as SocketsHttpHandler nests it (HttpRequestException > IOException > SocketException).
        var failure = new HttpRequestException("failed", new IOException("io", new SocketException((int)code)));

        var error = await GetFails(r => r.Throw(failure));

        var what = neverLeft ? "could not connect to api.test" : "the connection to api.test failed before a response arrived";
        Assert.That(error.Message, Is.EqualTo($"GET org/api_keys/{{id}} failed: {what} ({code}); 1 attempt."));
    }

    [Test]
    public async Task A_body_that_breaks_off_after_the_headers_broke_while_reading_the_response()
    {
        var error = await GetFails(r => r.Respond(_ => BreaksOffAfterTheHeaders(HttpStatusCode.OK, new IOException("connection reset"))));

        Assert.That(error, Is.TypeOf<KernelConnectionException>());
        // The body is read by the client's own bounded reader, so the stream's IOException arrives as itself.
        Assert.That(error.Message, Is.EqualTo("GET org/api_keys/{id} failed: the connection to api.test broke while reading the response (IOException); 1 attempt."));
    }

    [Test]
    public async Task A_body_read_that_fails_as_an_http_request_failure_after_the_headers_broke_while_reading_the_response()
    {
        // .NET Framework's handler reports a body that breaks off as an HttpRequestException, not an IOException.
        var error = await GetFails(r => r.Respond(_ => BreaksOffAfterTheHeaders(HttpStatusCode.OK, new HttpRequestException("Error while copying content to a stream."))));

        Assert.That(error, Is.TypeOf<KernelConnectionException>());
        Assert.That(error.Message, Is.EqualTo("GET org/api_keys/{id} failed: the connection to api.test broke while reading the response (Unknown); 1 attempt."));
    }

    [Test]
    public async Task A_create_whose_answer_broke_off_is_an_unknown_outcome_and_not_replayed()
    {
        var kernel = new MockKernel(o => o.MaxRetries = 2);
        var sent = 0;
        kernel.OnCreate().Respond(_ =>
        {
            sent++;
            return BreaksOffAfterTheHeaders(HttpStatusCode.Created, new IOException("connection reset"));
        });
        using var client = kernel.Client;

        var error = Assert.ThrowsAsync<KernelOutcomeUnknownException>(() => kernel.ApiKeys.CreateAsync("deploy-bot"))!;

        Assert.That(sent, Is.EqualTo(1), "the server answered: the key may exist");
        Assert.That(error.InnerException!.Message, Is.EqualTo("POST org/api_keys failed: the connection to api.test broke while reading the response (IOException); 1 attempt."));
    }

    [Test]
    public async Task A_cancellation_that_is_not_ours_nor_the_callers_is_the_HttpClients_own_timeout()
    {
        var error = await GetFails(r => r.Throw(new TaskCanceledException("HttpClient.Timeout")));

        Assert.That(error, Is.TypeOf<KernelTimeoutException>());
        Assert.That(error.Message, Is.EqualTo("GET org/api_keys/{id} timed out (the HttpClient's own Timeout) (attempt 1)."));
    }
}
