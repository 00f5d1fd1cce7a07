namespace OnKernel.Testing.Server;

internal enum RouteKind
{
    Collection,
    Key,
    Rotate,
}

/// <summary>Which of the spec's three paths a URL names: /org/api_keys, /org/api_keys/{id}, /org/api_keys/{id}/rotate.</summary>
internal sealed class Route
{
    private Route(RouteKind kind, string? id)
    {
        Kind = kind;
        Id = id;
    }

    public RouteKind Kind { get; }

    public string? Id { get; }

    public string Allow => Kind switch
    {
        RouteKind.Collection => "GET, POST",
        RouteKind.Key => "GET, PATCH, DELETE",
        _ => "POST",
    };

    public bool Allows(string method) => Allow.Split(new[] { ", " }, StringSplitOptions.None).Contains(method);

    /// <returns>The route, or null when the path is none of the spec's.</returns>
    public static Route? Of(Uri uri)
    {
        var segments = uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

        // The first "org/api_keys": whatever precedes it is the base URL's path prefix.
        var start = -1;
        for (var i = 0; i + 1 < segments.Length; i++)
        {
            if (segments[i] == "org" && segments[i + 1] == "api_keys")
            {
                start = i + 2;
                break;
            }
        }

        var rest = start < 0 ? null : segments.Skip(start).ToArray();
        return rest?.Length switch
        {
            0 => new Route(RouteKind.Collection, null),
            1 => new Route(RouteKind.Key, Uri.UnescapeDataString(rest[0])),
            2 when rest[1] == "rotate" => new Route(RouteKind.Rotate, Uri.UnescapeDataString(rest[0])),
            _ => null,
        };
    }
}
