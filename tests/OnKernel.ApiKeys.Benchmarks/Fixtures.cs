using System.Text;

namespace OnKernel.Benchmarks;

/// <summary>
/// The bodies and headers every benchmark answers with, shaped like Kernel's own answers, so
/// that both sides of a comparison parse exactly the same bytes.
/// </summary>
internal static class Fixtures
{
    public const string ApiKey = "sk_bench_0123456789abcdef0123456789abcdef";
    public const string BaseUrl = "https://api.onkernel.com/";
    public const string KeyId = "ckv9w8q2f000001l5r3j7k9m4";

    public static readonly byte[] Created = Encoding.UTF8.GetBytes(
        "{\"id\":\"ckv9w8q2f000001l5r3j7k9m4\",\"name\":\"bench-key\",\"created_at\":\"2026-01-15T10:30:00Z\"," +
        "\"created_by\":{\"id\":\"usr_123\",\"email\":\"dev@example.com\",\"name\":\"Dev\"},\"expires_at\":\"2026-04-15T10:30:00Z\"," +
        "\"deleted_at\":null,\"project_id\":null,\"project_name\":null,\"masked_key\":\"sk_...abcd\"," +
        "\"key\":\"sk_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0\"}");

    public static readonly byte[] Key = Encoding.UTF8.GetBytes(KeyJson(0));

    public static readonly byte[] Page = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, 100).Select(KeyJson)) + "]");

    public static readonly byte[] BadRequest = Encoding.UTF8.GetBytes(
        "{\"code\":\"bad_request\",\"message\":\"days_to_expire must be at most 3650\"}");

    public static readonly byte[] RateLimited = Encoding.UTF8.GetBytes(
        "{\"code\":\"rate_limited\",\"message\":\"Too many requests\"}");

    /// <summary>What Kernel sends on every answer besides the body's own headers.</summary>
    public static readonly KeyValuePair<string, string>[] CommonHeaders =
    [
        new("X-RateLimit-Limit", "600"),
        new("X-RateLimit-Remaining", "599"),
        new("X-Request-Id", "req_01HZX3Y4Z5A6B7C8D9E0F1G2H3"),
    ];

    private static string KeyJson(int i) =>
        $"{{\"id\":\"ckv9w8q2f0000{i:D2}l5r3j7k9m4\",\"name\":\"key-{i}\",\"created_at\":\"2026-01-15T10:30:00Z\"," +
        "\"created_by\":{\"id\":\"usr_123\",\"email\":\"dev@example.com\",\"name\":\"Dev\"},\"expires_at\":\"2026-04-15T10:30:00Z\"," +
        "\"deleted_at\":null,\"project_id\":\"proj_abc123\",\"project_name\":\"Production\",\"masked_key\":\"sk_...abcd\"}";
}
