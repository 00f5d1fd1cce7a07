using System.Net;
using Newtonsoft.Json.Linq;

namespace OnKernel.Testing.Server;

/// <summary>
/// Create, get, update, delete and rotate, with the rules the spec and Kernel's docs state.
/// Every method runs under the store lock with an authenticated <see cref="Caller"/>.
/// Bodies are checked before ids are looked up, so a bad body is 400 even for an unknown id.
/// </summary>
internal static class ApiKeyEndpoints
{
    /// <summary>The grace period when a rotation does not give expire_in_days.</summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromDays(7);

    public static FakeResponse Create(KeyStore store, Caller caller, JObject? body, DateTimeOffset now)
    {
        body ??= new JObject();
        var name = RequestBody.RequiredString(body, "name", SpecBounds.CreateName);
        var days = RequestBody.OptionalInteger(body, "days_to_expire", SpecBounds.CreateDaysToExpire);
        var projectId = RequestBody.OptionalString(body, "project_id");

        // The spec sets no minLength, but Kernel answers an empty project_id with 400.
        if (projectId is not null && projectId.Trim().Length == 0)
        {
            throw FakeApiError.BadRequest("project_id must not be empty; omit it or send null for an organisation-wide key.");
        }

        if (caller.ProjectId is not null && projectId is not null && projectId != caller.ProjectId)
        {
            throw FakeApiError.Forbidden($"project_id '{projectId}' is outside the project this request is scoped to.");
        }

        projectId ??= caller.ProjectId;
        if (projectId is not null && !store.HasProject(projectId))
        {
            throw FakeApiError.NotFound($"Project '{projectId}' not found.");
        }

        var lifetime = days is int d ? TimeSpan.FromDays(d) : (TimeSpan?)null;
        return Issue(store, name, projectId, lifetime, now);
    }

    public static FakeResponse Get(KeyStore store, Caller caller, string id, QueryParameters query)
    {
        var key = Find(store, caller, id, includeDeleted: query.Boolean("include_deleted") == true);
        return new FakeResponse(HttpStatusCode.OK, WireFormat.ApiKey(key, store));
    }

    public static FakeResponse Update(KeyStore store, Caller caller, string id, JObject? body)
    {
        var name = RequestBody.RequiredString(body!, "name", SpecBounds.UpdateName);
        var key = Find(store, caller, id, includeDeleted: false);
        key.Name = name;
        return new FakeResponse(HttpStatusCode.OK, WireFormat.ApiKey(key, store));
    }

    public static FakeResponse Delete(KeyStore store, Caller caller, string id, DateTimeOffset now)
    {
        var key = Find(store, caller, id, includeDeleted: false);
        if (ReferenceEquals(key, caller.Key))
        {
            throw new FakeApiError(HttpStatusCode.BadRequest, KernelErrorCodes.CannotDeleteCurrentKey, "An API key cannot delete itself; delete it with another key.");
        }

        key.DeletedAt = now;
        return new FakeResponse(HttpStatusCode.NoContent, null);
    }

    public static FakeResponse Rotate(KeyStore store, Caller caller, string id, JObject? body, DateTimeOffset now)
    {
        body ??= new JObject();
        var days = RequestBody.OptionalInteger(body, "days_to_expire", SpecBounds.RotateDaysToExpire);
        var grace = RequestBody.OptionalInteger(body, "expire_in_days", SpecBounds.RotateExpireInDays);
        if (days is int newLifetime && grace is int graceDays && newLifetime < graceDays)
        {
            throw FakeApiError.BadRequest($"days_to_expire ({newLifetime}) may not be shorter than expire_in_days ({graceDays}).");
        }

        var old = Find(store, caller, id, includeDeleted: false);

        // The old key stops working after the grace period, or sooner if it was due to
        // expire anyway: a rotation never extends a key's life.
        var graceEnd = now + (grace is int g ? TimeSpan.FromDays(g) : DefaultGracePeriod);
        if (old.ExpiresAt is not DateTimeOffset expiry || graceEnd < expiry)
        {
            old.ExpiresAt = graceEnd;
        }

        var lifetime = days is int d ? TimeSpan.FromDays(d) : old.Lifetime;
        return Issue(store, old.Name, old.ProjectId, lifetime, now);
    }

    private static FakeResponse Issue(KeyStore store, string name, string? projectId, TimeSpan? lifetime, DateTimeOffset now)
    {
        var plaintext = KeyMaterial.NewPlaintext();
        var key = new StoredKey(store.NextSequence(), store.NewId(), name, KeyMaterial.Hash(plaintext), KeyMaterial.Mask(plaintext), now, lifetime, now + lifetime, projectId);
        store.Add(key);
        return new FakeResponse(HttpStatusCode.Created, WireFormat.CreatedApiKey(key, store, plaintext));
    }

    private static StoredKey Find(KeyStore store, Caller caller, string id, bool includeDeleted)
    {
        var key = store.FindById(id);
        if (key is null || !caller.CanSee(key) || (key.IsDeleted && !includeDeleted))
        {
            throw FakeApiError.NotFound($"API key '{id}' not found.");
        }

        return key;
    }
}
