using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace OnKernel;

/// <summary>
/// Adds Kernel's headers to each request: <c>Authorization: Bearer</c>, <c>User-Agent:
/// Kernel/CSharp &lt;version&gt;</c> and <c>X-Kernel-Project-Id</c> (<c>Accept: application/json</c>
/// comes with the generated request, the DELETE's from the generator host). Headers go on the request,
/// never on <see cref="HttpClient.DefaultRequestHeaders"/>, so a caller's shared HttpClient is
/// left as it was.
/// </summary>
internal sealed class KernelRequestPreparer
{
    public const string ProjectHeader = "X-Kernel-Project-Id";

    public static readonly string UserAgent = "Kernel/CSharp " + PackageInfo.Version;

    [System.Diagnostics.DebuggerBrowsable(System.Diagnostics.DebuggerBrowsableState.Never)]
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string? _projectId;
    private readonly SecretRedactor _redactor;
    private readonly ILogger? _logger;

    public KernelRequestPreparer(string apiKey, string? projectId, SecretRedactor redactor, ILogger? logger)
    {
        _authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _projectId = projectId;
        _redactor = redactor;
        _logger = logger;
    }

    public void Prepare(HttpRequestMessage request)
    {
        // Accept comes with the generated request (the generator host adds it to the DELETE,
        // which NSwag leaves without one).
        request.Headers.Authorization = _authorization;
        // The generated client builds a new request per attempt and sets neither header; a
        // caller's DefaultRequestHeaders are merged only at send time, and never over these.
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (_projectId is not null)
        {
            request.Headers.TryAddWithoutValidation(ProjectHeader, _projectId);
        }

        if (_logger is not null && _logger.IsEnabled(LogLevel.Trace) && BodyText(request.Content) is { } body)
        {
            KernelLog.RequestBody(_logger, request.Method.Method, request.RequestUri?.AbsolutePath, _redactor.Redact(body));
        }
    }

    // Read without buffering the content: a buffered content is written to the connection
    // without the calls that tell the attempt its body started going out.
    private static string? BodyText(HttpContent? content) => content switch
    {
        JsonRequestContent json => json.Text,
        // StringContent is already in memory: reading it here does not block on I/O.
        StringContent text => text.ReadAsStringAsync().GetAwaiter().GetResult(),
        _ => null,
    };
}
