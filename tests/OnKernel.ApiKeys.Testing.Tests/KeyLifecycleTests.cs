using OnKernel.ApiKeys.Testing.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Testing.Tests;

/// <summary>Get, rename and soft delete, including a key's attempt to delete itself.</summary>
public sealed class KeyLifecycleTests
{
    [Test]
    public async Task Rename_changes_only_the_name()
    {
        using var setup = new FakeSetup();
        var created = await setup.Client.ApiKeys.CreateAsync("before", daysToExpire: 5);

        var renamed = await setup.Client.ApiKeys.UpdateAsync(created.Id, "after");
        var fetched = await setup.Client.ApiKeys.GetAsync(created.Id);

        Assert.Multiple(() =>
        {
            Assert.That(renamed.Name, Is.EqualTo("after"));
            Assert.That(fetched.Name, Is.EqualTo("after"));
            Assert.That(fetched.ExpiresAt, Is.EqualTo(created.ExpiresAt));
            Assert.That(fetched.MaskedKey, Is.EqualTo(created.MaskedKey));
            Assert.That(setup.Fake.Authenticates(created.Key), Is.True);
        });
    }

    [Test]
    public async Task Delete_is_soft_a_deleted_key_is_404_unless_asked_for_and_stops_working()
    {
        using var setup = new FakeSetup();
        var created = await setup.Client.ApiKeys.CreateAsync("doomed");
        setup.Time.Advance(TimeSpan.FromMinutes(5));

        var response = await setup.Client.ApiKeys.DeleteWithResponseAsync(created.Id);

        Assert.That(response.StatusCode, Is.EqualTo(204));
        var notFound = Assert.ThrowsAsync<KernelNotFoundException>(() => setup.Client.ApiKeys.GetAsync(created.Id));
        Assert.That(notFound!.ErrorCode, Is.EqualTo("not_found"));
        var audited = await setup.Client.ApiKeys.GetAsync(created.Id, includeDeleted: true);
        Assert.That(audited.DeletedAt, Is.EqualTo(FakeSetup.Start.AddMinutes(5)));
        Assert.That(setup.Fake.Authenticates(created.Key), Is.False);
        Assert.ThrowsAsync<KernelAuthenticationException>(() => setup.ClientFor(created.Key).ApiKeys.ListPageAsync());
        Assert.ThrowsAsync<KernelNotFoundException>(() => setup.Client.ApiKeys.UpdateAsync(created.Id, "zombie"));
        Assert.ThrowsAsync<KernelNotFoundException>(() => setup.Client.ApiKeys.RotateAsync(created.Id));
    }

    [Test]
    public async Task Deleting_a_deleted_key_again_is_404()
    {
        using var setup = new FakeSetup();
        var created = await setup.Client.ApiKeys.CreateAsync("twice");
        await setup.Client.ApiKeys.DeleteAsync(created.Id);

        var again = await setup.RawAsync(HttpMethod.Delete, "org/api_keys/" + created.Id);

        Assert.That((again.Status, again.Code), Is.EqualTo((404, "not_found")));
    }

    [Test]
    public void A_key_cannot_delete_itself()
    {
        using var setup = new FakeSetup();

        var thrown = Assert.ThrowsAsync<KernelBadRequestException>(() => setup.Client.ApiKeys.DeleteAsync(setup.Admin.Id));

        Assert.That(thrown!.ErrorCode, Is.EqualTo(KernelErrorCodes.CannotDeleteCurrentKey));
        Assert.That(setup.Fake.Authenticates(FakeSetup.AdminKey), Is.True);
    }

    [Test]
    public async Task Unknown_ids_are_404_with_the_error_shape_for_every_operation()
    {
        using var setup = new FakeSetup();

        var answers = new[]
        {
            await setup.RawAsync(HttpMethod.Get, "org/api_keys/ck_nope"),
            await setup.RawAsync(HttpMethod.Patch, "org/api_keys/ck_nope", """{"name":"x"}"""),
            await setup.RawAsync(HttpMethod.Delete, "org/api_keys/ck_nope"),
            await setup.RawAsync(HttpMethod.Post, "org/api_keys/ck_nope/rotate"),
        };

        Assert.That(answers.Select(a => (a.Status, a.Code, a.Body!["message"]!.ToString())), Is.All.EqualTo((404, "not_found", "API key 'ck_nope' not found.")));
    }

    [Test]
    public async Task A_seeded_key_keeps_the_id_and_times_it_was_given()
    {
        using var setup = new FakeSetup();
        var old = setup.Fake.SeedKey("sk_test_old_key_123456", "legacy", createdAt: FakeSetup.Start.AddDays(-100), id: "ck_legacy");

        var fetched = await setup.Client.ApiKeys.GetAsync("ck_legacy");

        Assert.Multiple(() =>
        {
            Assert.That(old.Id, Is.EqualTo("ck_legacy"));
            Assert.That(fetched.CreatedAt, Is.EqualTo(FakeSetup.Start.AddDays(-100)));
            Assert.That(fetched.MaskedKey, Is.EqualTo("sk_test...3456"));
            Assert.That(() => setup.Fake.SeedKey("sk_test_old_key_123456"), Throws.ArgumentException);
            Assert.That(() => setup.Fake.SeedKey("sk with space"), Throws.ArgumentException);
        });
    }
}
