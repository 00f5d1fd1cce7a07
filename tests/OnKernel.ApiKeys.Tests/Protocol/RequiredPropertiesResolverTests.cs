using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Protocol;

/// <summary>
/// The resolver that checks the spec's required response properties with a bit per property
/// must reject exactly what Newtonsoft.Json's own check rejects. Each test builds its own
/// resolver: contracts are cached per resolver, so a fresh one runs the contract code again.
/// </summary>
public class RequiredPropertiesResolverTests
{
    private static T Parse<T>(string json) =>
        JsonConvert.DeserializeObject<T>(json, new JsonSerializerSettings { ContractResolver = new RequiredPropertiesResolver() })!;

    private static string Without(string json, string property)
    {
        var body = JObject.Parse(json);
        body.Remove(property);
        return body.ToString(Formatting.None);
    }

    private static string With(string json, string property, JToken value)
    {
        var body = JObject.Parse(json);
        body[property] = value;
        return body.ToString(Formatting.None);
    }

    [Test]
    public void A_complete_key_is_read_with_every_property()
    {
        var key = Parse<CreatedApiKey>(Samples.CreatedKeyJson);
        Assert.That((key.Id, key.Name, key.CreatedBy.Email, key.CreatedBy.Name, key.ProjectId, key.MaskedKey, key.Key),
            Is.EqualTo(("ckv9w8q2f000001l5r3j7k9m4", "staging", "jane@example.com", "Jane Doe", "proj_abc123", "sk_live_...cdef", Samples.PlaintextKey)));
    }

    [TestCase("id")]
    [TestCase("name")]
    [TestCase("created_at")]
    [TestCase("created_by")]
    [TestCase("masked_key")]
    [TestCase("key")]
    [TestCase("expires_at")]
    [TestCase("deleted_at")]
    [TestCase("project_id")]
    [TestCase("project_name")]
    public void A_missing_required_property_is_named(string property)
    {
        // expires_at and the other nullable ones are required too: present, possibly null.
        var error = Assert.Throws<JsonSerializationException>(() => Parse<CreatedApiKey>(Without(Samples.CreatedKeyJson, property)))!;
        Assert.That(error.Message, Is.EqualTo($"Required property '{property}' not found in JSON."));
    }

    [TestCase("id")]
    [TestCase("name")]
    [TestCase("masked_key")]
    [TestCase("key")]
    [TestCase("created_by")]
    public void A_null_where_the_spec_forbids_it_is_named(string property)
    {
        var error = Assert.Throws<JsonSerializationException>(() => Parse<CreatedApiKey>(With(Samples.CreatedKeyJson, property, JValue.CreateNull())))!;
        Assert.That(error.Message, Is.EqualTo($"Required property '{property}' expects a non-null value."));
    }

    [Test]
    public void Nullable_required_properties_accept_null()
    {
        var key = Parse<ApiKey>(ListSamples.Key("k1"));
        Assert.That((key.ExpiresAt, key.DeletedAt, key.ProjectId, key.ProjectName, key.CreatedBy.Name), Is.EqualTo(((DateTimeOffset?)null, (DateTimeOffset?)null, (string?)null, (string?)null, (string?)null)));
    }

    [Test]
    public void A_nested_creator_is_checked_too()
    {
        var json = With(ListSamples.Key("k1"), "created_by", JObject.Parse("""{ "id": "user-1", "name": null }"""));
        var error = Assert.Throws<JsonSerializationException>(() => Parse<ApiKey>(json))!;
        Assert.That(error.Message, Is.EqualTo("Required property 'email' not found in JSON."));
    }

    [Test]
    public void A_property_sent_twice_counts_as_present()
    {
        var json = ListSamples.Key("k1").Replace("\"id\": \"k1\",", "\"id\": \"k0\", \"id\": \"k1\",");
        Assert.That(Parse<ApiKey>(json).Id, Is.EqualTo("k1"));
    }

    [Test]
    public void Every_object_of_a_page_is_checked_on_its_own()
    {
        // The second key lacks its id: the first key's presence bits must not cover for it.
        var page = "[" + ListSamples.Key("k1") + "," + Without(ListSamples.Key("k2"), "id") + "]";
        var error = Assert.Throws<JsonSerializationException>(() => Parse<List<ApiKey>>(page))!;
        Assert.That(error.Message, Is.EqualTo("Required property 'id' not found in JSON."));
    }

    [Test]
    public void Populating_an_existing_key_checks_the_new_json_alone()
    {
        var settings = new JsonSerializerSettings { ContractResolver = new RequiredPropertiesResolver() };
        var key = JsonConvert.DeserializeObject<ApiKey>(ListSamples.Key("k1"), settings)!;
        var error = Assert.Throws<JsonSerializationException>(() => JsonConvert.PopulateObject(Without(ListSamples.Key("k2"), "masked_key"), key, settings))!;
        Assert.That(error.Message, Is.EqualTo("Required property 'masked_key' not found in JSON."));
    }

    [Test]
    public void Types_without_tracking_keep_Newtonsofts_own_check()
    {
        var error = Assert.Throws<JsonSerializationException>(() => Parse<Error>("""{ "message": "m" }"""))!;
        Assert.That(error.Message, Does.StartWith("Required property 'code' not found in JSON."));
        Assert.That(Parse<Error>("""{ "code": "c", "message": "m" }""").Details, Is.Null.Or.Empty);
    }
}
