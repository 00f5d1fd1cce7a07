using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.ApiKeys;

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
        var kernel = new MockKernel();
        kernel.OnCreate().Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);
        await kernel.ApiKeys.CreateAsync(new string('n', length));
        Json.AssertEquivalent($$"""{"name":"{{new string('n', length)}}"}""", kernel.SentBody);
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

    [TestCase(1, """{"name":"ci","days_to_expire":1}""")]
    [TestCase(3650, """{"name":"ci","days_to_expire":3650}""")]
    [TestCase(null, """{"name":"ci"}""")]
    public async Task Days_1_3650_and_null_are_sent(int? days, string expectedBody)
    {
        var kernel = new MockKernel();
        kernel.OnCreate().Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);
        await kernel.ApiKeys.CreateAsync("ci", daysToExpire: days);
        Json.AssertEquivalent(expectedBody, kernel.SentBody);
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
        var kernel = new MockKernel();
        kernel.OnCreate().Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);
        await kernel.ApiKeys.CreateAsync("ci", projectId: null);
        Json.AssertEquivalent("""{"name":"ci"}""", kernel.SentBody);
    }

    /// <summary>
    /// The facade enforces exactly the bounds of the generated table, on both sides of each,
    /// whatever they are (SpecBoundsTests checks the table against the vendored spec).
    /// </summary>
    [Test]
    public async Task Validation_enforces_the_generated_bounds_on_both_sides()
    {
        var (name, days) = (SpecBounds.CreateApiKeyRequestName, SpecBounds.CreateApiKeyRequestDaysToExpire);
        int Bound(long? value) => checked((int)value!.Value);

        await _kernel.ApiKeys.CreateAsync(new string('n', Bound(name.Minimum)));
        await _kernel.ApiKeys.CreateAsync(new string('n', Bound(name.Maximum)));
        Assert.ThrowsAsync<ArgumentException>(() => _kernel.ApiKeys.CreateAsync(new string('n', Bound(name.Maximum) + 1)));
        Assert.ThrowsAsync<ArgumentException>(() => _kernel.ApiKeys.CreateAsync(new string('n', Bound(name.Minimum) - 1)));
        await _kernel.ApiKeys.CreateAsync("ci", Bound(days.Minimum));
        await _kernel.ApiKeys.CreateAsync("ci", Bound(days.Maximum));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _kernel.ApiKeys.CreateAsync("ci", Bound(days.Minimum) - 1));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _kernel.ApiKeys.CreateAsync("ci", Bound(days.Maximum) + 1));
        Assert.That(_sent, Is.EqualTo(4), "the four values inside the bounds were sent, the four outside were not");
    }

    [Test]
    public void The_rules_apply_whatever_bounds_the_table_gives()
    {
        // Shaped like a row the generator would write if Kernel lowered the maximum to 365.
        var constraints = new SpecConstraints("days_to_expire", 1, 365);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FieldRules.ValidateNumber(366, constraints, "daysToExpire", "days", "null for never"))!;
        Assert.That(ex.Message, Does.StartWith("days_to_expire must be 1-365 days, or null for never."));
        Assert.DoesNotThrow(() => FieldRules.ValidateNumber(365, constraints, "daysToExpire", "days", "null"));
        Assert.Throws<ArgumentException>(() => FieldRules.ValidateString("", new SpecConstraints("name", 1, 10), "name"));
        Assert.Throws<ArgumentException>(() => FieldRules.ValidateString(new string('x', 11), new SpecConstraints("name", 1, 10), "name"));
        Assert.DoesNotThrow(() => FieldRules.ValidateString(new string('x', 10), new SpecConstraints("name", 1, 10), "name"));
    }
}
