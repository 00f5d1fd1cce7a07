using OnKernel.ApiKeys.Testing.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Testing.Tests;

/// <summary>Rotate: a new key with the old one's name and project; the old one expires after the grace period.</summary>
public sealed class RotateTests
{
    [Test]
    public async Task The_old_key_works_through_the_default_7_day_grace_period_then_is_401()
    {
        using var setup = new FakeSetup();
        setup.Fake.AddProject("proj_rot", "Rotation");
        var old = await setup.Client.ApiKeys.CreateAsync("deploy", daysToExpire: 90, projectId: "proj_rot");
        var oldClient = setup.ClientFor(old.Key);
        setup.Time.Advance(TimeSpan.FromDays(10));

        var rotated = await setup.Client.ApiKeys.RotateAsync(old.Id);

        Assert.Multiple(() =>
        {
            Assert.That(rotated.Key, Is.Not.EqualTo(old.Key).And.StartWith("sk_"));
            Assert.That(rotated.Id, Is.Not.EqualTo(old.Id));
            Assert.That(rotated.Name, Is.EqualTo("deploy"));
            Assert.That(rotated.ProjectId, Is.EqualTo("proj_rot"));
            Assert.That(rotated.ProjectName, Is.EqualTo("Rotation"));
            Assert.That(rotated.CreatedAt, Is.EqualTo(FakeSetup.Start.AddDays(10)));
            Assert.That(rotated.ExpiresAt, Is.EqualTo(FakeSetup.Start.AddDays(100)), "the old key's 90-day lifetime, from now");
        });
        Assert.That((await setup.Client.ApiKeys.GetAsync(old.Id)).ExpiresAt, Is.EqualTo(FakeSetup.Start.AddDays(17)));

        setup.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.That((await oldClient.ApiKeys.ListPageAsync()).Items, Has.Count.EqualTo(2), "project-scoped: sees its own project's keys, old and new");

        setup.Time.Advance(TimeSpan.FromSeconds(1));
        var expired = Assert.ThrowsAsync<KernelAuthenticationException>(() => oldClient.ApiKeys.ListPageAsync());
        Assert.That(expired!.ErrorCode, Is.EqualTo("unauthorized"));
        Assert.That(setup.Fake.Authenticates(rotated.Key), Is.True);
    }

    [Test]
    public async Task Expire_in_days_0_expires_the_old_key_at_once_and_days_to_expire_sets_the_new_lifetime()
    {
        using var setup = new FakeSetup();
        var old = await setup.Client.ApiKeys.CreateAsync("short");

        var rotated = await setup.Client.ApiKeys.RotateAsync(old.Id, daysToExpire: 30, expireInDays: 0);

        Assert.Multiple(() =>
        {
            Assert.That(rotated.ExpiresAt, Is.EqualTo(FakeSetup.Start.AddDays(30)));
            Assert.That(setup.Fake.Authenticates(old.Key), Is.False);
            Assert.That(setup.Fake.Keys.Single(k => k.Id == old.Id).ExpiresAt, Is.EqualTo(FakeSetup.Start));
        });
    }

    [Test]
    public async Task A_key_without_expiry_rotates_into_one_without_expiry_and_rotation_never_extends_a_key()
    {
        using var setup = new FakeSetup();
        var forever = await setup.Client.ApiKeys.CreateAsync("forever");
        var soon = await setup.Client.ApiKeys.CreateAsync("soon", daysToExpire: 2);

        var fromForever = await setup.Client.ApiKeys.RotateAsync(forever.Id);
        await setup.Client.ApiKeys.RotateAsync(soon.Id, expireInDays: 7);

        Assert.Multiple(() =>
        {
            Assert.That(fromForever.ExpiresAt, Is.Null);
            Assert.That(setup.Fake.Keys.Single(k => k.Id == soon.Id).ExpiresAt, Is.EqualTo(FakeSetup.Start.AddDays(2)));
        });
    }

    [Test]
    public async Task A_key_may_rotate_itself()
    {
        using var setup = new FakeSetup();

        var rotated = await setup.Client.ApiKeys.RotateAsync(setup.Admin.Id, expireInDays: 1);

        Assert.That(rotated.Name, Is.EqualTo("admin"));
        Assert.That((await setup.Client.ApiKeys.GetAsync(setup.Admin.Id)).ExpiresAt, Is.EqualTo(FakeSetup.Start.AddDays(1)));
    }

    [Test]
    public async Task Days_to_expire_shorter_than_the_grace_period_is_400()
    {
        using var setup = new FakeSetup();
        var key = await setup.Client.ApiKeys.CreateAsync("k");

        var answer = await setup.RawAsync(HttpMethod.Post, $"org/api_keys/{key.Id}/rotate", """{"days_to_expire":5,"expire_in_days":7}""");

        Assert.That((answer.Status, answer.Code), Is.EqualTo((400, "bad_request")));
        Assert.That(answer.Body!["message"]!.ToString(), Is.EqualTo("days_to_expire (5) may not be shorter than expire_in_days (7)."));
        Assert.That(setup.Fake.Keys, Has.Count.EqualTo(2), "nothing issued");
    }
}
