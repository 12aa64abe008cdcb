using PixelGen.Codecs.Rle;
using PixelGen.Frames;
using PixelGen.Pixels;

namespace PixelGen.Writing;

/// <summary>Produces native little-endian frames one at a time into a buffer it owns (reused frame after frame).</summary>
internal interface INativeFrames
{
    /// <summary>The layout of the frames produced (little endian).</summary>
    FrameLayout OutputLayout { get; }
    int FrameCount { get; }
    /// <summary>Bytes of each produced frame.</summary>
    long FrameLength { get; }
    /// <summary>Frame <paramref name="index"/>; valid until the next call.</summary>
    ReadOnlySpan<byte> Produce(int index);
}

/// <summary>Native frames as stored, byte-swapped to little endian as the native decoder would.</summary>
internal sealed class RawNativeFrames : INativeFrames
{
    private readonly FrameReader _reader;
    private readonly byte[] _buffer;
    private readonly int _swapUnit;

    public RawNativeFrames(FrameReader reader)
    {
        _reader = reader;
        var layout = reader.Layout;
        FrameLength = layout.NativeFrameLength;
        _swapUnit = PixelDecoder.SwapUnit(layout);
        if (_swapUnit > 1 && FrameLength % _swapUnit != 0)
            throw new PixelGenException($"Big endian frames of {FrameLength} bytes are not whole {_swapUnit}-byte words; PixelGen cannot re-encode them frame by frame");
        _buffer = new byte[checked((int)Math.Max(FrameLength, MaxRaw(reader)))];
        OutputLayout = layout with { IsBigEndian = false };
    }

    public FrameLayout OutputLayout { get; }
    public int FrameCount => _reader.NumberOfFrames;
    public long FrameLength { get; }

    public ReadOnlySpan<byte> Produce(int index)
    {
        int n = _reader.ReadFrameRaw(index, _buffer);
        if (n < FrameLength) throw new PixelDataException($"Frame holds {n} bytes but the layout needs {FrameLength}", index);
        var frame = _buffer.AsSpan(0, (int)FrameLength);
        if (_swapUnit > 1) MutableDicomDataset.SwapInPlace(frame, _swapUnit);
        return frame;
    }

    internal static long MaxRaw(FrameReader reader)
    {
        long max = 0;
        for (int i = 0; i < reader.NumberOfFrames; i++) max = Math.Max(max, reader.GetFrameLength(i));
        return max;
    }
}

/// <summary>Frames decoded by the reader's decoder (codec or native): interleaved, full resolution, little endian.</summary>
internal sealed class DecodedFrames : INativeFrames
{
    private readonly FrameReader _reader;
    private readonly byte[] _decoded;

    public DecodedFrames(FrameReader reader)
    {
        _reader = reader;
        if (reader.TransferSyntax.IsEncapsulated && reader.Decoder is null)
            throw new CodecUnavailableException($"No decoder for {reader.TransferSyntax.Name} frames of {reader.Layout} is registered");
        var layout = reader.Layout;
        string photometric = reader.DecodedPhotometricInterpretation;
        if (photometric == "YBR_FULL_422") photometric = "YBR_FULL"; // decoded 4:2:2 is upsampled to full resolution
        OutputLayout = layout with { IsBigEndian = false, PlanarConfiguration = 0, PhotometricInterpretation = photometric };
        FrameLength = reader.DecodedFrameLength;
        _decoded = new byte[checked((int)FrameLength)];
    }

    public FrameLayout OutputLayout { get; }
    public int FrameCount => _reader.NumberOfFrames;
    public long FrameLength { get; }

    public ReadOnlySpan<byte> Produce(int index)
    {
        _reader.DecodeFrame(index, _decoded);
        return _decoded;
    }
}

/// <summary>Native pixel data written frame by frame.</summary>
internal sealed class NativeContent(INativeFrames frames) : IPixelDataContent
{
    public bool IsEncapsulated => false;
    public int FrameCount => frames.FrameCount;
    public long NativeLength => frames.FrameLength * frames.FrameCount;
    public IReadOnlyList<IReadOnlyList<long>>? FragmentLengths => null;
    public void WriteFrame(int index, IPixelDataSink sink) => sink.Write(frames.Produce(index));
}

/// <summary>RLE Lossless frames encoded while written, one fragment per frame.</summary>
internal sealed class RleContent : IPixelDataContent
{
    private readonly INativeFrames _frames;
    private readonly byte[] _encoded;

    public RleContent(INativeFrames frames)
    {
        _frames = frames;
        _encoded = new byte[RleEncoder.GetMaxEncodedLength(frames.OutputLayout)];
    }

    public bool IsEncapsulated => true;
    public int FrameCount => _frames.FrameCount;
    public long NativeLength => 0;
    public IReadOnlyList<IReadOnlyList<long>>? FragmentLengths => null;

    public void WriteFrame(int index, IPixelDataSink sink)
    {
        int n = RleEncoder.EncodeFrame(_frames.Produce(index), _frames.OutputLayout, _encoded);
        sink.Write(_encoded.AsSpan(0, n));
    }
}
