namespace OnKernel;

/// <summary>What the pipeline needs to know about a call: how to name it, and whether replaying it could create a second key.</summary>
internal sealed class KernelOperation
{
    public KernelOperation(string method, string path, string resultName, bool createsKey = false, string? requestedName = null, bool goneMeansDone = false)
    {
        GoneMeansDone = goneMeansDone;
        Method = method;
        Path = path;
        ResultName = resultName;
        CreatesKey = createsKey;
        RequestedName = requestedName;
    }

    /// <summary>An operation as the generated <c>SpecOperations</c> table describes it, with what the facade knows about its effects.</summary>
    public KernelOperation(SpecOperation spec, bool createsKey = false, string? requestedName = null, bool goneMeansDone = false)
        : this(spec.Method, spec.Path, spec.ResultName, createsKey, requestedName, goneMeansDone)
    {
    }

    public string Method { get; }

    /// <summary>The path template relative to the base URL, e.g. <c>org/api_keys</c>.</summary>
    public string Path { get; }

    public string ResultName { get; }

    /// <summary>True for create and rotate: not idempotent, each success makes a live key.</summary>
    public bool CreatesKey { get; }

    public string? RequestedName { get; }

    /// <summary>
    /// True for delete: a 404 on a retry, after an attempt that may have succeeded, means
    /// that attempt did the work; reporting "not found" then would be wrong.
    /// </summary>
    public bool GoneMeansDone { get; }

    public override string ToString() => $"{Method} {Path}";
}
