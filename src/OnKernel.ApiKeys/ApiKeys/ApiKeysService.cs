using System.Threading;
using System.Threading.Tasks;

namespace OnKernel;

/// <summary>
/// Kernel's API Keys resource: create, list, get, rename, rotate and delete the keys of
/// your organisation. Reached as <see cref="KernelClient.ApiKeys"/>. Every method
/// validates its arguments against the API contract before sending, retries safely (a
/// request that creates a key is never replayed when it may already have succeeded) and
/// throws the <see cref="OnKernelException"/> family. Members are virtual for mocking.
/// </summary>
public partial class ApiKeysService
{
    private static readonly KernelOperation Get = new(SpecOperations.GetApiKeysById, "ApiKeys.Get");
    private static readonly KernelOperation Update = new(SpecOperations.PatchApiKeysById, "ApiKeys.Update");
    private static readonly KernelOperation Delete = new(SpecOperations.DeleteApiKeysById, "ApiKeys.Delete", goneMeansDone: true);
    private static readonly KernelOperation Rotate = new(SpecOperations.RotateApiKeysById, "ApiKeys.Rotate", createsKey: true);

    private readonly IApiKeysClient _client = null!;
    private readonly KernelPipeline _pipeline = null!;
    private readonly ApiKeyPaging _paging = null!;

    /// <summary>For mocking frameworks only.</summary>
    protected ApiKeysService()
    {
    }

    internal ApiKeysService(IApiKeysClient client, KernelPipeline pipeline)
    {
        _client = client;
        _pipeline = pipeline;
        _paging = new ApiKeyPaging(client, pipeline);
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
        ApiKeyValidation.ValidateCreate(name, daysToExpire, projectId, nameof(name), nameof(daysToExpire), nameof(projectId));
        // The request is this method's own, so nobody else can change it: no snapshot, and no second validation.
        var (operation, call) = CreateValidated(new CreateApiKeyRequest { Name = name, DaysToExpire = daysToExpire, ProjectId = projectId });
        return _pipeline.SendForValueAsync(operation, call, CheckCreatedKey, cancellationToken);
    }

    /// <summary>Creates an API key. The plaintext <see cref="CreatedApiKey.Key"/> is returned only this once.</summary>
    /// <param name="request">The key to create.</param>
    /// <param name="cancellationToken">Cancels the whole call, retries included.</param>
    /// <exception cref="ArgumentException">A field is outside the range the API accepts; nothing was sent.</exception>
    /// <exception cref="KernelOutcomeUnknownException">The request failed after it may have created the key.</exception>
    /// <exception cref="OnKernelException">Any other failure.</exception>
    public virtual Task<CreatedApiKey> CreateAsync(CreateApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        var (operation, call) = Create(request);
        return _pipeline.SendForValueAsync(operation, call, CheckCreatedKey, cancellationToken);
    }

    /// <summary>Like <see cref="CreateAsync(CreateApiKeyRequest, CancellationToken)"/>, with the response's status and headers.</summary>
    /// <param name="request">The key to create.</param>
    /// <param name="cancellationToken">Cancels the whole call, retries included.</param>
    public virtual Task<KernelResponse<CreatedApiKey>> CreateWithResponseAsync(CreateApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        var (operation, call) = Create(request);
        return _pipeline.SendAsync(operation, call, CheckCreatedKey, cancellationToken);
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
        return _paging.ItemsAsync(ApiKeyValidation.ValidateList(options), cancellationToken);
    }

    /// <summary>Like <see cref="ListAsync"/>, a page at a time, with each page's paging headers and response metadata.</summary>
    /// <param name="options">Filters and ordering; null for Kernel's defaults.</param>
    /// <param name="cancellationToken">Stops paging, including a request in flight.</param>
    /// <exception cref="ArgumentException">An option is outside the range the API accepts; nothing was sent.</exception>
    public virtual IAsyncEnumerable<ApiKeyPage> ListPagesAsync(ApiKeyListOptions? options = null, CancellationToken cancellationToken = default)
    {
        return _paging.PagesAsync(ApiKeyValidation.ValidateList(options), cancellationToken);
    }

