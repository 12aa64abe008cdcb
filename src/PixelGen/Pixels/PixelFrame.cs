using System.Runtime.InteropServices;
using PixelGen.Layout;

namespace PixelGen.Pixels;

/// <summary>
/// One decoded frame: rows × columns × samples elements of <typeparamref name="T"/>, samples interleaved.
/// The frame is a view over <see cref="Memory"/>: whoever created that memory owns it. Frames that
/// PixelGen allocates (<see cref="Allocate"/>, <c>ReadFrame</c>) own a plain array that the GC reclaims; nothing
/// is pooled, so there is nothing to dispose. Frames sliced from a <see cref="PixelVolume{T}"/> share its array.
/// </summary>
/// <typeparam name="T">byte, sbyte, ushort, short, uint, int, ulong, long, float or double.</typeparam>
public sealed class PixelFrame<T> : IPixelFrame where T : unmanaged
{
    /// <summary>Wraps existing memory (not copied) as a frame.</summary>
    /// <param name="pixels">Exactly rows × columns × samples elements, interleaved.</param>
    /// <param name="rows">Rows.</param>
    /// <param name="columns">Columns.</param>
    /// <param name="samplesPerPixel">Samples per pixel.</param>
    /// <param name="photometricInterpretation">Colour space of the values.</param>
    /// <exception cref="ArgumentException">T is not a pixel type, a dimension is not positive, or the length does not match.</exception>
    public PixelFrame(Memory<T> pixels, int rows, int columns, int samplesPerPixel = 1, string photometricInterpretation = "MONOCHROME2")
    {
        ElementType = PixelElementTypes.Of<T>();
        if (ElementType == PixelElementType.None) throw new ArgumentException($"{typeof(T).Name} is not a pixel element type");
        if (rows <= 0 || columns <= 0 || samplesPerPixel <= 0) throw new ArgumentException("rows, columns and samples must be positive");
        long n = (long)rows * columns * samplesPerPixel;
        if (pixels.Length != n) throw new ArgumentException($"{rows}x{columns}x{samplesPerPixel} needs {n} elements, got {pixels.Length}", nameof(pixels));
        Memory = pixels;
        Rows = rows;
        Columns = columns;
        SamplesPerPixel = samplesPerPixel;
        PhotometricInterpretation = photometricInterpretation ?? throw new ArgumentNullException(nameof(photometricInterpretation));
    }

    /// <summary>Allocates a zeroed frame backed by a new array that the frame owns.</summary>
    public static PixelFrame<T> Allocate(int rows, int columns, int samplesPerPixel = 1, string photometricInterpretation = "MONOCHROME2")
    {
        long n = (long)rows * columns * samplesPerPixel;
        if (rows <= 0 || columns <= 0 || samplesPerPixel <= 0 || n > Array.MaxLength)
            throw new ArgumentException($"cannot allocate a {rows}x{columns}x{samplesPerPixel} frame");
        return new PixelFrame<T>(new T[n], rows, columns, samplesPerPixel, photometricInterpretation);
    }

    /// <inheritdoc />
    public int Rows { get; }
    /// <inheritdoc />
    public int Columns { get; }
    /// <inheritdoc />
    public int SamplesPerPixel { get; }
    /// <inheritdoc />
    public PixelElementType ElementType { get; }
    /// <inheritdoc />
    public Type ClrType => typeof(T);
    /// <inheritdoc />
    public string PhotometricInterpretation { get; }

    /// <summary>The pixels (rows × columns × samples, interleaved). Not a copy.</summary>
    public Memory<T> Memory { get; }

    /// <summary>The pixels as a span. Not a copy.</summary>
    public Span<T> Span => Memory.Span;

    /// <summary>Number of elements (rows × columns × samples).</summary>
    public int Length => Memory.Length;

    /// <summary>The value of one sample; bounds-checked.</summary>
    public ref T this[int row, int column, int sample = 0]
    {
        get
        {
            if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns || (uint)sample >= (uint)SamplesPerPixel)
                throw new ArgumentOutOfRangeException(nameof(row), $"({row}, {column}, {sample}) is outside {Rows}x{Columns}x{SamplesPerPixel}");
            return ref Span[(row * Columns + column) * SamplesPerPixel + sample];
        }
    }

    /// <summary>One row (columns × samples elements). Not a copy.</summary>
    public Span<T> Row(int row)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
        int w = Columns * SamplesPerPixel;
        return Span.Slice(row * w, w);
    }

    /// <inheritdoc />
    public Span<byte> AsBytes() => MemoryMarshal.AsBytes(Span);

    /// <summary>Copies the pixels into a new array.</summary>
    public T[] ToArray() => Span.ToArray();

    /// <inheritdoc />
    public override string ToString() => $"{Rows}x{Columns}x{SamplesPerPixel} {PixelLayoutRules.CSharpKeyword(ElementType)} {PhotometricInterpretation}";
}

/// <summary>Factory for frames whose element type comes from a layout.</summary>
public static class PixelFrame
{
    /// <summary>Allocates a zeroed frame of <paramref name="layout"/>'s element type and shape (a new array the frame owns).</summary>
    public static IPixelFrame Allocate(FrameLayout layout, string? photometricInterpretation = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.EnsureValid();
        string pi = photometricInterpretation ?? layout.PhotometricInterpretation;
        int r = layout.Rows, c = layout.Columns, s = layout.SamplesPerPixel;
        return layout.ElementType switch
        {
            PixelElementType.UInt8 => PixelFrame<byte>.Allocate(r, c, s, pi),
            PixelElementType.Int8 => PixelFrame<sbyte>.Allocate(r, c, s, pi),
            PixelElementType.UInt16 => PixelFrame<ushort>.Allocate(r, c, s, pi),
            PixelElementType.Int16 => PixelFrame<short>.Allocate(r, c, s, pi),
            PixelElementType.UInt32 => PixelFrame<uint>.Allocate(r, c, s, pi),
            PixelElementType.Int32 => PixelFrame<int>.Allocate(r, c, s, pi),
            PixelElementType.UInt64 => PixelFrame<ulong>.Allocate(r, c, s, pi),
            PixelElementType.Int64 => PixelFrame<long>.Allocate(r, c, s, pi),
            PixelElementType.Float32 => PixelFrame<float>.Allocate(r, c, s, pi),
            PixelElementType.Float64 => PixelFrame<double>.Allocate(r, c, s, pi),
            _ => throw new PixelDataException($"No element type for {layout}"),
        };
    }

    /// <summary>Decodes one native frame into a newly allocated frame (see <see cref="PixelDecoder.Decode"/>).</summary>
    public static IPixelFrame Decode(ReadOnlySpan<byte> raw, FrameLayout layout)
    {
        var frame = Allocate(layout);
        PixelDecoder.Decode(raw, frame.AsBytes(), layout);
        return frame;
    }
}
