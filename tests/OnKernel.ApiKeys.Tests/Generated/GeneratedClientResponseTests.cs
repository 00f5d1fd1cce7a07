using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Generated;

/// <summary>How the generated client parses successful and failed create responses.</summary>
public class GeneratedClientResponseTests
{
    private static ApiKeysClient ClientAnswering(HttpStatusCode status, string body, string mediaType = "application/json")
    {
        var handler = new MockHttpMessageHandler();
        handler.When(HttpMethod.Post, "https://api.onkernel.com/org/api_keys").Respond(status, mediaType, body);
        return new ApiKeysClient(handler.ToHttpClient());
    }

    [Test]
    public async Task A_201_parses_every_field_of_CreatedApiKey()
    {
        var response = await ClientAnswering(HttpStatusCode.Created, Samples.CreatedKeyJson)
            .PostApiKeysAsync(new CreateApiKeyRequest { Name = "staging" });

        var key = response.Result;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(201));
            Assert.That(key.Id, Is.EqualTo("ckv9w8q2f000001l5r3j7k9m4"));
            Assert.That(key.Name, Is.EqualTo("staging"));
            Assert.That(key.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 26, 10, 15, 30, 123, TimeSpan.Zero)));
            Assert.That(key.CreatedBy.Id, Is.EqualTo("user-abc123"));
            Assert.That(key.CreatedBy.Email, Is.EqualTo("jane@example.com"));
            Assert.That(key.CreatedBy.Name, Is.EqualTo("Jane Doe"));
            Assert.That(key.ExpiresAt, Is.EqualTo(new DateTimeOffset(2026, 12, 26, 10, 15, 30, TimeSpan.Zero)));
            Assert.That(key.DeletedAt, Is.Null);
            Assert.That(key.ProjectId, Is.EqualTo("proj_abc123"));
            Assert.That(key.ProjectName, Is.EqualTo("Production"));
            Assert.That(key.MaskedKey, Is.EqualTo("sk_live_...cdef"));
            Assert.That(key.Key, Is.EqualTo(Samples.PlaintextKey));
        });
    }

    [Test]
    public async Task Nullable_fields_parse_as_null_and_unknown_fields_are_tolerated()
    {
        var key = (await ClientAnswering(HttpStatusCode.Created, Samples.CreatedOrgWideKeyJson)
            .PostApiKeysAsync(new CreateApiKeyRequest { Name = "ci" })).Result;

        Assert.Multiple(() =>
        {
            Assert.That(key.ExpiresAt, Is.Null);
            Assert.That(key.ProjectId, Is.Null);
            Assert.That(key.ProjectName, Is.Null);
            Assert.That(key.CreatedBy.Name, Is.Null);
            // Fields the spec does not declare are dropped, not kept in a bag: nothing a server adds lingers.
            Assert.That(Newtonsoft.Json.JsonConvert.SerializeObject(key), Does.Not.Contain("some_future_field"));
        });
    }

    [TestCase(400, "bad_request", "Bad Request – invalid input")]
    [TestCase(401, "unauthorized", "Unauthorized – missing or invalid authorization token")]
    [TestCase(404, "not_found", "Resource not found")]
    [TestCase(500, "internal_error", "Internal Server Error")]
    public void Declared_error_statuses_surface_the_parsed_Error(int status, string code, string description)
    {
        var client = ClientAnswering((HttpStatusCode)status, Samples.ErrorJson(code, "something failed"));

        var ex = Assert.ThrowsAsync<ApiKeysClientException<Error>>(() => client.PostApiKeysAsync(new CreateApiKeyRequest { Name = "x" }))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.StatusCode, Is.EqualTo(status));
            Assert.That(ex.Message, Does.StartWith(description));
            Assert.That(ex.Result.Code, Is.EqualTo(code));
            Assert.That(ex.Result.Message, Is.EqualTo("something failed"));
            Assert.That(ex.Result.Details!.Select(d => (d.Code, d.Message)), Is.EqualTo(new[] { ("invalid_input", "name is too long") }));
            Assert.That(ex.Result.InnerError!.Code, Is.EqualTo("validation"));
            Assert.That(ex.Result.InnerError!.Message, Is.EqualTo("field name"));
            Assert.That(ex.Response, Does.Contain("\"something failed\""));
        });
    }

    [Test]
    public void The_low_level_exception_never_shows_the_body_it_keeps()
    {
        var truncated = Samples.CreatedKeyJson[..(Samples.CreatedKeyJson.IndexOf("PLAINTEXT", StringComparison.Ordinal) + 12)];
        var client = ClientAnswering(HttpStatusCode.Created, truncated);

        var ex = Assert.ThrowsAsync<ApiKeysClientException>(() => client.PostApiKeysAsync(new CreateApiKeyRequest { Name = "x" }))!;

        Assert.That(ex.Message, Does.StartWith("Could not deserialize the response body string as OnKernel.CreatedApiKey. (HTTP 201)"));
        Assert.That(ex.Response, Does.Contain("PLAINTEXT"), "kept as data for callers that need it");
        SecretWatch.AssertClean(ex);
    }
}
