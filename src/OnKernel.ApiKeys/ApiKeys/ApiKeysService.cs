using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace OnKernel;

/// <summary>
/// Kernel's API Keys resource: create, list, get, rename, rotate and delete the keys of
/// your organisation. Reached as <see cref="KernelClient.ApiKeys"/>. Every method
/// validates its arguments against the API contract before sending, retries safely (a
/// request that creates a key is never replayed when it may already have succeeded) and
/// throws the <see cref="OnKernelException"/> family. Members are virtual for mocking.
/// </summary>
public class ApiKeysService
{
    private readonly IApiKeysClient _client = null!;
    private readonly KernelPipeline _pipeline = null!;

    /// <summary>For mocking frameworks only.</summary>
    protected ApiKeysService()
    {
    }

    internal ApiKeysService(IApiKeysClient client, KernelPipeline pipeline)
    {
        _client = client;
        _pipeline = pipeline;
    }

    /// <summary>Creates an API key. The plaintext <see cref="CreatedApiKey.Key"/> is returned only this once.</summary>
    /// <param name="name">The key's name, 1-255 characters.</param>
    /// <param name="daysToExpire">Days until the key expires, 1-3650; null for a key that never expires.</param>
    /// <param name="projectId">The project to scope the key to; null for an organisation-wide key.</param>
    /// <param name="cancellationToken">Cancels the whole call, retries included.</param>
    /// <exception cref="ArgumentException">A field is outside the range the API accepts; nothing was sent.</exception>
    /// <exception cref="KernelOutcomeUnknownException">The request failed after it may have created the key.</exception>
    /// <exception cref="OnKernelException">Any other failure.</exception>
    public virtual Task<CreatedApiKey> CreateAsync(string name, int? daysToExpire = null, string? projectId = null, CancellationToken cancellationToken = default)
    {
        ApiKeyValidation.ValidateName(name, nameof(name));
        ApiKeyValidation.ValidateDaysToExpire(daysToExpire, nameof(daysToExpire));
        ApiKeyValidation.ValidateProjectId(projectId, nameof(projectId));
        return CreateAsync(new CreateApiKeyRequest { Name = name, DaysToExpire = daysToExpire, ProjectId = projectId }, cancellationToken);
    }

