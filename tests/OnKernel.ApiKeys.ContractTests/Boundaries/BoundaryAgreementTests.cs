using OnKernel.ApiKeys.ContractTests.Infrastructure;
using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests.Boundaries;

/// <summary>
/// For every boundary input, the facade's own validation and the spec (as enforced by
/// Prism) must give the same verdict, so neither can drift from the other unnoticed. Known,
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

    /// <summary>Calls the facade; a rejection counts only if it came before anything was sent.</summary>
    private static async Task<(Verdict, string)> FacadeVerdictAsync(BoundaryRow row)
    {
        using var harness = new FacadeHarness();
        try
        {
            await harness.Client.ApiKeys.CreateAsync(row.Name!, row.Days, row.ProjectId);
            Assert.That(harness.Recorder.Count, Is.EqualTo(1));
            return (Verdict.Accepted, "sent, Prism 201");
        }
        catch (ArgumentException e)
        {
            Assert.That(harness.Recorder.Count, Is.Zero, $"{row}: the facade threw {e.GetType().Name} after sending a request");
            return (Verdict.Rejected, $"{e.GetType().Name}, nothing sent");
        }
        catch (KernelBadRequestException e)
        {
            // The facade let it through and Prism refused it: the facade is laxer than the spec.
            return (Verdict.Accepted, $"sent, Prism 400 {e.Headers.GetFirst("sl-violations")}");
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
