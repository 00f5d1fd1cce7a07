namespace OnKernel.ApiKeys.Tests.Infrastructure;

/// <summary>
/// build/mutation.sh sets KERNEL_MUTATION_RUN: tests that pack packages or build copies of
/// the repository then skip themselves. They run the library in other processes, so they
/// cannot kill a mutant, and they would multiply a run that already takes tens of minutes.
/// </summary>
internal static class MutationRun
{
    public static void SkipSlowOutOfProcessTests()
    {
        if (Environment.GetEnvironmentVariable("KERNEL_MUTATION_RUN") == "1")
        {
            Assert.Ignore("Skipped during mutation testing: it exercises the library out of process.");
        }
    }
}
