using System.Net.Http;

namespace OnKernel;

// Hand-written half of the generated ApiKeysClient (the other half is generated into
// obj/ from openapi/kernel.yaml by build/NSwagGeneration.targets). Only NSwag's
// extension points are used here; the generated file is never edited.

/// <summary>
/// The generated low-level client for Kernel's API Keys endpoints: one method per
/// operation of the vendored OpenAPI document, no validation, no retries. Most callers
/// want <see cref="KernelClient"/> instead.
/// </summary>
internal partial class ApiKeysClient
{
    private KernelRequestPreparer? _requestPreparer;
    private readonly bool _parsesWithOwnSerializer;
    private Newtonsoft.Json.JsonSerializer? _serializer;

    /// <summary>Creates a client whose requests carry the Kernel headers (authentication, user agent, project).</summary>
    internal ApiKeysClient(HttpClient httpClient, KernelRequestPreparer requestPreparer, Uri baseUrl)
        : this(httpClient, requestPreparer, baseUrl, parsesWithOwnSerializer: false)
    {
    }

    private protected ApiKeysClient(HttpClient httpClient, KernelRequestPreparer requestPreparer, Uri baseUrl, bool parsesWithOwnSerializer)
        : this(httpClient)
    {
        _requestPreparer = requestPreparer;
        _parsesWithOwnSerializer = parsesWithOwnSerializer;
        BaseUrl = baseUrl.AbsoluteUri;
    }

    partial void Initialize()
    {
        // Keep the response text next to the parsed object, so that error mapping can
        // report the body of a failed or unreadable response.
        ReadResponseAsString = true;
    }

    // The generated client's serializer settings: required properties checked without a
    // dictionary per parsed object (see RequiredPropertiesResolver).
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) =>
        settings.ContractResolver = RequiredPropertiesResolver.Instance;

    /// <summary>
    /// A request body as JSON text (the generator host puts this where NSwag called
    /// <c>JsonConvert.SerializeObject(body, JsonSerializerSettings)</c>): the same text, written by
    /// one serializer made from the generated settings alone, into a per-thread builder through
    /// pooled buffers. What is sent no longer depends on the process-wide JsonConvert.DefaultSettings
    /// that any other code may set.
    /// </summary>
    private string SerializeRequestBody(object body)
    {
        var serializer = Serializer;
        var text = TextBuilderCache.Acquire();
        using (var writer = new System.IO.StringWriter(text, System.Globalization.CultureInfo.InvariantCulture))
        // Stryker disable once Initializer : pooled buffers only, and the generated settings' formatting is the writer's own default: the same text
        using (var json = new Newtonsoft.Json.JsonTextWriter(writer) { ArrayPool = PooledJsonCharPool.Instance, Formatting = serializer.Formatting })
        {
            serializer.Serialize(json, body);
        }

        return TextBuilderCache.Release(text);
    }

    /// <summary>
    /// A parsed response (the generator host calls this where NSwag awaited ReadObjectResponseAsync):
    /// NSwag's own reading, or, for KernelClient's client, <see cref="KernelApiKeysClient"/>'s, which
    /// reads the pipeline's bounded body and returns a body that is already in without a task. A
    /// flag rather than a virtual method: a generic virtual call is looked up at run time, per call.
    /// </summary>
    private System.Threading.Tasks.ValueTask<ObjectResponseResult<T>> ReadResponseAsync<T>(
        HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, System.Threading.CancellationToken cancellationToken) =>
        _parsesWithOwnSerializer
            ? ReadWithOwnSerializerAsync<T>(response, headers, cancellationToken)
            : new(ReadObjectResponseAsync<T>(response, headers, cancellationToken));

    /// <summary>
    /// The client's one serializer, made from the generated settings alone (never the process-wide
    /// JsonConvert.DefaultSettings): it writes request bodies, and KernelApiKeysClient reads responses with it.
    /// </summary>
    // Stryker disable once Assignment : caching only: a serializer made per use writes and reads the same
    private Newtonsoft.Json.JsonSerializer Serializer => _serializer ??= CreateSerializer();

    private Newtonsoft.Json.JsonSerializer CreateSerializer()
    {
        var serializer = Newtonsoft.Json.JsonSerializer.Create(JsonSerializerSettings);
        // As JsonConvert.DeserializeObject does: trailing content after a response's value is an error.
        serializer.CheckAdditionalContent = true;
        return serializer;
    }

    // Where NSwag's PrepareRequest(client_, request_, url_) was (the generator host rewrites it):
    // runs before the call's first await, so the attempt the pipeline handed over is this call's.
    // Taken first, before the preparer runs any of the caller's code (its logger).
    private AttemptContext? PrepareAttemptRequest(HttpRequestMessage request)
    {
        var attempt = AttemptContext.TakeHandedOver();
        _requestPreparer?.Prepare(request);
        attempt?.OnSending(request);
        return attempt;
    }

    // Where NSwag's ProcessResponse was. Runs once the headers are in, before the generated code
    // reads the body: refuses redirects and puts the body read under the attempt's deadline and size limit.
    private static void ProcessAttemptResponse(AttemptContext? attempt, HttpResponseMessage response) =>
        attempt?.OnResponse(response);
}
