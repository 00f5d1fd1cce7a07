using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Generated;

/// <summary>The exact HTTP request the generated <see cref="ApiKeysClient"/> sends for a create.</summary>
public class GeneratedClientRequestTests
{
    private static (ApiKeysClient Client, MockHttpMessageHandler Handler) Create(string baseUrl)
    {
        var handler = new MockHttpMessageHandler();
        var http = handler.ToHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Samples.CallerApiKey);
        return (new ApiKeysClient(http) { BaseUrl = baseUrl }, handler);
    }

    [TestCase("https://proxy.example/kernel/")]
    [TestCase("https://proxy.example/kernel")]
    public async Task Create_posts_snake_case_json_under_a_base_path_prefix(string baseUrl)
    {
        var (client, handler) = Create(baseUrl);
        string? body = null;
        handler.Expect(HttpMethod.Post, "https://proxy.example/kernel/org/api_keys")
            .WithHeaders("Authorization", "Bearer " + Samples.CallerApiKey)
            .WithHeaders("Accept", "application/json")
            .With(r => r.Content?.Headers.ContentType?.MediaType == "application/json")
            .With(r => { body = r.Content!.ReadAsStringAsync().Result; return true; })
            .Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);

        await client.PostApiKeysAsync(new CreateApiKeyRequest { Name = "staging", DaysToExpire = 30, ProjectId = "proj_1" });

        handler.VerifyNoOutstandingExpectation();
        Json.AssertEquivalent("""{"name":"staging","days_to_expire":30,"project_id":"proj_1"}""", body);
    }

    [Test]
    public async Task Create_omits_optional_fields_left_null()
    {
        var (client, handler) = Create("https://api.onkernel.com/");
        string? body = null;
        handler.Expect(HttpMethod.Post, "https://api.onkernel.com/org/api_keys")
            .With(r => { body = r.Content!.ReadAsStringAsync().Result; return true; })
            .Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);

        await client.PostApiKeysAsync(new CreateApiKeyRequest { Name = "ci" });

        handler.VerifyNoOutstandingExpectation();
        Json.AssertEquivalent("""{"name":"ci"}""", body);
    }

    [Test]
    public void Default_base_url_is_the_specs_server()
    {
        var client = new ApiKeysClient(new HttpClient());
        Assert.That(client.BaseUrl, Is.EqualTo("https://api.onkernel.com/"));
    }
}
