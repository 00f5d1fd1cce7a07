using OnKernel.ApiKeys.ContractTests.Infrastructure;

namespace OnKernel.ApiKeys.ContractTests;

/// <summary>
/// The facade's requests pass Prism's request validation (and the fake's checks) with the
/// headers the client really sends, and the raw checks below show Prism does look at those headers.
/// </summary>
public sealed class RequestHeaderTests
{
    private const string ValidBody = """{"name":"contract-test"}""";

    [TestCase(ServerKind.Prism)]
    [TestCase(ServerKind.Fake)]
    [TestCase(ServerKind.FakeOverHttp)]
    [TestCase(ServerKind.FakeBehindPrismProxy)]
    public async Task Facade_request_passes_validation(ServerKind server)
    {
        using var facade = new FacadeHarness(server);

        var response = await facade.Client.ApiKeys.CreateWithResponseAsync(new CreateApiKeyRequest { Name = "contract-test" });

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(201));
            Assert.That(facade.Recorder.Last?.Authorization?.Scheme, Is.EqualTo("Bearer"));
            Assert.That(facade.Recorder.Last?.Authorization?.Parameter, Is.EqualTo(FacadeHarness.ApiKey));
            Assert.That(facade.Recorder.Last?.ContentType?.MediaType, Is.EqualTo("application/json"));
        });
    }

    [Test]
    public async Task Prism_checks_the_bearer_scheme_spelling()
    {
        using var http = PrismHttp.CreateClient();

        var exact = await PrismHttp.PostCreateAsync(http, ValidBody, authorization: "Bearer " + FacadeHarness.ApiKey);
        var lowercase = await PrismHttp.PostCreateAsync(http, ValidBody, authorization: "bearer " + FacadeHarness.ApiKey);
        var missing = await PrismHttp.PostCreateAsync(http, ValidBody, authorization: null);

        Assert.Multiple(() =>
        {
            Assert.That(exact.Status, Is.EqualTo(201), exact.ToString);
            Assert.That(lowercase.Status, Is.EqualTo(401), lowercase.ToString);
            Assert.That(missing.Status, Is.EqualTo(401), missing.ToString);
        });
    }

    [Test]
    public async Task Prism_checks_the_content_type()
    {
        using var http = PrismHttp.CreateClient();

        // Well-formed JSON under the wrong media type (malformed JSON would hang Prism 5.16.0).
        var answer = await PrismHttp.PostCreateAsync(http, ValidBody, contentType: "text/plain");

        // The operation declares no 415, so Prism answers its declared 400 and names the
        // real reason (violation code 415) only in sl-violations.
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400), answer.ToString);
            Assert.That(answer.Violations, Does.Contain("\"code\":415"), answer.ToString);
        });
    }
}
