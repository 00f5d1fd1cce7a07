using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Protocol;

/// <summary>
/// KernelApiKeysClient parses responses with one cached serializer and pooled buffers; for any
/// body it must come to exactly what the generated ReadObjectResponseAsync comes to.
/// </summary>
public class KernelApiKeysClientTests
{
    private static readonly Uri Base = new("https://api.onkernel.com/");

    private static readonly string[] Bodies =
    [
        Samples.CreatedKeyJson,
        Samples.CreatedOrgWideKeyJson,
        Samples.CreatedKeyJson[..40],
        Samples.CreatedKeyJson + " trailing",
        Samples.CreatedKeyJson + " {}",
        "null",
        "[]",
        "{}",
        "",
        "not json",
        """{"id":"k","name":"n","created_at":"yesterday"}""",
    ];

    private static HttpClient Answering(HttpStatusCode status, string body)
    {
        var handler = new MockHttpMessageHandler();
        handler.When(HttpMethod.Post, Base + "org/api_keys").Respond(status, "application/json", body);
        return handler.ToHttpClient();
    }

    private static async Task<string> Outcome(ApiKeysClient client)
    {
        try
        {
            var response = await client.PostApiKeysAsync(new CreateApiKeyRequest { Name = "x" });
            return "ok " + response.StatusCode + " " + Newtonsoft.Json.JsonConvert.SerializeObject(response.Result);
        }
        catch (ApiKeysClientException<Error> error)
        {
            return $"{error.GetType().Name} {error.StatusCode} {error.Message} | {error.Response} | {error.Result.Code} {error.Result.Message}";
        }
        catch (ApiKeysClientException error)
        {
            return $"{error.GetType().Name} {error.StatusCode} {error.Message} | {error.Response} | {error.InnerException?.GetType().Name} {error.InnerException?.Message}";
        }
    }

    [Test]
    public async Task Every_body_comes_to_what_the_generated_reader_makes_of_it(
        [ValueSource(nameof(Bodies))] string body, [Values(201, 400)] int status)
    {
        var preparer = new KernelRequestPreparer(Samples.CallerApiKey, null, new SecretRedactor(Samples.CallerApiKey), null);
        var generated = new ApiKeysClient(Answering((HttpStatusCode)status, body), preparer, Base);
        var cached = new KernelApiKeysClient(Answering((HttpStatusCode)status, body), preparer, Base);

        Assert.That(await Outcome(cached), Is.EqualTo(await Outcome(generated)));
    }

    [Test]
    [NonParallelizable] // sets JsonConvert.DefaultSettings for the duration of the test
    public async Task Only_the_generated_client_on_its_own_reads_with_the_process_wide_json_defaults()
    {
        // A member the model does not declare: ignored, unless the process-wide defaults say otherwise.
        var body = Samples.CreatedKeyJson.TrimEnd().TrimEnd('}') + ",\"undeclared\":1}";
        var preparer = new KernelRequestPreparer(Samples.CallerApiKey, null, new SecretRedactor(Samples.CallerApiKey), null);
        Newtonsoft.Json.JsonConvert.DefaultSettings = () => new Newtonsoft.Json.JsonSerializerSettings { MissingMemberHandling = Newtonsoft.Json.MissingMemberHandling.Error };
        try
        {
            var generated = await Outcome(new ApiKeysClient(Answering(HttpStatusCode.Created, body), preparer, Base));
            var cached = await Outcome(new KernelApiKeysClient(Answering(HttpStatusCode.Created, body), preparer, Base));

            // NSwag's own reader (JsonConvert.DeserializeObject) applies them; KernelClient's never does.
            Assert.That(generated, Does.StartWith("ApiKeysClientException 201 Could not deserialize the response body string as OnKernel.CreatedApiKey."));
            Assert.That(cached, Does.StartWith("ok 201 "));
        }
        finally
        {
            Newtonsoft.Json.JsonConvert.DefaultSettings = null;
        }
    }

    [Test]
    public async Task The_cached_serializer_serves_concurrent_calls()
    {
        var preparer = new KernelRequestPreparer(Samples.CallerApiKey, null, new SecretRedactor(Samples.CallerApiKey), null);
        var client = new KernelApiKeysClient(Answering(HttpStatusCode.Created, Samples.CreatedKeyJson), preparer, Base);

        var keys = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => client.PostApiKeysAsync(new CreateApiKeyRequest { Name = "x" }))));

        Assert.That(keys.Select(k => k.Result.Key).Distinct(), Is.EqualTo(new[] { Samples.PlaintextKey }));
    }
}
