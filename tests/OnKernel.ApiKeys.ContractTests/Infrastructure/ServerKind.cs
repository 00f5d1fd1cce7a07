namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>What a contract test runs the facade against.</summary>
public enum ServerKind
{
    /// <summary>Prism mocking the vendored spec (static example answers).</summary>
    Prism,

    /// <summary>FakeKernel through its HttpMessageHandler, in process.</summary>
    Fake,

    /// <summary>FakeKernel over real HTTP on 127.0.0.1 (<see cref="FakeServer.FakeKernelHttpHost"/>).</summary>
    FakeOverHttp,

    /// <summary>FakeKernel over HTTP behind Prism's validating proxy: any answer outside the spec fails the test.</summary>
    FakeBehindPrismProxy,
}

/// <summary>Fixture sources: the contract tests that hold for any server run once per kind.</summary>
internal static class Servers
{
    public static readonly object[] All = [ServerKind.Prism, ServerKind.Fake, ServerKind.FakeOverHttp, ServerKind.FakeBehindPrismProxy];

    /// <summary>The fake, every way it is served.</summary>
    public static readonly object[] Fakes = [ServerKind.Fake, ServerKind.FakeOverHttp, ServerKind.FakeBehindPrismProxy];
}