    /// <summary>Fetches one page of keys starting at <paramref name="offset"/>.</summary>
    /// <param name="options">Filters and ordering; null for Kernel's defaults.</param>
    /// <param name="offset">The absolute offset to start at (0, or the previous page's <see cref="ApiKeyPage.GetNextOffset"/>).</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <exception cref="ArgumentException">An option or the offset is outside the range the API accepts; nothing was sent.</exception>
    public virtual Task<ApiKeyPage> ListPageAsync(ApiKeyListOptions? options = null, int offset = 0, CancellationToken cancellationToken = default)
    {
        var checkedOptions = ApiKeyValidation.ValidateList(options);
        ApiKeyValidation.ValidateOffset(offset);
        return _paging.PageAsync(checkedOptions, offset, cancellationToken);
    }

    /// <summary>Gets one API key (masked).</summary>
    /// <param name="id">The key's id.</param>
    /// <param name="includeDeleted">When true, a soft-deleted key is returned too (otherwise it is a <see cref="KernelNotFoundException"/>).</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <exception cref="ArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="KernelNotFoundException">No such key (or it was deleted).</exception>
    public virtual Task<ApiKey> GetAsync(string id, bool includeDeleted = false, CancellationToken cancellationToken = default) =>
        _pipeline.SendForValueAsync(Get, GetCall(id, includeDeleted), null, cancellationToken);

    /// <summary>Like <see cref="GetAsync"/>, with the response's status and headers.</summary>
    /// <param name="id">The key's id.</param>
    /// <param name="includeDeleted">When true, a soft-deleted key is returned too.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    public virtual Task<KernelResponse<ApiKey>> GetWithResponseAsync(string id, bool includeDeleted = false, CancellationToken cancellationToken = default) =>
        _pipeline.SendAsync(Get, GetCall(id, includeDeleted), null, cancellationToken);

    /// <summary>Renames an API key.</summary>
    /// <param name="id">The key's id.</param>
    /// <param name="name">The new name, 1-255 characters.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <exception cref="ArgumentException">The id is empty or the name outside the range the API accepts; nothing was sent.</exception>
    public virtual Task<ApiKey> UpdateAsync(string id, string name, CancellationToken cancellationToken = default) =>
        _pipeline.SendForValueAsync(Update, UpdateCall(id, name), null, cancellationToken);

    /// <summary>Like <see cref="UpdateAsync"/>, with the response's status and headers.</summary>
    /// <param name="id">The key's id.</param>
    /// <param name="name">The new name, 1-255 characters.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    public virtual Task<KernelResponse<ApiKey>> UpdateWithResponseAsync(string id, string name, CancellationToken cancellationToken = default) =>
        _pipeline.SendAsync(Update, UpdateCall(id, name), null, cancellationToken);

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
        return await _pipeline.SendAsync(
            Delete,
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
    public virtual Task<CreatedApiKey> RotateAsync(string id, int? daysToExpire = null, int? expireInDays = null, CancellationToken cancellationToken = default) =>
        _pipeline.SendForValueAsync(Rotate, RotateCall(id, daysToExpire, expireInDays), CheckCreatedKey, cancellationToken);

    /// <summary>Like <see cref="RotateAsync"/>, with the response's status and headers.</summary>
    /// <param name="id">The id of the key to rotate.</param>
    /// <param name="daysToExpire">Lifetime of the new key, 1-3650 days; null to reuse the old key's lifetime.</param>
    /// <param name="expireInDays">Grace period before the old key expires, 0-3650 days; null for Kernel's default.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    public virtual Task<KernelResponse<CreatedApiKey>> RotateWithResponseAsync(string id, int? daysToExpire = null, int? expireInDays = null, CancellationToken cancellationToken = default) =>
        _pipeline.SendAsync(Rotate, RotateCall(id, daysToExpire, expireInDays), CheckCreatedKey, cancellationToken);

    /// <summary>The plaintext key is the one thing a create must return; an empty one is a broken response.</summary>
    internal static string? CheckCreatedKey(CreatedApiKey key) =>
        string.IsNullOrEmpty(key.Key) ? "the plaintext key ('key') is empty" : null;
}
