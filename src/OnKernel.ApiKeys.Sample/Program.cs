using Microsoft.Extensions.Time.Testing;
using OnKernel;
using OnKernel.Sample;
using OnKernel.Testing;

// The README's main job. See SampleArguments for the command line:
//   (no flags)  a key-rotation walkthrough against the in-memory FakeKernel
//   --prism     the same walkthrough against Prism at KERNEL_BASE_URL (no clock to move)
//   --real      create one key with Kernel's API (KERNEL_API_KEY, optional KERNEL_BASE_URL)
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

try
{
    var arguments = SampleArguments.Parse(args);
    switch (arguments.Mode)
    {
        case SampleMode.Fake:
            // The fake's clock starts now (to the second) and moves only when the walkthrough moves it.
            var now = DateTimeOffset.UtcNow;
            var time = new FakeTimeProvider(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
            var fake = new FakeKernel(time);
            const string adminKey = "sk_sample_admin";
            fake.SeedKey(adminKey, "sample-admin");
            Console.WriteLine("In-memory FakeKernel (OnKernel.ApiKeys.Testing): no network, no account; its clock is under the sample's control.");
            using (var http = fake.CreateHttpClient())
            {
                var walkthrough = new RotationWalkthrough(http, adminKey, null, time, Console.Out);
                await walkthrough.RunAsync(arguments, cancel.Token);
            }

            return 0;

        case SampleMode.Prism:
            var prismUrl = Environment.GetEnvironmentVariable("KERNEL_BASE_URL")
                ?? throw new ArgumentException("--prism needs KERNEL_BASE_URL (build/run-sample.sh --prism starts Prism and sets it).");
            Console.WriteLine($"Prism mock of openapi/kernel.yaml at {prismUrl}: answers are the spec's static examples, and it has no clock.");
            using (var http = new HttpClient())
            {
                var walkthrough = new RotationWalkthrough(http, Environment.GetEnvironmentVariable("KERNEL_API_KEY") ?? "sk_local_prism_demo", new Uri(prismUrl), null, Console.Out);
                await walkthrough.RunAsync(arguments, cancel.Token);
            }

            return 0;

        default:
            return await RealApi.CreateOneKeyAsync(arguments, cancel.Token);
    }
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
