namespace OnKernel.ApiKeys.Tests.Infrastructure;

/// <summary>Response bodies shaped like Kernel's, shared by tests.</summary>
internal static class Samples
{
    public const string PlaintextKey = "sk_live_PLAINTEXT_0123456789abcdef";
    public const string CallerApiKey = "sk_caller_SECRET_fedcba9876543210";

    public const string CreatedKeyJson = """
        {
          "id": "ckv9w8q2f000001l5r3j7k9m4",
          "name": "staging",
          "created_at": "2026-11-26T10:15:30.123Z",
          "created_by": { "id": "user-abc123", "email": "jane@example.com", "name": "Jane Doe" },
          "expires_at": "2026-12-26T10:15:30Z",
          "deleted_at": null,
          "project_id": "proj_abc123",
          "project_name": "Production",
          "masked_key": "sk_live_...cdef",
          "key": "sk_live_PLAINTEXT_0123456789abcdef"
        }
        """;

    public const string CreatedOrgWideKeyJson = """
        {
          "id": "key_2",
          "name": "ci",
          "created_at": "2026-11-26T10:15:30Z",
          "created_by": { "id": "user-1", "email": "ci@example.com", "name": null },
          "expires_at": null,
          "deleted_at": null,
          "project_id": null,
          "project_name": null,
          "masked_key": "sk_live_...cdef",
          "key": "sk_live_PLAINTEXT_0123456789abcdef",
          "some_future_field": { "nested": [1, 2, 3] }
        }
        """;

    public static string ErrorJson(string code, string message) => $$"""
        {
          "code": "{{code}}",
          "message": "{{message}}",
          "details": [ { "code": "invalid_input", "message": "name is too long" } ],
          "inner_error": { "code": "validation", "message": "field name" }
        }
        """;
}

/// <summary>Bodies for the list, get and update operations.</summary>
internal static class ListSamples
{
    public static string Key(string id, string name = "k") => $$"""
        { "id": "{{id}}", "name": "{{name}}", "created_at": "2026-11-01T00:00:00Z",
          "created_by": { "id": "user-1", "email": "a@example.com", "name": null },
          "expires_at": null, "deleted_at": null, "project_id": null, "project_name": null,
          "masked_key": "sk_live_...{{id}}" }
        """;

    public static string Page(params string[] ids) => "[" + string.Join(",", ids.Select(id => Key(id))) + "]";
}
