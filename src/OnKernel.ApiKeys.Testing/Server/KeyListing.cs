using System.Globalization;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OnKernel.Testing.Server;

/// <summary>
/// GET /org/api_keys: every filter and sort the spec declares, offset paging, and the
/// paging headers as the client reads them (X-Next-Offset is the absolute offset of the
/// next page; X-Has-More false and X-Next-Offset 0 on the last page).
/// </summary>
internal static class KeyListing
{
    public const int DefaultLimit = 20;

    public static FakeResponse List(KeyStore store, Caller caller, QueryParameters query)
    {
        var limit = query.Integer("limit", SpecBounds.ListLimit, DefaultLimit);
        var offset = query.Integer("offset", SpecBounds.ListOffset, 0);
        var includeDeleted = query.Boolean("include_deleted");
        var name = query.String("name");
        var text = query.String("query");
        var sortBy = query.Enum("sort_by", "created_at", "name", "expires_at") ?? "created_at";
        var direction = query.Enum("sort_direction", "asc", "desc") ?? (sortBy == "name" ? "asc" : "desc");

        // status wins when given; the deprecated include_deleted=true means status=all otherwise.
        var status = query.Enum("status", "active", "deleted", "all") ?? (includeDeleted == true ? "all" : "active");

        var matching = store.Keys
            .Where(caller.CanSee)
            .Where(k => status == "all" || (status == "deleted") == k.IsDeleted)
            .Where(k => name is null || Fold(k.Name) == Fold(name))
            .Where(k => text is null || Matches(k, text, store))
            .ToList();
        matching.Sort(Comparison(sortBy, descending: direction == "desc"));

        var page = offset >= matching.Count ? new List<StoredKey>() : matching.Skip(offset).Take(limit).ToList();
        var hasMore = page.Count > 0 && offset + page.Count < matching.Count;
        var next = hasMore ? offset + page.Count : 0;
        return new FakeResponse(HttpStatusCode.OK, new JArray(page.Select(k => WireFormat.ApiKey(k, store))))
            .WithHeader("X-Has-More", hasMore ? "true" : "false")
            .WithHeader("X-Next-Offset", next.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A total order (ties broken by creation order), so pages never overlap or skip a key.
    /// Ascending by expiry puts keys that never expire last.
    /// </summary>
    private static Comparison<StoredKey> Comparison(string sortBy, bool descending)
    {
        Comparison<StoredKey> primary = sortBy switch
        {
            "name" => (a, b) => string.CompareOrdinal(Fold(a.Name), Fold(b.Name)),
            "expires_at" => (a, b) => (a.ExpiresAt ?? DateTimeOffset.MaxValue).CompareTo(b.ExpiresAt ?? DateTimeOffset.MaxValue),
            _ => (a, b) => a.CreatedAt.CompareTo(b.CreatedAt),
        };
        return (a, b) =>
        {
            var order = primary(a, b);
            if (order == 0)
            {
                order = a.Sequence.CompareTo(b.Sequence);
            }

            return descending ? -order : order;
        };
    }

    // "Case-insensitive substring match against key name, creator and project; key
    // identifiers and masked keys match by exact value or prefix."
    private static bool Matches(StoredKey key, string text, KeyStore store) =>
        Contains(key.Name, text)
        || Contains(WireFormat.CreatorName, text)
        || Contains(WireFormat.CreatorEmail, text)
        || (key.ProjectId is not null && Contains(key.ProjectId, text))
        || (store.ProjectName(key.ProjectId) is { } projectName && Contains(projectName, text))
        || key.Id.StartsWith(text, StringComparison.Ordinal)
        || key.MaskedKey.StartsWith(text, StringComparison.Ordinal);

    private static bool Contains(string value, string part) => value.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>Case- and accent-insensitive form ("Café" and "cafe" match), independent of the machine's culture data.</summary>
    private static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).ToUpperInvariant();
    }
}
