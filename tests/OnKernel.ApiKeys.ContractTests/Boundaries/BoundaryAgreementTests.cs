using OnKernel.ApiKeys.ContractTests.Infrastructure;
using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests.Boundaries;

/// <summary>
/// For every boundary input, the facade's own validation, the spec (as enforced by Prism) and
/// the fake must give the same verdict, so none can drift from the others unnoticed. Known,
/// deliberate differences are asserted as such, never skipped.
/// </summary>
public sealed class BoundaryAgreementTests
{
    private enum Verdict
    {
        Accepted,
        Rejected,
    }

    private static IEnumerable<TestCaseData> Rows() =>
        BoundaryRows.All(KernelSpec.Current).Select(row => new TestCaseData(row).SetName($"Boundary {row.Field} = {row.Input}"));

    [TestCaseSource(nameof(Rows))]
    public async Task Facade_and_spec_agree(BoundaryRow row)
    {
        var (facade, facadeDetail) = await FacadeVerdictAsync(row);
        var (prism, answer) = await PrismVerdictAsync(row);
        TestContext.Progress.WriteLine($"[boundary] {row.Field,-15} {row.Input,-32} facade: {facadeDetail,-34} prism raw: {answer.Status}{(answer.Violations is null ? "" : " " + answer.Violations)}");

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

        var answer = await PrismHttp.PostCreateAsync(http, row.Json());

        var fake = answer.Status switch
        {
            201 => Verdict.Accepted,
            400 => Verdict.Rejected,
            _ => throw new AssertionException($"{row}: the fake answered neither 201 nor 400: {answer}"),
        };
        Assert.That(fake, Is.EqualTo(facade), $"{row}: facade {facadeDetail}, but the fake answered {answer}");
    }

    /// <summary>Calls the facade; a rejection counts only if it came before anything was sent.</summary>
    private static async Task<(Verdict, string)> FacadeVerdictAsync(BoundaryRow row, ServerKind server = ServerKind.Prism)
    {
        using var harness = new FacadeHarness(server);
        try
        {
            await harness.Client.ApiKeys.CreateAsync(row.Name!, row.Days, row.ProjectId);
            Assert.That(harness.Recorder.Count, Is.EqualTo(1));
            return (Verdict.Accepted, $"sent, {server} 201");
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

    private static async Task<(Verdict, PrismAnswer)> PrismVerdictAsync(BoundaryRow row)
    {
        using var http = PrismHttp.CreateClient();
        var answer = await PrismHttp.PostCreateAsync(http, row.Json());
        return answer.Status switch
        {
            201 => (Verdict.Accepted, answer),
            400 => (Verdict.Rejected, answer),
            _ => throw new AssertionException($"{row}: Prism answered neither 201 nor 400: {answer}"),
        };
    }
}
