using System.Collections;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;

namespace OnKernel;

/// <summary>
/// The headers the generated client hands on with a response or an error (the generator host
/// puts this where NSwag copied every header into a new dictionary on every call). The copy is
/// the same one NSwag made: response headers, then content headers overriding a name they share,
/// names compared as written. It is only made when something reads the headers, which most
/// calls never do; one header asked for by name (paging, rate limits) is read without it.
/// </summary>
/// <remarks>
/// Holds the two header collections, not the response: the response links to its request, and
/// the request carries the API key, which nothing kept from a response may reach. The content is
/// the one that arrived; the pipeline's wrapper (BoundedContent) is put in place only afterwards.
/// </remarks>
internal sealed class ResponseHeaderView : IReadOnlyDictionary<string, IEnumerable<string>>
{
    private readonly HttpResponseHeaders _headers;
    private readonly HttpContentHeaders? _contentHeaders;
    private Dictionary<string, IEnumerable<string>>? _copy;

    public ResponseHeaderView(HttpResponseMessage response)
    {
        _headers = response.Headers;
        _contentHeaders = response.Content?.Headers;
    }

    public int Count => Copy.Count;

    public IEnumerable<string> Keys => Copy.Keys;

    public IEnumerable<IEnumerable<string>> Values => Copy.Values;

    public IEnumerable<string> this[string key] => Copy[key];

    public bool ContainsKey(string key) => Copy.ContainsKey(key);

    public bool TryGetValue(string key, out IEnumerable<string> value) => Copy.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => Copy.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The first value of a header, names compared ignoring case, a content header winning over a
    /// response header of the same name (as in the copy): what KernelHeaders.GetFirst needs, without the copy.
    /// </summary>
    public string? First(string name)
    {
        string? first = null;
        if (_contentHeaders is not null && _contentHeaders.TryGetValues(name, out var contentValues))
        {
            first = FirstOf(contentValues);
        }

        if (first is null && _headers.TryGetValues(name, out var values))
        {
            first = FirstOf(values);
        }

        return first;
    }

    private static string? FirstOf(IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            return value;
        }

        return null;
    }

    // Racing readers may each build a copy; they are equal, and one wins.
    private Dictionary<string, IEnumerable<string>> Copy =>
        Volatile.Read(ref _copy) ?? Interlocked.CompareExchange(ref _copy, Build(), null) ?? _copy!;

    private Dictionary<string, IEnumerable<string>> Build()
    {
        var copy = new Dictionary<string, IEnumerable<string>>();
        foreach (var header in _headers)
        {
            copy[header.Key] = header.Value;
        }

        if (_contentHeaders is not null)
        {
            foreach (var header in _contentHeaders)
            {
                copy[header.Key] = header.Value;
            }
        }

        return copy;
    }
}
