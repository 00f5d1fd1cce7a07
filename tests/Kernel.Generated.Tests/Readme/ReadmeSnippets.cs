using Microsoft.Extensions.DependencyInjection;

namespace Kernel.Generated.Tests.Readme;

/// <summary>
/// The README's code, compiled with the tests so it cannot rot. Each region must appear
/// verbatim (de-indented) in README.md; <see cref="ReadmeSnippetTests"/> checks that.
/// </summary>
internal static class ReadmeSnippets
{
    public static async Task QuickStart(CancellationToken ct)
    {
        #region readme-quick-start
        // Reads KERNEL_API_KEY (and KERNEL_BASE_URL, if set) from the environment.
        using var client = new KernelClient();

        CreatedApiKey key = await client.ApiKeys.CreateAsync("staging", daysToExpire: 30, projectId: null, ct);
        Console.WriteLine($"Created {key.Name} ({key.MaskedKey}), expires {key.ExpiresAt:u}");
        SaveToSecretStore(key.Key); // the plaintext is returned only this once
        #endregion
    }

    public static async Task ExplicitOptions(HttpClient httpClient, CancellationToken ct)
    {
        #region readme-options
        var client = new KernelClient(httpClient, new KernelClientOptions
        {
            ApiKey = Environment.GetEnvironmentVariable("KERNEL_API_KEY"),
            BaseUrl = new Uri("https://api.onkernel.com/"),
            ProjectId = "proj_abc123",        // sent as X-Kernel-Project-Id
            Timeout = TimeSpan.FromSeconds(30), // per attempt
            MaxRetries = 2,
        });

        KernelResponse<CreatedApiKey> response = await client.ApiKeys.CreateWithResponseAsync(
            new CreateApiKeyRequest { Name = "ci-runner", DaysToExpire = 7 }, ct);
        Console.WriteLine($"{response.StatusCode}, {response.RateLimitRemaining} requests left");
        #endregion
    }

    public static async Task ErrorHandling(KernelClient client, CancellationToken ct)
    {
        #region readme-errors
        try
        {
            await client.ApiKeys.CreateAsync("deploy-bot", daysToExpire: 90, cancellationToken: ct);
        }
        catch (KernelOutcomeUnknownException ex)
        {
            // Timed out, connection lost, or 500/502/504 after sending: the key may exist.
            Console.Error.WriteLine($"Check for a key named '{ex.RequestedName}' before retrying: {ex.Message}");
        }
        catch (KernelRateLimitException ex)
        {
            Console.Error.WriteLine($"Rate limited after {ex.Attempts} attempts; retry after {ex.RetryAfter}");
        }
        catch (KernelApiException ex)
        {
            Console.Error.WriteLine($"{ex.StatusCode} {ex.ErrorCode}: {ex.ErrorMessage}");
        }
        #endregion
    }

    public static void DependencyInjection(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        #region readme-di
        // appsettings.json: "Kernel": { "BaseUrl": "https://api.onkernel.com/", "Timeout": "00:00:30" }
        services.AddKernelClient(configuration.GetSection("Kernel"))
                .AddHttpMessageHandler(() => new MyAuditHandler()); // any DelegatingHandler

        // or: services.AddKernelClient(o => o.ApiKey = secrets["kernel-api-key"]);
        // then inject KernelClient or ApiKeysService.
        #endregion
    }

    private static void SaveToSecretStore(string plaintext) => _ = plaintext;

    private sealed class MyAuditHandler : DelegatingHandler;
}
