using OnKernel.ApiKeys.Testing.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Testing.Tests;

/// <summary>Bearer keys the fake issued or was seeded with; 401 otherwise; 403 for a conflicting project.</summary>
public sealed class AuthenticationTests
{
    [TestCase(null)]
    [TestCase("Bearer sk_never_issued")]
    [TestCase("Basic c2tfdGVzdF9hZG1pbg==")]
    [TestCase("Bearer")]
    public async Task Missing_or_unknown_credentials_are_401_with_the_error_shape(string? authorization)
    {
        using var setup = new FakeSetup();

        var answer = await setup.RawAsync(HttpMethod.Get, "org/api_keys", authorization: authorization);

        Assert.That((answer.Status, answer.Code), Is.EqualTo((401, "unauthorized")));
        Assert.That(answer.Body!["message"]!.ToString(), Is.Not.Empty);
    }

    [Test]
    public async Task An_issued_key_authenticates_until_it_expires()
    {
        using var setup = new FakeSetup();
        var created = await setup.Client.ApiKeys.CreateAsync("short-lived", daysToExpire: 1);
        var client = setup.ClientFor(created.Key);

        Assert.That((await client.ApiKeys.GetAsync(created.Id)).Name, Is.EqualTo("short-lived"));
        setup.Time.Advance(TimeSpan.FromDays(1));

        Assert.ThrowsAsync<KernelAuthenticationException>(() => client.ApiKeys.GetAsync(created.Id));
        Assert.That(setup.Fake.Authenticates(created.Key), Is.False);
    }

    [Test]
    public async Task A_project_scoped_key_sees_only_its_project_and_a_conflicting_header_is_403()
    {
        using var setup = new FakeSetup();
        setup.Fake.AddProject("proj_a");
        setup.Fake.AddProject("proj_b");
        var scoped = await setup.Client.ApiKeys.CreateAsync("a-admin", projectId: "proj_a");
        var other = await setup.Client.ApiKeys.CreateAsync("b-key", projectId: "proj_b");

        var scopedClient = setup.ClientFor(scoped.Key);
        var conflicting = setup.ClientFor(scoped.Key, projectId: "proj_b");
        var sameProject = setup.ClientFor(scoped.Key, projectId: "proj_a");

        Assert.That((await setup.ListAllAsync(client: scopedClient)).Select(k => k.Name), Is.EqualTo(new[] { "a-admin" }));
        Assert.ThrowsAsync<KernelNotFoundException>(() => scopedClient.ApiKeys.GetAsync(other.Id));
        var forbidden = Assert.ThrowsAsync<KernelPermissionDeniedException>(() => conflicting.ApiKeys.ListPageAsync());
        Assert.That(forbidden!.ErrorCode, Is.EqualTo("forbidden"));
        Assert.ThrowsAsync<KernelPermissionDeniedException>(() => scopedClient.ApiKeys.CreateAsync("escape", projectId: "proj_b"));
        Assert.That((await sameProject.ApiKeys.CreateAsync("in-a")).ProjectId, Is.EqualTo("proj_a"));
        Assert.That((await scopedClient.ApiKeys.CreateAsync("default-a")).ProjectId, Is.EqualTo("proj_a"));
    }

    [Test]
    public async Task An_organisation_key_with_a_project_header_is_scoped_to_that_project()
    {
        using var setup = new FakeSetup();
        setup.Fake.AddProject("proj_a");
        await setup.Client.ApiKeys.CreateAsync("in-a", projectId: "proj_a");

        var names = (await setup.ListAllAsync(client: setup.ClientFor(FakeSetup.AdminKey, projectId: "proj_a"))).Select(k => k.Name);
        var unknown = Assert.ThrowsAsync<KernelPermissionDeniedException>(() => setup.ClientFor(FakeSetup.AdminKey, projectId: "proj_zzz").ApiKeys.ListPageAsync());

        Assert.That(names, Is.EqualTo(new[] { "in-a" }));
        Assert.That(unknown!.StatusCode, Is.EqualTo(403));
    }
}
