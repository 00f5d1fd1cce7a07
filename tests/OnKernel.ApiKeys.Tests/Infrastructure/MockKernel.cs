using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Infrastructure;

/// <summary>A KernelClient over a MockHttp handler; nothing reaches a network.</summary>
internal sealed class MockKernel
{
    public const string BaseUrl = "https://api.test/";

    public MockKernel(Action<KernelClientOptions>? configure = null)
    {
        Handler = new MockHttpMessageHandler();
        // Anything the test did not expect fails loudly rather than answering 404.
        Handler.Fallback.Throw(new InvalidOperationException("unexpected request"));
        Options = new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = new Uri(BaseUrl), MaxRetries = 0, LoggerFactory = Logs };
        configure?.Invoke(Options);
        Http = new HttpClient(Recorder = new RequestRecorder(Handler));
        Client = new KernelClient(Http, Options);
    }

    public MockHttpMessageHandler Handler { get; }

    /// <summary>Every request the client sent, as sent.</summary>
    public RequestRecorder Recorder { get; }

    /// <summary>The body of the one request sent (fails when there were none or several).</summary>
    public string? SentBody => Recorder.Requests.Single().Body;

    public HttpClient Http { get; }

    public KernelClientOptions Options { get; }

    public KernelClient Client { get; }

    public CapturingLoggerFactory Logs { get; } = new();

    public ApiKeysService ApiKeys => Client.ApiKeys;

    /// <summary>Answers every create with the given status and body.</summary>
    public MockedRequest OnCreate() => Handler.When(HttpMethod.Post, BaseUrl + "org/api_keys");
}
