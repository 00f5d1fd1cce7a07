using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OnKernel;

/// <summary>Response headers with case-insensitive names, plus typed access to Kernel's common ones.</summary>
public sealed class KernelHeaders : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values;

    private KernelHeaders(Dictionary<string, IReadOnlyList<string>> values) => _values = values;

    /// <summary>No headers.</summary>
    public static KernelHeaders Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase));

    internal static KernelHeaders From(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return Empty;
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in headers)
        {
            values[pair.Key] = pair.Value.ToList();
        }

        return new KernelHeaders(values);
    }

    /// <summary>The first value of a header, or null.</summary>
    public string? GetFirst(string name) =>
        _values.TryGetValue(name, out var list) && list.Count > 0 ? list[0] : null;

    /// <summary>A header's first value as a whole number, or null when absent or not a number.</summary>
    public long? GetInt64(string name) =>
        long.TryParse(GetFirst(name)?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary><c>X-RateLimit-Limit</c>: requests allowed in the current window.</summary>
    public long? RateLimitLimit => GetInt64("X-RateLimit-Limit");

    /// <summary><c>X-RateLimit-Remaining</c>: requests left in the current window.</summary>
    public long? RateLimitRemaining => GetInt64("X-RateLimit-Remaining");

    /// <inheritdoc />
    public IReadOnlyList<string> this[string key] => _values[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    public IEnumerable<IReadOnlyList<string>> Values => _values.Values;

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out IReadOnlyList<string> value) => _values.TryGetValue(key, out value!);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