    /// <summary>Creates an API key. The plaintext <see cref="CreatedApiKey.Key"/> is returned only this once.</summary>
    /// <param name="request">The key to create.</param>
    /// <param name="cancellationToken">Cancels the whole call, retries included.</param>
    /// <exception cref="ArgumentException">A field is outside the range the API accepts; nothing was sent.</exception>
    /// <exception cref="KernelOutcomeUnknownException">The request failed after it may have created the key.</exception>
    /// <exception cref="OnKernelException">Any other failure.</exception>
    public virtual async Task<CreatedApiKey> CreateAsync(CreateApiKeyRequest request, CancellationToken cancellationToken = default) =>
        (await CreateWithResponseAsync(request, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Like <see cref="CreateAsync(CreateApiKeyRequest, CancellationToken)"/>, with the response's status and headers.</summary>
    /// <param name="request">The key to create.</param>
    /// <param name="cancellationToken">Cancels the whole call, retries included.</param>
    public virtual Task<KernelResponse<CreatedApiKey>> CreateWithResponseAsync(CreateApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        ApiKeyValidation.ValidateName(request.Name, nameof(request));
        ApiKeyValidation.ValidateDaysToExpire(request.DaysToExpire, nameof(request));
        ApiKeyValidation.ValidateProjectId(request.ProjectId, nameof(request));

        // Send a copy: every retry sends exactly what was validated, whatever the caller
        // does with their object meanwhile.
        var snapshot = Snapshot(request);
        var operation = new KernelOperation("POST", "org/api_keys", nameof(CreatedApiKey), createsKey: true, requestedName: snapshot.Name);
        return _pipeline.SendAsync(operation, ct => _client.PostApiKeysAsync(snapshot, ct), CheckCreatedKey, cancellationToken);
    }

    /// <summary>
    /// Lists API keys (masked), fetching pages as the enumeration needs them. Paging follows
    /// Kernel's <c>X-Next-Offset</c>/<c>X-Has-More</c> headers exactly: each page starts where
    /// the previous one said, so no page is skipped or repeated.
    /// </summary>
    /// <param name="options">Filters and ordering; null for Kernel's defaults.</param>
    /// <param name="cancellationToken">Stops paging, including a request in flight.</param>
    /// <exception cref="ArgumentException">An option is outside the range the API accepts; nothing was sent.</exception>
    /// <exception cref="KernelInvalidResponseException">The paging headers are inconsistent (more pages but no next offset, or an offset that does not advance).</exception>
    public virtual IAsyncEnumerable<ApiKey> ListAsync(ApiKeyListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var checkedOptions = ValidateListOptions(options);
        return ItemsAsync(checkedOptions, cancellationToken);
    }

    /// <summary>Like <see cref="ListAsync"/>, a page at a time, with each page's paging headers and response metadata.</summary>
    /// <param name="options">Filters and ordering; null for Kernel's defaults.</param>
    /// <param name="cancellationToken">Stops paging, including a request in flight.</param>
    /// <exception cref="ArgumentException">An option is outside the range the API accepts; nothing was sent.</exception>
    public virtual IAsyncEnumerable<ApiKeyPage> ListPagesAsync(ApiKeyListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var checkedOptions = ValidateListOptions(options);
        return PagesAsync(checkedOptions, cancellationToken);
    }

    /// <summary>Fetches one page of keys starting at <paramref name="offset"/>.</summary>
    /// <param name="options">Filters and ordering; null for Kernel's defaults.</param>
    /// <param name="offset">The absolute offset to start at (0, or the previous page's <see cref="ApiKeyPage.GetNextOffset"/>).</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <exception cref="ArgumentException">An option or the offset is outside the range the API accepts; nothing was sent.</exception>
    public virtual Task<ApiKeyPage> ListPageAsync(ApiKeyListOptions? options = null, int offset = 0, CancellationToken cancellationToken = default)
    {
        var checkedOptions = ValidateListOptions(options);
        ApiKeyValidation.ValidateNumber(offset, ListOffset, nameof(offset), "keys", nullMeaning: "0 for the first page");
        return PageAsync(checkedOptions, offset, cancellationToken);
    }

    /// <summary>Gets one API key (masked).</summary>
    /// <param name="id">The key's id.</param>
    /// <param name="includeDeleted">When true, a soft-deleted key is returned too (otherwise it is a <see cref="KernelNotFoundException"/>).</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <exception cref="ArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="KernelNotFoundException">No such key (or it was deleted).</exception>
    public virtual async Task<ApiKey> GetAsync(string id, bool includeDeleted = false, CancellationToken cancellationToken = default) =>
        (await GetWithResponseAsync(id, includeDeleted, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Like <see cref="GetAsync"/>, with the response's status and headers.</summary>
    /// <param name="id">The key's id.</param>
    /// <param name="includeDeleted">When true, a soft-deleted key is returned too.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    public virtual Task<KernelResponse<ApiKey>> GetWithResponseAsync(string id, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        ApiKeyValidation.ValidateId(id, nameof(id));
        var operation = new KernelOperation("GET", "org/api_keys/{id}", nameof(ApiKey));
        return _pipeline.SendAsync(operation, ct => _client.GetApiKeysByIdAsync(id, includeDeleted ? true : null, ct), null, cancellationToken);
    }

    /// <summary>Renames an API key.</summary>
    /// <param name="id">The key's id.</param>
    /// <param name="name">The new name, 1-255 characters.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <exception cref="ArgumentException">The id is empty or the name outside the range the API accepts; nothing was sent.</exception>
    public virtual async Task<ApiKey> UpdateAsync(string id, string name, CancellationToken cancellationToken = default) =>
        (await UpdateWithResponseAsync(id, name, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Like <see cref="UpdateAsync"/>, with the response's status and headers.</summary>
    /// <param name="id">The key's id.</param>
    /// <param name="name">The new name, 1-255 characters.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    public virtual Task<KernelResponse<ApiKey>> UpdateWithResponseAsync(string id, string name, CancellationToken cancellationToken = default)
    {
        ApiKeyValidation.ValidateId(id, nameof(id));
        ApiKeyValidation.ValidateString(name, UpdateName, nameof(name));
        var body = new UpdateApiKeyRequest { Name = name };
        var operation = new KernelOperation("PATCH", "org/api_keys/{id}", nameof(ApiKey));
        return _pipeline.SendAsync(operation, ct => _client.PatchApiKeysByIdAsync(body, id, ct), null, cancellationToken);
    }

    /// <summary>
    /// Deletes (revokes) an API key. A key cannot delete itself: Kernel answers
    /// <see cref="KernelBadRequestException"/> with <see cref="KernelErrorCodes.CannotDeleteCurrentKey"/>.
    /// </summary>
    /// <param name="id">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <exception cref="ArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="KernelBadRequestException">Among others: the key authenticating this client cannot delete itself.</exception>
    public virtual async Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        await DeleteWithResponseAsync(id, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Like <see cref="DeleteAsync"/>, with the response's status and headers. When a retry is
    /// answered 404 after an earlier attempt that may have deleted the key (a timeout, a 5xx),
    /// the delete is reported as done, with that 404 status and <c>Attempts</c> above 1.
    /// </summary>
    /// <param name="id">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    public virtual async Task<KernelResponse> DeleteWithResponseAsync(string id, CancellationToken cancellationToken = default)
    {
        ApiKeyValidation.ValidateId(id, nameof(id));
        var operation = new KernelOperation("DELETE", "org/api_keys/{id}", "empty response", goneMeansDone: true);
        return await _pipeline.SendAsync(
            operation,
            async ct =>
            {
                var response = await _client.DeleteApiKeysByIdAsync(id, ct).ConfigureAwait(false);
                return new ApiKeysClientResponse<NoContent>(response.StatusCode, response.Headers, default);
            },
            null,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rotates an API key: Kernel issues a new key with the old one's name and project, and
    /// schedules the old key to expire after a grace period. The new plaintext
    /// <see cref="CreatedApiKey.Key"/> is returned only this once. Like a create, this is
    /// never replayed when it may already have succeeded.
    /// </summary>
    /// <param name="id">The id of the key to rotate.</param>
    /// <param name="daysToExpire">Lifetime of the new key, 1-3650 days; null to reuse the old key's lifetime.</param>
    /// <param name="expireInDays">Grace period before the old key expires, 0-3650 days (0: at once); null for Kernel's default (7).</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <exception cref="ArgumentException">A value is outside the range the API accepts, or <paramref name="daysToExpire"/> is shorter than <paramref name="expireInDays"/>; nothing was sent.</exception>
    /// <exception cref="KernelOutcomeUnknownException">The request failed after it may have rotated the key.</exception>
    public virtual async Task<CreatedApiKey> RotateAsync(string id, int? daysToExpire = null, int? expireInDays = null, CancellationToken cancellationToken = default) =>
        (await RotateWithResponseAsync(id, daysToExpire, expireInDays, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Like <see cref="RotateAsync"/>, with the response's status and headers.</summary>
    /// <param name="id">The id of the key to rotate.</param>
    /// <param name="daysToExpire">Lifetime of the new key, 1-3650 days; null to reuse the old key's lifetime.</param>
    /// <param name="expireInDays">Grace period before the old key expires, 0-3650 days; null for Kernel's default.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    public virtual Task<KernelResponse<CreatedApiKey>> RotateWithResponseAsync(string id, int? daysToExpire = null, int? expireInDays = null, CancellationToken cancellationToken = default)
    {
        ApiKeyValidation.ValidateId(id, nameof(id));
        ApiKeyValidation.ValidateNumber(daysToExpire, RotateDaysToExpire, nameof(daysToExpire), "days", nullMeaning: "null to keep the rotated key's lifetime");
        ApiKeyValidation.ValidateNumber(expireInDays, RotateExpireInDays, nameof(expireInDays), "days", nullMeaning: "null for Kernel's default grace period");
        if (daysToExpire is int days && expireInDays is int grace && days < grace)
        {
            throw new ArgumentException(
                $"days_to_expire ({days}) is shorter than expire_in_days ({grace}): the new key would expire before the old one; Kernel rejects that. Use days_to_expire >= expire_in_days.",
                nameof(daysToExpire));
        }

        var body = new RotateApiKeyRequest { DaysToExpire = daysToExpire, ExpireInDays = expireInDays };
        var operation = new KernelOperation("POST", "org/api_keys/{id}/rotate", nameof(CreatedApiKey), createsKey: true);
        return _pipeline.SendAsync(operation, ct => _client.RotateApiKeysByIdAsync(id, body, ct), CheckCreatedKey, cancellationToken);
    }

    /// <summary>The plaintext key is the one thing a create must return; an empty one is a broken response.</summary>
    internal static string? CheckCreatedKey(CreatedApiKey key) =>
        string.IsNullOrEmpty(key.Key) ? "the plaintext key ('key') is empty" : null;

    private static readonly SpecConstraints ListLimit = SpecConstraints.OfParameter("listApiKeys", "limit");
    private static readonly SpecConstraints ListOffset = SpecConstraints.OfParameter("listApiKeys", "offset");
    private static readonly SpecConstraints UpdateName = SpecConstraints.Of<UpdateApiKeyRequest>(nameof(UpdateApiKeyRequest.Name));
    private static readonly SpecConstraints RotateDaysToExpire = SpecConstraints.Of<RotateApiKeyRequest>(nameof(RotateApiKeyRequest.DaysToExpire));
    private static readonly SpecConstraints RotateExpireInDays = SpecConstraints.Of<RotateApiKeyRequest>(nameof(RotateApiKeyRequest.ExpireInDays));

    private static ApiKeyListOptions ValidateListOptions(ApiKeyListOptions? options)
    {
        // A copy: pages fetched later use the filters as they were when listing started.
        var copy = options?.Clone() ?? new ApiKeyListOptions();
        ApiKeyValidation.ValidateNumber(copy.Limit, ListLimit, nameof(options), "keys per page", nullMeaning: "null for Kernel's default");
        ApiKeyValidation.ValidateWellFormed(copy.Name, "ApiKeyListOptions.Name", nameof(options));
        ApiKeyValidation.ValidateWellFormed(copy.Query, "ApiKeyListOptions.Query", nameof(options));
        return copy;
    }

    private async IAsyncEnumerable<ApiKey> ItemsAsync(ApiKeyListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in PagesAsync(options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var key in page.Items)
            {
                yield return key;
            }
        }
    }

    private async IAsyncEnumerable<ApiKeyPage> PagesAsync(ApiKeyListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int? offset = 0;
        while (offset is int current)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await PageAsync(options, current, cancellationToken).ConfigureAwait(false);
            yield return page;
            offset = page.GetNextOffset();
        }
    }

    private async Task<ApiKeyPage> PageAsync(ApiKeyListOptions options, int offset, CancellationToken cancellationToken)
    {
        var operation = new KernelOperation("GET", "org/api_keys", "list of ApiKey");
#pragma warning disable CS0618 // include_deleted is deprecated, but still sent when a caller sets it.
        var includeDeleted = options.IncludeDeleted;
#pragma warning restore CS0618
        var response = await _pipeline.SendAsync(
            operation,
            ct => _client.ListApiKeysAsync(options.Limit, offset == 0 ? null : offset, includeDeleted, options.Name, options.Query, options.SortBy, options.SortDirection, options.Status, ct),
            null,
            cancellationToken).ConfigureAwait(false);
        return new ApiKeyPage(response.Value.ToList(), offset, response);
    }

    private static T Snapshot<T>(T value) =>
        JsonConvert.DeserializeObject<T>(JsonConvert.SerializeObject(value))!;
}
