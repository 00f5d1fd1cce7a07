using Microsoft.Extensions.Logging;

namespace OnKernel;

/// <summary>
/// Every log line the client writes, source-generated (no boxing, no formatting when the
/// level is off) with a stable event id that the README lists: filters and alerts may rely
/// on the ids, so an id is never reused for another message. Paths are templates
/// (<c>org/api_keys/{id}</c>) except in the Trace request-body line. Bodies appear only at
/// Trace and are redacted by the caller; headers are never logged.
/// </summary>
internal static partial class KernelLog
{
    [LoggerMessage(EventId = 1, EventName = "AttemptStarting", Level = LogLevel.Debug,
        Message = "Kernel {Method} {Path}: attempt {Attempt}")]
    public static partial void AttemptStarting(ILogger logger, string method, string path, int attempt);

    [LoggerMessage(EventId = 2, EventName = "AttemptSucceeded", Level = LogLevel.Information,
        Message = "Kernel {Method} {Path} -> {Status} in {ElapsedMs} ms (attempt {Attempt})")]
    public static partial void AttemptSucceeded(ILogger logger, string method, string path, int status, long elapsedMs, int attempt);

    // Status is the HTTP status, or the exception's type name when no response arrived.
    [LoggerMessage(EventId = 3, EventName = "AttemptFailed", Level = LogLevel.Information,
        Message = "Kernel {Method} {Path} -> {Status} in {ElapsedMs} ms (attempt {Attempt})")]
    public static partial void AttemptFailed(ILogger logger, string method, string path, string status, long elapsedMs, int attempt);

    [LoggerMessage(EventId = 4, EventName = "Retrying", Level = LogLevel.Warning,
        Message = "Kernel {Method} {Path}: retrying in {DelayMs} ms after attempt {Attempt} failed: {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string path, long delayMs, int attempt, string reason);

    [LoggerMessage(EventId = 5, EventName = "GoneMeansDone", Level = LogLevel.Information,
        Message = "Kernel {Method} {Path}: 404 on attempt {Attempt} means done by an earlier attempt whose answer was lost")]
    public static partial void GoneMeansDone(ILogger logger, string method, string path, int attempt);

    [LoggerMessage(EventId = 6, EventName = "RequestBody", Level = LogLevel.Trace,
        Message = "Kernel {Method} {Path} request body: {Body}")]
    public static partial void RequestBody(ILogger logger, string method, string? path, string? body);

    [LoggerMessage(EventId = 7, EventName = "ErrorBody", Level = LogLevel.Trace,
        Message = "Kernel {Method} {Path} error body: {Body}")]
    public static partial void ErrorBody(ILogger logger, string method, string path, string body);
}
