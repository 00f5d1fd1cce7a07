namespace OnKernel;

/// <summary>No response was received: the connection failed, was reset, or timed out.</summary>
public class KernelConnectionException : OnKernelException
{
    /// <summary>Creates the exception.</summary>
    public KernelConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>An attempt took longer than <see cref="KernelClientOptions.Timeout"/> (not the caller's cancellation).</summary>
public class KernelTimeoutException : KernelConnectionException
{
    /// <summary>Creates the exception.</summary>
    public KernelTimeoutException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
