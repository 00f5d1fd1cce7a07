// Answers every create with Kernel's 201 body and headers, as cheaply as Kestrel can, so
// that the loopback comparison measures the clients. Usage: Server <port>; binds 127.0.0.1 only.
using OnKernel.Benchmarks;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{args[0]}");
var app = builder.Build();

app.MapPost("/org/api_keys", (HttpContext context) =>
{
    var response = context.Response;
    response.StatusCode = StatusCodes.Status201Created;
    response.ContentType = "application/json; charset=utf-8";
    response.ContentLength = Fixtures.Created.Length;
    foreach (var header in Fixtures.CommonHeaders)
    {
        response.Headers[header.Key] = header.Value;
    }

    return response.Body.WriteAsync(Fixtures.Created).AsTask();
});

app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine("listening"));
app.Run();
