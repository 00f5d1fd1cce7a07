using OnKernel.ApiKeys.ContractTests.FakeServer;
using OnKernel.Testing;

namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>
/// A <see cref="KernelClient"/> pointed at a contract server (Prism by default, or a fresh
/// <see cref="FakeKernel"/> in process, over loopback HTTP, or behind Prism's validating
/// proxy) over a caller-owned HttpClient
/// whose handler chain is <see cref="Recorder"/> followed by any extra handlers (Prefer
/// headers). No retries and a short timeout: one request per call, and a hang fails fast.
/// </summary>
internal sealed class FacadeHarness : IDisposable
{
    public const string ApiKey = "sk_test_contract";
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;

    public FacadeHarness(params DelegatingHandler[] extraHandlers)
        : this(ServerKind.Prism, ApiKey, null, extraHandlers)
    {
    }

    public FacadeHarness(ServerKind server, params DelegatingHandler[] extraHandlers)
        : this(server, ApiKey, null, extraHandlers)
    {
    }

    /// <param name="server">Where the client sends its requests.</param>
    /// <param name="apiKey">The key the client authenticates with (the fake knows <see cref="ApiKey"/> and the keys of <see cref="ContractFake"/>).</param>
    /// <param name="projectId">Sent as X-Kernel-Project-Id when not null.</param>
    /// <param name="extraHandlers">Handlers between the recorder and the server.</param>
    public FacadeHarness(ServerKind server, string apiKey, string? projectId, params DelegatingHandler[] extraHandlers)
    {
        Server = server;
        HttpMessageHandler chain;
        Uri baseUrl;
        switch (server)
        {
            case ServerKind.Fake:
                Fake = ContractFake.Create();
                chain = Fake.CreateHandler();
                baseUrl = new Uri("https://api.onkernel.com/");
                break;
            case ServerKind.FakeOverHttp:
                Fake = ContractFake.Create();
                chain = PrismHttp.CreateSocketsHandler();
                baseUrl = FakeHttpServer.Host.Register(Fake);
                break;
            case ServerKind.FakeBehindPrismProxy:
                Fake = ContractFake.Create();
                chain = new SpecViolationGuard { InnerHandler = PrismHttp.CreateSocketsHandler() };
                baseUrl = PrismProxyServer.Use(Fake);
                break;
            default:
                chain = PrismHttp.CreateSocketsHandler();
                baseUrl = PrismServer.BaseUrl;
                break;
        }

        foreach (var handler in extraHandlers.Reverse())
        {
            handler.InnerHandler = chain;
            chain = handler;
        }

        Recorder.InnerHandler = chain;
        _http = new HttpClient(Recorder, disposeHandler: true);
        Client = new KernelClient(_http, new KernelClientOptions
        {
            ApiKey = apiKey,
            BaseUrl = baseUrl,
            ProjectId = projectId,
            MaxRetries = 0,
            Timeout = CallTimeout,
        });
    }

    public ServerKind Server { get; }

    /// <summary>The fake behind the client; null for Prism.</summary>
    public FakeKernel? Fake { get; }

    public KernelClient Client { get; }

    public RequestRecorder Recorder { get; } = new();

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
