using System.Text;

namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>
/// Rewrites the facade's valid request into one Kernel answers with 400, so that status can
/// be reached through the real client (whose own validation would never send such input).
/// Where possible the rewritten request is one the spec's schemas allow and only Kernel's
/// rules refuse (an empty project_id, days_to_expire shorter than expire_in_days), so that it
/// also passes Prism's proxy; list and update have no such input, so for them it breaks the
/// schema (limit above its maximum, an empty name).
/// </summary>
internal sealed class KernelOnlyViolationHandler : DelegatingHandler
{
    /// <summary>Whether the rewritten request of this operation still conforms to the spec's schemas.</summary>
    public static bool ConformsToSchema(string operationId) => operationId is "postApiKeys" or "rotateApiKeysById";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        string? body = (request.Method.Method, path.EndsWith("/rotate", StringComparison.Ordinal)) switch
        {
            ("POST", true) => """{"days_to_expire":5,"expire_in_days":7}""",
            ("POST", false) => """{"name":"contract-test","project_id":""}""",
            ("PATCH", _) => """{"name":""}""",
            _ => null,
        };
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        else if (request.Method == HttpMethod.Get)
        {
            request.RequestUri = new UriBuilder(request.RequestUri) { Query = "limit=101" }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
