using Microsoft.Extensions.DependencyInjection;

namespace OnKernel.ApiKeys.Tests.Readme;

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

    public static async Task ManageKeys(KernelClient client, CancellationToken ct)
    {
        #region readme-manage
        // Every key, page by page as needed (X-Next-Offset is followed exactly).
        await foreach (ApiKey k in client.ApiKeys.ListAsync(new ApiKeyListOptions { Status = ApiKeyStatus.Active, SortBy = ApiKeySortBy.ExpiresAt }, ct))
        {
            Console.WriteLine(k); // ApiKey { Id = ..., Name = ..., MaskedKey = sk_...abcd, ... }
        }

        ApiKey one = await client.ApiKeys.GetAsync("ckv9w8q2f000001l5r3j7k9m4", cancellationToken: ct);
        await client.ApiKeys.UpdateAsync(one.Id, "production-api", ct);

        // New key now; the old one keeps working for 7 more days, then expires.
        CreatedApiKey rotated = await client.ApiKeys.RotateAsync(one.Id, daysToExpire: 90, expireInDays: 7, ct);
        await client.ApiKeys.DeleteAsync("ckv_old_key_id", ct);
        #endregion
        _ = rotated;
    }

    public static async Task Paging(KernelClient client, CancellationToken ct)
    {
        #region readme-pages
        await foreach (ApiKeyPage page in client.ApiKeys.ListPagesAsync(new ApiKeyListOptions { Limit = 100 }, ct))
        {
            Console.WriteLine($"{page.Items.Count} keys at offset {page.Offset}; next: {page.GetNextOffset()?.ToString() ?? "none"}");
        }
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
        catch (OnKernelException ex)
        {
            // Everything else the client throws: connection failures, timeouts, invalid responses.
            Console.Error.WriteLine($"{ex.GetType().Name} after {ex.Attempts} attempts: {ex.Message}");
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
