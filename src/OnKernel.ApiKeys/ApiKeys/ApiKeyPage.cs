namespace OnKernel;

/// <summary>
/// One page of <see cref="ApiKeysService.ListPageAsync"/>: the keys, Kernel's paging headers
/// (<c>X-Has-More</c>, <c>X-Next-Offset</c>) and the response metadata.
/// </summary>
public sealed class ApiKeyPage
{
    // As sent, to tell a malformed header (an error) from an absent one (the last page).
    private readonly string? _nextOffsetText;

    internal ApiKeyPage(IReadOnlyList<ApiKey> items, int offset, KernelResponse response)
    {
        Items = items;
        Offset = offset;
        Response = response;
        HasMoreHeader = ParseBool(response.Headers.GetFirst("X-Has-More"));
        _nextOffsetText = response.Headers.GetFirst("X-Next-Offset");
        var next = response.Headers.GetInt64("X-Next-Offset");
        NextOffsetHeader = next is >= 0 and <= int.MaxValue ? (int)next.Value : null;
    }

    /// <summary>The keys of this page, masked.</summary>
    public IReadOnlyList<ApiKey> Items { get; }

    /// <summary>The offset this page was requested at.</summary>
    public int Offset { get; }

    /// <summary><c>X-Has-More</c> as sent; null when absent or not a boolean.</summary>
    public bool? HasMoreHeader { get; }

    /// <summary><c>X-Next-Offset</c> as sent (the absolute offset of the next page); null when absent or not a whole number from 0 to <see cref="int.MaxValue"/>.</summary>
    public int? NextOffsetHeader { get; }

    /// <summary>
    /// The offset of the next page, or null when this is the last one. Paging ends on
    /// <c>X-Has-More: false</c>, on a missing or 0 <c>X-Next-Offset</c>, or on an empty page.
    /// </summary>
    /// <returns>The absolute offset to pass to <see cref="ApiKeysService.ListPageAsync"/> next, or null.</returns>
    /// <exception cref="KernelInvalidResponseException">
    /// <c>X-Next-Offset</c> present but not a whole number from 0 to <see cref="int.MaxValue"/>
    /// (whatever <c>X-Has-More</c> says), <c>X-Has-More: true</c> without a usable
    /// <c>X-Next-Offset</c>, or an offset that does not move forward: following it would
    /// truncate or loop.
    /// </exception>
    public int? GetNextOffset()
    {
        // A malformed offset means the server's paging cannot be trusted, so it is an error
        // even on what looks like the last page: ending quietly could drop keys.
        if (_nextOffsetText is not null && NextOffsetHeader is null)
        {
            throw Invalid($"X-Next-Offset is invalid ('{ServerText.Truncate(_nextOffsetText, ServerText.QuoteLimit)}'): it must be a whole number from 0 to {int.MaxValue}.");
        }

        if (HasMoreHeader == false || Items.Count == 0)
        {
            return null;
        }

        if (NextOffsetHeader is null or 0)
        {
            if (HasMoreHeader == true)
            {
                throw Invalid($"X-Has-More is true but X-Next-Offset is {(NextOffsetHeader is null ? "missing" : "0")}: the next page cannot be located.");
            }

            return null;
        }

        if (NextOffsetHeader <= Offset)
        {
            throw Invalid($"X-Next-Offset {NextOffsetHeader} does not move past this page's offset {Offset}: following it would loop.");
        }

        return NextOffsetHeader;
    }

    /// <summary>The status, headers and attempts of the response.</summary>
    public KernelResponse Response { get; }

    /// <summary>Offset, count and paging headers.</summary>
    public override string ToString() => $"ApiKeyPage {{ Offset = {Offset}, Count = {Items.Count}, HasMore = {HasMoreHeader?.ToString() ?? "(absent)"}, NextOffset = {NextOffsetHeader?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(absent)"} }}";

    private KernelInvalidResponseException Invalid(string problem) =>
        new($"{SpecOperations.ListApiKeys} at offset {Offset}: {problem}", Response.StatusCode, rawBody: null) { Attempts = Response.Attempts };

    private static bool? ParseBool(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
