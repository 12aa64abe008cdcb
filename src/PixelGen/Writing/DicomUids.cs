using System.Globalization;
using System.Numerics;

namespace PixelGen.Writing;

/// <summary>UIDs PixelGen writes, and new UIDs for instances it creates.</summary>
public static class DicomUids
{
    /// <summary>PixelGen's Implementation Class UID (a 2.25 UUID-derived root).</summary>
    public const string ImplementationClassUid = "2.25.160363339716431870364585016226364316593";

    /// <summary>PixelGen's Implementation Version Name (at most 16 characters).</summary>
    public const string ImplementationVersionName = "PIXELGEN_1_0";

    /// <summary>
    /// A new UID under the 2.25 root: the 128 bits of a random UUID as an unsigned decimal (PS3.5 B.2),
    /// at most 44 characters.
    /// </summary>
    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes, bigEndian: true, out _);
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return "2.25." + value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="uid"/> is a syntactically valid UID (digits and dots, no leading zeros, at most 64 characters).</summary>
    public static bool IsValid(string uid)
    {
        if (uid.Length is 0 or > 64) return false;
        foreach (var part in uid.Split('.'))
        {
            if (part.Length == 0) return false;
            if (part.Length > 1 && part[0] == '0') return false;
            foreach (char c in part) if (c is < '0' or > '9') return false;
        }
        return true;
    }
}
