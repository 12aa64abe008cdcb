namespace PixelGen.Writing;

/// <summary>
/// Encapsulated pixel data held in memory: one entry per frame, each frame one or more fragments. The writer
/// adds the Basic Offset Table (or the Extended Offset Table) itself.
/// </summary>
public sealed class EncapsulatedPixelData : IPixelDataContent
{
    private readonly ReadOnlyMemory<byte>[][] _frames;

    /// <summary>One fragment per frame.</summary>
    public EncapsulatedPixelData(IReadOnlyList<ReadOnlyMemory<byte>> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        _frames = frames.Select(f => new[] { f }).ToArray();
        FragmentLengths = BuildLengths(_frames);
    }

    /// <summary>Frames given as their fragments (a frame may span several fragments).</summary>
    public EncapsulatedPixelData(IReadOnlyList<IReadOnlyList<ReadOnlyMemory<byte>>> frameFragments)
    {
        ArgumentNullException.ThrowIfNull(frameFragments);
        _frames = frameFragments.Select(f =>
        {
            if (f.Count == 0) throw new PixelGenException("An encapsulated frame needs at least one fragment");
            return f.ToArray();
        }).ToArray();
        FragmentLengths = BuildLengths(_frames);
    }

    /// <inheritdoc />
    public bool IsEncapsulated => true;

    /// <inheritdoc />
    public int FrameCount => _frames.Length;

    /// <inheritdoc />
    public long NativeLength => 0;

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<long>>? FragmentLengths { get; }

    /// <summary>The fragments of frame <paramref name="index"/>.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Fragments(int index) => _frames[index];

    /// <inheritdoc />
    public void WriteFrame(int index, IPixelDataSink sink)
    {
        foreach (var fragment in _frames[index]) sink.Write(fragment.Span);
    }

    private static IReadOnlyList<IReadOnlyList<long>> BuildLengths(ReadOnlyMemory<byte>[][] frames)
        => frames.Select(f => (IReadOnlyList<long>)f.Select(x => (long)x.Length).ToArray()).ToArray();
}
