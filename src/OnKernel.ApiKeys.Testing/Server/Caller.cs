namespace OnKernel.Testing.Server;

/// <summary>
/// Who is calling: the key that authenticated the request, and the project the request is
/// scoped to (the key's own project, or the X-Kernel-Project-Id header of an
/// organisation-wide key; null for organisation-wide access).
/// </summary>
internal sealed class Caller
{
    public const string ProjectHeader = "X-Kernel-Project-Id";

    private Caller(StoredKey key, string? projectId)
    {
        Key = key;
        ProjectId = projectId;
    }

    public StoredKey Key { get; }

    public string? ProjectId { get; }

    /// <summary>A project-scoped request sees only its project's keys; others are 404, as if absent.</summary>
    public bool CanSee(StoredKey key) => ProjectId is null || string.Equals(key.ProjectId, ProjectId, StringComparison.Ordinal);

    /// <summary>Checks <c>Authorization: Bearer</c> and the project header. Call under the store lock.</summary>
    /// <exception cref="FakeApiError">401 for a missing, unknown, expired or deleted key; 403 for a project the key may not use.</exception>
    public static Caller Authenticate(KeyStore store, HttpRequestMessage request, DateTimeOffset now)
    {
        var token = BearerToken(request) ?? throw FakeApiError.Unauthorized("Missing or malformed Authorization header; send 'Authorization: Bearer <API key>'.");
        var key = store.FindByPlaintext(token);

        // One message for every kind of bad key, as a real server gives: which keys exist is not for callers to probe.
        if (key is null || key.IsDeleted || key.IsExpiredAt(now))
        {
            throw FakeApiError.Unauthorized("Invalid, expired or revoked API key.");
        }

        var header = request.Headers.TryGetValues(ProjectHeader, out var values) ? values.FirstOrDefault() : null;
        if (header is null)
        {
            return new Caller(key, key.ProjectId);
        }

        if (key.ProjectId is not null && !string.Equals(key.ProjectId, header, StringComparison.Ordinal))
        {
            throw FakeApiError.Forbidden($"{ProjectHeader} '{header}' conflicts with the project of this project-scoped API key.");
        }

        if (!store.HasProject(header))
        {
            throw FakeApiError.Forbidden($"{ProjectHeader} '{header}' is not a project this API key can access.");
        }

        return new Caller(key, header);
    }

    private static string? BearerToken(HttpRequestMessage request)
    {
        if (!request.Headers.TryGetValues("Authorization", out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault()?.Trim() ?? string.Empty;
        var space = value.IndexOf(' ');
        if (space <= 0)
        {
            return null;
        }

        // RFC 9110: the scheme name is case-insensitive.
        var scheme = value.Substring(0, space);
        var token = value.Substring(space + 1).Trim();
        return scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && token.Length > 0 ? token : null;
    }
}
