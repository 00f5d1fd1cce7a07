using System.Net;
using BenchmarkDotNet.Attributes;
using OnKernel.Benchmarks.HandWritten;

namespace OnKernel.Benchmarks;

/// <summary>A create answered 201: serialize, send, parse the created key.</summary>
[MemoryDiagnoser]
public class CreateBenchmarks
{
    private HandWrittenClient _hand = null!;
    private KernelClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hand = ClientFactory.HandWritten(StubHandler.Always(HttpStatusCode.Created, Fixtures.Created));
        _client = ClientFactory.Kernel(StubHandler.Always(HttpStatusCode.Created, Fixtures.Created));
    }

    [Benchmark(Baseline = true)]
    public async Task<string> HandWritten() => (await _hand.CreateAsync("bench-key", 90)).Key;

    [Benchmark]
    public async Task<string> Client() => (await _client.ApiKeys.CreateAsync("bench-key", 90)).Key;
}
