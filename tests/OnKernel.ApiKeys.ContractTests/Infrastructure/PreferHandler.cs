namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>
/// Adds Prism's <c>Prefer</c> header (e.g. <c>code=404</c>, <c>dynamic=true</c>) to every request.
/// The facade lets callers bring their own HttpClient but not set arbitrary headers, so a
/// handler in that HttpClient is the way to steer Prism through the real client code.
/// </summary>
internal sealed class PreferHandler(string preference) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Prefer");
        request.Headers.TryAddWithoutValidation("Prefer", preference);
        return base.SendAsync(request, cancellationToken);
    }
}
