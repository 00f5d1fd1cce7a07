using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Kernel;

/// <summary>
/// Kernel's API Keys resource: create (and later list, get, update, rotate and delete) the
/// keys of your organisation. Reached as <see cref="KernelClient.ApiKeys"/>. Every method
/// validates its arguments against the API contract before sending, retries safely (a
/// request that creates a key is never replayed when it may already have succeeded) and
/// throws the <see cref="KernelException"/> family. Members are virtual for mocking.
/// </summary>
public class ApiKeysService
{
    private readonly IApiKeysClient _client = null!;
    private readonly KernelPipeline _pipeline = null!;

    /// <summary>For mocking frameworks only.</summary>
    protected ApiKeysService()
    {
    }

    /// <summary>
    /// Creates the facade over any <see cref="IApiKeysClient"/> (the generated client or a
    /// test double), with the timeout, retry and logging settings of <paramref name="options"/>.
    /// Authentication is the client's business here; <see cref="KernelClient"/> sets it up.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public ApiKeysService(IApiKeysClient client, KernelClientOptions? options = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        options ??= new KernelClientOptions();
        var problem = KernelOptionsResolver.ValidateBehaviour(options);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _pipeline = KernelClient.CreatePipeline(options.Timeout, options.MaxRetries, options.RetryCreatesWhenOutcomeUnknown, new SecretRedactor(options.ApiKey), options.LoggerFactory);
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
    /// <exception cref="KernelException">Any other failure.</exception>
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
    /// <exception cref="KernelException">Any other failure.</exception>
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

    /// <summary>The plaintext key is the one thing a create must return; an empty one is a broken response.</summary>
    internal static string? CheckCreatedKey(CreatedApiKey key) =>
        string.IsNullOrEmpty(key.Key) ? "the plaintext key ('key') is empty" : null;

    private static T Snapshot<T>(T value) =>
        JsonConvert.DeserializeObject<T>(JsonConvert.SerializeObject(value))!;
}
