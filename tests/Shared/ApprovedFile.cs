namespace OnKernel.TestSupport;

/// <summary>
/// The approval check behind the public API listings: the text must equal the committed
/// approved file. A difference writes a .received file beside it and fails with the diff
/// command; KERNEL_ACCEPT_PUBLIC_API=1 (build/accept-api.sh) rewrites the approved file.
/// Linked into every test project.
/// </summary>
internal static class ApprovedFile
{
    public static void Verify(string approvedPath, string actual, string what)
    {
        var receivedPath = approvedPath.Replace(".approved.txt", ".received.txt", StringComparison.Ordinal);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("KERNEL_ACCEPT_PUBLIC_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : "";
        if (approved != actual)
        {
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"The public API of {what} changed. Review `diff {approvedPath} {receivedPath}`; if intended, run ./build/accept-api.sh and commit the approved file.");
        }

        if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }
    }
}
