using System.Net;
using System.Net.Sockets;

namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>
/// Asks the OS for an unused loopback port. The port is released before Prism binds it,
/// so another process can take it in between; <see cref="PrismProcess"/> retries on EADDRINUSE.
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
}
