using OnKernel.ApiKeys.Testing.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Testing.Tests;

/// <summary>Injected faults reach the real client as a network or server failure would, with the server state to match.</summary>
public sealed class FaultInjectionTests
{
    [Test]
    public async Task Rate_limits_answer_429_with_retry_after_to_the_next_n_requests_only()
    {
        using var setup = new FakeSetup();
        setup.Fake.Faults.Next(2).RateLimited(TimeSpan.FromMilliseconds(1500));

        var first = Assert.ThrowsAsync<KernelRateLimitException>(() => setup.Client.ApiKeys.ListPageAsync());
        Assert.ThrowsAsync<KernelRateLimitException>(() => setup.Client.ApiKeys.ListPageAsync());
        var third = await setup.Client.ApiKeys.ListPageAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)), "whole seconds, rounded up");
            Assert.That(first.ErrorCode, Is.EqualTo("rate_limited"));
            Assert.That(third.Response.StatusCode, Is.EqualTo(200));
            Assert.That(setup.Fake.Faults.Pending, Is.Zero);
            Assert.That(setup.Fake.RequestCount, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_client_with_retries_gets_through_rate_limits_and_creates_exactly_one_key()
    {
        using var setup = new FakeSetup();
        setup.Fake.Faults.Next(2).RateLimited(TimeSpan.Zero);

        var response = await setup.ClientFor(FakeSetup.AdminKey, maxRetries: 2).ApiKeys.CreateWithResponseAsync(new CreateApiKeyRequest { Name = "patient" });

        Assert.That(response.Attempts, Is.EqualTo(3));
        Assert.That(setup.Fake.Keys.Count(k => k.Name == "patient"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_500_on_create_leaves_the_outcome_unknown_and_creates_nothing_and_a_list_is_retried()
    {
        using var setup = new FakeSetup();
        var client = setup.ClientFor(FakeSetup.AdminKey, maxRetries: 2);
        setup.Fake.Faults.Next().ServerError().Next().ServerError(503);

        var unknown = Assert.ThrowsAsync<KernelOutcomeUnknownException>(() => client.ApiKeys.CreateAsync("maybe"));
        var page = await client.ApiKeys.ListPageAsync();

        Assert.Multiple(() =>
        {
            Assert.That(unknown!.InnerException, Is.TypeOf<KernelServerException>());
            Assert.That(((KernelServerException)unknown.InnerException!).ErrorCode, Is.EqualTo("internal_error"));
            Assert.That(setup.Fake.Keys, Has.Count.EqualTo(1));
            Assert.That(page.Response.Attempts, Is.EqualTo(2));
        });
    }

    [Test]
    public void A_timeout_hangs_until_the_client_gives_up()
    {
        using var setup = new FakeSetup();
        setup.Fake.Faults.Next().Timeout();
        var client = setup.ClientFor(FakeSetup.AdminKey, timeout: TimeSpan.FromMilliseconds(300));

        var thrown = Assert.ThrowsAsync<KernelTimeoutException>(() => client.ApiKeys.ListPageAsync());

        Assert.That(thrown!.Attempts, Is.EqualTo(1));
    }

    [Test]
    public void A_dropped_connection_after_a_create_leaves_a_key_the_caller_never_saw()
    {
        using var setup = new FakeSetup();
        setup.Fake.Faults.Next().DroppedAfterActing();

        var thrown = Assert.ThrowsAsync<KernelOutcomeUnknownException>(() => setup.ClientFor(FakeSetup.AdminKey, maxRetries: 2).ApiKeys.CreateAsync("orphan"));

        Assert.That(thrown!.RequestedName, Is.EqualTo("orphan"));
        Assert.That(thrown.InnerException, Is.TypeOf<KernelConnectionException>());
        Assert.That(setup.Fake.Keys.Select(k => k.Name), Is.EqualTo(new[] { "admin", "orphan" }));
    }

    [Test]
    public async Task A_dropped_delete_is_retried_and_its_404_reported_as_done()
    {
        using var setup = new FakeSetup();
        var key = await setup.Client.ApiKeys.CreateAsync("to-delete");
        setup.Fake.Faults.Next().DroppedAfterActing();

        var response = await setup.ClientFor(FakeSetup.AdminKey, maxRetries: 1).ApiKeys.DeleteWithResponseAsync(key.Id);

        Assert.That((response.StatusCode, response.Attempts), Is.EqualTo((404, 2)));
        Assert.That(setup.Fake.Keys.Single(k => k.Id == key.Id).DeletedAt, Is.Not.Null);
    }

    [Test]
    public async Task A_refused_connection_never_reaches_the_server_so_a_create_is_retried()
    {
        using var setup = new FakeSetup();
        setup.Fake.Faults.Next().ConnectionRefused();

        var response = await setup.ClientFor(FakeSetup.AdminKey, maxRetries: 1).ApiKeys.CreateWithResponseAsync(new CreateApiKeyRequest { Name = "second-try" });

        Assert.That(response.Attempts, Is.EqualTo(2));
        Assert.That(setup.Fake.Keys.Count(k => k.Name == "second-try"), Is.EqualTo(1));
    }

    [Test]
    public void Faults_can_be_counted_and_cleared()
    {
        var fake = new FakeKernel();

        fake.Faults.Next(3).ServerError().Next().Timeout();
        Assert.That(fake.Faults.Pending, Is.EqualTo(4));
        fake.Faults.Clear();

        Assert.That(fake.Faults.Pending, Is.Zero);
        Assert.That(() => fake.Faults.Next(0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => fake.Faults.Next().ServerError(404), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
