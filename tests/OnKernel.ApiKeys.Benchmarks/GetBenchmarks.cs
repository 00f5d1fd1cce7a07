using System.Net;
using BenchmarkDotNet.Attributes;
using OnKernel.Benchmarks.HandWritten;

namespace OnKernel.Benchmarks;

/// <summary>A get answered 200: one key.</summary>
[MemoryDiagnoser]
public class GetBenchmarks
{
    private HandWrittenClient _hand = null!;
    private KernelClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hand = ClientFactory.HandWritten(StubHandler.Always(HttpStatusCode.OK, Fixtures.Key));
        _client = ClientFactory.Kernel(StubHandler.Always(HttpStatusCode.OK, Fixtures.Key));
    }

    [Benchmark(Baseline = true)]
    public async Task<string> HandWritten() => (await _hand.GetAsync(Fixtures.KeyId)).Id;

    [Benchmark]
    public async Task<string> Client() => (await _client.ApiKeys.GetAsync(Fixtures.KeyId)).Id;
}
