using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Diagnostics;

/// <summary>
/// The redactor on text that is not one JSON document (a body cut off mid-value, trailing
/// junk, nesting too deep to parse): the pattern still finds a key field in any case or
/// \u-escaping, and the caller's key anywhere.
/// </summary>
public class PatternRedactionTests
{
    private readonly SecretRedactor _redactor = new(Samples.CallerApiKey);

    [TestCase("""{"id":"a","KEY": "sk_live_PLAINTEXT_cut""")]
    [TestCase("""{"id":"a","\u006bey":"sk_live_PLAINTEXT_cut""")]
    [TestCase("""{"id":"a","\u004B\u0045\u0059":"sk_live_PLAINTEXT_1"} trailing""")]
    [TestCase("""{"key":"sk_live_PLAINTEXT_1"}{"key":"sk_live_PLAINTEXT_2"}""")]
    public void A_key_field_in_text_that_is_not_json_is_redacted(string text)
    {
        var redacted = _redactor.Redact(text)!;

        Assert.That(redacted, Does.Contain("\"key\":\"[REDACTED]\""));
        SecretWatch.AssertClean(redacted, "redacted text");
    }

    [Test]
    public void Json_nested_too_deep_to_parse_is_still_redacted_by_pattern()
    {
        var deep = new string('[', 500) + "{\"Key\":\"sk_live_PLAINTEXT_deep\"}" + new string(']', 500);

        var redacted = _redactor.Redact(deep)!;

        SecretWatch.AssertClean(redacted, "redacted text");
        Assert.That(redacted, Does.Contain("[REDACTED]"));
    }

    [Test]
    public void The_callers_key_in_a_json_string_body_is_redacted()
    {
        Assert.That(_redactor.Redact($"\"token {Samples.CallerApiKey}\""), Is.EqualTo("\"token [REDACTED]\""));
    }
}
