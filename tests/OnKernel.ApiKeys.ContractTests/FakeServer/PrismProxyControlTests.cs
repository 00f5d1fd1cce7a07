using OnKernel.ApiKeys.ContractTests.Infrastructure;

namespace OnKernel.ApiKeys.ContractTests.FakeServer;

/// <summary>
/// The control for every test that runs the fake behind Prism's proxy: an upstream answer the
/// spec does not allow is reported, so a clean run means the fake's answers conform, not that
/// nothing was checked.
/// </summary>
public sealed class PrismProxyControlTests
{
    [Test]
    public async Task The_proxy_reports_an_answer_outside_the_spec()
    {
        // No fake behind the host: it answers 404 without a body, and listApiKeys declares no 404.
        var proxy = PrismProxyServer.Use(null);
        using var http = new HttpClient(PrismHttp.CreateSocketsHandler()) { BaseAddress = proxy, Timeout = FacadeHarness.CallTimeout };

        var answer = await PrismHttp.SendAsync(http, HttpMethod.Get, "org/api_keys");

        TestContext.Progress.WriteLine($"[prism proxy] control: {answer}");
        Assert.That(answer.Violations is not null || answer.Body.Contains("stoplight.io/prism/errors", StringComparison.Ordinal), Is.True, answer.ToString);
    }

    [Test]
    public async Task The_proxy_passes_a_conforming_answer_of_the_fake_untouched()
    {
        var fake = ContractFake.Create();
        var proxy = PrismProxyServer.Use(fake);
        using var http = new HttpClient(PrismHttp.CreateSocketsHandler()) { BaseAddress = proxy, Timeout = FacadeHarness.CallTimeout };

        var answer = await PrismHttp.SendAsync(http, HttpMethod.Get, "org/api_keys?limit=2");

        Assert.That((answer.Status, answer.Violations), Is.EqualTo((200, (string?)null)), answer.ToString);
        Assert.That(answer.Body, Does.Contain("\"masked_key\""));
    }
}
