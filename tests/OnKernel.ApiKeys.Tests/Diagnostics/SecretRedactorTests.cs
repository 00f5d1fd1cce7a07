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
}
