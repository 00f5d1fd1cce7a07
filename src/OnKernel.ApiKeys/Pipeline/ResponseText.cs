using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace OnKernel;

/// <summary>
/// A response body's bytes as text, as <see cref="HttpContent.ReadAsStringAsync()"/> decodes them:
/// the charset of <c>Content-Type</c>, else a byte order mark, else UTF-8. The common case
/// (UTF-8 named or implied and no byte order mark: every JSON answer) is decoded here; any
/// other goes to HttpContent itself, so the rules stay the framework's rather than a copy.
/// </summary>
internal static class ResponseText
{
    public static ValueTask<string> DecodeAsync(byte[] buffer, int length, MediaTypeHeaderValue? contentType)
    {
        var charset = contentType?.CharSet;
        if ((charset is null || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase)) && !MayStartWithByteOrderMark(buffer, length))
        {
            return new ValueTask<string>(Encoding.UTF8.GetString(buffer, 0, length));
        }

        return new ValueTask<string>(FrameworkDecodeAsync(buffer, length, contentType));
    }

    // Every byte order mark HttpContent recognises (UTF-8, UTF-16 either order, UTF-32
    // little-endian) starts with one of these; JSON text never does.
    private static bool MayStartWithByteOrderMark(byte[] buffer, int length) =>
        length > 0 && buffer[0] is 0xEF or 0xFE or 0xFF;

    private static async Task<string> FrameworkDecodeAsync(byte[] buffer, int length, MediaTypeHeaderValue? contentType)
    {
        using var content = new ByteArrayContent(buffer, 0, length);
        content.Headers.ContentType = contentType;
        return await content.ReadAsStringAsync().ConfigureAwait(false);
    }
}
