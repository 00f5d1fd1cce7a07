using OnKernel;

// Creates one Kernel API key and prints it. Configuration comes from the environment
// (KERNEL_API_KEY, KERNEL_BASE_URL), as in every Kernel SDK.
//   dotnet run --project src/OnKernel.ApiKeys.Sample -- --name staging --days 30 [--project proj_...]
var name = Argument("--name") ?? "sample-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss");
var days = Argument("--days") is { } d ? int.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : (int?)30;
var project = Argument("--project");

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

try
{
    using var client = new KernelClient();
    Console.WriteLine($"Creating API key '{name}' at {client.BaseUrl} ...");
    var response = await client.ApiKeys.CreateWithResponseAsync(new CreateApiKeyRequest { Name = name, DaysToExpire = days, ProjectId = project }, cancel.Token);
    var key = response.Value;

    Console.WriteLine();
    Console.WriteLine("Plaintext key (shown once; store it in your secret manager now):");
    Console.WriteLine($"  {key.Key}");
    Console.WriteLine();
    Console.WriteLine(key); // from here on only the masked key
    Console.WriteLine($"HTTP {response.StatusCode}, {response.Attempts} attempt(s), rate limit remaining: {response.RateLimitRemaining?.ToString() ?? "n/a"}");
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"Invalid input: {ex.Message}");
    return 2;
}
catch (OnKernelException ex)
{
    Console.Error.WriteLine($"{ex.GetType().Name}: {ex.Message}");
    return 1;
}

string? Argument(string flag)
{
    var index = Array.IndexOf(args, flag);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
