using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>How to make one valid call of a spec operation through the facade.</summary>
internal sealed record FacadeOperation(string OperationId, bool CreatesKey, Func<KernelClient, Task> InvokeValid);

/// <summary>
/// The facade method behind each operationId of the spec. Tests enumerate the spec and look
/// operations up here, so a new operation in the spec fails the tests until it is added
/// (and then is covered by the status tests without further work).
/// </summary>
internal static class FacadeOperations
{
    private static readonly Dictionary<string, FacadeOperation> ById = new[]
    {
        // Creates a key: a 5xx other than 503 leaves the outcome unknown (see KernelOutcomeUnknownException).
        new FacadeOperation("postApiKeys", CreatesKey: true, c => c.ApiKeys.CreateAsync("contract-test")),
        new FacadeOperation("listApiKeys", CreatesKey: false, c => c.ApiKeys.ListPageAsync(new ApiKeyListOptions { Limit = 20 })),
        new FacadeOperation("getApiKeysById", CreatesKey: false, c => c.ApiKeys.GetAsync("key_contract")),
        new FacadeOperation("patchApiKeysById", CreatesKey: false, c => c.ApiKeys.UpdateAsync("key_contract", "renamed")),
        new FacadeOperation("deleteApiKeysById", CreatesKey: false, c => c.ApiKeys.DeleteAsync("key_contract")),
        // Rotation issues a new key: the same no-replay rule as a create.
        new FacadeOperation("rotateApiKeysById", CreatesKey: true, c => c.ApiKeys.RotateAsync("key_contract", daysToExpire: 90, expireInDays: 7)),
    }.ToDictionary(o => o.OperationId);

    public static FacadeOperation For(SpecOperation operation) =>
        ById.TryGetValue(operation.OperationId, out var found)
            ? found
            : throw new AssertionException($"The spec has {operation} but FacadeOperations has no facade call for it; add one.");

    public static bool Covers(SpecOperation operation) => ById.ContainsKey(operation.OperationId);
}
