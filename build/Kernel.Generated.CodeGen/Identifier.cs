using System.Text;

namespace Kernel.Generated.CodeGen;

/// <summary>Turns wire names (snake_case, kebab-case, dotted, spaced) into C# identifiers.</summary>
internal static class Identifier
{
    /// <summary><c>days_to_expire</c> becomes <c>DaysToExpire</c>; <c>X-Has-More</c> becomes <c>XHasMore</c>.</summary>
    public static string Pascal(string wireName)
    {
        var result = new StringBuilder(wireName.Length);
        var startOfWord = true;
        foreach (var c in wireName)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            result.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        if (result.Length == 0)
        {
            return "Value";
        }

        // An identifier cannot start with a digit ("2fa" becomes "N2fa").
        return char.IsDigit(result[0]) ? "N" + result : result.ToString();
    }

    /// <summary><c>include_deleted</c> becomes <c>includeDeleted</c>.</summary>
    public static string Camel(string wireName)
    {
        var pascal = Pascal(wireName);
        return char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }
}
