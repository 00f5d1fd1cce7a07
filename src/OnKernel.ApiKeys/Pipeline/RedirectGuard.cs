using System.Net.Http;

namespace OnKernel;

/// <summary>
/// Refuses redirects. The client's own handlers never follow them; a caller's HttpClient
/// may, which shows as an answer from another address than the one the request was sent to.
/// </summary>
internal static class RedirectGuard
{
    public static void ThrowIfRedirected(AttemptContext attempt, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and <= 399)
        {
            var location = response.Headers.Location;
            if (location is not null && !location.IsAbsoluteUri && attempt.SentTo is not null)
            {
                location = new Uri(attempt.SentTo, location);
            }

            var target = location is null ? "nowhere (no Location header)" : location.Authority;
            throw AttemptFailedException.Final(new KernelRedirectException(
                new KernelErrorResponse(status, null, null, ResponseHeaders.Of(response)),
                $"{attempt.Operation} was answered {status} redirecting to {target}. Redirects are not followed (they would carry the API key elsewhere); " +
                "set BaseUrl to the address that should receive the requests.",
                location));
        }

        var answeredFrom = response.RequestMessage?.RequestUri;
        // Scheme, host, port and path: a caller's handler may rewrite the query (or add one) on
        // the way out, which moves nothing to another server; another address does.
        if (attempt.SentTo is not null && answeredFrom is not null
            && !string.Equals(answeredFrom.GetLeftPart(UriPartial.Path), attempt.SentTo.GetLeftPart(UriPartial.Path), StringComparison.Ordinal))
        {
            throw AttemptFailedException.Final(new KernelRedirectException(
                new KernelErrorResponse(status, null, null, ResponseHeaders.Of(response)),
                $"{attempt.Operation} was redirected to {answeredFrom.Authority} by the HttpClient's own handler, which answered {status} from there; " +
                "that answer was discarded. Turn off AllowAutoRedirect on that HttpClient's handler, and set BaseUrl to the address that should receive the requests.",
                answeredFrom));
        }
    }
}
