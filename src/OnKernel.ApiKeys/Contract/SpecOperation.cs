namespace OnKernel;

/// <summary>
/// One operation of the vendored spec, as the generated <c>SpecOperations</c> table describes
/// it: the facade names operations, paths and results from here, never by hand.
/// </summary>
internal sealed class SpecOperation
{
    internal SpecOperation(string operationId, string method, string path, string resultName)
    {
        OperationId = operationId;
        Method = method;
        Path = path;
        ResultName = resultName;
    }

    public string OperationId { get; }

    public string Method { get; }

    /// <summary>The path template relative to the base URL, e.g. <c>org/api_keys/{id}/rotate</c>.</summary>
    public string Path { get; }

    /// <summary>What a success returns, for messages: <c>CreatedApiKey</c>, <c>list of ApiKey</c>, <c>empty response</c>.</summary>
    public string ResultName { get; }

    public override string ToString() => $"{Method} {Path}";
}
