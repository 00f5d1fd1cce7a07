using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace OnKernel.Benchmarks.HandWritten;

/// <summary>
/// The baseline: what a careful developer writes in an afternoon with HttpClient and
/// Newtonsoft.Json. Serialize, send with the bearer header, read the body, throw on an
/// error status, parse; retry a 429 after the server's delay. No validation, redaction,
/// timeouts or body limit: that is what the client under test adds, and what it must add cheaply.
/// </summary>
internal sealed class HandWrittenClient
{
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly AuthenticationHeaderValue _authorization;

    public HandWrittenClient(HttpClient http, string baseUrl, string apiKey)
    {
        _http = http;
        _baseUrl = baseUrl;
        _authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public async Task<HandCreatedKey> CreateAsync(string name, int? daysToExpire, CancellationToken cancellationToken = default)
    {
        var json = JsonConvert.SerializeObject(new HandCreateRequest { Name = name, DaysToExpire = daysToExpire });
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _baseUrl + "org/api_keys")
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = _authorization;
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 3)
            {
                await Task.Delay(RetryAfter(response), cancellationToken).ConfigureAwait(false);
                continue;
            }

            ThrowIfFailed(response, body);
            return JsonConvert.DeserializeObject<HandCreatedKey>(body)!;
        }
    }

    public Task<HandApiKey> GetAsync(string id, CancellationToken cancellationToken = default) =>
        GetJsonAsync<HandApiKey>("org/api_keys/" + Uri.EscapeDataString(id), cancellationToken);

    public Task<List<HandApiKey>> ListPageAsync(int limit, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<HandApiKey>>("org/api_keys?limit=" + limit.ToString(CultureInfo.InvariantCulture), cancellationToken);

    private async Task<T> GetJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _baseUrl + path);
        request.Headers.Authorization = _authorization;
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(response, body);
        return JsonConvert.DeserializeObject<T>(body)!;
    }

    private static void ThrowIfFailed(HttpResponseMessage response, string body)
    {
        if (!response.IsSuccessStatusCode)
        {
            var error = JsonConvert.DeserializeObject<HandError>(body);
            throw new HandApiException((int)response.StatusCode, error?.Code, error?.Message);
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.TryGetValues("retry-after-ms", out var values) && double.TryParse(values.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.FromSeconds(1);
}

internal sealed class HandCreateRequest
{
    [JsonProperty("name")]
    public string Name { get; set; } = "";

    [JsonProperty("days_to_expire", NullValueHandling = NullValueHandling.Ignore)]
    public int? DaysToExpire { get; set; }
}

internal class HandApiKey
{
    [JsonProperty("id")] public string Id { get; set; } = "";
    [JsonProperty("name")] public string Name { get; set; } = "";
    [JsonProperty("created_at")] public DateTimeOffset CreatedAt { get; set; }
    [JsonProperty("created_by")] public HandCreator CreatedBy { get; set; } = new();
    [JsonProperty("expires_at")] public DateTimeOffset? ExpiresAt { get; set; }
    [JsonProperty("deleted_at")] public DateTimeOffset? DeletedAt { get; set; }
    [JsonProperty("project_id")] public string? ProjectId { get; set; }
    [JsonProperty("project_name")] public string? ProjectName { get; set; }
    [JsonProperty("masked_key")] public string MaskedKey { get; set; } = "";
}

internal sealed class HandCreatedKey : HandApiKey
{
    [JsonProperty("key")] public string Key { get; set; } = "";
}

internal sealed class HandCreator
{
    [JsonProperty("id")] public string Id { get; set; } = "";
    [JsonProperty("email")] public string Email { get; set; } = "";
    [JsonProperty("name")] public string? Name { get; set; }
}

internal sealed class HandError
{
    [JsonProperty("code")] public string? Code { get; set; }
    [JsonProperty("message")] public string? Message { get; set; }
}

internal sealed class HandApiException(int status, string? code, string? message) : Exception($"{status} {code}: {message}")
{
    public int StatusCode { get; } = status;
}
