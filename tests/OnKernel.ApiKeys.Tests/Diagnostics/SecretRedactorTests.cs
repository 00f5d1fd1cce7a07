using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Diagnostics;

public class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new(Samples.CallerApiKey);

    [TestCase("{\"key\":\"sk_live_PLAINTEXT_1\",\"id\":\"a\"}", "{\"key\":\"[REDACTED]\",\"id\":\"a\"}")]
    [TestCase("{\"key\" : \"sk_live_PLAINTEXT_\\\"x\"}", "{\"key\":\"[REDACTED]\"}")]
    [TestCase("{\"id\":\"a\",\"key\": \"sk_live_PLAINTEXT_cut", "{\"id\":\"a\",\"key\":\"[REDACTED]\"")]
    [TestCase("{\"masked_key\":\"sk_1234...abcd\"}", "{\"masked_key\":\"sk_1234...abcd\"}")]
    [TestCase("Bearer sk_caller_SECRET_fedcba9876543210 rejected", "Bearer [REDACTED] rejected")]
    public void Redacts_key_fields_and_the_callers_key(string input, string expected)
    {
        Assert.That(_redactor.Redact(input), Is.EqualTo(expected));
    }

    [Test]
    public void Nothing_in_gives_nothing_out()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_redactor.Redact(null), Is.Null);
            Assert.That(_redactor.Redact(""), Is.EqualTo(""));
            Assert.That(_redactor.RedactText(null), Is.Null);
            Assert.That(_redactor.RedactText(""), Is.EqualTo(""));
        });
    }

    [Test]
    public void Free_text_that_starts_with_a_key_field_is_redacted()
    {
        Assert.That(_redactor.RedactText("\"key\":\"sk_live_PLAINTEXT_1\" was echoed"), Is.EqualTo("\"key\":\"[REDACTED]\" was echoed"));
    }

    [Test]
    public void A_redacted_body_keeps_its_dates_and_numbers_as_written()
    {
        const string body = """{"key":"sk_live_PLAINTEXT_1","created_at":"2026-11-26T10:15:30.120Z","ratio":1.10,"big":12345678901234567890.5}""";
        Assert.That(_redactor.Redact(body), Is.EqualTo("""{"key":"[REDACTED]","created_at":"2026-11-26T10:15:30.120Z","ratio":1.10,"big":12345678901234567890.5}"""));
    }

    [Test]
    public void A_body_whose_text_is_already_redacted_is_kept_verbatim()
    {
        // The pattern matches the masked field again and writes the same text: nothing changed,
        // so the body is not re-serialised (its spacing stays).
        const string body = "{ \"note\" : \"\\\"key\\\":\\\"[REDACTED]\\\"\" }";
        Assert.That(_redactor.Redact(body), Is.SameAs(body));
    }
}
