using PixelGen.Layout;

namespace PixelGen.Pixels;

/// <summary>
/// A decoded frame whose element type is known only at run time. Cast to <see cref="PixelFrame{T}"/>
/// (e.g. <c>frame is PixelFrame&lt;short&gt; f</c>) or read the little-endian bytes through <see cref="AsBytes"/>.
/// </summary>
public interface IPixelFrame
{
    /// <summary>Rows.</summary>
    int Rows { get; }
    /// <summary>Columns.</summary>
    int Columns { get; }
    /// <summary>Samples per pixel, interleaved.</summary>
    int SamplesPerPixel { get; }
    /// <summary>The element type (e.g. <see cref="PixelElementType.Int16"/>).</summary>
    PixelElementType ElementType { get; }
    /// <summary>The CLR element type (e.g. <c>typeof(short)</c>).</summary>
    Type ClrType { get; }
    /// <summary>The colour space of the decoded values (e.g. YBR_FULL for native YBR_FULL_422, upsampled).</summary>
    string PhotometricInterpretation { get; }
    /// <summary>The pixels as bytes (little endian, rows × columns × samples); a view, not a copy.</summary>
    Span<byte> AsBytes();
}

/// <summary>A decoded multi-frame volume whose element type is known only at run time.</summary>
public interface IPixelVolume
{
    /// <summary>Number of frames.</summary>
    int Frames { get; }
    /// <summary>Rows.</summary>
    int Rows { get; }
    /// <summary>Columns.</summary>
    int Columns { get; }
    /// <summary>Samples per pixel, interleaved.</summary>
    int SamplesPerPixel { get; }
    /// <summary>The element type.</summary>
    PixelElementType ElementType { get; }
    /// <summary>The CLR element type.</summary>
    Type ClrType { get; }
    /// <summary>The colour space of the decoded values.</summary>
    string PhotometricInterpretation { get; }
    /// <summary>All frames as bytes (little endian, frames × rows × columns × samples); a view, not a copy.</summary>
    Span<byte> AsBytes();
    /// <summary>One frame, sharing this volume's memory.</summary>
    IPixelFrame GetFrame(int index);
}
