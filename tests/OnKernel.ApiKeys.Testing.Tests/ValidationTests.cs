using OnKernel.ApiKeys.Testing.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Testing.Tests;

/// <summary>
/// Bodies and parameters the client would refuse to send, sent raw: the fake answers what
/// Kernel answers, 400 with the spec's Error shape (code bad_request and a message).
/// </summary>
public sealed class ValidationTests
{
    private static readonly string Long256 = new('n', 256);

    [TestCase("POST", "org/api_keys", """{"name":"ok",""", "The request body is not valid JSON")]
    [TestCase("POST", "org/api_keys", """["name"]""", "The request body must be a JSON object; got an array.")]
    [TestCase("POST", "org/api_keys", "{}", "Missing required field: name.")]
    [TestCase("POST", "org/api_keys", """{"name":null}""", "Missing required field: name.")]
    [TestCase("POST", "org/api_keys", """{"name":""}""", "name must be 1-255 characters long; got 0.")]
    [TestCase("POST", "org/api_keys", """{"name":7}""", "name must be a string; got a number.")]
    [TestCase("POST", "org/api_keys", """{"name":"ok","days_to_expire":0}""", "days_to_expire must be 1-3650; got 0.")]
    [TestCase("POST", "org/api_keys", """{"name":"ok","days_to_expire":3651}""", "days_to_expire must be 1-3650; got 3651.")]
    [TestCase("POST", "org/api_keys", """{"name":"ok","days_to_expire":1.5}""", "days_to_expire must be an integer; got 1.5.")]
    [TestCase("POST", "org/api_keys", """{"name":"ok","days_to_expire":"30"}""", "days_to_expire must be an integer or null; got a string.")]
    [TestCase("POST", "org/api_keys", """{"name":"ok","project_id":""}""", "project_id must not be empty; omit it or send null for an organisation-wide key.")]
    [TestCase("POST", "org/api_keys", """{"name":"ok","project_id":5}""", "project_id must be a string; got a number.")]
    [TestCase("POST", "org/api_keys", "", "The request body is required (a JSON object).")]
    [TestCase("POST", "org/api_keys/{id}/rotate", """{"expire_in_days":-1}""", "expire_in_days must be 0-3650; got -1.")]
    [TestCase("POST", "org/api_keys/{id}/rotate", """{"days_to_expire":0}""", "days_to_expire must be 1-3650; got 0.")]
    [TestCase("PATCH", "org/api_keys/{id}", "{}", "Missing required field: name.")]
    [TestCase("GET", "org/api_keys?limit=101", null, "Query parameter limit must be an integer, 0-100; got '101'.")]
    [TestCase("GET", "org/api_keys?limit=-1", null, "Query parameter limit must be an integer, 0-100; got '-1'.")]
    [TestCase("GET", "org/api_keys?offset=-1", null, "Query parameter offset must be an integer, at least 0; got '-1'.")]
    [TestCase("GET", "org/api_keys?offset=ten", null, "Query parameter offset must be an integer, at least 0; got 'ten'.")]
    [TestCase("GET", "org/api_keys?status=gone", null, "Query parameter status must be one of active, deleted, all; got 'gone'.")]
    [TestCase("GET", "org/api_keys?sort_by=id", null, "Query parameter sort_by must be one of created_at, name, expires_at; got 'id'.")]
    [TestCase("GET", "org/api_keys?sort_direction=up", null, "Query parameter sort_direction must be one of asc, desc; got 'up'.")]
    [TestCase("GET", "org/api_keys?include_deleted=yes", null, "Query parameter include_deleted must be true or false; got 'yes'.")]
    public async Task Bad_input_is_400_bad_request_naming_the_problem(string method, string path, string? json, string message)
    {
        using var setup = new FakeSetup();
        path = path.Replace("{id}", setup.Admin.Id);

        var answer = await setup.RawAsync(new HttpMethod(method), path, json);

        Assert.That((answer.Status, answer.Code), Is.EqualTo((400, "bad_request")), answer.ToString);
        Assert.That(answer.Body!["message"]!.ToString(), Does.StartWith(message));
        Assert.That(setup.Fake.Keys, Has.Count.EqualTo(1), "nothing created");
    }

    [Test]
    public async Task Name_length_counts_code_points_and_extra_properties_are_ignored()
    {
        using var setup = new FakeSetup();
        var emoji255 = string.Concat(Enumerable.Repeat("\U0001F600", 255));

        var ok = await setup.RawAsync(HttpMethod.Post, "org/api_keys", $$"""{"name":"{{emoji255}}","future_field":true}""");
        var tooLong = await setup.RawAsync(HttpMethod.Post, "org/api_keys", $$"""{"name":"{{Long256}}"}""");

        Assert.That(ok.Status, Is.EqualTo(201), ok.ToString);
        Assert.That(tooLong.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task A_non_json_content_type_is_400_and_unknown_routes_are_404_or_405()
    {
        using var setup = new FakeSetup();

        var text = await setup.RawAsync(HttpMethod.Post, "org/api_keys", """{"name":"x"}""", contentType: "text/plain");
        var route = await setup.RawAsync(HttpMethod.Get, "org/api_keys/a/b/c");
        var method = await setup.RawAsync(HttpMethod.Put, "org/api_keys", """{"name":"x"}""");

        Assert.That((text.Status, text.Code), Is.EqualTo((400, "bad_request")));
        Assert.That((route.Status, route.Code), Is.EqualTo((404, "not_found")));
        Assert.That((method.Status, method.Code), Is.EqualTo((405, "method_not_allowed")));
        Assert.That(method.Response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "POST" }));
    }

    [Test]
    public async Task A_base_url_with_a_path_prefix_reaches_the_fake()
    {
        using var setup = new FakeSetup();
        using var http = setup.Fake.CreateHttpClient();
        using var client = new KernelClient(http, new KernelClientOptions { ApiKey = FakeSetup.AdminKey, BaseUrl = new Uri("https://gateway.example/kernel/v1") });

        var created = await client.ApiKeys.CreateAsync("through-a-gateway");

        Assert.That(created.Name, Is.EqualTo("through-a-gateway"));
    }
}
