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
    public static KernelApiException FromGenerated(ApiKeysClientException generated, KernelOperation operation, SecretRedactor redactor)
    {
        var rawBody = redactor.Redact(generated.Response);
        var status = generated.StatusCode;

        var error = ErrorCleaner.Clean((generated as ApiKeysClientException<Error>)?.Result ?? TryParseError(generated.Response), redactor);

        if (error?.Code == KernelErrorCodes.CannotDeleteCurrentKey)
        {
            // Say plainly what the code means and what to do about it.
            error.Message = $"{error.Message} (an API key cannot delete itself: authenticate with another key to delete this one)";
        }

        return FromStatus(status, error, rawBody, redactor.RedactHeaders(generated.Headers));
    }

    public static KernelApiException FromStatus(int status, Error? error, string? rawBody, IReadOnlyDictionary<string, IEnumerable<string>>? headers) => status switch
    {
        400 => new KernelBadRequestException(status, error, rawBody, headers),
        401 => new KernelAuthenticationException(status, error, rawBody, headers),
        403 => new KernelPermissionDeniedException(status, error, rawBody, headers),
        404 => new KernelNotFoundException(status, error, rawBody, headers),
        409 => new KernelConflictException(status, error, rawBody, headers),
        422 => new KernelUnprocessableEntityException(status, error, rawBody, headers),
        429 => new KernelRateLimitException(status, error, rawBody, headers),
        >= 500 => new KernelServerException(status, error, rawBody, headers),
        _ => new KernelApiException(status, error, rawBody, headers),
    };

    // An undeclared status (409, 429, 503...) still usually carries Kernel's Error body.
    private static Error? TryParseError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body!.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            var token = JObject.Parse(body);
            return token["code"]?.Type == JTokenType.String ? token.ToObject<Error>() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
