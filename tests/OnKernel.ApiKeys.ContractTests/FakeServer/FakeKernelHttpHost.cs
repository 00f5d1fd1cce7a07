using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnKernel.Testing;

namespace OnKernel.ApiKeys.ContractTests.FakeServer;

/// <summary>
/// Serves FakeKernel instances over real HTTP on 127.0.0.1 (Kestrel), forwarding each request
/// to a fake's own handler. Several fakes share one host, each under a path prefix of its own
/// (the fake matches <c>org/api_keys</c> after any prefix); a request without a known prefix
/// goes to the default fake, which is how Prism's proxy reaches one. A fake's dropped
/// connection aborts the socket, and its hang lasts until the client goes away.
/// </summary>
internal sealed class FakeKernelHttpHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeKernel> _fakes = new(StringComparer.Ordinal);
    private FakeKernel? _defaultFake;
    private int _registered;

    private FakeKernelHttpHost(WebApplication app, FakeKernel? defaultFake)
    {
        _app = app;
        _defaultFake = defaultFake;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The fake that requests without a registered prefix reach (Prism's proxy sends those). Tests in this assembly run one at a time, so each may set its own.</summary>
    public FakeKernel? DefaultFake
    {
        get => Volatile.Read(ref _defaultFake);
        set => Volatile.Write(ref _defaultFake, value);
    }

    public static async Task<FakeKernelHttpHost> StartAsync(FakeKernel? defaultFake = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var host = new FakeKernelHttpHost(app, defaultFake);
        app.Run(host.ForwardAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return host;
    }

    /// <summary>Serves <paramref name="fake"/> under a new prefix; returns the base URL a client should use.</summary>
    public Uri Register(FakeKernel fake)
    {
        var prefix = "fake-" + Interlocked.Increment(ref _registered);
        _fakes[prefix] = fake;
        return new Uri(BaseUrl, prefix + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var firstSegment = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        var fake = _fakes.TryGetValue(firstSegment, out var prefixed) ? prefixed : DefaultFake;
        if (fake is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var request = await RequestFromAsync(context);
        using var invoker = new HttpMessageInvoker(fake.CreateHandler());
        HttpResponseMessage response;
        try
        {
            response = await invoker.SendAsync(request, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            context.Abort(); // what the fake's dropped connection means on a socket
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client gave up on a hanging request
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    private static async Task<HttpRequestMessage> RequestFromAsync(HttpContext context)
    {
        var incoming = context.Request;
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri($"http://{incoming.Host}{incoming.PathBase}{incoming.Path}{incoming.QueryString}"));
        var body = new MemoryStream();
        await incoming.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > 0 || incoming.ContentType is not null)
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var header in incoming.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        return request;
    }
}
