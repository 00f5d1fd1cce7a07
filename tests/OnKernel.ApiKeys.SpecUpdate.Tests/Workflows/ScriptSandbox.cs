namespace OnKernel.ApiKeys.SpecUpdate.Tests.Workflows;

/// <summary>A temporary folder holding copies of repository scripts, plus stub commands on PATH.</summary>
internal sealed class ScriptSandbox : IDisposable
{
    public ScriptSandbox(params string[] scripts)
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kernel-script-test-" + Guid.NewGuid().ToString("N")[..8]);
        Bin = System.IO.Path.Combine(Root, ".stub-bin");
        Directory.CreateDirectory(Bin);
        foreach (var script in scripts)
        {
            Write(script, File.ReadAllText(RepoPaths.Combine(script)), executable: true);
        }
    }

    public string Root { get; }

    /// <summary>Prepended to PATH: stub commands (gh, ...) go here.</summary>
    public string Bin { get; }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public void Write(string relative, string content, bool executable = false)
    {
        var path = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n"));
        if (executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }
    }

    public void Stub(string command, string body) => Write(System.IO.Path.Combine(".stub-bin", command), "#!/usr/bin/env bash\n" + body + "\n", executable: true);

    public Task<ProcessRunner.Result> RunAsync(string script, IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var env = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
        {
            ["PATH"] = Bin + ":" + Environment.GetEnvironmentVariable("PATH"),
        };
        return ProcessRunner.RunAsync("bash", [script, .. args], Root, TimeSpan.FromMinutes(2), env);
    }

    public Task<ProcessRunner.Result> GitAsync(params string[] args) =>
        ProcessRunner.RunAsync("git", args, Root, TimeSpan.FromMinutes(1));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
