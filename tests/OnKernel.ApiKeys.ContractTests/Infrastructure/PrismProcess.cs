using System.Diagnostics;
using System.Net;

namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>
/// One running <c>prism mock</c> (or <c>prism proxy</c>) on 127.0.0.1, started through
/// build/prism/serve.sh, which replaces itself with Prism (not npx, whose death would orphan
/// Prism), so killing this process tree stops it.
/// </summary>
internal sealed class PrismProcess : IAsyncDisposable
{
    // Any path the spec does not declare: Prism answers it with 404 NO_PATH_MATCHED_ERROR
    // only once its router is up, which a bare open port does not prove.
    private const string ProbePath = "__contract_tests_readiness_probe";
    private const string ProbeMarker = "NO_PATH_MATCHED_ERROR";
    private const int PortAttempts = 3;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly OutputBuffer _output;

    private PrismProcess(Process process, OutputBuffer output, Uri baseUrl, TimeSpan startup)
    {
        _process = process;
        _output = output;
        BaseUrl = baseUrl;
        StartupTime = startup;
    }

    public Uri BaseUrl { get; }

    /// <summary>From process start to the first successful readiness probe.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Everything Prism printed so far (tail).</summary>
    public string Output => _output.ToString();

    /// <summary>Starts <c>prism mock SPEC</c>: Prism answers from the spec's examples.</summary>
    public static Task<PrismProcess> StartAsync(string prismDir, string specPath) =>
        StartAsync(prismDir, port => ["mock", specPath, port]);

    /// <summary>
    /// Starts <c>prism proxy SPEC UPSTREAM --errors</c>: Prism forwards to <paramref name="upstream"/>
    /// and checks requests and responses against the spec; a violation becomes a 422 (request) or
    /// 500 (response) problem+json answer and is named in <c>sl-violations</c>.
    /// </summary>
    public static Task<PrismProcess> StartProxyAsync(string prismDir, string specPath, Uri upstream) =>
        StartAsync(prismDir, port => ["proxy", specPath, port, upstream.GetLeftPart(UriPartial.Authority)]);

    private static async Task<PrismProcess> StartAsync(string prismDir, Func<string, string[]> launchArguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(prismDir, launchArguments, FreePort.Next());
            }
            catch (PortTakenException) when (attempt < PortAttempts)
            {
                // Someone took the port between FreePort releasing it and Prism binding it.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_process);
        _process.Dispose();
    }

    private static async Task<PrismProcess> StartOnceAsync(string prismDir, Func<string, string[]> launchArguments, int port)
    {
        var info = PrismInstall.LaunchInfo(prismDir, launchArguments(port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;

        var output = new OutputBuffer();
        var process = new Process { StartInfo = info };
        output.Attach(process);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Backstop for a test host that ends without running OneTimeTearDown.
        EventHandler onExit = (_, _) => KillQuietly(process);
        AppDomain.CurrentDomain.ProcessExit += onExit;
        process.Exited += (_, _) => AppDomain.CurrentDomain.ProcessExit -= onExit;
        process.EnableRaisingEvents = true;

        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        try
        {
            await WaitUntilReadyAsync(process, output, baseUrl);
        }
        catch
        {
            await StopAsync(process);
            process.Dispose();
            throw;
        }

        return new PrismProcess(process, output, baseUrl, stopwatch.Elapsed);
    }

    private static async Task WaitUntilReadyAsync(Process process, OutputBuffer output, Uri baseUrl)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        string lastAnswer = "no answer yet";
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (process.HasExited)
            {
                // Let the output readers drain before quoting them.
                await process.WaitForExitAsync();
                var text = output.ToString();
                if (text.Contains("EADDRINUSE", StringComparison.Ordinal))
                {
                    throw new PortTakenException();
                }

                throw new InvalidOperationException($"Prism exited with code {process.ExitCode} before it was ready.\n{text}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri(baseUrl, ProbePath));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.NotFound && body.Contains(ProbeMarker, StringComparison.Ordinal))
                {
                    return;
                }

                lastAnswer = $"{(int)response.StatusCode}: {body}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
                lastAnswer = e.Message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Prism was not ready at {baseUrl} within {ReadyTimeout} (last probe: {lastAnswer}).\n{output}");
    }

    private static async Task StopAsync(Process process)
    {
        KillQuietly(process);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"Prism (pid {process.Id}) did not exit within 10 s of being killed.");
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    private sealed class PortTakenException : Exception;
}
