using System.Globalization;
using Newtonsoft.Json.Linq;

namespace OnKernel.Testing.Server;

/// <summary>
/// Writes keys as the spec's ApiKey and CreatedApiKey schemas, by hand rather than through
/// the client's models, so that the contract tests (Prism validating the fake's answers)
/// check the fake independently of the client.
/// </summary>
internal static class WireFormat
{
    /// <summary>The one user of the fake organisation, shown as every key's creator.</summary>
    public const string CreatorId = "user_fake_kernel";

    public const string CreatorEmail = "tester@example.com";

    public const string CreatorName = "FakeKernel Tester";

    public static JObject ApiKey(StoredKey key, KeyStore store) => new()
    {
        ["id"] = key.Id,
        ["name"] = key.Name,
        ["created_at"] = Timestamp(key.CreatedAt),
        ["created_by"] = new JObject { ["id"] = CreatorId, ["email"] = CreatorEmail, ["name"] = CreatorName },
        ["expires_at"] = Timestamp(key.ExpiresAt),
        ["deleted_at"] = Timestamp(key.DeletedAt),
        ["project_id"] = key.ProjectId,
        ["project_name"] = store.ProjectName(key.ProjectId),
        ["masked_key"] = key.MaskedKey,
    };

    public static JObject CreatedApiKey(StoredKey key, KeyStore store, string plaintext)
    {
        var json = ApiKey(key, store);
        json["key"] = plaintext;
        return json;
    }

    // RFC 3339 in UTC with 100 ns precision: round-trips a DateTimeOffset exactly.
    private static JToken Timestamp(DateTimeOffset? value) =>
        value is DateTimeOffset v
            ? new JValue(v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture))
            : JValue.CreateNull();
}
