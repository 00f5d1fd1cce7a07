using System.Net;
using System.Net.Sockets;

namespace OnKernel.TestSupport;

/// <summary>
/// Asks the OS for an unused loopback port: for a server a test starts (Prism, an
/// HttpListener) or for a URL where nothing listens (a refused connection). The port is
/// released before use, so another process can take it in between; Prism's starter retries
/// on EADDRINUSE. Linked into every test project.
/// </summary>
internal static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>An http URL on 127.0.0.1 where nothing listens: connecting is refused.</summary>
    public static Uri RefusingUrl() => new($"http://127.0.0.1:{Next()}/");
}
