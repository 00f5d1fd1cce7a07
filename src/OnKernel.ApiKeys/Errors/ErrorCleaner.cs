using System.Linq;

namespace OnKernel;

/// <summary>
/// A copy of a server's <see cref="Error"/> fit to keep on an exception and print: every
/// string redacted (the caller's key, embedded key fields) and cut to
/// <see cref="ServerText.FieldLimit"/> characters. Each field ends up in Message,
/// ToString() or a log line, so none may carry a secret or megabytes of text.
/// </summary>
internal static class ErrorCleaner
{
    public static Error? Clean(Error? error, SecretRedactor redactor) => error is null ? null : new Error
    {
        Code = Field(error.Code, redactor)!,
        Message = Field(error.Message, redactor)!,
        Details = error.Details?.Select(detail => Clean(detail, redactor)!).ToList(),
        InnerError = Clean(error.InnerError, redactor),
    };

    private static ErrorDetail? Clean(ErrorDetail? detail, SecretRedactor redactor) => detail is null ? null : new ErrorDetail
    {
        Code = Field(detail.Code, redactor),
        Message = Field(detail.Message, redactor),
    };

    // Redact first: cutting first could leave the front half of a secret behind.
    private static string? Field(string? text, SecretRedactor redactor) =>
        ServerText.Truncate(redactor.RedactText(text), ServerText.FieldLimit);
}
