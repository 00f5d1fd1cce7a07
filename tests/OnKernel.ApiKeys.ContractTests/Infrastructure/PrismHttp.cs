using System.Text;

namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>What Prism answered to a raw request; <see cref="Violations"/> is its <c>sl-violations</c> header.</summary>
internal sealed record PrismAnswer(int Status, string Body, string? Violations)
{
    public override string ToString() => $"{Status} {Body} (sl-violations: {Violations ?? "none"})";
}

/// <summary>
/// Raw HTTP to Prism, bypassing the facade: for asking the spec (through Prism) what it
/// accepts, independently of the facade's own validation.
/// </summary>
internal static class PrismHttp
{
    public const string CreatePath = "org/api_keys";

    /// <summary>
    /// Prism closes idle keep-alive connections after 5 s; dropping ours sooner avoids
    /// sending on a socket the server is closing.
    /// </summary>
    public static SocketsHttpHandler CreateSocketsHandler() => new() { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2) };

    public static HttpClient CreateClient() => new(CreateSocketsHandler(), disposeHandler: true)
    {
        BaseAddress = PrismServer.BaseUrl,
        Timeout = FacadeHarness.CallTimeout,
    };

    /// <summary>Sends any request (well-formed JSON body or none) with the test key, for operations other than create.</summary>
    public static async Task<PrismAnswer> SendAsync(HttpClient http, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + FacadeHarness.ApiKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null;
        return new PrismAnswer((int)response.StatusCode, body, violations);
    }

    /// <summary>POSTs <paramref name="json"/> as a create. Only ever well-formed JSON: Prism 5.16.0 never answers malformed JSON.</summary>
    public static async Task<PrismAnswer> PostCreateAsync(HttpClient http, string json, string? authorization = "Bearer " + FacadeHarness.ApiKey, string contentType = "application/json", string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CreatePath)
        {
            Content = new StringContent(json, Encoding.UTF8, contentType),
        };
        if (authorization is not null)
        {
            // Without validation: the lowercase-scheme test must send exactly what it says.
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null;
        return new PrismAnswer((int)response.StatusCode, body, violations);
    }
}
