namespace OnKernel;

/// <summary>Kernel error codes (<see cref="KernelApiException.ErrorCode"/>) that callers commonly handle.</summary>
public static class KernelErrorCodes
{
    /// <summary>A DELETE of the API key that authenticates the request: a key cannot delete itself.</summary>
    public const string CannotDeleteCurrentKey = "cannot_delete_current_key";
}
