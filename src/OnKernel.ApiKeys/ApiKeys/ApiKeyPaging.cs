using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace OnKernel;

/// <summary>
/// Offset paging over the list operation: each page starts where the previous one's
/// <c>X-Next-Offset</c> said (see <see cref="ApiKeyPage.GetNextOffset"/> for when paging ends
/// or fails), so no page is skipped or repeated.
/// </summary>
internal sealed class ApiKeyPaging
{
    private static readonly KernelOperation List = new(SpecOperations.ListApiKeys, "ApiKeys.ListPage");

    private readonly IApiKeysClient _client;
    private readonly KernelPipeline _pipeline;

    public ApiKeyPaging(IApiKeysClient client, KernelPipeline pipeline)
    {
        _client = client;
        _pipeline = pipeline;
    }

    public async IAsyncEnumerable<ApiKey> ItemsAsync(ApiKeyListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in PagesAsync(options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var key in page.Items)
            {
                yield return key;
            }
        }
    }

    public async IAsyncEnumerable<ApiKeyPage> PagesAsync(ApiKeyListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int? offset = 0;
        while (offset is int current)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await PageAsync(options, current, cancellationToken).ConfigureAwait(false);
            yield return page;
            offset = page.GetNextOffset();
        }
    }

    public async Task<ApiKeyPage> PageAsync(ApiKeyListOptions options, int offset, CancellationToken cancellationToken)
    {
#pragma warning disable CS0618 // include_deleted is deprecated, but still sent when a caller sets it.
        var includeDeleted = options.IncludeDeleted;
#pragma warning restore CS0618
        var response = await _pipeline.SendAsync(
            // The page's limit and offset are for its span: nobody listening, no copy.
            KernelInstrumentation.IsObserved ? List.ForPage(options.Limit, offset) : List,
            ct => _client.ListApiKeysAsync(options.Limit, offset == 0 ? null : offset, includeDeleted, options.Name, options.Query, options.SortBy, options.SortDirection, options.Status, ct),
            null,
            cancellationToken).ConfigureAwait(false);
        // The parsed list is this page's own (Newtonsoft creates a List<T>): no copy needed.
        var items = response.Value as IReadOnlyList<ApiKey> ?? response.Value.ToList();
        return new ApiKeyPage(items, offset, response);
    }
}
