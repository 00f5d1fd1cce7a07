using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace OnKernel;

/// <summary>Response headers with case-insensitive names, plus typed access to Kernel's common ones.</summary>
public sealed class KernelHeaders : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    // Built on first use: most calls never look at the headers, so a response keeps the
    // generated client's own header dictionary and copies (and redacts) it only when asked.
    private Dictionary<string, IReadOnlyList<string>>? _values;
    private readonly IReadOnlyDictionary<string, IEnumerable<string>>? _source;
    private readonly SecretRedactor? _redactor;

    private KernelHeaders(Dictionary<string, IReadOnlyList<string>> values) => _values = values;

    private KernelHeaders(IReadOnlyDictionary<string, IEnumerable<string>> source, SecretRedactor redactor)
    {
        _source = source;
        _redactor = redactor;
    }

    /// <summary>No headers.</summary>
    public static KernelHeaders Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase));

    internal static KernelHeaders From(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return Empty;
        }

        return new KernelHeaders(Copy(headers, redactor: null));
    }

    /// <summary>Headers as a server sent them, every value redacted (a header can echo a secret back) when first read.</summary>
    // A ResponseHeaderView is not asked its Count: that would make the copy it exists to avoid.
    internal static KernelHeaders Redacted(IReadOnlyDictionary<string, IEnumerable<string>>? headers, SecretRedactor redactor) =>
        headers is null || (headers is not ResponseHeaderView && headers.Count == 0) ? Empty : new KernelHeaders(headers, redactor);

    /// <summary>The first value of a header, or null.</summary>
    public string? GetFirst(string name)
    {
        // Stryker disable once Logical,Equality,Block : a fast path only: the full copy gives the same first value
        if (Volatile.Read(ref _values) is null && _source is not null)
        {
            // One header asked for (paging, rate limits): read it alone, without building the rest.
            return _source is ResponseHeaderView view ? _redactor!.RedactText(view.First(name)) : FirstFromSource(name);
        }

        return Map.TryGetValue(name, out var list) && list.Count > 0 ? list[0] : null;
    }

    /// <summary>A header's first value as a whole number, or null when absent or not a number.</summary>
    public long? GetInt64(string name) =>
        long.TryParse(GetFirst(name)?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary><c>X-RateLimit-Limit</c>: requests allowed in the current window.</summary>
    public long? RateLimitLimit => GetInt64("X-RateLimit-Limit");

    /// <summary><c>X-RateLimit-Remaining</c>: requests left in the current window.</summary>
    public long? RateLimitRemaining => GetInt64("X-RateLimit-Remaining");

    /// <inheritdoc />
    public IReadOnlyList<string> this[string key] => Map[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => Map.Keys;

    /// <inheritdoc />
    public IEnumerable<IReadOnlyList<string>> Values => Map.Values;

    /// <inheritdoc />
    public int Count => Map.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => Map.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out IReadOnlyList<string> value) => Map.TryGetValue(key, out value!);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() => Map.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Racing readers may each build a copy; they are equal, and one wins.
    private Dictionary<string, IReadOnlyList<string>> Map =>
        Volatile.Read(ref _values) ?? Interlocked.CompareExchange(ref _values, Copy(_source!, _redactor), null) ?? _values!;

    private static Dictionary<string, IReadOnlyList<string>> Copy(IReadOnlyDictionary<string, IEnumerable<string>> headers, SecretRedactor? redactor)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in headers)
        {
            var list = new List<string>();
            foreach (var value in pair.Value)
            {
                list.Add(redactor is null ? value : redactor.RedactText(value)!);
            }

            values[pair.Key] = list;
        }

        return values;
    }

    private string? FirstFromSource(string name)
    {
        // The same answer the copy would give: names compared ignoring case, a later
        // duplicate (a content header named like a response header) winning.
        string? first = null;
        foreach (var pair in _source!)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                first = null;
                foreach (var value in pair.Value)
                {
                    first = value;
                    break;
                }
            }
        }

        // Stryker disable once Conditional : RedactText(null) is null too
        return first is null ? null : _redactor!.RedactText(first);
    }
}
