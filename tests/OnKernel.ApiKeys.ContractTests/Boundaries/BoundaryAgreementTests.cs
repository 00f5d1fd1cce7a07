using OnKernel.ApiKeys.ContractTests.Infrastructure;
using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests.Boundaries;

/// <summary>
/// For every boundary input of every operation, the facade's own validation, the spec (as
/// enforced by Prism) and the fake must give the same verdict, so none can drift from the
/// others unnoticed. Known, deliberate differences are asserted as such, never skipped.
/// </summary>
public sealed class BoundaryAgreementTests
{
    private enum Verdict
    {
        Accepted,
        Rejected,
    }

    private static IEnumerable<TestCaseData> Rows() =>
        BoundaryRows.All(KernelSpec.Current).Select(row => new TestCaseData(row).SetName($"Boundary {row.Name}"));

    [TestCaseSource(nameof(Rows))]
    public async Task Facade_and_spec_agree(BoundaryRow row)
    {
        var (facade, facadeDetail) = await FacadeVerdictAsync(row, ServerKind.Prism);
        using var http = PrismHttp.CreateClient();
        var (prism, answer) = await RawVerdictAsync(row, http, "Prism");
        TestContext.Progress.WriteLine($"[boundary] {row.Name,-46} facade: {facadeDetail,-34} prism raw: {answer.Status}{(answer.Violations is null ? "" : " " + answer.Violations)}");

        if (row.KnownDivergence is { } why)
        {
            Assert.Multiple(() =>
            {
                Assert.That(facade, Is.EqualTo(Verdict.Rejected), $"documented divergence ({why}): the facade should reject {row}");
                Assert.That(prism, Is.EqualTo(Verdict.Accepted), $"documented divergence ({why}) no longer holds: the spec now rejects {row}, so remove the mark. Prism: {answer}");
            });
            return;
        }

        Assert.That(facade, Is.EqualTo(prism), $"{row}: facade {facadeDetail}, but Prism (the spec) answered {answer}");
    }

    /// <summary>
    /// The fake answers the raw request as Kernel does: like the spec where the facade agrees
    /// with it, and like the facade (Kernel's own, stricter rule) on the documented divergences.
    /// </summary>
    [TestCaseSource(nameof(Rows))]
    public async Task The_fake_agrees_with_the_facade(BoundaryRow row)
    {
        var (facade, facadeDetail) = await FacadeVerdictAsync(row, ServerKind.Fake);
        using var harness = new FacadeHarness(ServerKind.Fake);
        using var http = new HttpClient(harness.Fake!.CreateHandler()) { BaseAddress = new Uri("https://api.onkernel.com/") };

        var (fake, answer) = await RawVerdictAsync(row, http, "the fake");
        Assert.That(fake, Is.EqualTo(facade), $"{row}: facade {facadeDetail}, but the fake answered {answer}");
    }

    /// <summary>Calls the facade; a rejection counts only if it came before anything was sent.</summary>
    private static async Task<(Verdict, string)> FacadeVerdictAsync(BoundaryRow row, ServerKind server)
    {
        using var harness = new FacadeHarness(server);
        try
        {
            await row.Facade(harness.Client.ApiKeys);
            Assert.That(harness.Recorder.Count, Is.EqualTo(1), $"{row}: accepted, so exactly one request goes out");
            return (Verdict.Accepted, $"sent, {server} 2xx");
        }
        catch (ArgumentException e)
        {
            Assert.That(harness.Recorder.Count, Is.Zero, $"{row}: the facade threw {e.GetType().Name} after sending a request");
            return (Verdict.Rejected, $"{e.GetType().Name}, nothing sent");
        }
        catch (KernelBadRequestException e)
        {
            // The facade let it through and the server refused it: the facade is laxer than the server.
            return (Verdict.Accepted, $"sent, {server} 400 {e.Headers.GetFirst("sl-violations") ?? e.ErrorMessage}");
        }
    }

    /// <summary>The server's verdict on the raw request, bypassing the facade.</summary>
    private static async Task<(Verdict, PrismAnswer)> RawVerdictAsync(BoundaryRow row, HttpClient http, string server)
    {
        var answer = await PrismHttp.SendAsync(http, row.Method, row.Path, row.Json);
        return answer.Status switch
        {
            >= 200 and < 300 => (Verdict.Accepted, answer),
            400 => (Verdict.Rejected, answer),
            _ => throw new AssertionException($"{row}: {server} answered neither 2xx nor 400: {answer}"),
        };
    }
}
