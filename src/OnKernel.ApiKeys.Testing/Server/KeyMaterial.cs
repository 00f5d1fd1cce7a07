using System.Security.Cryptography;
using System.Text;

namespace OnKernel.Testing.Server;

/// <summary>Plaintext keys, ids, hashes and masks, made the way a real server would make them.</summary>
internal static class KeyMaterial
{
    private const string KeyAlphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string IdAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>A fresh random plaintext key: <c>sk_</c> and 40 letters and digits (about 238 bits).</summary>
    public static string NewPlaintext() => "sk_" + Random(KeyAlphabet, 40);

    /// <summary>An id shaped like Kernel's (a 25-character cuid such as <c>ckv9w8q2f000001l5r3j7k9m4</c>).</summary>
    public static string NewId() => "ck" + Random(IdAlphabet, 23);

    /// <summary>What the server keeps to recognise a key: its SHA-256, never the key.</summary>
    public static string Hash(string plaintext)
    {
        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(plaintext)));
    }

    /// <summary>
    /// Kernel's masked form (<c>sk_1234...abcd</c>, as in the spec's example): the start and
    /// the last four characters, enough to recognise a key, never enough to use it. Short
    /// seeded keys show only the last four.
    /// </summary>
    public static string Mask(string plaintext)
    {
        // A short seeded key shows nothing of itself: its last four would be most of it.
        var last4 = plaintext.Length > 8 ? plaintext.Substring(plaintext.Length - 4) : "";
        return plaintext.Length >= 16 ? plaintext.Substring(0, 7) + "..." + last4 : "sk_..." + last4;
    }

    private static string Random(string alphabet, int length)
    {
        // Rejection sampling: bytes at or above the largest multiple of the alphabet size
        // are skipped, so every character is equally likely.
        var limit = 256 - (256 % alphabet.Length);
        var chars = new char[length];
        var buffer = new byte[length * 2];
        using var rng = RandomNumberGenerator.Create();
        var filled = 0;
        while (filled < length)
        {
            rng.GetBytes(buffer);
            foreach (var b in buffer)
            {
                if (b < limit && filled < length)
                {
                    chars[filled++] = alphabet[b % alphabet.Length];
                }
            }
        }

        return new string(chars);
    }
}
