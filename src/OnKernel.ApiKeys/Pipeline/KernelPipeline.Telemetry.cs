using System.Threading;
using System.Threading.Tasks;

namespace OnKernel;

// The observed path of SendAsync: one span and one duration per SDK call, around every
// attempt and back-off. Taken only when something listens (KernelInstrumentation.IsObserved).
internal sealed partial class KernelPipeline
{
    private async Task<KernelResponse<T>> SendObservedAsync<T>(
        KernelOperation operation,
        KernelCall<T> call,
        Func<T, string?>? checkResult,
        CancellationToken cancellationToken)
    {
        // The span becomes Activity.Current for this async flow only; the caller's
        // Activity.Current is untouched when this method returns.
        var observed = ObservedCall.Start(operation, _baseUrl);
        KernelResponse<T> response;
        try
        {
            response = await RunAsync(operation, call, checkResult, ResultShapes<T>.Response, observed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            observed?.Failed(failure, canceledByCaller: failure is OperationCanceledException && cancellationToken.IsCancellationRequested);
            throw;
        }

        observed?.Succeeded(response.StatusCode, response.Attempts);
        return response;
    }
}
