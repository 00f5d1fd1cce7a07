namespace OnKernel.ApiKeys.Tests.Infrastructure;

/// <summary>
/// Asserts that no secret (the caller's API key, a created key's plaintext) appears in any
/// text a user could see: exception messages and ToString() (inner exceptions included)
/// and captured log lines.
/// </summary>
internal static class SecretWatch
{
    public static readonly string[] Secrets = [Samples.CallerApiKey, Samples.PlaintextKey, "PLAINTEXT", "SECRET"];

    public static void AssertClean(Exception? exception, CapturingLoggerFactory? logs = null)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            AssertClean(e.Message, $"{e.GetType().Name}.Message");
            AssertClean(e.ToString(), $"{e.GetType().Name}.ToString()");
            if (e is KernelApiException api)
            {
                AssertClean(api.RawBody, "RawBody");
            }

            if (e is KernelInvalidResponseException invalid)
            {
                AssertClean(invalid.RawBody, "RawBody");
            }
        }

        if (logs is not null)
        {
            foreach (var (_, line) in logs.Lines)
            {
                AssertClean(line, "log line");
            }
        }
    }

    public static void AssertClean(string? text, string where)
    {
        if (text is null)
        {
            return;
        }

        foreach (var secret in Secrets)
        {
            Assert.That(text, Does.Not.Contain(secret), $"a secret leaked into {where}");
        }
    }
}
