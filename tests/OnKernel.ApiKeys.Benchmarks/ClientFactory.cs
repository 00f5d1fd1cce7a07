using OnKernel.Benchmarks.HandWritten;

namespace OnKernel.Benchmarks;

/// <summary>Both sides of a comparison over the same kind of handler.</summary>
internal static class ClientFactory
{
    public static HandWrittenClient HandWritten(HttpMessageHandler handler) =>
        new(new HttpClient(handler), Fixtures.BaseUrl, Fixtures.ApiKey);

    public static KernelClient Kernel(HttpMessageHandler handler) =>
        new(new HttpClient(handler), new KernelClientOptions { ApiKey = Fixtures.ApiKey, BaseUrl = new Uri(Fixtures.BaseUrl) });
}
