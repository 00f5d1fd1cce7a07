using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace OnKernel;

// How KernelApiKeysClient reads responses (see there): with the one serializer, through pooled
// character buffers, and the pipeline's bounded body without a task when it is already in.
internal partial class ApiKeysClient
{
    private ValueTask<ObjectResponseResult<T>> ReadWithOwnSerializerAsync<T>(HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, CancellationToken cancellationToken)
    {
        if (response.Content is BoundedContent bounded)
        {
            // The pipeline's bounded body, read without HttpContent's buffering on top of it; a body
            // that is already in (the usual case) is parsed without a task or a state machine.
            var reading = bounded.ReadAsTextAsync();
            // Stryker disable once Conditional : a fast path only: awaiting a completed read parses the same text
            return reading.IsCompletedSuccessfully
                ? new ValueTask<ObjectResponseResult<T>>(Parse<T>(response, headers, reading.Result))
                : new ValueTask<ObjectResponseResult<T>>(ParseAsync<T>(response, headers, reading));
        }

        return new ValueTask<ObjectResponseResult<T>>(ReadUnboundedAsync<T>(response, headers, cancellationToken));
    }

    private async Task<ObjectResponseResult<T>> ParseAsync<T>(HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, ValueTask<string> reading) =>
        Parse<T>(response, headers, await reading.ConfigureAwait(false));

    // The generated client used on its own (no pipeline around it, as in the protocol tests).
    private async Task<ObjectResponseResult<T>> ReadUnboundedAsync<T>(HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, CancellationToken cancellationToken)
    {
        // Stryker disable once all : a response's Content is never null on .NET 5+ (the mutated build); .NET Framework's can be
        if (response.Content is null)
        {
            return new ObjectResponseResult<T>(default!, string.Empty);
        }

#if NET5_0_OR_GREATER
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
#else
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
#endif
        return Parse<T>(response, headers, text);
    }

    private ObjectResponseResult<T> Parse<T>(HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, string text)
    {
        try
        {
            // Stryker disable once Initializer : pooled buffers only: the reader reads the same
            using var reader = new JsonTextReader(new StringReader(text)) { ArrayPool = PooledJsonCharPool.Instance };
            return new ObjectResponseResult<T>(Serializer.Deserialize<T>(reader)!, text);
        }
        catch (JsonException exception)
        {
            throw new ApiKeysClientException("Could not deserialize the response body string as " + typeof(T).FullName + ".", (int)response.StatusCode, text, headers, exception);
        }
    }
}
