namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>
/// Fails the test on any answer in which Prism's proxy reports a spec violation: an
/// <c>sl-violations</c> header, or the problem+json answer that <c>--errors</c> puts in place
/// of a non-conforming exchange. Throws <see cref="AssertionException"/> from inside the
/// client's HTTP chain, which no client code catches, so a substituted 500 can never pass
/// for the fake's own.
/// </summary>
internal sealed class SpecViolationGuard : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null;
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        if (violations is not null || problem)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new AssertionException(
                $"Prism's proxy found the exchange {request.Method} {request.RequestUri?.PathAndQuery} -> {(int)response.StatusCode} outside the spec. sl-violations: {violations ?? "none"}; body: {body}");
        }

        return response;
    }
}
