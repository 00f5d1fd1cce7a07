namespace OnKernel;

/// <summary>What the pipeline needs to know about a call: how to name it, and whether replaying it could create a second key.</summary>
internal sealed class KernelOperation
{
    private string? _urlTemplate;

    public KernelOperation(string method, string path, string resultName, bool createsKey = false, string? requestedName = null, bool goneMeansDone = false,
        string? name = null)
    {
        GoneMeansDone = goneMeansDone;
        Method = method;
        Path = path;
        ResultName = resultName;
        CreatesKey = createsKey;
        RequestedName = requestedName;
        Name = name ?? $"{method} {path}";
    }

    /// <summary>An operation as the generated <c>SpecOperations</c> table describes it, with what the facade knows about its effects.</summary>
    public KernelOperation(SpecOperation spec, string name, bool createsKey = false, string? requestedName = null, bool goneMeansDone = false)
        : this(spec.Method, spec.Path, spec.ResultName, createsKey, requestedName, goneMeansDone, name)
    {
    }

    private KernelOperation(KernelOperation operation, int? pageLimit, int pageOffset)
        : this(operation.Method, operation.Path, operation.ResultName, operation.CreatesKey, operation.RequestedName, operation.GoneMeansDone, operation.Name)
    {
        PageLimit = pageLimit;
        PageOffset = pageOffset;
    }

    /// <summary>
    /// The SDK call's name in traces and metrics (<c>ApiKeys.Create</c>, <c>ApiKeys.ListPage</c>...):
    /// fixed per operation, so it never carries an id or a name a caller passed.
    /// </summary>
    public string Name { get; }

    public string Method { get; }

    /// <summary>The path template relative to the base URL, e.g. <c>org/api_keys</c>.</summary>
    public string Path { get; }

    /// <summary>The path template as OpenTelemetry's <c>url.template</c> spells it, e.g. <c>/org/api_keys/{id}/rotate</c>.</summary>
    // Built on first use: only a recorded span needs it, and create makes an operation per call.
    // Stryker disable once Assignment : caching only: every call computes the same text
    public string UrlTemplate => _urlTemplate ??= "/" + Path;

    public string ResultName { get; }

    /// <summary>True for create and rotate: not idempotent, each success makes a live key.</summary>
    public bool CreatesKey { get; }

    public string? RequestedName { get; }

    /// <summary>
    /// True for delete: a 404 on a retry, after an attempt that may have succeeded, means
    /// that attempt did the work; reporting "not found" then would be wrong.
    /// </summary>
    public bool GoneMeansDone { get; }

    /// <summary>For a list page: the page size asked for (null: Kernel's default).</summary>
    public int? PageLimit { get; }

    /// <summary>For a list page: the offset it starts at; null for every other operation.</summary>
    public int? PageOffset { get; }

    /// <summary>This list operation for one page, so that its span can say which page it fetched.</summary>
    public KernelOperation ForPage(int? limit, int offset) => new(this, limit, offset);

    public override string ToString() => $"{Method} {Path}";
}
