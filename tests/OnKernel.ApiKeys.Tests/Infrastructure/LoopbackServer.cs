using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OnKernel.ApiKeys.Tests.Infrastructure;

/// <summary>A request as the loopback server read it off the socket.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>What the server does with one request. Built with the static helpers.</summary>
internal abstract record ServerAction
{
    public static ServerAction Respond(int status, string body = "", string contentType = "application/json", params (string Name, string Value)[] headers) =>
        new RespondAction(status, body, contentType, headers);

    /// <summary>Reads the request and never answers (until the client gives up).</summary>
    public static ServerAction Hang() => new HangAction();

    /// <summary>Reads the request, then resets the connection (RST) without a byte of response.</summary>
    public static ServerAction Reset() => new ResetAction();

    /// <summary>Sends the status line, headers and part of the body, then resets the connection.</summary>
    public static ServerAction Truncate(int status, string body, int bytesSent) => new TruncateAction(status, body, bytesSent);

    /// <summary>Sends headers at once, then the body one byte per <paramref name="perByte"/>.</summary>
    public static ServerAction SlowBody(int status, string body, TimeSpan perByte) => new SlowBodyAction(status, body, perByte);
}

internal sealed record RespondAction(int Status, string Body, string ContentType, (string Name, string Value)[] Headers) : ServerAction;

internal sealed record HangAction : ServerAction;

internal sealed record ResetAction : ServerAction;

internal sealed record TruncateAction(int Status, string Body, int BytesSent) : ServerAction;

internal sealed record SlowBodyAction(int Status, string Body, TimeSpan PerByte) : ServerAction;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 with an OS-chosen port, scripted per test: each
/// request is recorded and answered by the handler's <see cref="ServerAction"/>. Real sockets,
/// so timeouts, resets and truncated bodies behave as they do on a network.
/// </summary>
internal sealed partial class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RecordedRequest, int, ServerAction> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private readonly Task _acceptLoop;
    private int _requestCount;
    private int _connectionCount;

    /// <param name="handler">Gets each request and its 1-based number, returns what to do.</param>
    public LoopbackServer(Func<RecordedRequest, int, ServerAction> handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(backlog: 2048);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>A server that answers every request from a fixed script, the last entry repeating.</summary>
    public static LoopbackServer Scripted(params ServerAction[] script) =>
        new((_, n) => script[Math.Min(n, script.Length) - 1]);

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int RequestCount => Volatile.Read(ref _requestCount);

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Stopping the listener ends the loop with an exception; nothing to report.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _connectionCount);
            _clients.Add(client);
            _ = Task.Run(() => ServeConnectionAsync(client));
        }
    }

    private async Task ServeConnectionAsync(TcpClient client)
    {
        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var reader = new HttpRequestReader(stream);
            while (!_stop.IsCancellationRequested)
            {
                var request = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                var number = Interlocked.Increment(ref _requestCount);
                var keepOpen = await PerformAsync(client, stream, _handler(request, number)).ConfigureAwait(false);
                if (!keepOpen)
                {
                    return;
                }
            }
        }
        catch (Exception)
        {
            // The client went away or the test ended: the connection simply closes.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task<bool> PerformAsync(TcpClient client, NetworkStream stream, ServerAction action)
    {
        switch (action)
        {
            case RespondAction r:
                await stream.WriteAsync(Head(r.Status, r.ContentType, Encoding.UTF8.GetByteCount(r.Body), r.Headers).Concat(Encoding.UTF8.GetBytes(r.Body)).ToArray(), _stop.Token).ConfigureAwait(false);
                return true;
            case HangAction:
                await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                return false;
            case ResetAction:
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
                return false;
            case TruncateAction t:
                var bytes = Encoding.UTF8.GetBytes(t.Body);
                await stream.WriteAsync(Head(t.Status, "application/json", bytes.Length, []).Concat(bytes.Take(t.BytesSent)).ToArray(), _stop.Token).ConfigureAwait(false);
                await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                await Task.Delay(50, _stop.Token).ConfigureAwait(false);
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
                return false;
            case SlowBodyAction s:
                var body = Encoding.UTF8.GetBytes(s.Body);
                await stream.WriteAsync(Head(s.Status, "application/json", body.Length, []), _stop.Token).ConfigureAwait(false);
                foreach (var b in body)
                {
                    await Task.Delay(s.PerByte, _stop.Token).ConfigureAwait(false);
                    await stream.WriteAsync(new[] { b }, _stop.Token).ConfigureAwait(false);
                }

                return true;
            default:
                // The actions added for hostile servers live in LoopbackServer.Hostile.cs.
                return await PerformHostileAsync(client, stream, action).ConfigureAwait(false);
        }
    }

    private static byte[] Head(int status, string contentType, int length, (string Name, string Value)[] headers)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(status).Append(' ').Append(ReasonPhrase(status)).Append("\r\n");
        if (length > 0 || status != 204)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(length).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        return Encoding.ASCII.GetBytes(head.ToString());
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        _ => "Status",
    };

    /// <summary>Reads HTTP/1.1 requests with Content-Length bodies off a connection.</summary>
    private sealed class HttpRequestReader(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<RecordedRequest?> ReadAsync(CancellationToken cancellationToken)
        {
            int headerEnd;
            while ((headerEnd = IndexOfHeaderEnd()) < 0)
            {
                if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }

            var head = Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
            _start = headerEnd + 4;
            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':');
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
            }

            var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture) : 0;
            while (_end - _start < length)
            {
                if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }

            var body = Encoding.UTF8.GetString(_buffer, _start, length);
            _start += length;
            return new RecordedRequest(requestLine[0], requestLine[1], headers, body);
        }

        private int IndexOfHeaderEnd()
        {
            for (var i = _start; i + 3 < _end; i++)
            {
                if (_buffer[i] == '\r' && _buffer[i + 1] == '\n' && _buffer[i + 2] == '\r' && _buffer[i + 3] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _end += read;
            return read > 0;
        }
    }
}
