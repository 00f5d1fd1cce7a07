using System.Text;
using Newtonsoft.Json.Linq;

namespace OnKernel.ApiKeys.Testing.Tests.Infrastructure;

/// <summary>What the fake answered to a raw request.</summary>
internal sealed record RawAnswer(int Status, JToken? Body, HttpResponseMessage Response)
{
    public string? Code => (Body as JObject)?["code"]?.Value<string>();

    public string? Header(string name) => Response.Headers.TryGetValues(name, out var values) ? values.First() : null;

    public override string ToString() => $"{Status} {Body}";
}

/// <summary>
/// A fake Kernel on a controlled clock, seeded with an admin key, and clients for it: the
/// real <see cref="KernelClient"/> (no retries, a short timeout unless asked) and raw HTTP
/// for requests the client would refuse to send.
/// </summary>
internal sealed class FakeSetup : IDisposable
{
    public const string AdminKey = "sk_test_admin";
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly List<IDisposable> _disposables = [];

    public FakeSetup()
    {
        Fake = new FakeKernel(Time);
        Admin = Fake.SeedKey(AdminKey, "admin");
        Client = ClientFor(AdminKey);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public FakeKernel Fake { get; }

    public ApiKey Admin { get; }

    public KernelClient Client { get; }

    public KernelClient ClientFor(string apiKey, string? projectId = null, int maxRetries = 0, TimeSpan? timeout = null)
    {
        var http = Fake.CreateHttpClient();
        var client = new KernelClient(http, new KernelClientOptions
        {
            ApiKey = apiKey,
            ProjectId = projectId,
            MaxRetries = maxRetries,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        });
        _disposables.Add(client);
        _disposables.Add(http);
        return client;
    }

    /// <summary>Sends a request as it is, with the admin key unless told otherwise.</summary>
    public async Task<RawAnswer> RawAsync(HttpMethod method, string path, string? json = null, string? authorization = "Bearer " + AdminKey, string contentType = "application/json")
    {
        using var http = Fake.CreateHttpClient();
        using var request = new HttpRequestMessage(method, new Uri(new Uri("https://api.onkernel.com/"), path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await http.SendAsync(request);
        _disposables.Add(response);
        var text = await response.Content.ReadAsStringAsync();
        return new RawAnswer((int)response.StatusCode, text.Length == 0 ? null : JToken.Parse(text), response);
    }

    public async Task<List<ApiKey>> ListAllAsync(ApiKeyListOptions? options = null, KernelClient? client = null)
    {
        var keys = new List<ApiKey>();
        await foreach (var key in (client ?? Client).ApiKeys.ListAsync(options))
        {
            keys.Add(key);
        }

        return keys;
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
    }
}
