using System.Threading;
using System.Threading.Tasks;

namespace OnKernel;

// What each operation sends, validated once and shared by its two methods (the value alone, and
// WithResponse): arguments checked before anything is sent, then the generated client's call.
public partial class ApiKeysService
{
    // Shared functions for the calls made most: no closure or delegate per call (KernelCall).
    private static readonly Func<IApiKeysClient, object, CancellationToken, Task<ApiKeysClientResponse<CreatedApiKey>>> SendCreate =
        static (client, body, ct) => client.PostApiKeysAsync((CreateApiKeyRequest)body, ct);

    private static readonly Func<IApiKeysClient, object, CancellationToken, Task<ApiKeysClientResponse<ApiKey>>> SendGet =
        static (client, id, ct) => client.GetApiKeysByIdAsync((string)id, null, ct);

    private static readonly Func<IApiKeysClient, object, CancellationToken, Task<ApiKeysClientResponse<ApiKey>>> SendGetIncludingDeleted =
        static (client, id, ct) => client.GetApiKeysByIdAsync((string)id, true, ct);

    private (KernelOperation Operation, KernelCall<CreatedApiKey> Call) Create(CreateApiKeyRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        // Validate and send a copy: every retry sends exactly what was validated, whatever
        // the caller does with their object meanwhile (even while it is being validated).
        var snapshot = RequestSnapshot.Of(request);
        ApiKeyValidation.ValidateCreate(snapshot.Name, snapshot.DaysToExpire, snapshot.ProjectId, nameof(request), nameof(request), nameof(request));
        return CreateValidated(snapshot);
    }

    // A validated request that no caller holds: every attempt sends it as it is.
    private (KernelOperation Operation, KernelCall<CreatedApiKey> Call) CreateValidated(CreateApiKeyRequest validated)
    {
        var operation = new KernelOperation(SpecOperations.PostApiKeys, "ApiKeys.Create", createsKey: true, requestedName: validated.Name);
        return (operation, KernelCall<CreatedApiKey>.Of(_client, validated, SendCreate));
    }

    private KernelCall<ApiKey> GetCall(string id, bool includeDeleted)
    {
        ApiKeyValidation.ValidateId(id, nameof(id));
        return KernelCall<ApiKey>.Of(_client, id, includeDeleted ? SendGetIncludingDeleted : SendGet);
    }

    private KernelCall<ApiKey> UpdateCall(string id, string name)
    {
        ApiKeyValidation.ValidateUpdate(id, name);
        var body = new UpdateApiKeyRequest { Name = name };
        return KernelCall<ApiKey>.Of(ct => _client.PatchApiKeysByIdAsync(body, id, ct));
    }

    private KernelCall<CreatedApiKey> RotateCall(string id, int? daysToExpire, int? expireInDays)
    {
        ApiKeyValidation.ValidateRotate(id, daysToExpire, expireInDays);
        var body = new RotateApiKeyRequest { DaysToExpire = daysToExpire, ExpireInDays = expireInDays };
        return KernelCall<CreatedApiKey>.Of(ct => _client.RotateApiKeysByIdAsync(id, body, ct));
    }
}
