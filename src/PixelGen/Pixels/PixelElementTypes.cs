using PixelGen.Layout;

namespace PixelGen.Pixels;

/// <summary>Maps between <see cref="PixelElementType"/> and the CLR element types of decoded pixels.</summary>
public static class PixelElementTypes
{
    /// <summary>The <see cref="PixelElementType"/> of <typeparamref name="T"/>, or <see cref="PixelElementType.None"/> when T is not a pixel type.</summary>
    public static PixelElementType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(byte)) return PixelElementType.UInt8;
        if (typeof(T) == typeof(sbyte)) return PixelElementType.Int8;
        if (typeof(T) == typeof(ushort)) return PixelElementType.UInt16;
        if (typeof(T) == typeof(short)) return PixelElementType.Int16;
        if (typeof(T) == typeof(uint)) return PixelElementType.UInt32;
        if (typeof(T) == typeof(int)) return PixelElementType.Int32;
        if (typeof(T) == typeof(ulong)) return PixelElementType.UInt64;
        if (typeof(T) == typeof(long)) return PixelElementType.Int64;
        if (typeof(T) == typeof(float)) return PixelElementType.Float32;
        if (typeof(T) == typeof(double)) return PixelElementType.Float64;
        return PixelElementType.None;
    }

    /// <summary>The CLR type of decoded elements (<c>typeof(ushort)</c> for <see cref="PixelElementType.UInt16"/>…).</summary>
    public static Type ClrType(PixelElementType type) => type switch
    {
        PixelElementType.UInt8 => typeof(byte),
        PixelElementType.Int8 => typeof(sbyte),
        PixelElementType.UInt16 => typeof(ushort),
        PixelElementType.Int16 => typeof(short),
        PixelElementType.UInt32 => typeof(uint),
        PixelElementType.Int32 => typeof(int),
        PixelElementType.UInt64 => typeof(ulong),
        PixelElementType.Int64 => typeof(long),
        PixelElementType.Float32 => typeof(float),
        PixelElementType.Float64 => typeof(double),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a pixel element type"),
    };

    /// <summary>Throws <see cref="ArgumentException"/> unless <typeparamref name="T"/> is the element type of <paramref name="layout"/>.</summary>
    public static void EnsureMatches<T>(FrameLayout layout) where T : unmanaged
    {
        var expected = layout.ElementType;
        if (Of<T>() != expected)
            throw new ArgumentException(
                $"Frames of this layout decode to {PixelLayoutRules.CSharpKeyword(expected)} ({PixelLayoutRules.NumpyName(expected)}), not {typeof(T).Name}. Layout: {layout}");
    }
}
