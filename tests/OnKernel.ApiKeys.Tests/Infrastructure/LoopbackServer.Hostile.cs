using System.Net.Sockets;
using System.Text;

namespace OnKernel.ApiKeys.Tests.Infrastructure;

/// <summary>Sends headers, then a chunked body that never ends (until the client hangs up).</summary>
internal sealed record EndlessChunkedAction(int Status) : ServerAction;

/// <summary>Reads the request, then closes the connection cleanly (FIN) without a byte of response.</summary>
internal sealed record CloseAction : ServerAction;

/// <summary>Server behaviours of a hostile or broken server: endless bodies, silent closes.</summary>
internal sealed partial class LoopbackServer
{
    private long _bodyBytesSent;

    /// <summary>How many body bytes the endless actions wrote before the client hung up.</summary>
    public long BodyBytesSent => Interlocked.Read(ref _bodyBytesSent);

    private async Task<bool> PerformHostileAsync(TcpClient client, NetworkStream stream, ServerAction action)
    {
        switch (action)
        {
            case EndlessChunkedAction e:
                var head = $"HTTP/1.1 {e.Status} Status\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token).ConfigureAwait(false);

                // JSON-looking filler: a client that parses as it reads must not be fooled either.
                var payload = Encoding.ASCII.GetBytes("[" + string.Concat(Enumerable.Repeat("{\"id\":\"k\",\"name\":\"n\"},", 1500)));
                var chunk = Encoding.ASCII.GetBytes(payload.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n").Concat(payload).Concat("\r\n"u8.ToArray()).ToArray();
                while (!_stop.IsCancellationRequested)
                {
                    await stream.WriteAsync(chunk, _stop.Token).ConfigureAwait(false);
                    Interlocked.Add(ref _bodyBytesSent, payload.Length);
                }

                return false;
            case CloseAction:
                client.Client.Shutdown(SocketShutdown.Both);
                client.Client.Close();
                return false;
            default:
                throw new InvalidOperationException("Unknown action " + action);
        }
    }
}

/// <summary>Hostile actions, next to the ordinary ones in <see cref="ServerAction"/>.</summary>
internal static class HostileAction
{
    public static ServerAction EndlessChunked(int status) => new EndlessChunkedAction(status);

    public static ServerAction Close() => new CloseAction();

    /// <summary>An empty <paramref name="status"/> answer that points elsewhere.</summary>
    public static ServerAction Redirect(int status, Uri location) => ServerAction.Respond(status, "", headers: ("Location", location.AbsoluteUri));
}
