namespace OnKernel;

/// <summary>
/// A request that creates a key (create or rotate) failed in a way that leaves its outcome
/// unknown: it timed out after being sent, the connection broke mid-response, or Kernel
/// answered 500/502/504. The key may exist. It was not retried, because a retry could
/// create a second live key; list the keys (or look for <see cref="RequestedName"/>) before
/// trying again. <see cref="Exception.InnerException"/> holds the failure itself.
/// </summary>
public class KernelOutcomeUnknownException : OnKernelException
{
    /// <summary>Creates the exception.</summary>
    public KernelOutcomeUnknownException(string operation, string? requestedName, OnKernelException cause)
        : base(FormatMessage(operation, requestedName, cause), cause)
    {
        Operation = operation;
        RequestedName = requestedName;
    }

    /// <summary>The operation, e.g. <c>POST org/api_keys</c>.</summary>
    public string Operation { get; }

    /// <summary>The name requested for the key, when the operation named one.</summary>
    public string? RequestedName { get; }

    private static string FormatMessage(string operation, string? name, OnKernelException cause) =>
        $"{operation} failed and the key may have been created{(name is null ? "" : $" (name '{name}')")}: {ServerText.AsSentence(cause.Message)} " +
        "It was not retried, to avoid a duplicate key; check the existing keys before trying again.";
}
