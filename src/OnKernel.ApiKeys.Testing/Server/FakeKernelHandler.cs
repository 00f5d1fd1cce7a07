using System.Net;
using System.Net.Sockets;

namespace OnKernel.Testing.Server;

/// <summary>
/// The fake server behind an <see cref="HttpMessageHandler"/>: faults first, then routing,
/// authentication and the operation, all under the store lock. Any base URL works: the path
/// is matched from its <c>org/api_keys</c> segments, so a client's path prefix is kept.
/// </summary>
internal sealed class FakeKernelHandler : HttpMessageHandler
{
    private readonly FakeKernel _kernel;

    public FakeKernelHandler(FakeKernel kernel)
    {
        _kernel = kernel;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _kernel.CountRequest();
        var fault = _kernel.Faults.Take();

        // Read the body first: by now the request has been "sent", whatever happens next.
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);

        switch (fault?.Kind)
        {
            case FaultKind.RateLimited:
                var limited = FakeResponse.Error((HttpStatusCode)429, "rate_limited", "Rate limit exceeded for the organization (injected by FakeKernel).");
                limited.RetryAfter = fault.RetryAfter;
                return limited.ToHttpResponse(request);
            case FaultKind.ServerError:
                return FakeResponse.Error((HttpStatusCode)fault.Status, "internal_error", "Internal server error (injected by FakeKernel).").ToHttpResponse(request);
            case FaultKind.Timeout:
                await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                throw new OperationCanceledException(cancellationToken);
            case FaultKind.ConnectionRefused:
                throw Refused();
        }

        var response = Serve(request, body).ToHttpResponse(request);
        if (fault?.Kind == FaultKind.DroppedAfterActing)
        {
            response.Dispose();
            throw DroppedAfterActing();
        }

        return response;
    }

    private FakeResponse Serve(HttpRequestMessage request, string? body)
    {
        var route = Route.Of(request.RequestUri!);
        if (route is null)
        {
            return FakeResponse.Error(HttpStatusCode.NotFound, "not_found", $"No route for {request.Method} {request.RequestUri!.AbsolutePath}.");
        }

        var method = request.Method.Method;
        if (!route.Allows(method))
        {
            return FakeResponse.Error(HttpStatusCode.MethodNotAllowed, "method_not_allowed", $"{method} is not allowed on {request.RequestUri!.AbsolutePath}.")
                .WithHeader("Allow", route.Allow);
        }

        var store = _kernel.Store;
        lock (store.Gate)
        {
            var now = _kernel.TimeProvider.GetUtcNow();
            try
            {
                var caller = Caller.Authenticate(store, request, now);
                var query = new QueryParameters(request.RequestUri!);
                return (route.Kind, method) switch
                {
                    (RouteKind.Collection, "GET") => KeyListing.List(store, caller, query),
                    (RouteKind.Collection, _) => ApiKeyEndpoints.Create(store, caller, RequestBody.Parse(request.Content, body, required: true), now),
                    (RouteKind.Key, "GET") => ApiKeyEndpoints.Get(store, caller, route.Id!, query),
                    (RouteKind.Key, "PATCH") => ApiKeyEndpoints.Update(store, caller, route.Id!, RequestBody.Parse(request.Content, body, required: true)),
                    (RouteKind.Key, _) => ApiKeyEndpoints.Delete(store, caller, route.Id!, now),
                    _ => ApiKeyEndpoints.Rotate(store, caller, route.Id!, RequestBody.Parse(request.Content, body, required: false), now),
                };
            }
            catch (FakeApiError error)
            {
                return error.ToResponse();
            }
        }
    }

    private static HttpRequestException DroppedAfterActing()
    {
        const string message = "The response ended prematurely: FakeKernel carried out the request, then dropped the connection.";
        var reset = new IOException("Connection reset by peer (simulated by FakeKernel).");
#if NET8_0_OR_GREATER
        return new HttpRequestException(HttpRequestError.ResponseEnded, message, reset);
#else
        return new HttpRequestException(message, reset);
#endif
    }

    private static HttpRequestException Refused()
    {
        const string message = "Connection refused (simulated by FakeKernel); the request never reached the server.";
        var refused = new SocketException((int)SocketError.ConnectionRefused);
#if NET8_0_OR_GREATER
        return new HttpRequestException(HttpRequestError.ConnectionError, message, refused);
#else
        return new HttpRequestException(message, refused);
#endif
    }
}
