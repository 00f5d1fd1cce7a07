using OnKernel.ApiKeys.ContractTests.Infrastructure;
using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests;

/// <summary>Every operation in the spec has a facade call, and its valid call passes Prism and the fake.</summary>
[TestFixtureSource(typeof(Servers), nameof(Servers.All))]
public sealed class SpecCoverageTests(ServerKind server)
{
    private static IEnumerable<TestCaseData> Operations() =>
        KernelSpec.Current.Operations().Select(o => new TestCaseData(o).SetName($"{o.OperationId} valid call accepted"));

    [Test]
    public void Every_spec_operation_has_a_facade_call()
    {
        var missing = KernelSpec.Current.Operations().Where(o => !FacadeOperations.Covers(o)).ToList();

        Assert.That(missing, Is.Empty, "Add these operations to FacadeOperations so the contract tests cover them.");
    }

    [TestCaseSource(nameof(Operations))]
    public async Task Valid_call_is_accepted(SpecOperation operation)
    {
        var call = FacadeOperations.For(operation);
        using var facade = new FacadeHarness(server);

        await call.InvokeValid(facade.Client);

        Assert.That(facade.Recorder.Count, Is.EqualTo(1));
    }
}
