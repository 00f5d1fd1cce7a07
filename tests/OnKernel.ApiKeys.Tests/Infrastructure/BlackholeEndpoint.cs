using System.Net;
using System.Net.Sockets;

namespace OnKernel.ApiKeys.Tests.Infrastructure;

/// <summary>
/// A loopback address where a TCP connect never completes: a listener that never accepts,
/// with its accept queue filled, so the kernel drops further SYNs (the client keeps
/// retransmitting, as it would towards a firewalled host). Nothing can reach a server here.
/// </summary>
internal sealed class BlackholeEndpoint : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _fillers = [];

    public BlackholeEndpoint()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        var endpoint = (IPEndPoint)_listener.LocalEndPoint!;
        BaseUrl = new Uri($"http://127.0.0.1:{endpoint.Port}/");

        // Fill the queue until a connect hangs: that is the state clients will meet.
        for (var i = 0; i < 16; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _fillers.Add(filler);
            if (!filler.ConnectAsync(endpoint).Wait(TimeSpan.FromMilliseconds(500)))
            {
                return;
            }
        }

        throw new InvalidOperationException("Could not fill the accept queue: this OS completes every loopback connect.");
    }

    public Uri BaseUrl { get; }

    public void Dispose()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }
}
