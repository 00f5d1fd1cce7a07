using Newtonsoft.Json;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Generated;

/// <summary>The generated client's required-property check (RequiredPropertiesResolver) refuses what Newtonsoft's own check refuses.</summary>
public class RequiredPropertiesTests
{
    private static readonly JsonSerializerSettings Settings = new() { ContractResolver = RequiredPropertiesResolver.Instance };

    [Test]
    public void A_complete_key_reads_as_with_newtonsofts_own_check()
    {
        var ours = JsonConvert.DeserializeObject<CreatedApiKey>(Samples.CreatedKeyJson, Settings)!;
        var theirs = JsonConvert.DeserializeObject<CreatedApiKey>(Samples.CreatedKeyJson)!;
        Assert.That(JsonConvert.SerializeObject(ours), Is.EqualTo(JsonConvert.SerializeObject(theirs)));
    }

    [TestCase("key", TestName = "Missing plaintext key")]
    [TestCase("created_at", TestName = "Missing value-type field")]
    [TestCase("deleted_at", TestName = "Missing nullable but required field")]
    [TestCase("created_by", TestName = "Missing nested object")]
    public void An_absent_required_property_fails_the_read(string name)
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse(Samples.CreatedKeyJson);
        json.Remove(name);

        var ex = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<CreatedApiKey>(json.ToString(), Settings))!;
        Assert.That(ex.Message, Does.Contain($"'{name}'"));
        Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<CreatedApiKey>(json.ToString()), "Newtonsoft's own check agrees");
    }

    [Test]
    public void An_absent_required_property_of_a_nested_object_fails_the_read()
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse(Samples.CreatedKeyJson);
        ((Newtonsoft.Json.Linq.JObject)json["created_by"]!).Remove("email");

        Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<CreatedApiKey>(json.ToString(), Settings));
    }

    [Test]
    public void Null_where_the_spec_forbids_it_fails_the_read_and_null_where_it_allows_it_does_not()
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse(Samples.CreatedKeyJson);
        json["deleted_at"] = null;
        Assert.That(JsonConvert.DeserializeObject<CreatedApiKey>(json.ToString(), Settings)!.DeletedAt, Is.Null);

        json["key"] = null;
        Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<CreatedApiKey>(json.ToString(), Settings));
    }

    [Test]
    public void Every_item_of_a_page_is_checked_on_its_own()
    {
        var complete = Newtonsoft.Json.Linq.JObject.Parse(Samples.CreatedKeyJson);
        complete.Remove("key");
        var incomplete = (Newtonsoft.Json.Linq.JObject)complete.DeepClone();
        incomplete.Remove("masked_key");

        var page = new Newtonsoft.Json.Linq.JArray(complete, incomplete).ToString();

        Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<List<ApiKey>>(page, Settings));
        Assert.That(JsonConvert.DeserializeObject<List<ApiKey>>(new Newtonsoft.Json.Linq.JArray(complete, complete).ToString(), Settings), Has.Count.EqualTo(2));
    }
}
