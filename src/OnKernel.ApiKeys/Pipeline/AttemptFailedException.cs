using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace OnKernel;

/// <summary>
/// Carries a failure the transport hooks recognised (a redirect, an oversized body) through
/// the generated client to the pipeline, already in the Kernel exception family. Never
/// reaches a caller: the pipeline unwraps it.
/// </summary>
internal sealed class AttemptFailedException : Exception
{
    private AttemptFailedException(OnKernelException failure, RetryPolicy.Failure observed, bool final)
        : base(failure.Message, failure)
    {
        Failure = failure;
        Observed = observed;
        IsFinal = final;
    }

    public OnKernelException Failure { get; }

    public RetryPolicy.Failure Observed { get; }

    /// <summary>True when the failure is never retried, whatever the status or headers say.</summary>
    public bool IsFinal { get; }

    public static AttemptFailedException Final(OnKernelException failure) =>
        // Stryker disable once Boolean : a final failure is never judged for a retry, so the flag is never read
        new(failure, new RetryPolicy.Failure(null, null, mayHaveReachedServer: true), final: true);

    /// <summary>
    /// A body over <see cref="BoundedContent.MaxBytes"/>. On a 2xx the server acted, so it is an
    /// invalid response, never retried; otherwise it is the status's own error, retried as that status is.
    /// </summary>
    public static AttemptFailedException TooLarge(AttemptContext attempt, HttpResponseMessage response, byte[] prefix)
    {
        var operation = attempt.Operation;
        var status = (int)response.StatusCode;
        const string limit = "the body is larger than the 1 MiB response limit; it was not read to the end";
        if (status is >= 200 and <= 299)
        {
            var createdKey = operation.CreatesKey
                ? $" It was not retried: the key{(operation.RequestedName is null ? "" : $" '{operation.RequestedName}'")} was most likely created, so check the existing keys before trying again."
                : "";
            return Final(new KernelInvalidResponseException($"{operation} answered {status}, but {limit}.{createdKey}", status, rawBody: null));
        }

        var headers = attempt.Redactor.RedactHeaders(ResponseHeaders.Of(response));
        var rawBody = attempt.Redactor.Redact(Encoding.UTF8.GetString(prefix));
        var error = KernelErrorMapper.FromResponse(new KernelErrorResponse(status, null, rawBody, headers));
        error.Reword($"{operation} answered {status}, and {limit} (attempt {attempt.Attempt}).");
        // Stryker disable once Boolean : with a status, whether the server acted is decided by the status, never by this flag
        return new AttemptFailedException(error, new RetryPolicy.Failure(status, error.Headers, mayHaveReachedServer: true), final: false);
    }
}

/// <summary>Response headers as the generated client collects them: the message's and the content's.</summary>
internal static class ResponseHeaders
{
    public static IReadOnlyDictionary<string, IEnumerable<string>> Of(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value;
        }

        if (response.Content is not null)
        {
            foreach (var header in response.Content.Headers)
            {
                headers[header.Key] = header.Value;
            }
        }

        return headers;
    }
}
