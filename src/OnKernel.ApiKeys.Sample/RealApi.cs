namespace OnKernel.Sample;

/// <summary>
/// --real: creates one key with Kernel's API and prints it. Nothing else, so that a run
/// against a real organisation leaves exactly one new key behind, as asked.
/// </summary>
internal static class RealApi
{
    public static async Task<int> CreateOneKeyAsync(SampleArguments arguments, CancellationToken cancellationToken)
    {
        // Refuse before anything is built: without a key the run could only fail later, less clearly.
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("KERNEL_API_KEY")))
        {
            Console.Error.WriteLine("--real creates a key with Kernel's API and needs KERNEL_API_KEY (an existing key, sk_...). Nothing was sent.");
            return 2;
        }

        using var client = new KernelClient();
        Console.WriteLine($"Creating API key '{arguments.Name}' at {client.BaseUrl} ...");
        var response = await client.ApiKeys.CreateWithResponseAsync(
            new CreateApiKeyRequest { Name = arguments.Name, DaysToExpire = arguments.Days, ProjectId = arguments.Project }, cancellationToken);
        var key = response.Value;

        Console.WriteLine();
        Console.WriteLine("Plaintext key (shown once; store it in your secret manager now):");
        Console.WriteLine($"  {key.Key}");
        Console.WriteLine();
        Console.WriteLine(key); // from here on only the masked key
        Console.WriteLine($"HTTP {response.StatusCode}, {response.Attempts} attempt(s), rate limit remaining: {response.RateLimitRemaining?.ToString() ?? "n/a"}");
        return 0;
    }
}
