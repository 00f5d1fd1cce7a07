using System.Net.Http;

namespace OnKernel;

/// <summary>The primary handler of the client's own HttpClient and of the one AddKernelClient registers.</summary>
internal static class KernelHttpHandler
{
    // Bounds the sockets one client opens, however many calls run at once.
    internal const int MaxConnectionsPerServer = 32;

    public static HttpMessageHandler Create()
    {
        // AllowAutoRedirect = false: a redirect would carry the API key (and a create's body)
        // wherever a server or proxy pointed; the pipeline reports it instead.
#if NET8_0_OR_GREATER
        return new SocketsHttpHandler
        {
            MaxConnectionsPerServer = MaxConnectionsPerServer,
            AllowAutoRedirect = false,
            // Recycle connections so DNS changes are seen, and drop idle ones before
            // servers with short keep-alive (5 s is common) close them under us.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(4),
        };
#else
        return new HttpClientHandler { MaxConnectionsPerServer = MaxConnectionsPerServer, AllowAutoRedirect = false };
#endif
    }
}
