namespace OnKernel;

/// <summary>
/// Bounds text that came from the server before it reaches an exception message, property
/// or log line: a broken or hostile server can send megabytes where a word is expected.
/// </summary>
internal static class ServerText
{
    /// <summary>The longest error code, message or detail kept from a response.</summary>
    public const int FieldLimit = 512;

    /// <summary>The longest exception message built around server text (a parser's complaint quoting a path, say).</summary>
    public const int MessageLimit = 2048;

    /// <summary>The longest header value quoted in a message.</summary>
    public const int QuoteLimit = 64;

    public const string Marker = "…[truncated]";

    public static string? Truncate(string? text, int limit) =>
        text is null || text.Length <= limit ? text : text.Substring(0, SafeCut(text, limit)) + Marker;

    /// <summary>Ends a clause with a full stop when it has no closing punctuation, so that messages built from parts read as sentences.</summary>
    public static string AsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[trimmed.Length - 1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }

    // Never cut between the halves of a surrogate pair: that would leave a lone surrogate.
    private static int SafeCut(string text, int limit) =>
        limit > 0 && char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
}
