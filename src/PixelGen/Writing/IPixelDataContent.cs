namespace PixelGen.Writing;

/// <summary>
/// Receives pixel data from an <see cref="IPixelDataContent"/> while the writer writes it. For native data each call
/// appends raw bytes to the value; for encapsulated data each call is one fragment (one item).
/// </summary>
public interface IPixelDataSink
{
    /// <summary>Appends native bytes, or writes one encapsulated fragment.</summary>
    void Write(ReadOnlySpan<byte> data);
}

/// <summary>
/// Pixel data the writer pulls one frame at a time, so that a large value never has to be in memory at once
/// (the transcoder encodes or decodes each frame when the writer asks for it).
/// </summary>
public interface IPixelDataContent
{
    /// <summary>True for encapsulated (compressed) frames, false for native bytes.</summary>
    bool IsEncapsulated { get; }

    /// <summary>Number of frames (for native 1-bit data that is not byte aligned, one "frame" may carry every frame).</summary>
    int FrameCount { get; }

    /// <summary>Native: the exact value length in bytes before even padding. Ignored for encapsulated data.</summary>
    long NativeLength { get; }

    /// <summary>
    /// Encapsulated: the fragment lengths of every frame when known before writing (then the Basic Offset Table
    /// is filled directly), or null when frames are produced on demand (the writer then patches the table on a
    /// seekable stream, or leaves it empty).
    /// </summary>
    IReadOnlyList<IReadOnlyList<long>>? FragmentLengths { get; }

    /// <summary>Writes frame <paramref name="index"/> to <paramref name="sink"/>; called once per frame, in order.</summary>
    void WriteFrame(int index, IPixelDataSink sink);
}
