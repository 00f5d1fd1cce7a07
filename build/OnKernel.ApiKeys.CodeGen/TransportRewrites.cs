using System.Text.RegularExpressions;

namespace OnKernel.ApiKeys.CodeGen;

/// <summary>
/// Rewrites a few statements of NSwag's per-call transport code into cheaper equivalents
/// (issue 13: a call should cost about what a hand-written HttpClient call costs). Each
/// rewrite names what it replaces and fails the generation when NSwag stops emitting it, so
/// an NSwag upgrade cannot silently bring the cost back. The hand-written targets live in
/// src/OnKernel.ApiKeys/Protocol (ResponseHeaderView, KernelHttpMethods, TextBuilderCache,
/// ApiKeysClient.SerializeRequestBody, ReadResponseAsync, PrepareAttemptRequest and ProcessAttemptResponse).
/// </summary>
internal static class TransportRewrites
{
    public static string Apply(string code)
    {
        // Every response's headers were copied into a new dictionary (every value parsed into
        // an array) before anything looked at them; most calls never do. A view over the
        // response copies them the same way on first use.
        code = Replace(code, "response header copy",
            @"var headers_ = new System\.Collections\.Generic\.Dictionary<string, System\.Collections\.Generic\.IEnumerable<string>>\(\);\s*" +
            @"foreach \(var item_ in response_\.Headers\)\s*headers_\[item_\.Key\] = item_\.Value;\s*" +
            @"if \(response_\.Content != null && response_\.Content\.Headers != null\)\s*\{\s*" +
            @"foreach \(var item_ in response_\.Content\.Headers\)\s*headers_\[item_\.Key\] = item_\.Value;\s*\}",
            _ => "var headers_ = new ResponseHeaderView(response_);");

        // A JSON body was a StringContent (which set text/plain) with application/json parsed over
        // it, and the pipeline then wrapped it to see it being sent; JsonRequestContent is both.
        code = Replace(code, "JSON request body",
            @"var content_ = new System\.Net\.Http\.StringContent\(json_\);\s*" +
            @"content_\.Headers\.ContentType = System\.Net\.Http\.Headers\.MediaTypeHeaderValue\.Parse\(""application/json""\);",
            _ => "var content_ = new JsonRequestContent(json_);");

        // A request body was written by a serializer made (with a writer and a buffer) per request,
        // which also applied the process-wide JsonConvert.DefaultSettings to Kernel's wire format.
        code = Replace(code, "request body serializer per request",
            @"Newtonsoft\.Json\.JsonConvert\.SerializeObject\(body, JsonSerializerSettings\)",
            _ => "SerializeRequestBody(body)");

        // Every parsed response was a Task (ReadObjectResponseAsync); the hand-written half reads it
        // as a ValueTask, so a body that is already in is parsed without a task per response.
        code = Replace(code, "parsed response read as a Task",
            @"await ReadObjectResponseAsync<",
            _ => "await ReadResponseAsync<");

        // The id path parameter is a string: NSwag's ConvertToString tested it against enums,
        // booleans and arrays before returning it as it was. Should the spec ever give the id
        // another type, the rewritten call no longer compiles.
        code = Replace(code, "string id converted to text",
            @"System\.Uri\.EscapeDataString\(ConvertToString\(id, System\.Globalization\.CultureInfo\.InvariantCulture\)\)",
            _ => "System.Uri.EscapeDataString(id)");

        // A new HttpMethod per request, where the shared instances exist (and the handler
        // recognises them without comparing text).
        code = Replace(code, "HttpMethod per request", @"new System\.Net\.Http\.HttpMethod\(""([A-Z]+)""\)", m => "KernelHttpMethods." + m.Groups[1].Value switch
        {
            "GET" => "Get",
            "POST" => "Post",
            "PATCH" => "Patch",
            "DELETE" => "Delete",
            var other => throw new InvalidOperationException($"TransportRewrites: no shared HttpMethod for {other}; add it to KernelHttpMethods."),
        });

        // Accept was parsed from text on every request; the header goes out as the same text.
        code = Replace(code, "Accept parsed per request",
            @"request_\.Headers\.Accept\.Add\(System\.Net\.Http\.Headers\.MediaTypeWithQualityHeaderValue\.Parse\(""application/json""\)\);",
            _ => @"request_.Headers.TryAddWithoutValidation(""Accept"", ""application/json"");");

        // A DELETE answers no JSON on success, so NSwag sends no Accept for it; its errors are
        // JSON like every other operation's. Every request now carries the same Accept from the
        // generated code, and nothing has to look for it afterwards.
        code = Replace(code, "DELETE without Accept",
            @"request_\.Method = KernelHttpMethods\.Delete;",
            _ => @"request_.Method = KernelHttpMethods.Delete;
                    request_.Headers.TryAddWithoutValidation(""Accept"", ""application/json"");");

        // The attempt (the pipeline's deadline, redirect guard and body limit) reached the request and
        // the response through an AsyncLocal: an ExecutionContext made per attempt and a lookup at each
        // end. The generated call now takes it once as it starts (the pipeline hands it over on the
        // calling thread, and PrepareRequest runs before the call's first await) and keeps it in a
        // local of its own until the response is in.
        code = Replace(code, "request prepared without the attempt",
            @"PrepareRequest\(client_, request_, url_\);",
            _ => "var attempt_ = PrepareAttemptRequest(request_);");
        code = Replace(code, "response processed without the attempt",
            @"ProcessResponse\(client_, response_\);",
            _ => "ProcessAttemptResponse(attempt_, response_);");

        // The URL was built in a new StringBuilder per request (growing chunk by chunk).
        code = Replace(code, "URL builder per request", @"var urlBuilder_ = new System\.Text\.StringBuilder\(\);", _ => "var urlBuilder_ = TextBuilderCache.Acquire();");
        code = Replace(code, "URL builder result", @"var url_ = urlBuilder_\.ToString\(\);", _ => "var url_ = TextBuilderCache.Release(urlBuilder_);");
        return code;
    }

    private static string Replace(string code, string what, string pattern, MatchEvaluator replacement)
    {
        var regex = new Regex(pattern);
        if (!regex.IsMatch(code))
        {
            throw new InvalidOperationException($"TransportRewrites: NSwag no longer emits the {what} this generator rewrites (pattern: {pattern}). Update build/OnKernel.ApiKeys.CodeGen/TransportRewrites.cs.");
        }

        return regex.Replace(code, replacement);
    }
}
