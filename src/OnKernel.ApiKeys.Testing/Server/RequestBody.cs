using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OnKernel.Testing.Server;

/// <summary>
/// Reads and checks a JSON request body as the spec describes it, answering what a real
/// server answers for a bad one: 400 with the Error shape and a message naming the field.
/// Unknown properties are ignored, as the spec allows.
/// </summary>
internal static class RequestBody
{
    public static JObject? Parse(HttpContent? content, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                throw FakeApiError.BadRequest("The request body is required (a JSON object).");
            }

            return null;
        }

        var mediaType = content?.Headers.ContentType?.MediaType;
        if (mediaType is null || !(mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            throw FakeApiError.BadRequest($"Content-Type must be application/json; got '{mediaType ?? "none"}'.");
        }

        JToken token;
        try
        {
            // Dates stay strings and numbers stay exact: the checks below see the JSON as sent.
            using var reader = new JsonTextReader(new StringReader(text!)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            token = JToken.ReadFrom(reader);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException("Additional content after the JSON value.");
                }
            }
        }
        catch (JsonReaderException e)
        {
            throw FakeApiError.BadRequest("The request body is not valid JSON: " + e.Message);
        }

        return token as JObject ?? throw FakeApiError.BadRequest($"The request body must be a JSON object; got {Describe(token)}.");
    }

    public static string RequiredString(JObject body, string field, Bounds length)
    {
        if (!body.TryGetValue(field, out var token) || token.Type == JTokenType.Null)
        {
            throw FakeApiError.BadRequest($"Missing required field: {field}.");
        }

        return CheckedString(token, field, length);
    }

    /// <summary>A nullable string field: null when absent or null.</summary>
    public static string? OptionalString(JObject body, string field)
    {
        if (!body.TryGetValue(field, out var token) || token.Type == JTokenType.Null)
        {
            return null;
        }

        return CheckedString(token, field, new Bounds(0, int.MaxValue));
    }

    /// <summary>A nullable integer field: null when absent or null.</summary>
    public static int? OptionalInteger(JObject body, string field, Bounds bounds)
    {
        if (!body.TryGetValue(field, out var token) || token.Type == JTokenType.Null)
        {
            return null;
        }

        decimal value;
        if (token.Type == JTokenType.Integer || token.Type == JTokenType.Float)
        {
            try
            {
                value = token.Value<decimal>();
            }
            catch (OverflowException)
            {
                throw FakeApiError.BadRequest($"{field} must be {bounds}; got {token.ToString(Formatting.None)}.");
            }
        }
        else
        {
            throw FakeApiError.BadRequest($"{field} must be an integer or null; got {Describe(token)}.");
        }

        // JSON Schema's integer: 30 and 30.0 are integers, 30.5 is not.
        if (value != decimal.Truncate(value))
        {
            throw FakeApiError.BadRequest($"{field} must be an integer; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (!bounds.Contains(value))
        {
            throw FakeApiError.BadRequest($"{field} must be {bounds}; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        return (int)value;
    }

    private static string CheckedString(JToken token, string field, Bounds length)
    {
        if (token.Type != JTokenType.String)
        {
            throw FakeApiError.BadRequest($"{field} must be a string; got {Describe(token)}.");
        }

        var value = token.Value<string>()!;
        var codePoints = CodePoints(value);
        if (!length.Contains(codePoints))
        {
            throw FakeApiError.BadRequest($"{field} must be {length} characters long; got {codePoints}.");
        }

        return value;
    }

    // JSON Schema counts length in code points: a surrogate pair is one character.
    private static int CodePoints(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!(char.IsLowSurrogate(value[i]) && i > 0 && char.IsHighSurrogate(value[i - 1])))
            {
                count++;
            }
        }

        return count;
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => "a number",
    };
}
