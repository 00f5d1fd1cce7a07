using System.Net;
using BenchmarkDotNet.Attributes;
using OnKernel.Benchmarks.HandWritten;

namespace OnKernel.Benchmarks;

/// <summary>A create answered 400 with Kernel's error body, caught as each side's exception.</summary>
[MemoryDiagnoser]
public class ErrorBenchmarks
{
    private HandWrittenClient _hand = null!;
    private KernelClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hand = ClientFactory.HandWritten(StubHandler.Always(HttpStatusCode.BadRequest, Fixtures.BadRequest));
        _client = ClientFactory.Kernel(StubHandler.Always(HttpStatusCode.BadRequest, Fixtures.BadRequest));
    }

    [Benchmark(Baseline = true)]
    public async Task<int> HandWritten()
    {
        try
        {
            await _hand.CreateAsync("bench-key", 90);
            return 0;
        }
        catch (HandApiException e)
        {
            return e.StatusCode;
        }
    }

    [Benchmark]
    public async Task<int> Client()
    {
        try
        {
            await _client.ApiKeys.CreateAsync("bench-key", 90);
            return 0;
        }
        catch (KernelBadRequestException e)
        {
            return e.StatusCode;
        }
    }
}
