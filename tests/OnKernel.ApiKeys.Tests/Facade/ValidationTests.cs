using System.ComponentModel.DataAnnotations;
using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;
using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Facade;

/// <summary>Spec-derived validation: bad input is refused before any request is sent.</summary>
public class ValidationTests
{
    private MockKernel _kernel = null!;
    private int _sent;

    [SetUp]
    public void SetUp()
    {
        _sent = 0;
        _kernel = new MockKernel();
        _kernel.OnCreate().With(_ => { Interlocked.Increment(ref _sent); return true; }).Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);
    }

    [TestCase(1)]
    [TestCase(255)]
    public async Task Names_of_1_and_255_characters_are_sent(int length)
    {
        string? body = null;
        var kernel = new MockKernel();
        kernel.OnCreate().With(r => { body = r.Content!.ReadAsStringAsync().Result; return true; }).Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);
        await kernel.ApiKeys.CreateAsync(new string('n', length));
        Json.AssertEquivalent($$"""{"name":"{{new string('n', length)}}"}""", body);
    }

    [TestCase(0, "name must be 1-255 characters long; it has 0.")]
    [TestCase(256, "name must be 1-255 characters long; it has 256.")]
    public void Names_of_0_and_256_characters_are_refused_before_sending(int length, string message)
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => _kernel.ApiKeys.CreateAsync(new string('n', length)))!;
        Assert.That(ex.ParamName, Is.EqualTo("name"));
        Assert.That(ex.Message, Does.StartWith(message));

        var viaRequest = Assert.ThrowsAsync<ArgumentException>(() => _kernel.ApiKeys.CreateAsync(new CreateApiKeyRequest { Name = new string('n', length) }))!;
        Assert.That(viaRequest.ParamName, Is.EqualTo("request"));
        Assert.That(viaRequest.Message, Does.StartWith(message));
        Assert.That(_sent, Is.EqualTo(0), "no request was sent");
    }

    [Test]
    public void A_null_name_is_refused()
    {
        var ex = Assert.ThrowsAsync<ArgumentNullException>(() => _kernel.ApiKeys.CreateAsync(name: null!))!;
        Assert.That(ex.ParamName, Is.EqualTo("name"));
        Assert.That(ex.Message, Does.StartWith("name is required: 1-255 characters."));
        Assert.ThrowsAsync<ArgumentNullException>(() => _kernel.ApiKeys.CreateAsync(new CreateApiKeyRequest()));
        Assert.ThrowsAsync<ArgumentNullException>(() => _kernel.ApiKeys.CreateAsync((CreateApiKeyRequest)null!));
        Assert.That(_sent, Is.EqualTo(0), "no request was sent");
    }

    [Test]
    public async Task Length_counts_code_points_as_JSON_Schema_does()
    {
        // 255 emoji: 510 UTF-16 units, 255 characters for JSON Schema (and for Kernel).
        var emoji = string.Concat(Enumerable.Repeat("\U0001F511", 255));
        await _kernel.ApiKeys.CreateAsync(emoji);
        Assert.ThrowsAsync<ArgumentException>(() => _kernel.ApiKeys.CreateAsync(emoji + "\U0001F511"));
    }

    [TestCase(1)]
    [TestCase(3650)]
    [TestCase(null)]
    public async Task Days_1_3650_and_null_are_sent(int? days)
    {
        var created = await _kernel.ApiKeys.CreateAsync("ci", daysToExpire: days);
        Assert.That(created.Id, Is.Not.Empty);
    }

    [TestCase(0)]
    [TestCase(3651)]
    [TestCase(-5)]
    public void Days_outside_1_3650_are_refused_before_sending(int days)
    {
        var ex = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _kernel.ApiKeys.CreateAsync("ci", daysToExpire: days))!;
        Assert.That(ex.ParamName, Is.EqualTo("daysToExpire"));
        Assert.That(ex.ActualValue, Is.EqualTo(days));
        Assert.That(ex.Message, Does.StartWith("days_to_expire must be 1-3650 days, or null for a key that never expires. (Parameter 'daysToExpire')"));
        Assert.That(ex.Message, Does.EndWith($"Actual value was {days}.").And.Not.Contain("got "), "the value once, as ArgumentOutOfRangeException prints it");
        Assert.That(_sent, Is.EqualTo(0), "no request was sent");
    }

    [TestCase("", "project_id is empty")]
    [TestCase("   ", "project_id is whitespace")]
    public void Empty_and_whitespace_project_ids_are_refused(string projectId, string message)
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => _kernel.ApiKeys.CreateAsync("ci", projectId: projectId))!;
        Assert.That(ex.ParamName, Is.EqualTo("projectId"));
        Assert.That(ex.Message, Does.StartWith(message + ": give a project id (e.g. 'proj_abc123'), or null for an organisation-wide key."));
        Assert.That(_sent, Is.EqualTo(0), "no request was sent");
    }

    [Test]
    public async Task A_null_project_id_is_org_wide_and_sent_without_the_field()
    {
        string? body = null;
        var kernel = new MockKernel();
        kernel.OnCreate().With(r => { body = r.Content!.ReadAsStringAsync().Result; return true; }).Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);
        await kernel.ApiKeys.CreateAsync("ci", projectId: null);
        Json.AssertEquivalent("""{"name":"ci"}""", body);
    }

    /// <summary>
    /// The bounds are those NSwag generated from the vendored spec: read them from the model
    /// and check the facade agrees on both sides of each. A spec that moves a bound moves
    /// both, so this test keeps passing while the facade follows the spec.
    /// </summary>
    [Test]
    public async Task Validation_bounds_are_the_generated_models_spec_bounds()
    {
        var length = typeof(CreateApiKeyRequest).GetProperty(nameof(CreateApiKeyRequest.Name))!.GetCustomAttributes(typeof(StringLengthAttribute), false).Cast<StringLengthAttribute>().Single();
        var range = typeof(CreateApiKeyRequest).GetProperty(nameof(CreateApiKeyRequest.DaysToExpire))!.GetCustomAttributes(typeof(RangeAttribute), false).Cast<RangeAttribute>().Single();
        var (minDays, maxDays) = (Convert.ToInt32(range.Minimum), Convert.ToInt32(range.Maximum));

        Assert.That((length.MinimumLength, length.MaximumLength, minDays, maxDays), Is.EqualTo((1, 255, 1, 3650)), "the seed spec's bounds");

        await _kernel.ApiKeys.CreateAsync(new string('n', length.MinimumLength));
        await _kernel.ApiKeys.CreateAsync(new string('n', length.MaximumLength));
        Assert.ThrowsAsync<ArgumentException>(() => _kernel.ApiKeys.CreateAsync(new string('n', length.MaximumLength + 1)));
        await _kernel.ApiKeys.CreateAsync("ci", minDays);
        await _kernel.ApiKeys.CreateAsync("ci", maxDays);
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _kernel.ApiKeys.CreateAsync("ci", minDays - 1));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _kernel.ApiKeys.CreateAsync("ci", maxDays + 1));

        Assert.That(ApiKeyValidation.NameConstraints.Minimum, Is.EqualTo(length.MinimumLength));
        Assert.That(ApiKeyValidation.DaysToExpireConstraints.Maximum, Is.EqualTo(maxDays));
    }

    [Test]
    public void Validation_reads_whatever_bounds_a_model_carries()
    {
        var constraints = SpecConstraints.Of<ModelFromAnotherSpecRevision>(nameof(ModelFromAnotherSpecRevision.DaysToExpire));
        Assert.That(constraints.WireName, Is.EqualTo("days_to_expire"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApiKeyValidation.ValidateNumber(366, constraints, "daysToExpire", "days", "null"));
        Assert.DoesNotThrow(() => ApiKeyValidation.ValidateNumber(365, constraints, "daysToExpire", "days", "null"));
    }

    /// <summary>Shaped like a model NSwag would generate if Kernel lowered the maximum to 365.</summary>
    private sealed class ModelFromAnotherSpecRevision
    {
        [Newtonsoft.Json.JsonProperty("days_to_expire")]
        [System.ComponentModel.DataAnnotations.Range(1, 365)]
        public int? DaysToExpire { get; set; }
    }
}
