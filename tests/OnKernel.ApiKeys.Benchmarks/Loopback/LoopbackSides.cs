using OnKernel.Benchmarks.HandWritten;

namespace OnKernel.Benchmarks.Loopback;

/// <summary>
/// One create over real sockets, by either side, each as an application would set it up:
/// the hand-written call over a plain <c>new HttpClient()</c>, this client over its own
/// connections (<c>new KernelClient(options)</c>).
/// </summary>
internal static class LoopbackSides
{
    public static Func<Task> Create(string side, string baseUrl)
    {
        switch (side)
        {
            case "hand":
                var hand = new HandWrittenClient(new HttpClient(), baseUrl, Fixtures.ApiKey);
                return () => hand.CreateAsync("bench-key", 90);
            case "client":
                var client = new KernelClient(new KernelClientOptions { ApiKey = Fixtures.ApiKey, BaseUrl = new Uri(baseUrl) });
                return () => client.ApiKeys.CreateAsync("bench-key", 90);
            default:
                throw new ArgumentException($"side must be 'hand' or 'client', not '{side}'", nameof(side));
        }
    }
}
