using System.Text;

namespace OnKernel.ApiKeys.CodeGen;

/// <summary>Turns wire names (snake_case, kebab-case, dotted, spaced) into C# identifiers.</summary>
internal static class Identifier
{
    /// <summary>
    /// <c>days_to_expire</c> becomes <c>DaysToExpire</c>, <c>X-Has-More</c> becomes <c>XHasMore</c>,
    /// and <c>API Keys</c> becomes <c>ApiKeys</c>: .NET capitalises acronyms of three or more
    /// letters like words, and keeps two-letter ones (<c>IO</c>).
    /// </summary>
    public static string Pascal(string wireName)
    {
        var result = new StringBuilder(wireName.Length);
        foreach (var word in Words(wireName))
        {
            var isAcronym = word.Length > 2 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
            result.Append(char.ToUpperInvariant(word[0]));
            result.Append(isAcronym ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }

        if (result.Length == 0)
        {
            return "Value";
        }

        // An identifier cannot start with a digit ("2fa" becomes "N2fa").
        return char.IsDigit(result[0]) ? "N" + result : result.ToString();
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary><c>include_deleted</c> becomes <c>includeDeleted</c>.</summary>
    public static string Camel(string wireName)
    {
        var pascal = Pascal(wireName);
        return char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }
}
