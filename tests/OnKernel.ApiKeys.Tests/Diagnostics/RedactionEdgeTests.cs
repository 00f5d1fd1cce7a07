using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Diagnostics;

/// <summary>Redaction at its edges: JSON arrays at the top, keys as property names, no API key at all.</summary>
public class RedactionEdgeTests
{
    private static readonly SecretRedactor Redactor = new(Samples.CallerApiKey);

    [Test]
    public void A_top_level_array_is_walked_as_JSON()
    {
        var clean = Redactor.Redact("""[{"Key":["sk_live_one","sk_live_two"]},{"note":"fine"}]""")!;
        Assert.That(clean, Does.Not.Contain("sk_live_one").And.Not.Contain("sk_live_two"));
        Assert.That(clean, Does.Contain("fine"));
    }

    [Test]
    public void The_callers_key_as_two_property_names_is_removed_from_both()
    {
        var body = $$"""{"{{Samples.CallerApiKey}}":1,"x{{Samples.CallerApiKey}}":2,"other":3}""";
        var clean = Redactor.Redact(body)!;
        Assert.That(clean, Does.Not.Contain(Samples.CallerApiKey));
        Assert.That(clean, Does.Contain("other"));
    }

    [Test]
    public void Without_an_API_key_only_key_fields_are_redacted()
    {
        var redactor = new SecretRedactor(null);
        Assert.That(redactor.RedactApiKey("plain text"), Is.EqualTo("plain text"));
        Assert.That(redactor.Redact("""{"key":"sk_live_x","name":"n"}"""), Does.Not.Contain("sk_live_x").And.Contain("\"n\""));
    }

    [Test]
    public void An_error_code_that_is_not_a_string_is_not_a_Kernel_error()
    {
        var error = ApiKeysModelFactory.ApiException(503);
        Assert.That(error.ErrorCode, Is.Null);
    }
}
