using System.Net;
using System.Net.Sockets;
using static OnKernel.ApiKeys.SpecUpdate.Tests.SpecUpdateRun;

namespace OnKernel.ApiKeys.SpecUpdate.Tests;

/// <summary>The input can be an http URL: served here from loopback, never from outside.</summary>
internal sealed class UrlInputTests : TempDirectoryTest
{
    [Test]
    public async Task Reads_the_document_from_a_url()
    {
        var port = FreePort.Next();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = context.Request.Url!.AbsolutePath == "/openapi.json" ? 200 : 404;
            var body = await File.ReadAllBytesAsync(Fixture("multi-tag.json"));
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });

        var run = Of($"http://127.0.0.1:{port}/openapi.json", "--output", PathIn("from-url.yaml"));
        await serve.WaitAsync(TimeSpan.FromSeconds(30));
        Of(Fixture("multi-tag.yaml"), "--output", PathIn("from-file.yaml"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(File.ReadAllBytes(PathIn("from-url.yaml")), Is.EqualTo(File.ReadAllBytes(PathIn("from-file.yaml"))));
    }
}
