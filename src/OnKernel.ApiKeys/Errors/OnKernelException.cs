namespace OnKernel;

/// <summary>
/// Base of every exception the Kernel client throws other than argument errors
/// (<see cref="ArgumentException"/> and its subtypes, thrown before any request is sent)
/// and <see cref="OperationCanceledException"/> for the caller's own cancellation.
/// Messages never contain the API key or a created key's plaintext.
/// </summary>
public class OnKernelException : Exception
{
    private string? _message;

    /// <summary>Creates the exception.</summary>
    public OnKernelException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>How many HTTP attempts were made before this exception was thrown (0 when none was).</summary>
    public int Attempts { get; internal set; }

    /// <inheritdoc />
    public override string Message => _message ?? base.Message;

    // Lets the pipeline add what only it knows (the host, the attempts) to a message that
    // a status-based constructor already composed.
    internal void Reword(string message) => _message = message;
}
