namespace OnKernel;

/// <summary>
/// Builds the values <see cref="ApiKeysService"/> returns and throws, for test doubles: a
/// caller's fake (a subclass overriding the virtual members) can return pages, responses
/// and errors exactly as the real client would, without a mocking library.
/// </summary>
public static class ApiKeysModelFactory
{
    /// <summary>An API key as list, get and update return it (masked, never the plaintext).</summary>
    /// <param name="id">The key's id.</param>
    /// <param name="name">The key's name.</param>
    /// <param name="maskedKey">The masked key, e.g. <c>sk_...abcd</c>.</param>
    /// <param name="createdAt">Creation time; null for the current time.</param>
    /// <param name="expiresAt">Expiry; null for a key that never expires.</param>
    /// <param name="projectId">The project the key is scoped to; null for an organisation-wide key.</param>
    /// <param name="deletedAt">When the key was soft-deleted; null when it was not.</param>
    /// <returns>The key.</returns>
    public static ApiKey ApiKey(string id, string name, string maskedKey = "sk_...0000", DateTimeOffset? createdAt = null, DateTimeOffset? expiresAt = null, string? projectId = null, DateTimeOffset? deletedAt = null) =>
        Fill(new ApiKey(), id, name, maskedKey, createdAt, expiresAt, projectId, deletedAt);

