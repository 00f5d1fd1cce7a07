namespace OnKernel;

/// <summary>
/// The copy of a caller's request that is validated and then sent, on every attempt: a
/// retry sends exactly what was checked, whatever the caller does to their object
/// meanwhile. A field-by-field copy (the request types are plain objects): a JSON round
/// trip did the same at the cost of a second serialization per call.
/// RequestSnapshotTests fails if a regenerated request type gains a property this misses.
/// </summary>
internal static class RequestSnapshot
{
    public static CreateApiKeyRequest Of(CreateApiKeyRequest request) => new()
    {
        Name = request.Name,
        DaysToExpire = request.DaysToExpire,
        ProjectId = request.ProjectId,
    };
}
