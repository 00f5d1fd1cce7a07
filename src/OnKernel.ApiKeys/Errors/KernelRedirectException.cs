namespace OnKernel;

/// <summary>
/// The request was redirected (3xx). The client never follows a redirect: it would carry
/// the API key, and a create's body, to wherever the server pointed. Nothing further was
/// sent, and the call is not retried. When a caller-owned <see cref="System.Net.Http.HttpClient"/>
/// followed the redirect itself, its answer is discarded and this is thrown too.
/// </summary>
public class KernelRedirectException : KernelApiException
{
    private readonly string _message;

    /// <param name="response">The 3xx response; or, when a caller's handler followed the redirect, what the final address answered.</param>
    /// <param name="message">What happened, naming the operation, the status and the target host.</param>
    /// <param name="location">Where the redirect pointed, when known.</param>
    internal KernelRedirectException(KernelErrorResponse response, string message, Uri? location)
        : base(response)
    {
        _message = message;
        Location = location;
    }

    /// <summary>Where the redirect pointed (the <c>Location</c> header, or the address a caller's handler ended at).</summary>
    public Uri? Location { get; }

    /// <inheritdoc />
    public override string Message => _message;
}
