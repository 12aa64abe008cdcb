using System.Runtime.InteropServices;
using PixelGen.Layout;

namespace PixelGen.Pixels;

/// <summary>
/// All decoded frames: frames × rows × columns × samples elements of <typeparamref name="T"/> in one block
/// (pydicom's <c>pixel_array</c>). A view over <see cref="Memory"/>, owned by whoever created it; volumes that
/// PixelGen allocates own a plain array (nothing pooled, nothing to dispose). <see cref="Frame"/> slices share it.
/// </summary>
/// <typeparam name="T">byte, sbyte, ushort, short, uint, int, ulong, long, float or double.</typeparam>
public sealed class PixelVolume<T> : IPixelVolume where T : unmanaged
{
    /// <summary>Wraps existing memory (not copied) as a volume.</summary>
    /// <exception cref="ArgumentException">T is not a pixel type, a dimension is not positive, or the length does not match.</exception>
    public PixelVolume(Memory<T> pixels, int frames, int rows, int columns, int samplesPerPixel = 1, string photometricInterpretation = "MONOCHROME2")
    {
        ElementType = PixelElementTypes.Of<T>();
        if (ElementType == PixelElementType.None) throw new ArgumentException($"{typeof(T).Name} is not a pixel element type");
        if (frames <= 0 || rows <= 0 || columns <= 0 || samplesPerPixel <= 0) throw new ArgumentException("frames, rows, columns and samples must be positive");
        long perFrame = (long)rows * columns * samplesPerPixel;
        if (perFrame * frames != pixels.Length)
            throw new ArgumentException($"{frames}x{rows}x{columns}x{samplesPerPixel} needs {perFrame * frames} elements, got {pixels.Length}", nameof(pixels));
        Memory = pixels;
        Frames = frames;
        Rows = rows;
        Columns = columns;
        SamplesPerPixel = samplesPerPixel;
        FrameLength = (int)perFrame;
        PhotometricInterpretation = photometricInterpretation ?? throw new ArgumentNullException(nameof(photometricInterpretation));
    }

    /// <summary>Allocates a zeroed volume backed by a new array that the volume owns.</summary>
    public static PixelVolume<T> Allocate(int frames, int rows, int columns, int samplesPerPixel = 1, string photometricInterpretation = "MONOCHROME2")
    {
        long n = (long)frames * rows * columns * samplesPerPixel;
        if (frames <= 0 || rows <= 0 || columns <= 0 || samplesPerPixel <= 0 || n > Array.MaxLength)
            throw new ArgumentException($"cannot allocate a {frames}x{rows}x{columns}x{samplesPerPixel} volume");
        return new PixelVolume<T>(new T[n], frames, rows, columns, samplesPerPixel, photometricInterpretation);
    }

    /// <inheritdoc />
    public int Frames { get; }
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

    /// <summary>Elements per frame (rows × columns × samples).</summary>
    public int FrameLength { get; }

    /// <summary>All pixels, frame after frame. Not a copy.</summary>
    public Memory<T> Memory { get; }

    /// <summary>All pixels as a span. Not a copy.</summary>
    public Span<T> Span => Memory.Span;

    /// <summary>The shape as numpy writes it: (frames, rows, columns[, samples]); frames and samples of 1 are kept.</summary>
    public (int Frames, int Rows, int Columns, int Samples) Shape => (Frames, Rows, Columns, SamplesPerPixel);

    /// <summary>The value of one sample; bounds-checked.</summary>
    public ref T this[int frame, int row, int column, int sample = 0]
    {
        get
        {
            if ((uint)frame >= (uint)Frames || (uint)row >= (uint)Rows || (uint)column >= (uint)Columns || (uint)sample >= (uint)SamplesPerPixel)
                throw new ArgumentOutOfRangeException(nameof(frame), $"({frame}, {row}, {column}, {sample}) is outside {Frames}x{Rows}x{Columns}x{SamplesPerPixel}");
            return ref Span[(int)(((long)frame * Rows + row) * Columns + column) * SamplesPerPixel + sample];
        }
    }

    /// <summary>One frame, sharing this volume's memory.</summary>
    public PixelFrame<T> Frame(int index)
    {
        if ((uint)index >= (uint)Frames) throw new ArgumentOutOfRangeException(nameof(index), $"frame {index} of {Frames}");
        return new PixelFrame<T>(Memory.Slice(index * FrameLength, FrameLength), Rows, Columns, SamplesPerPixel, PhotometricInterpretation);
    }

    /// <inheritdoc />
    public IPixelFrame GetFrame(int index) => Frame(index);

    /// <inheritdoc />
    public Span<byte> AsBytes() => MemoryMarshal.AsBytes(Span);

    /// <inheritdoc />
    public override string ToString() => $"{Frames}x{Rows}x{Columns}x{SamplesPerPixel} {PixelLayoutRules.CSharpKeyword(ElementType)} {PhotometricInterpretation}";
}

/// <summary>Factory for volumes whose element type comes from a layout.</summary>
public static class PixelVolume
{
    /// <summary>Allocates a zeroed volume of <paramref name="frames"/> frames of <paramref name="layout"/> (a new array the volume owns).</summary>
    public static IPixelVolume Allocate(FrameLayout layout, int frames, string? photometricInterpretation = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        layout.EnsureValid();
        string pi = photometricInterpretation ?? layout.PhotometricInterpretation;
        int r = layout.Rows, c = layout.Columns, s = layout.SamplesPerPixel;
        return layout.ElementType switch
        {
            PixelElementType.UInt8 => PixelVolume<byte>.Allocate(frames, r, c, s, pi),
            PixelElementType.Int8 => PixelVolume<sbyte>.Allocate(frames, r, c, s, pi),
            PixelElementType.UInt16 => PixelVolume<ushort>.Allocate(frames, r, c, s, pi),
            PixelElementType.Int16 => PixelVolume<short>.Allocate(frames, r, c, s, pi),
            PixelElementType.UInt32 => PixelVolume<uint>.Allocate(frames, r, c, s, pi),
            PixelElementType.Int32 => PixelVolume<int>.Allocate(frames, r, c, s, pi),
            PixelElementType.UInt64 => PixelVolume<ulong>.Allocate(frames, r, c, s, pi),
            PixelElementType.Int64 => PixelVolume<long>.Allocate(frames, r, c, s, pi),
            PixelElementType.Float32 => PixelVolume<float>.Allocate(frames, r, c, s, pi),
            PixelElementType.Float64 => PixelVolume<double>.Allocate(frames, r, c, s, pi),
            _ => throw new PixelDataException($"No element type for {layout}"),
        };
    }
}
