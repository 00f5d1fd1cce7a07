using System.Net.Http;

namespace OnKernel;

/// <summary>
/// The generated client as <see cref="KernelClient"/> uses it: it parses responses with one
/// serializer made once, reading through pooled character buffers, where the generated
/// ReadObjectResponseAsync made a serializer and a reader buffer per response. Same result,
/// same text kept for error mapping, same exception when the body is not the expected JSON.
/// One difference: the serializer is made from the client's settings alone, where
/// <c>JsonConvert.DeserializeObject</c> also applied the process-wide <c>JsonConvert.DefaultSettings</c>,
/// which any other code in the process may set; responses now parse the same way whatever it set.
/// </summary>
internal sealed class KernelApiKeysClient : ApiKeysClient
{
    public KernelApiKeysClient(HttpClient httpClient, KernelRequestPreparer requestPreparer, Uri baseUrl)
        : base(httpClient, requestPreparer, baseUrl, parsesWithOwnSerializer: true)
    {
    }
}
