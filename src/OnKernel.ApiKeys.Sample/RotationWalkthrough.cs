using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace OnKernel.Sample;

/// <summary>
/// The walkthrough: create a key (its plaintext printed once), list keys, rotate it, let the
/// grace period pass and show the old key expired, then delete it. Against the fake, the
/// clock is moved for real and the old key is refused; against Prism (static examples, no
/// clock) that step is skipped.
/// </summary>
internal sealed class RotationWalkthrough(HttpClient http, string apiKey, Uri? baseUrl, FakeTimeProvider? clock, TextWriter output)
{
    private const int GraceDays = 7;

    public async Task RunAsync(SampleArguments arguments, CancellationToken ct)
    {
        using var client = ClientFor(apiKey);

        Step($"1. Create API key '{arguments.Name}' ({(arguments.Days is int d ? $"expires in {d} days" : "never expires")})");
        var created = await client.ApiKeys.CreateAsync(arguments.Name, arguments.Days, arguments.Project, ct);
        output.WriteLine("   Plaintext key (shown once; store it in your secret manager now):");
        output.WriteLine($"     {created.Key}");
        output.WriteLine($"   {Describe(created)}");

        Step("2. List active keys");
        await foreach (var key in client.ApiKeys.ListAsync(new ApiKeyListOptions { Status = ApiKeyStatus.Active, SortBy = ApiKeySortBy.CreatedAt, SortDirection = ApiKeySortDirection.Asc }, ct))
        {
            output.WriteLine($"   - {Describe(key)}");
        }

        Step($"3. Rotate it: a new key now; the old one keeps working for {GraceDays} days");
        var rotated = await client.ApiKeys.RotateAsync(created.Id, expireInDays: GraceDays, cancellationToken: ct);
        var old = await client.ApiKeys.GetAsync(created.Id, cancellationToken: ct);
        output.WriteLine($"   new: {Describe(rotated)} (its plaintext was returned once, like a create's)");
        output.WriteLine($"   old: {Describe(old)}");

        if (clock is null)
        {
            Step("4. Let the grace period pass: skipped (Prism answers static examples and has no clock)");
        }
        else
        {
            clock.Advance(TimeSpan.FromDays(GraceDays + 1));
            Step($"4. Advance the fake's clock {GraceDays + 1} days, to {Time(clock.GetUtcNow())}");
            old = await client.ApiKeys.GetAsync(created.Id, cancellationToken: ct);
            output.WriteLine($"   old key's expires_at {Time(old.ExpiresAt)} is in the past");
            await TryKeyAsync("old", created.Key, ct);
            await TryKeyAsync("new", rotated.Key, ct);
        }

        Step("5. Delete the old key");
        var deleted = await client.ApiKeys.DeleteWithResponseAsync(created.Id, ct);
        var audit = await client.ApiKeys.GetAsync(created.Id, includeDeleted: true, cancellationToken: ct);
        output.WriteLine($"   HTTP {deleted.StatusCode}; deleted_at {Time(audit.DeletedAt)}");
        output.WriteLine();
        output.WriteLine(clock is null ? "Done: created, listed, rotated and deleted." : "Done: created, listed, rotated, expired and deleted.");
    }

    private async Task TryKeyAsync(string which, string plaintext, CancellationToken ct)
    {
        using var client = ClientFor(plaintext);
        try
        {
            var page = await client.ApiKeys.ListPageAsync(new ApiKeyListOptions { Limit = 1 }, cancellationToken: ct);
            output.WriteLine($"   a request with the {which} key: HTTP {page.Response.StatusCode}");
        }
        catch (KernelAuthenticationException ex)
        {
            output.WriteLine($"   a request with the {which} key: HTTP {ex.StatusCode} {ex.ErrorCode} ({ex.ErrorMessage})");
        }
    }

    private KernelClient ClientFor(string key) =>
        new(http, new KernelClientOptions { ApiKey = key, BaseUrl = baseUrl, MaxRetries = 0 });

    private void Step(string text)
    {
        output.WriteLine();
        output.WriteLine(text);
    }

    private static string Describe(ApiKey key) =>
        $"{key.Name} {key.MaskedKey} (id {key.Id}), expires {(key.ExpiresAt is null ? "never" : Time(key.ExpiresAt))}";

    private static string Time(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "(none)";
}
