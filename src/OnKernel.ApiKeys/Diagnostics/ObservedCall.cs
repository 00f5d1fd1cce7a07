using System.Diagnostics;
using System.Globalization;
using static OnKernel.KernelInstrumentation;

namespace OnKernel;

/// <summary>
/// The telemetry of one SDK call: its span and its duration. Created only when something
/// listens (<see cref="KernelInstrumentation.IsObserved"/>), so a client nobody observes
/// allocates nothing for telemetry. Attributes hold only what is fixed per operation, the
/// server's address, numbers, type names and the bounded error code: never an id, a name,
/// the API key or a key's plaintext, and never server text other than that code.
/// </summary>
internal sealed class ObservedCall
{
    private const int MaxErrorCodeLength = 64;

    private readonly KernelOperation _operation;
    private readonly Uri? _server;
    private readonly long _startedAt;

    private ObservedCall(KernelOperation operation, Uri? server)
    {
        _operation = operation;
        _server = server;
        _startedAt = Duration.Enabled ? Stopwatch.GetTimestamp() : 0;

        // A Client span: the SDK call is a request to a remote service, made of attempts.
        // Started here, it is Activity.Current while HttpClient sends, so HttpClient's
        // per-attempt spans become its children. What is known now goes in at creation,
        // where a sampler can see it (the conventions ask for that).
        if (Source.HasListeners())
        {
            Span = Source.StartActivity(operation.Name, ActivityKind.Client, parentContext: default, tags: StartTags(operation, server));
        }
    }

    public Activity? Span { get; }

    private static ActivityTagsCollection StartTags(KernelOperation operation, Uri? server)
    {
        var tags = new ActivityTagsCollection
        {
            { HttpRequestMethod, operation.Method },
            { UrlTemplate, operation.UrlTemplate },
        };
        if (server is not null)
        {
            tags.Add(ServerAddress, server.Host);
            tags.Add(ServerPort, server.Port);
        }

        if (operation.PageOffset is int offset)
        {
            tags.Add(PageOffset, offset);
            if (operation.PageLimit is int limit)
            {
                tags.Add(PageLimit, limit);
            }
        }

        return tags;
    }

    /// <summary>Null when nobody listens.</summary>
    public static ObservedCall? Start(KernelOperation operation, Uri? server) =>
        // Stryker disable once Conditional : with nobody listening, a call's telemetry starts no span and records nothing
        IsObserved ? new ObservedCall(operation, server) : null;

    public void Succeeded(int status, int attempts)
    {
        if (Span is { IsAllDataRequested: true })
        {
            Span.SetTag(HttpResponseStatusCode, status);
            SetResendCount(attempts);
        }

        RecordDuration(status, errorType: null);
        Span?.Dispose();
    }

    /// <param name="failure">What the call threw.</param>
    /// <param name="canceledByCaller">The caller's own token ended the call: recorded, but not as an error of ours.</param>
    public void Failed(Exception failure, bool canceledByCaller)
    {
        var outcomeUnknown = failure as KernelOutcomeUnknownException;
        var cause = outcomeUnknown?.InnerException ?? failure;
        int? status = cause switch
        {
            KernelApiException api => api.StatusCode,
            KernelInvalidResponseException invalid => invalid.StatusCode,
            _ => null,
        };

        // As the HTTP conventions say: an error status names the error; otherwise the exception type.
        var errorType = status >= 400 ? status.Value.ToString(CultureInfo.InvariantCulture) : failure.GetType().FullName;
        if (Span is { IsAllDataRequested: true })
        {
            if (status is int received)
            {
                Span.SetTag(HttpResponseStatusCode, received);
            }

            Span.SetTag(ErrorType, errorType);
            if (outcomeUnknown is not null)
            {
                Span.SetTag(OutcomeUnknown, true);
            }

            if ((cause as KernelApiException)?.ErrorCode is { Length: > 0 } code)
            {
                // Already redacted and cut at 512 by the error mapping; a tag needs less.
                Span.SetTag(ErrorCode, ServerText.Truncate(code, MaxErrorCodeLength)!);
            }

            if (failure is OnKernelException kernel)
            {
                SetResendCount(kernel.Attempts);
            }
        }

        if (!canceledByCaller)
        {
            // Type and status only: exception messages can quote server text.
            Span?.SetStatus(ActivityStatusCode.Error, status is int s ? $"{failure.GetType().Name} (HTTP {s})" : failure.GetType().Name);
        }

        RecordDuration(status, errorType);
        Span?.Dispose();
    }

    /// <summary>An attempt failed and another follows after <paramref name="delay"/>.</summary>
    public void Retrying(OnKernelException failure, int failedAttempt, TimeSpan delay)
    {
        var recordSpan = Span is { IsAllDataRequested: true };
        // Stryker disable once all : an early exit only: what follows is guarded by the same two conditions
        if (!recordSpan && !Retries.Enabled)
        {
            return;
        }

        var reason = failure switch
        {
            KernelApiException api => api.StatusCode.ToString(CultureInfo.InvariantCulture),
            KernelTimeoutException => "timeout",
            KernelConnectionException => "connection",
            _ => "other",
        };
        if (Retries.Enabled)
        {
            var tags = BaseTags();
            tags.Add(RetryReason, reason);
            Retries.Add(1, tags);
        }

        if (recordSpan)
        {
            Span!.AddEvent(new ActivityEvent(RetryEvent, tags: new ActivityTagsCollection
            {
                { RetryReason, reason },
                { RetryAttempt, failedAttempt },
                { RetryDelay, (long)delay.TotalMilliseconds },
            }));
        }
    }

    private void SetResendCount(int attempts)
    {
        if (attempts > 1)
        {
            Span!.SetTag(ResendCount, attempts - 1);
        }
    }

    private void RecordDuration(int? status, string? errorType)
    {
        if (_startedAt == 0 || !Duration.Enabled)
        {
            return;
        }

        var tags = BaseTags();
        if (status is int received)
        {
            tags.Add(HttpResponseStatusCode, received);
        }

        if (errorType is not null)
        {
            tags.Add(ErrorType, errorType);
        }

        Duration.Record((Stopwatch.GetTimestamp() - _startedAt) / (double)Stopwatch.Frequency, tags);
    }

    private TagList BaseTags()
    {
        var tags = new TagList { { OperationName, _operation.Name }, { HttpRequestMethod, _operation.Method } };
        if (_server is not null)
        {
            tags.Add(ServerAddress, _server.Host);
            tags.Add(ServerPort, _server.Port);
        }

        return tags;
    }
}