    /// <summary>A key as create and rotate return it, with its plaintext.</summary>
    /// <param name="id">The key's id.</param>
    /// <param name="name">The key's name.</param>
    /// <param name="key">The plaintext key, e.g. <c>sk_test_...</c>.</param>
    /// <param name="maskedKey">The masked key; null for <c>sk_...</c> and the last four characters of <paramref name="key"/>.</param>
    /// <param name="createdAt">Creation time; null for the current time.</param>
    /// <param name="expiresAt">Expiry; null for a key that never expires.</param>
    /// <param name="projectId">The project the key is scoped to; null for an organisation-wide key.</param>
    /// <returns>The created key.</returns>
    public static CreatedApiKey CreatedApiKey(string id, string name, string key, string? maskedKey = null, DateTimeOffset? createdAt = null, DateTimeOffset? expiresAt = null, string? projectId = null)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        var created = Fill(new CreatedApiKey(), id, name, maskedKey ?? Mask(key), createdAt, expiresAt, projectId, deletedAt: null);
        created.Key = key;
        return created;
    }

    /// <summary>Response headers, with case-insensitive names.</summary>
    /// <param name="headers">Name and value pairs; a name given twice gets both values.</param>
    /// <returns>The headers.</returns>
    public static KernelHeaders Headers(params KeyValuePair<string, string>[] headers) =>
        KernelHeaders.From(headers?.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(h => h.Value), StringComparer.OrdinalIgnoreCase));

    /// <summary>The response metadata of a call without a body (a delete).</summary>
    /// <param name="statusCode">The status code, e.g. 204.</param>
    /// <param name="headers">The headers; null for none.</param>
    /// <param name="attempts">How many attempts the call took.</param>
    /// <returns>The response.</returns>
    public static KernelResponse Response(int statusCode = 204, KernelHeaders? headers = null, int attempts = 1) =>
        new(statusCode, headers ?? KernelHeaders.Empty, attempts);

    /// <summary>A value with the response it came from, as the <c>...WithResponseAsync</c> methods return it.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="statusCode">The status code, e.g. 200 or 201.</param>
    /// <param name="headers">The headers; null for none.</param>
    /// <param name="attempts">How many attempts the call took.</param>
    /// <returns>The response.</returns>
    public static KernelResponse<T> Response<T>(T value, int statusCode = 200, KernelHeaders? headers = null, int attempts = 1) =>
        new(value, statusCode, headers ?? KernelHeaders.Empty, attempts);

    /// <summary>
    /// A page of keys as <see cref="ApiKeysService.ListPageAsync"/> returns it, with Kernel's
    /// paging headers set from <paramref name="nextOffset"/> and <paramref name="hasMore"/>.
    /// </summary>
    /// <param name="items">The keys on the page.</param>
    /// <param name="offset">The offset the page was requested at.</param>
    /// <param name="nextOffset">The <c>X-Next-Offset</c> header; null to leave it out (the last page).</param>
    /// <param name="hasMore">The <c>X-Has-More</c> header; null for <c>nextOffset is not null</c>.</param>
    /// <returns>The page.</returns>
    public static ApiKeyPage ApiKeyPage(IEnumerable<ApiKey> items, int offset = 0, int? nextOffset = null, bool? hasMore = null)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        var more = hasMore ?? nextOffset is not null;
        var headers = new List<KeyValuePair<string, string>> { new("X-Has-More", more ? "true" : "false") };
        if (nextOffset is int next)
        {
            headers.Add(new("X-Next-Offset", next.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ApiKeyPage(items.ToList(), offset, Response(200, Headers(headers.ToArray())));
    }

    /// <summary>
    /// The exception a call throws for an error status: <see cref="KernelNotFoundException"/>
    /// for 404, <see cref="KernelRateLimitException"/> for 429, and so on, exactly as the
    /// client maps a real response.
    /// </summary>
    /// <param name="statusCode">The HTTP status, 400 or above.</param>
    /// <param name="errorCode">Kernel's error code (e.g. <c>not_found</c>); null for a body that was not a Kernel error.</param>
    /// <param name="errorMessage">Kernel's error message.</param>
    /// <param name="headers">The response headers (e.g. <c>Retry-After</c>); null for none.</param>
    /// <returns>The exception, to throw from a fake.</returns>
    public static KernelApiException ApiException(int statusCode, string? errorCode = null, string? errorMessage = null, KernelHeaders? headers = null)
    {
        if (statusCode < 400 || statusCode > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "statusCode must be an error status, 400-599.");
        }

        var error = errorCode is null ? null : new Error { Code = errorCode, Message = errorMessage ?? "" };
        var raw = headers?.ToDictionary(h => h.Key, h => (IEnumerable<string>)h.Value, StringComparer.OrdinalIgnoreCase);
        return KernelErrorMapper.FromResponse(new KernelErrorResponse(statusCode, error, rawBody: null, raw));
    }

    /// <summary>
    /// What a create or rotate throws when it failed after the server may have acted: the
    /// key may exist.
    /// </summary>
    /// <param name="requestedName">The name the create asked for; null for a rotate.</param>
    /// <param name="operation">The operation, e.g. <c>POST org/api_keys</c>.</param>
    /// <returns>The exception, whose inner exception is a <see cref="KernelTimeoutException"/>.</returns>
    public static KernelOutcomeUnknownException OutcomeUnknownException(string? requestedName, string operation = "POST org/api_keys") =>
        new(operation, requestedName, new KernelTimeoutException($"{operation} timed out (attempt 1).")) { Attempts = 1 };

    private static T Fill<T>(T key, string id, string name, string maskedKey, DateTimeOffset? createdAt, DateTimeOffset? expiresAt, string? projectId, DateTimeOffset? deletedAt)
        where T : ApiKey
    {
        key.Id = id ?? throw new ArgumentNullException(nameof(id));
        key.Name = name ?? throw new ArgumentNullException(nameof(name));
        key.MaskedKey = maskedKey ?? throw new ArgumentNullException(nameof(maskedKey));
        key.CreatedAt = createdAt ?? DateTimeOffset.UtcNow;
        key.ExpiresAt = expiresAt;
        key.ProjectId = projectId;
        key.DeletedAt = deletedAt;
        return key;
    }

    // "sk_live_abcdef123456" -> "sk_...3456": enough to recognise a key, never enough to use it.
    private static string Mask(string key) =>
        key.Length <= 8 ? "sk_..." : "sk_..." + key.Substring(key.Length - 4);
}
