using System.Globalization;

namespace OnKernel.Testing.Server;

/// <summary>
/// A request's query string, with the spec's checks for each parameter kind: a value that
/// is not a number, not a boolean, outside its bounds or not in its enum is a 400.
/// Unknown parameters are ignored; a repeated one counts by its first value.
/// </summary>
internal sealed class QueryParameters
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public QueryParameters(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        foreach (var pair in query.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair.Substring(0, equals));
            var value = equals < 0 ? string.Empty : Decode(pair.Substring(equals + 1));
            if (!_values.ContainsKey(name))
            {
                _values.Add(name, value);
            }
        }
    }

    public string? String(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public int Integer(string name, Bounds bounds, int defaultValue)
    {
        var text = String(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || !bounds.Contains(value))
        {
            throw FakeApiError.BadRequest($"Query parameter {name} must be an integer, {bounds}; got '{text}'.");
        }

        return (int)value;
    }

    public bool? Boolean(string name)
    {
        var text = String(name);
        return text switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => throw FakeApiError.BadRequest($"Query parameter {name} must be true or false; got '{text}'."),
        };
    }

    /// <summary>One of <paramref name="allowed"/> (exact, as the spec's enum), or null when absent.</summary>
    public string? Enum(string name, params string[] allowed)
    {
        var text = String(name);
        if (text is null || Array.IndexOf(allowed, text) >= 0)
        {
            return text;
        }

        throw FakeApiError.BadRequest($"Query parameter {name} must be one of {string.Join(", ", allowed)}; got '{text}'.");
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
