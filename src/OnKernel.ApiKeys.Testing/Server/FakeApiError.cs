using System.Net;

namespace OnKernel.Testing.Server;

/// <summary>
/// An error answer, thrown wherever a rule fails and turned into the spec's Error body
/// (<c>{"code": ..., "message": ...}</c>) by the handler.
/// </summary>
internal sealed class FakeApiError : Exception
{
    public FakeApiError(HttpStatusCode status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public HttpStatusCode Status { get; }

    public string Code { get; }

    public static FakeApiError BadRequest(string message) => new(HttpStatusCode.BadRequest, "bad_request", message);

    public static FakeApiError Unauthorized(string message) => new(HttpStatusCode.Unauthorized, "unauthorized", message);

    public static FakeApiError Forbidden(string message) => new(HttpStatusCode.Forbidden, "forbidden", message);

    public static FakeApiError NotFound(string message) => new(HttpStatusCode.NotFound, "not_found", message);

    public FakeResponse ToResponse() => FakeResponse.Error(Status, Code, Message);
}
