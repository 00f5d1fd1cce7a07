using BenchmarkDotNet.Attributes;
using OnKernel.Benchmarks.HandWritten;

namespace OnKernel.Benchmarks;

/// <summary>
/// A create answered 429 then 201. The back-off is shortened by the server, not by a test
/// seam: the 429 carries <c>retry-after-ms: 0</c>, which both sides honour, so no call sleeps.
/// </summary>
[MemoryDiagnoser]
public class RetryBenchmarks
{
    private HandWrittenClient _hand = null!;
    private KernelClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hand = ClientFactory.HandWritten(StubHandler.RateLimitedThenCreated());
        _client = ClientFactory.Kernel(StubHandler.RateLimitedThenCreated());
    }

    [Benchmark(Baseline = true)]
    public async Task<string> HandWritten() => (await _hand.CreateAsync("bench-key", 90)).Key;

    [Benchmark]
    public async Task<string> Client() => (await _client.ApiKeys.CreateAsync("bench-key", 90)).Key;
}
