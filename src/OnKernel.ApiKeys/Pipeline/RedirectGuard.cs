using System.Net.Http;

namespace OnKernel;

/// <summary>
/// Refuses redirects. The client's own handlers never follow them; a caller's HttpClient
/// may, which shows as an answer from another address than the one the request was sent to.
/// Everything kept from the response (headers, the target) is redacted like any server text.
/// </summary>
internal static class RedirectGuard
{
    public static void ThrowIfRedirected(AttemptContext attempt, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        // Checked first: a caller's handler that followed redirects (up to its own hop limit)
        // may end on another 3xx, and what matters then is that it already went elsewhere.
        var answeredFrom = response.RequestMessage?.RequestUri;
        if (attempt.SentTo is not null && answeredFrom is not null && !SameAddress(answeredFrom, attempt.SentTo))
        {
            var elsewhere = Redacted(attempt, answeredFrom);
            throw AttemptFailedException.Final(new KernelRedirectException(
                Answer(attempt, response, status),
                $"{attempt.Operation} was redirected to {elsewhere?.Authority} by the HttpClient's own handler, which answered {status} from there; " +
                "that answer was discarded." + (attempt.Operation.CreatesKey ? " A key may have been created there: check the existing keys before trying again." : "") +
                " Turn off AllowAutoRedirect on that HttpClient's handler, and set BaseUrl to the address that should receive the requests.",
                elsewhere));
        }

        if (status is >= 300 and <= 399)
        {
            var location = response.Headers.Location;
            if (location is not null && !location.IsAbsoluteUri && attempt.SentTo is not null)
            {
                location = new Uri(attempt.SentTo, location);
            }

            location = location is null ? null : Redacted(attempt, location);
            var target = location is null ? "nowhere (no Location header)" : location.Authority;
            throw AttemptFailedException.Final(new KernelRedirectException(
                Answer(attempt, response, status),
                $"{attempt.Operation} was answered {status} redirecting to {target}. Redirects are not followed (they would carry the API key elsewhere); " +
                "set BaseUrl to the address that should receive the requests.",
                location));
        }
    }

    // Only when throwing: the redacted copy of the headers costs a copy per response.
    private static KernelErrorResponse Answer(AttemptContext attempt, HttpResponseMessage response, int status) =>
        new(status, null, null, attempt.Redactor.RedactHeaders(ResponseHeaders.Of(response)));

    // Scheme, host, port and path: a caller's handler may rewrite the query (or add one) on
    // the way out, which moves nothing to another server; another address does.
    // The same Uri object (the usual case: nothing replaced it) needs no comparison, which
    // would build two strings per response.
    private static bool SameAddress(Uri answeredFrom, Uri sentTo) =>
        ReferenceEquals(answeredFrom, sentTo) ||
        string.Equals(answeredFrom.GetLeftPart(UriPartial.Path), sentTo.GetLeftPart(UriPartial.Path), StringComparison.Ordinal);

    // A Location can echo the caller's key (in its query, say): kept only redacted.
    private static Uri? Redacted(AttemptContext attempt, Uri address)
    {
        var text = attempt.Redactor.Redact(address.OriginalString);
        // Stryker disable once Conditional : a fast path only: parsing the same text again gives an equal Uri
        return text == address.OriginalString ? address : Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var clean) ? clean : null;
    }
}
