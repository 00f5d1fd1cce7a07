using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.ApiKeys;

/// <summary>
/// Text that cannot be sent as given is refused, never altered: a lone surrogate in an id,
/// name, project id or list filter (UTF-8 would turn it into U+FFFD), and a non-ASCII API
/// key or project id in the options (headers carry ASCII only). Checked against a real
/// socket: nothing reaches the server.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class MalformedTextInputTests
{
    private const string LoneHigh = "bad\uD800name";
    private const string LoneLow = "\uDC00";

    private static IEnumerable<TestCaseData> Calls()
    {
        TestCaseData Case(string label, string param, string field, Func<ApiKeysService, Task> call) =>
            new TestCaseData(call, param, field).SetName(label);

        yield return Case("Create name", "name", "name", s => s.CreateAsync(LoneHigh));
        yield return Case("Create project id", "projectId", "project_id", s => s.CreateAsync("ok", projectId: "proj_" + LoneLow));
        yield return Case("Create request name", "request", "name", s => s.CreateAsync(new CreateApiKeyRequest { Name = LoneLow }));
        yield return Case("Update name", "name", "name", s => s.UpdateAsync("key_1", LoneHigh));
        yield return Case("Update id", "id", "id", s => s.UpdateAsync("key" + LoneLow, "ok"));
        yield return Case("Get id", "id", "id", s => s.GetAsync("key" + LoneLow));
        yield return Case("Delete id", "id", "id", s => s.DeleteAsync("key\uD83D"));
        yield return Case("Rotate id", "id", "id", s => s.RotateAsync(LoneHigh));
        yield return Case("List name filter", "options", "ApiKeyListOptions.Name", async s =>
        {
            await foreach (var _ in s.ListAsync(new ApiKeyListOptions { Name = LoneHigh }))
            {
            }
        });
        yield return Case("List pages query filter", "options", "ApiKeyListOptions.Query", async s =>
        {
            await foreach (var _ in s.ListPagesAsync(new ApiKeyListOptions { Query = LoneLow }))
            {
            }
        });
        yield return Case("List page query filter", "options", "ApiKeyListOptions.Query", async s => await s.ListPageAsync(new ApiKeyListOptions { Query = "q" + LoneLow }));
    }

    [TestCaseSource(nameof(Calls))]
    public async Task A_lone_surrogate_is_refused_before_anything_is_sent(Func<ApiKeysService, Task> call, string param, string field)
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, "[]"));
        var (client, _) = LoopbackClient.For(server);
        using (client)
        {
            var ex = Assert.ThrowsAsync<ArgumentException>(() => call(client.ApiKeys));

            Assert.That(ex!.ParamName, Is.EqualTo(param));
            Assert.That(ex.Message, Does.StartWith($"{field} contains an unpaired UTF-16 surrogate (U+"));
            Assert.That(server.RequestCount, Is.EqualTo(0));
        }
    }

    [Test]
    public async Task A_well_formed_surrogate_pair_is_sent_as_is()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(201, Samples.CreatedKeyJson));
        var (client, _) = LoopbackClient.For(server);
        using (client)
        {
            await client.ApiKeys.CreateAsync("rocket \uD83D\uDE80");

            Assert.That(server.Requests.Single().Body, Does.Contain("rocket \uD83D\uDE80"));
        }
    }

    [TestCase("sk_live_abc\u2013def", TestName = "An API key with an en dash")]
    [TestCase("\u201Csk_live_abc\u201D", TestName = "An API key in typographic quotes")]
    [TestCase("sk_live_\u00E9", TestName = "An API key with an accented letter")]
    public async Task A_non_ASCII_API_key_is_refused_by_options_validation(string apiKey)
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, "[]"));

        var ex = Assert.Throws<ArgumentException>(() => LoopbackClient.For(server, o => o.ApiKey = apiKey));

        Assert.That(ex!.Message, Does.StartWith("KernelClientOptions.ApiKey contains non-ASCII characters (a typographic quote or dash pasted from a document?). Give the key exactly as Kernel issued it."));
        Assert.That(ex.Message, Does.Not.Contain(apiKey));
        Assert.That(server.RequestCount, Is.EqualTo(0));
    }

    [Test]
    public async Task A_non_ASCII_project_id_is_refused_by_options_validation()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, "[]"));

        var ex = Assert.Throws<ArgumentException>(() => LoopbackClient.For(server, o => o.ProjectId = "proj_caf\u00E9"));

        Assert.That(ex!.Message, Does.StartWith("KernelClientOptions.ProjectId contains non-ASCII characters; it is sent as the X-Kernel-Project-Id header"));
        Assert.That(server.RequestCount, Is.EqualTo(0));
    }
}
