using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OnKernel;

/// <summary>
/// Redacts a JSON body by structure: the value of every property named <c>key</c> (any
/// case, any escaping, at any depth, whatever its type) becomes the mask, and the caller's
/// API key is removed from every string. A regular expression over the text cannot see
/// <c>"\u006bey"</c>, <c>"KEY"</c> or an array value; the parsed tree can.
/// </summary>
internal static class JsonSecretWalk
{
    // Deep enough for any real body; deeper input is not parsed (the pattern fallback runs)
    // and never recursed into, so a hostile body cannot exhaust the stack.
    private const int MaxDepth = 128;

    /// <returns>The redacted body (the original text when it held no secret), or null when it is not a JSON object or array.</returns>
    public static string? TryRedact(string body, SecretRedactor redactor)
    {
        var start = body.TrimStart();
        // Stryker disable once Logical,Block : a quick exit only: without it the parser refuses the same text and the caller falls back to the pattern, with the same result
        if (start.Length == 0 || (start[0] != '{' && start[0] != '['))
        {
            return null;
        }

        JToken root;
        try
        {
            // Dates and numbers stay as written; only secrets may change.
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = MaxDepth };
            root = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                return null; // trailing content: not one JSON document
            }
        }
        catch (JsonException)
        {
            return null;
        }

        // Re-serialised only when something was found, so an innocent body is kept verbatim.
        // The final replace also covers the caller's key in a property name.
        return Walk(root, redactor) ? redactor.RedactApiKey(root.ToString(Formatting.None)) : body;
    }

    /// <returns>True when anything was (or must be) redacted.</returns>
    private static bool Walk(JToken root, SecretRedactor redactor)
    {
        var found = false;
        var pending = new Stack<JToken>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JProperty property when string.Equals(property.Name, "key", StringComparison.OrdinalIgnoreCase):
                    // Always counts as found: a duplicate "key" earlier in the text was
                    // dropped by the parser, and only re-serialising removes it.
                    property.Value = new JValue(SecretRedactor.Mask);
                    found = true;
                    break;
                case JProperty property:
                    found |= redactor.ContainsApiKey(property.Name);
                    pending.Push(property.Value);
                    break;
                case JContainer container:
                    foreach (var child in container.Children())
                    {
                        pending.Push(child);
                    }

                    break;
                case JValue { Type: JTokenType.String } value:
                    var text = (string)value.Value!;
                    var clean = redactor.RedactText(text)!;
                    if (!ReferenceEquals(clean, text) && clean != text)
                    {
                        value.Value = clean;
                        found = true;
                    }

                    break;
            }
        }

        return found;
    }
}
