using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Generated;

/// <summary>The exact HTTP request the generated <see cref="ApiKeysClient"/> sends for a create.</summary>
public class GeneratedClientRequestTests
{
    private static (ApiKeysClient Client, MockHttpMessageHandler Handler, RequestRecorder Sent) Create(string baseUrl)
    {
        var handler = new MockHttpMessageHandler();
        var recorder = new RequestRecorder(handler);
        var http = new HttpClient(recorder);
        http.DefaultRequestHeaders.Authorization = new("Bearer", Samples.CallerApiKey);
        return (new ApiKeysClient(http) { BaseUrl = baseUrl }, handler, recorder);
    }

    [TestCase("https://proxy.example/kernel/")]
    [TestCase("https://proxy.example/kernel")]
    public async Task Create_posts_snake_case_json_under_a_base_path_prefix(string baseUrl)
    {
        var (client, handler, sent) = Create(baseUrl);
        handler.Expect(HttpMethod.Post, "https://proxy.example/kernel/org/api_keys")
            .WithHeaders("Authorization", "Bearer " + Samples.CallerApiKey)
            .WithHeaders("Accept", "application/json")
            .With(r => r.Content?.Headers.ContentType?.MediaType == "application/json")
            .Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);

        await client.PostApiKeysAsync(new CreateApiKeyRequest { Name = "staging", DaysToExpire = 30, ProjectId = "proj_1" });

        handler.VerifyNoOutstandingExpectation();
        Json.AssertEquivalent("""{"name":"staging","days_to_expire":30,"project_id":"proj_1"}""", sent.Requests.Single().Body);
    }

    [Test]
    public async Task Create_omits_optional_fields_left_null()
    {
        var (client, handler, sent) = Create("https://api.onkernel.com/");
        handler.Expect(HttpMethod.Post, "https://api.onkernel.com/org/api_keys")
            .Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);

        await client.PostApiKeysAsync(new CreateApiKeyRequest { Name = "ci" });

        handler.VerifyNoOutstandingExpectation();
        Json.AssertEquivalent("""{"name":"ci"}""", sent.Requests.Single().Body);
    }

    [Test]
    public void Default_base_url_is_the_specs_server()
    {
        var client = new ApiKeysClient(new HttpClient());
        Assert.That(client.BaseUrl, Is.EqualTo("https://api.onkernel.com/"));
    }
}
