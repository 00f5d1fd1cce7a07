using OnKernel.ApiKeys.Testing.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Testing.Tests;

/// <summary>Create: a fresh sk_ key returned once, stored masked and hashed, with expiry and project.</summary>
public sealed class CreateTests
{
    [Test]
    public async Task Create_returns_a_fresh_plaintext_once_and_keeps_only_the_masked_key()
    {
        using var setup = new FakeSetup();

        var response = await setup.Client.ApiKeys.CreateWithResponseAsync(new CreateApiKeyRequest { Name = "ci", DaysToExpire = 30 });
        var created = response.Value;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(201));
            Assert.That(created.Key, Does.Match("^sk_[0-9A-Za-z]{40}$"));
            Assert.That(created.Id, Does.Match("^ck[0-9a-z]{23}$"));
            Assert.That(created.MaskedKey, Is.EqualTo(created.Key[..7] + "..." + created.Key[^4..]));
            Assert.That(created.Name, Is.EqualTo("ci"));
            Assert.That(created.CreatedAt, Is.EqualTo(FakeSetup.Start));
            Assert.That(created.ExpiresAt, Is.EqualTo(FakeSetup.Start.AddDays(30)));
            Assert.That(created.DeletedAt, Is.Null);
            Assert.That(created.ProjectId, Is.Null);
            Assert.That(created.CreatedBy.Email, Is.EqualTo("tester@example.com"));
            Assert.That(setup.Fake.Authenticates(created.Key), Is.True);
        });

        var fetched = await setup.Client.ApiKeys.GetAsync(created.Id);
        Assert.That(fetched.MaskedKey, Is.EqualTo(created.MaskedKey));
        Assert.That(setup.Fake.Keys.Select(k => k.Id), Is.EqualTo(new[] { setup.Admin.Id, created.Id }));
    }

    [Test]
    public async Task Two_creates_give_two_different_keys_and_days_null_never_expires()
    {
        using var setup = new FakeSetup();

        var first = await setup.Client.ApiKeys.CreateAsync("same-name");
        var second = await setup.Client.ApiKeys.CreateAsync("same-name");

        Assert.Multiple(() =>
        {
            Assert.That(first.Key, Is.Not.EqualTo(second.Key));
            Assert.That(first.Id, Is.Not.EqualTo(second.Id));
            Assert.That(first.ExpiresAt, Is.Null);
        });
    }

    [Test]
    public async Task The_store_holds_no_plaintext_anywhere()
    {
        using var setup = new FakeSetup();
        var created = await setup.Client.ApiKeys.CreateAsync("secret-check");

        // Walk the fake's private state: a hash, the masked key, never the plaintext.
        var strings = new List<string>();
        Collect(setup.Fake, strings, new HashSet<object>(ReferenceEqualityComparer.Instance));

        Assert.That(strings, Is.Not.Empty);
        Assert.That(strings.Where(s => s.Contains(created.Key, StringComparison.Ordinal) || s.Contains(FakeSetup.AdminKey, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task A_project_comes_from_the_body_or_from_the_project_header()
    {
        using var setup = new FakeSetup();
        setup.Fake.AddProject("proj_a", "Alpha");
        setup.Fake.AddProject("proj_b");

        var fromBody = await setup.Client.ApiKeys.CreateAsync("in-a", projectId: "proj_a");
        var fromHeader = await setup.ClientFor(FakeSetup.AdminKey, projectId: "proj_b").ApiKeys.CreateAsync("in-b");

        Assert.Multiple(() =>
        {
            Assert.That(fromBody.ProjectId, Is.EqualTo("proj_a"));
            Assert.That(fromBody.ProjectName, Is.EqualTo("Alpha"));
            Assert.That(fromHeader.ProjectId, Is.EqualTo("proj_b"));
            Assert.That(fromHeader.ProjectName, Is.Null);
        });
    }

    [Test]
    public void An_unknown_project_is_404_with_the_error_shape()
    {
        using var setup = new FakeSetup();

        var thrown = Assert.ThrowsAsync<KernelNotFoundException>(() => setup.Client.ApiKeys.CreateAsync("x", projectId: "proj_missing"));

        Assert.That(thrown!.ErrorCode, Is.EqualTo("not_found"));
        Assert.That(thrown.ErrorMessage, Is.EqualTo("Project 'proj_missing' not found."));
    }

    private static void Collect(object? value, List<string> strings, HashSet<object> seen)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                strings.Add(s);
                return;
            case System.Collections.IEnumerable items when value is not string:
                if (!seen.Add(value))
                {
                    return;
                }

                foreach (var item in items)
                {
                    Collect(item, strings, seen);
                }

                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is DateTimeOffset or TimeSpan or decimal || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true || !seen.Add(value))
        {
            return;
        }

        foreach (var field in type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
        {
            Collect(field.GetValue(value), strings, seen);
        }
    }
}
