using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OnKernel.Testing.Server;

/// <summary>A status, an optional JSON body and headers, turned into an <see cref="HttpResponseMessage"/> at the end.</summary>
internal sealed class FakeResponse
{
    private readonly List<KeyValuePair<string, string>> _headers = new();

    public FakeResponse(HttpStatusCode status, JToken? body)
    {
        Status = status;
        Body = body;
    }

    public HttpStatusCode Status { get; }

    public JToken? Body { get; }

    public TimeSpan? RetryAfter { get; set; }

    public static FakeResponse Error(HttpStatusCode status, string code, string message) =>
        new(status, new JObject { ["code"] = code, ["message"] = message });

    public FakeResponse WithHeader(string name, string value)
    {
        _headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    public HttpResponseMessage ToHttpResponse(HttpRequestMessage request)
    {
        var response = new HttpResponseMessage(Status) { RequestMessage = request };
        if (Body is not null)
        {
            response.Content = new StringContent(Body.ToString(Formatting.None), Encoding.UTF8, "application/json");
        }

        foreach (var header in _headers)
        {
            // Allow and the like are content headers in .NET; they go where HttpClient expects them.
            if (!response.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                response.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (RetryAfter is TimeSpan delay)
        {
            // The spec declares Retry-After as integer seconds; round up so a client never retries early.
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds)));
        }

        return response;
    }
}
