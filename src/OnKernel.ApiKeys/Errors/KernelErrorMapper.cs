using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OnKernel;

/// <summary>
/// Turns what the generated client throws into the Kernel exception family, so callers
/// only ever meet that family. Everything kept on the result that came from the server
/// (body, error fields, headers) is redacted, and the error fields are bounded in length.
/// </summary>
internal static class KernelErrorMapper
{
    public static KernelApiException FromGenerated(ApiKeysClientException generated, KernelOperation operation, SecretRedactor redactor, DateTimeOffset? receivedAt = null)
    {
        var rawBody = redactor.Redact(generated.Response);
        var status = generated.StatusCode;

        // Stryker disable once NullCoalescing : the generated client's Error and TryParseError read the same body into the same Error
        var error = ErrorCleaner.Clean((generated as ApiKeysClientException<Error>)?.Result ?? TryParseError(generated.Response), redactor);

        if (error?.Code == KernelErrorCodes.CannotDeleteCurrentKey)
        {
            // Say plainly what the code means and what to do about it.
            error.Message = $"{error.Message} (an API key cannot delete itself: authenticate with another key to delete this one)";
        }

        return FromResponse(new KernelErrorResponse(status, error, rawBody, redactor.RedactHeaders(generated.Headers), receivedAt));
    }

    /// <summary>The one status -> exception type map.</summary>
    public static KernelApiException FromResponse(KernelErrorResponse response) => response.StatusCode switch
    {
        400 => new KernelBadRequestException(response),
        401 => new KernelAuthenticationException(response),
        403 => new KernelPermissionDeniedException(response),
        404 => new KernelNotFoundException(response),
        409 => new KernelConflictException(response),
        422 => new KernelUnprocessableEntityException(response),
        429 => new KernelRateLimitException(response),
        >= 500 => new KernelServerException(response),
        _ => new KernelApiException(response),
    };

    // An undeclared status (409, 429, 503...) still usually carries Kernel's Error body.
    private static Error? TryParseError(string? body)
    {
        // Stryker disable once Block : a quick exit only: the parse below refuses the same text and returns null from its catch
        if (string.IsNullOrWhiteSpace(body) || body!.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            var token = JObject.Parse(body);
            return token["code"]?.Type == JTokenType.String ? token.ToObject<Error>() : null;
        }
        // Stryker disable once Block : the method returns null after the catch either way
        catch (JsonException)
        {
            return null;
        }
    }
}
