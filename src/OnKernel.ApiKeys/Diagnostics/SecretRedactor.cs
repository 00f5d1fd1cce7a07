using System.Text.RegularExpressions;

namespace OnKernel;

/// <summary>
/// Removes secrets from text the client keeps or logs: the caller's API key wherever it
/// appears, and the value of any JSON <c>key</c> field (a created key's plaintext), also
/// when the body was cut off in the middle of that value.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    // "key": "anything up to the closing quote, or to the end of a truncated body"
    private static readonly Regex KeyField = new("\"key\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)", RegexOptions.CultureInvariant);

    [System.Diagnostics.DebuggerBrowsable(System.Diagnostics.DebuggerBrowsableState.Never)]
    private readonly string? _apiKey;

    public SecretRedactor(string? apiKey) => _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;

    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = KeyField.Replace(text!, "\"key\":\"" + Mask + "\"");
        return _apiKey is null ? result : result.Replace(_apiKey, Mask);
    }
}
