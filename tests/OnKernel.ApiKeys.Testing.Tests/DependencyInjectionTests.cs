using Microsoft.Extensions.DependencyInjection;

namespace OnKernel.ApiKeys.Testing.Tests;

/// <summary>The fake as the primary handler of the client that AddKernelClient registers.</summary>
public sealed class DependencyInjectionTests
{
    [Test]
    public async Task AddKernelClient_with_the_fake_as_primary_handler()
    {
        var fake = new FakeKernel();
        fake.SeedKey("sk_test_di");
        var services = new ServiceCollection();
        services.AddKernelClient(o => o.ApiKey = "sk_test_di")
                .ConfigurePrimaryHttpMessageHandler(() => fake.CreateHandler());
        await using var provider = services.BuildServiceProvider();

        var created = await provider.GetRequiredService<ApiKeysService>().CreateAsync("from-di");
        var listed = await provider.GetRequiredService<KernelClient>().ApiKeys.ListPageAsync();

        Assert.That(fake.Authenticates(created.Key), Is.True);
        Assert.That(listed.Items.Select(k => k.Name), Is.EquivalentTo(new[] { "seeded-key", "from-di" }));
    }
}
