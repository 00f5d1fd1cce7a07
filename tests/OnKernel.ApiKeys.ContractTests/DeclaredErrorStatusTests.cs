using OnKernel.ApiKeys.ContractTests.Infrastructure;
using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests;

/// <summary>
/// Every non-2xx status the spec declares, for every operation, reaches the caller as the
/// matching Kernel exception with the spec's Error body. Prism answers a declared status on
/// <c>Prefer: code=NNN</c>, added by <see cref="PreferHandler"/> inside the caller's HttpClient.
/// </summary>
public sealed class DeclaredErrorStatusTests
{
    private static IEnumerable<TestCaseData> DeclaredErrors() =>
        KernelSpec.Current.Operations().SelectMany(operation => operation.ErrorStatuses.Select(status =>
            new TestCaseData(operation, status).SetName($"{operation.OperationId} answered {status}")));

    [Test]
    public void The_spec_declares_error_statuses()
    {
        // Guards against a parsing change that would make the case source silently empty.
        Assert.That(DeclaredErrors(), Is.Not.Empty);
    }

    [TestCaseSource(nameof(DeclaredErrors))]
    public async Task Declared_status_reaches_the_caller_as_its_exception(SpecOperation operation, int status)
    {
        var call = FacadeOperations.For(operation);
        var expected = ExpectedFailure.For(status, call.CreatesKey);
        var example = KernelSpec.Current.ResponseExample(operation, status);
        using var facade = new FacadeHarness(new PreferHandler($"code={status}"));

        var thrown = Assert.CatchAsync<OnKernelException>(() => call.InvokeValid(facade.Client));

        Assert.That(thrown, Is.TypeOf(expected.Thrown), () => $"{operation} {status}: {thrown}");
        var apiError = thrown as KernelApiException ?? thrown!.InnerException as KernelApiException;
        Assert.Multiple(() =>
        {
            Assert.That(apiError, Is.TypeOf(expected.ApiError), () => $"inner: {thrown!.InnerException}");
            Assert.That(apiError!.StatusCode, Is.EqualTo(status));
            Assert.That(apiError.ErrorCode, Is.EqualTo(example["code"]));
            Assert.That(apiError.ErrorMessage, Is.EqualTo(example["message"]));
            Assert.That(thrown!.Attempts, Is.EqualTo(1), "MaxRetries = 0");
            Assert.That(facade.Recorder.Count, Is.EqualTo(1));
        });
    }
}
