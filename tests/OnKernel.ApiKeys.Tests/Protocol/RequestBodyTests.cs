using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Protocol;

/// <summary>
/// Request bodies are written by one serializer per client into a per-thread builder
/// (ApiKeysClient.SerializeRequestBody, put by the generator host where NSwag called
/// JsonConvert.SerializeObject): the same text, whatever the process-wide defaults say.
/// </summary>
[NonParallelizable] // sets JsonConvert.DefaultSettings for the duration of a test
public class RequestBodyTests
{
    private static readonly Uri Base = new("https://api.onkernel.com/");

    private static readonly JsonSerializerSettings GeneratedSettings = new() { ContractResolver = RequiredPropertiesResolver.Instance };

    [TearDown]
    public void RestoreDefaults() => JsonConvert.DefaultSettings = null;

    private static (KernelClient Client, List<string> Bodies) Recording()
    {
        var bodies = new List<string>();
        var handler = new MockHttpMessageHandler();
        handler.When("*").With(request =>
        {
            bodies.Add(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
            return true;
        }).Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);
        var client = new KernelClient(handler.ToHttpClient(), new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = Base, MaxRetries = 0 });
        return (client, bodies);
    }

    [Test]
    public async Task A_create_body_is_the_compact_json_of_the_request()
    {
        var (client, bodies) = Recording();

        await client.ApiKeys.CreateAsync("staging", daysToExpire: 30);
        await client.ApiKeys.CreateAsync("org-wide \"quoted\" é", projectId: "proj_1");

        Assert.That(bodies, Is.EqualTo(new[]
        {
            """{"name":"staging","days_to_expire":30}""",
            """{"name":"org-wide \"quoted\" é","project_id":"proj_1"}""",
        }));
    }

    [Test]
    public async Task Process_wide_json_defaults_do_not_change_what_is_sent()
    {
        JsonConvert.DefaultSettings = () => new JsonSerializerSettings
        {
            Formatting = Formatting.Indented,
            NullValueHandling = NullValueHandling.Include,
            ContractResolver = new CamelCasePropertyNamesContractResolver(),
        };
        var (client, bodies) = Recording();

        await client.ApiKeys.CreateAsync("staging", daysToExpire: 30);

        Assert.That(bodies, Is.EqualTo(new[] { """{"name":"staging","days_to_expire":30}""" }));
    }

    [Test]
    public async Task Every_body_is_what_the_generated_settings_write_however_long_and_in_any_order(
        [Values(1, 100, 255)] int nameLength)
    {
        var (client, bodies) = Recording();
        // Quotes are escaped: the longest name writes a body past the builder kept per thread.
        var name = new string('"', nameLength);
        var requests = new[]
        {
            new CreateApiKeyRequest { Name = name, DaysToExpire = 3650, ProjectId = "proj_" + nameLength },
            new CreateApiKeyRequest { Name = "n" },
        };

        foreach (var request in requests)
        {
            await client.ApiKeys.CreateAsync(request);
        }

        await client.ApiKeys.RotateAsync("key_1", daysToExpire: 10, expireInDays: 0);
        await client.ApiKeys.UpdateAsync("key_1", name);

        Assert.That(bodies, Is.EqualTo(new[]
        {
            JsonConvert.SerializeObject(requests[0], GeneratedSettings),
            """{"name":"n"}""",
            """{"days_to_expire":10,"expire_in_days":0}""",
            JsonConvert.SerializeObject(new UpdateApiKeyRequest { Name = name }, GeneratedSettings),
        }));
        Assert.That(bodies[0], Does.StartWith("{\"name\":\"" + string.Concat(Enumerable.Repeat("\\\"", nameLength))));
    }
}
