using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace OnKernel;

/// <summary>
/// Removes secrets from text the client keeps or logs: the caller's API key wherever it
/// appears, and the value of any <c>key</c> field (a created key's plaintext). A JSON body
/// is redacted by structure (<see cref="JsonSecretWalk"/>: any spelling, escaping or depth
/// of the name, any type of value); other text by pattern, which also covers a body cut
/// off in the middle of a key's value.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    // "key": "anything up to the closing quote, or to the end of a truncated body". The name
    // may be in any case and \u-escaped letter by letter, as JSON allows. Built on first use
    // (through KeyFieldPattern's type initializer): parsing it costs start-up time, and a
    // successful call never needs it.
    private static Regex KeyField => KeyFieldPattern.Value;

    [System.Diagnostics.DebuggerBrowsable(System.Diagnostics.DebuggerBrowsableState.Never)]
    private readonly string? _apiKey;

    public SecretRedactor(string? apiKey) => _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;

    /// <summary>Redacts a body: by structure when it is JSON, by pattern otherwise.</summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        return JsonSecretWalk.TryRedact(text!, this) ?? RedactText(text);
    }

    /// <summary>Redacts one piece of free text (an error message, a header value): the caller's key and any embedded <c>key</c> field.</summary>
    public string? RedactText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Every match of the key-field pattern starts with a quote; most text (header
        // values above all) has none, and is spared the regular expression.
        // Stryker disable once Conditional : spares text without a quote the regular expression, which could not match it (every match starts with a quote)
        var result = text!.IndexOf('"') < 0 ? text : KeyField.Replace(text, "\"key\":\"" + Mask + "\"");
        return RedactApiKey(result);
    }

    /// <summary>Replaces the caller's API key only (for text that has been redacted by structure).</summary>
    public string RedactApiKey(string text) => _apiKey is null ? text : text.Replace(_apiKey, Mask);

    /// <summary>True when <paramref name="text"/> holds the caller's API key.</summary>
    public bool ContainsApiKey(string text) => _apiKey is not null && text.IndexOf(_apiKey, StringComparison.Ordinal) >= 0;

    /// <summary>A copy of response headers with every value redacted as free text.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>>? RedactHeaders(IReadOnlyDictionary<string, IEnumerable<string>>? headers) =>
        headers?.ToDictionary(pair => pair.Key, pair => (IEnumerable<string>)pair.Value.Select(value => RedactText(value)!).ToList(), StringComparer.OrdinalIgnoreCase);

    private static class KeyFieldPattern
    {
        public static readonly Regex Value = new(
            "\"(?:k|\\\\u00[46]b)(?:e|\\\\u00[46]5)(?:y|\\\\u00[57]9)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }
}
