namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>
/// A <see cref="KernelClient"/> pointed at Prism over a caller-owned HttpClient whose
/// handler chain is <see cref="Recorder"/> followed by any extra handlers (Prefer headers).
/// No retries and a short timeout: one request per call, and a hang fails fast.
/// </summary>
internal sealed class FacadeHarness : IDisposable
{
    public const string ApiKey = "sk_test_contract";
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;

    public FacadeHarness(params DelegatingHandler[] extraHandlers)
    {
        HttpMessageHandler chain = PrismHttp.CreateSocketsHandler();
        foreach (var handler in extraHandlers.Reverse())
        {
            handler.InnerHandler = chain;
            chain = handler;
        }

        Recorder.InnerHandler = chain;
        _http = new HttpClient(Recorder, disposeHandler: true);
        Client = new KernelClient(_http, Options());
    }

    public KernelClient Client { get; }

    public RecordingHandler Recorder { get; } = new();

    public static KernelClientOptions Options() => new()
    {
        ApiKey = ApiKey,
        BaseUrl = PrismServer.BaseUrl,
        MaxRetries = 0,
        Timeout = CallTimeout,
    };

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
