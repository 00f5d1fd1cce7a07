using OnKernel.ApiKeys.ContractTests.Infrastructure;
using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests;

/// <summary>
/// Valid creates through the facade pass request validation and the 201 body parses into
/// <see cref="CreatedApiKey"/>: Prism's, built from the spec's examples, and the fake's,
/// built from the request.
/// </summary>
[TestFixtureSource(typeof(Servers), nameof(Servers.All))]
public sealed class CreateAcceptanceTests(ServerKind server)
{
    private static readonly KernelSpec Spec = KernelSpec.Current;

    private static string ExampleName => Spec.Example("CreateApiKeyRequest", "name");

    private static int ExampleDays => int.Parse(Spec.Example("CreateApiKeyRequest", "days_to_expire"), System.Globalization.CultureInfo.InvariantCulture);

    private static string ExampleProjectId => Spec.Example("CreateApiKeyRequest", "project_id");

    private static IEnumerable<TestCaseData> ValidCreates()
    {
        yield return Case("minimal body (name only)", s => s.CreateAsync(ExampleName));
        yield return Case("all fields", s => s.CreateAsync(ExampleName, ExampleDays, ExampleProjectId));
        yield return Case("daysToExpire null", s => s.CreateAsync(ExampleName, daysToExpire: null));
        yield return Case("projectId given", s => s.CreateAsync(ExampleName, projectId: ExampleProjectId));
        yield return Case("request object, all fields", s => s.CreateAsync(new CreateApiKeyRequest { Name = ExampleName, DaysToExpire = ExampleDays, ProjectId = ExampleProjectId }));
        yield return Case("request object, daysToExpire null", s => s.CreateAsync(new CreateApiKeyRequest { Name = ExampleName, DaysToExpire = null }));

        static TestCaseData Case(string name, Func<ApiKeysService, Task<CreatedApiKey>> call) => new TestCaseData(call).SetName("Create accepted: " + name);
    }

    [TestCaseSource(nameof(ValidCreates))]
    public async Task Valid_create_returns_the_spec_example(Func<ApiKeysService, Task<CreatedApiKey>> call)
    {
        using var facade = new FacadeHarness(server);

        var created = await call(facade.Client.ApiKeys);

        if (server != ServerKind.Prism)
        {
            Assert.Multiple(() =>
            {
                Assert.That(created.Key, Does.Match("^sk_[0-9A-Za-z]{40}$"));
                Assert.That(created.MaskedKey, Is.EqualTo(created.Key[..7] + "..." + created.Key[^4..]));
                Assert.That(created.Name, Is.EqualTo(ExampleName), "the fake answers the requested name");
                Assert.That(created.ProjectId, Is.Null.Or.EqualTo(ExampleProjectId));
                Assert.That(facade.Fake!.Authenticates(created.Key), Is.True);
                Assert.That(facade.Recorder.Count, Is.EqualTo(1));
            });
            return;
        }

        Assert.Multiple(() =>
        {
            Assert.That(created.Key, Is.Not.Empty.And.EqualTo(Spec.Example("CreatedApiKey", "key")));
            Assert.That(created.Id, Is.Not.Empty.And.EqualTo(Spec.Example("CreatedApiKey", "id")));
            Assert.That(created.MaskedKey, Is.Not.Empty.And.EqualTo(Spec.Example("CreatedApiKey", "masked_key")));
            Assert.That(created.Name, Is.EqualTo(Spec.Example("CreatedApiKey", "name")), "static mode answers the example, not the requested name");
            Assert.That(created.CreatedBy.Email, Is.EqualTo(Spec.Example("ApiKeyCreator", "email")));
            Assert.That(facade.Recorder.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Create_with_response_reports_201_after_one_attempt()
    {
        using var facade = new FacadeHarness(server);

        var response = await facade.Client.ApiKeys.CreateWithResponseAsync(new CreateApiKeyRequest { Name = ExampleName });

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(201));
            Assert.That(response.Attempts, Is.EqualTo(1));
            Assert.That(response.Value.Key, server == ServerKind.Prism ? Is.EqualTo(Spec.Example("CreatedApiKey", "key")) : Does.StartWith("sk_"));
        });
    }
}
