using System.Net.Http;

namespace OnKernel;

/// <summary>
/// The methods the generated client sends, one shared instance each (the generator host puts
/// these where NSwag made a new HttpMethod per request). HttpMethod has no shared PATCH on
/// netstandard2.0, so that one is made once here.
/// </summary>
internal static class KernelHttpMethods
{
    public static readonly HttpMethod Get = HttpMethod.Get;
    public static readonly HttpMethod Post = HttpMethod.Post;
    public static readonly HttpMethod Delete = HttpMethod.Delete;
#if NET8_0_OR_GREATER
    public static readonly HttpMethod Patch = HttpMethod.Patch;
#else
    public static readonly HttpMethod Patch = new("PATCH");
#endif
}
