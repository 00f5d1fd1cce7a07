// The README's "Testing your code" example, compiled and run here, and installed from the
// local feed into a fresh NUnit project by the package tests
// (tests/OnKernel.ApiKeys.Tests/Packaging/TestingPackageTests). The region must appear
// verbatim in README.md (ReadmeSnippetTests checks that); it is a whole file, usings
// included, so a user can paste it as is.
#region readme-testing
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using OnKernel;
using OnKernel.Testing;

// Code under test: rotates every key older than 80 days, stores the new plaintext, and
// deletes the old key once its grace period is over.
public interface ISecretStore
{
    Task SaveAsync(string keyName, string plaintext, CancellationToken ct);
}

public sealed class KeyRotationJob(ApiKeysService apiKeys, ISecretStore secrets, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(80);
    public const int GraceDays = 7;

    public async Task RunAsync(CancellationToken ct = default)
    {
        DateTimeOffset now = clock.GetUtcNow();

        // Read every page first: deleting while paging would shift the offsets.
        var keys = new List<ApiKey>();
        await foreach (ApiKey key in apiKeys.ListAsync(cancellationToken: ct))
        {
            keys.Add(key);
        }

        foreach (ApiKey key in keys)
        {
            bool expired = key.ExpiresAt <= now; // false for a key that never expires
            bool expiringAnyway = key.ExpiresAt <= now.AddDays(GraceDays); // e.g. rotated on an earlier run
            if (expired)
            {
                await apiKeys.DeleteAsync(key.Id, ct); // its grace period is over
            }
            else if (now - key.CreatedAt > MaxAge && !expiringAnyway)
            {
                CreatedApiKey fresh = await apiKeys.RotateAsync(key.Id, daysToExpire: 90, expireInDays: GraceDays, ct);
                await secrets.SaveAsync(key.Name, fresh.Key, ct); // the plaintext is returned only once
            }
        }
    }
}

public class KeyRotationJobTests
{
    [Test]
    public async Task Rotates_old_keys_and_deletes_them_after_the_grace_period()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var kernel = new FakeKernel(clock);
        kernel.SeedKey("sk_test_rotation_job", "rotation-job");
        ApiKey old = kernel.SeedKey("sk_test_old_deploy_key", "deploy", createdAt: clock.GetUtcNow().AddDays(-85));
        ApiKey recent = kernel.SeedKey("sk_test_recent_ci_key", "ci", createdAt: clock.GetUtcNow().AddDays(-10));
        using HttpClient http = kernel.CreateHttpClient();
        using var client = new KernelClient(http, new KernelClientOptions { ApiKey = "sk_test_rotation_job" });
        var secrets = new InMemorySecretStore();
        var job = new KeyRotationJob(client.ApiKeys, secrets, clock);

        await job.RunAsync();

        Assert.That(secrets.Saved.Keys, Is.EqualTo(new[] { "deploy" }));
        Assert.That(kernel.Authenticates(secrets.Saved["deploy"]), Is.True);
        Assert.That(kernel.Authenticates("sk_test_old_deploy_key"), Is.True, "still in its grace period");

        clock.Advance(TimeSpan.FromDays(8)); // past the 7-day grace period
        await job.RunAsync();

        Assert.That(kernel.Authenticates("sk_test_old_deploy_key"), Is.False);
        Assert.That(kernel.Keys.Single(k => k.Id == old.Id).DeletedAt, Is.EqualTo(clock.GetUtcNow()));
        Assert.That(kernel.Keys.Single(k => k.Id == recent.Id).DeletedAt, Is.Null);
        Assert.That(secrets.Saved, Has.Count.EqualTo(1), "the new key is not rotated again");
    }

    private sealed class InMemorySecretStore : ISecretStore
    {
        public Dictionary<string, string> Saved { get; } = new();

        public Task SaveAsync(string keyName, string plaintext, CancellationToken ct)
        {
            Saved[keyName] = plaintext;
            return Task.CompletedTask;
        }
    }
}
#endregion
