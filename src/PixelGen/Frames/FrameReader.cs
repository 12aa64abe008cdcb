using System.Buffers.Binary;
using PixelGen.Dicom;
using PixelGen.IO;
using PixelGen.Pixels;

namespace PixelGen.Frames;

/// <summary>
/// Frame-level access to a DICOM file's pixel data without loading it: finds every frame once (native
/// arithmetic, Extended Offset Table, a validated Basic Offset Table or a single fragment scan) and then reads
/// any frame with positional reads. Safe for concurrent reads from many threads.
/// </summary>
/// <remarks>
/// Raw frames: native frames are the stored bytes (big endian data is not swapped); 1-bit frames are
/// re-aligned so the first pixel is bit 0 of byte 0, LSB-first, unused high bits zero; encapsulated frames are
/// the data of all their fragments concatenated (item headers excluded, pad bytes included).
/// </remarks>
public sealed partial class FrameReader : IDisposable
{
    private readonly IRandomAccessSource _source;
    private readonly IDisposable? _owned;
    private readonly FrameEntry[]? _frames;     // stored frame table (encapsulated, or supplied FrameInfo)
    private readonly NativeFrameList? _native;  // computed frame table (native data parsed here)
    private readonly int _frameCount;
    private readonly long _nativeEnd;
    private readonly long _frameBits;
    private readonly bool _verifyItemHeaders;
    private int _disposed;

    /// <summary>Opens a file by path; the reader owns the file handle.</summary>
    public static FrameReader Open(string path, DicomReadOptions? options = null)
    {
        var file = DicomFileReader.Read(path, options);
        try
        {
            return new FrameReader(file, file.Source, null, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a file by path and reads the frames <paramref name="frameInfo"/> describes, without parsing or scanning
    /// (offsets are file offsets); the reader owns the file handle.
    /// </summary>
    public static FrameReader Open(string path, FrameInfo frameInfo)
    {
        ArgumentNullException.ThrowIfNull(frameInfo);
        var source = new FileSource(path);
        try
        {
            return new FrameReader(source, frameInfo, source);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Parses a readable, seekable stream. A <see cref="FileStream"/> is read positionally (parallel reads); other streams under a lock.</summary>
    public FrameReader(Stream stream, bool leaveOpen = false)
        : this(SourceFor(stream), null, leaveOpen ? null : stream)
    {
    }

    /// <summary>Reads frames described by <paramref name="frameInfo"/> from <paramref name="stream"/> without parsing it; offsets are in the stream.</summary>
    public FrameReader(Stream stream, FrameInfo frameInfo, bool leaveOpen = false)
        : this(SourceFor(stream), frameInfo ?? throw new ArgumentNullException(nameof(frameInfo)), leaveOpen ? null : stream)
    {
    }

    /// <summary>Reads from a source, parsing it unless <paramref name="frameInfo"/> is given. The source is not disposed with the reader.</summary>
    public FrameReader(IRandomAccessSource source, FrameInfo? frameInfo = null)
        : this(source, frameInfo, null)
    {
    }

    private FrameReader(IRandomAccessSource source, FrameInfo? frameInfo, IDisposable? ownedStream)
        : this(frameInfo is null ? DicomFileReader.Read(source) : null, source, frameInfo, ownedStream)
    {
    }

    private FrameReader(DicomFile? file, IRandomAccessSource source, FrameInfo? frameInfo, IDisposable? owned)
    {
        ArgumentNullException.ThrowIfNull(source);
        var warnings = new List<string>();
        try
        {
            if (file is not null)
            {
                warnings.AddRange(file.Warnings);
                source = file.Source; // deflated files: the inflated data set
                frameInfo = FrameInfoBuilder.Build(file, warnings);
            }
            else
            {
                frameInfo!.Validate();
            }
        }
        catch
        {
            if (file is not null && !ReferenceEquals(file, owned)) file.Dispose();
            throw;
        }
        File = file;
        _source = source;
        _owned = file is not null && owned is not null && !ReferenceEquals(file, owned) ? new Both(file, owned) : owned ?? file;
        FrameInfo = frameInfo;
        Warnings = warnings;
        Layout = frameInfo.ToLayout();
        TransferSyntax = TransferSyntax.FromUid(frameInfo.TransferSyntax);
        _native = frameInfo.Frames as NativeFrameList;
        if (_native is null) _frames = frameInfo.Frames as FrameEntry[] ?? frameInfo.Frames.ToArray();
        _frameCount = frameInfo.Frames.Count;
        _frameBits = Layout.NativeFrameBits;
        long declaredEnd = frameInfo.PixelDataLength is long len ? frameInfo.PixelDataValueOffset + len : long.MaxValue;
        _nativeEnd = Math.Min(declaredEnd, source.Length);
        // Fragments our own scan found are known good; EOT offsets and any caller-supplied FrameInfo are checked on read.
        _verifyItemHeaders = frameInfo.IsEncapsulated && (file is null || frameInfo.FrameIndexSource == "extended_offset_table");
    }

    /// <summary>Number of frames.</summary>
    public int NumberOfFrames => _frameCount;
    /// <summary>The frame layout (Image Pixel attributes, pixel data kind, byte order, pixel data VR).</summary>
    public FrameLayout Layout { get; }
    /// <summary>The transfer syntax.</summary>
    public TransferSyntax TransferSyntax { get; }
    /// <summary>The parsed data set; null when the reader was built from a <see cref="Frames.FrameInfo"/> alone.</summary>
    public DicomDataset? Dataset => File?.Dataset;
    /// <summary>The parsed file; null when the reader was built from a <see cref="Frames.FrameInfo"/> alone.</summary>
    public DicomFile? File { get; }
    /// <summary>Where every frame is; serialise it to skip parsing and scanning next time.</summary>
    public FrameInfo FrameInfo { get; }
    /// <summary>What was tolerated while parsing and indexing.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Length in bytes of raw frame <paramref name="index"/> (the size <see cref="ReadFrameRaw(int, Span{byte})"/> needs).</summary>
    public long GetFrameLength(int index)
    {
        CheckIndex(index);
        return _native?.FrameLength ?? _frames![index].Length;
    }

    /// <summary>Reads raw frame <paramref name="index"/> into a new array.</summary>
    public byte[] ReadFrameRaw(int index)
    {
        long length = GetFrameLength(index);
        CheckFrameInSource(index, length);
        if (length > Array.MaxLength)
            throw new PixelDataException($"Frame is {length} bytes, more than an array can hold; use ReadFrameRaw(int, Span<byte>) with a native buffer", index);
        var buffer = new byte[length];
        ReadFrameRaw(index, buffer);
        return buffer;
    }

    /// <summary>
    /// Reads raw frame <paramref name="index"/> into <paramref name="destination"/> (at least
    /// <see cref="GetFrameLength"/> bytes) and returns the number of bytes written. Allocates nothing.
    /// </summary>
    public int ReadFrameRaw(int index, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        CheckIndex(index);
        if (!FrameInfo.IsEncapsulated)
        {
            var (offset, length, bitOffset) = NativeFrame(index);
            return ReadNative(index, offset, length, bitOffset, destination);
        }
        var f = _frames![index];

        var dest = Destination(index, f.Length, destination);
        if (f.Fragments is { } fragments)
        {
            int done = 0;
            for (int k = 0; k < fragments.Count; k++)
            {
                var fragment = fragments[k];
                if (fragment.Length > dest.Length - done)
                    throw new PixelDataException("Fragment lengths exceed the frame length", index, fragment.Offset);
                ReadFragment(index, fragment.Offset, dest.Slice(done, (int)fragment.Length));
                done += (int)fragment.Length;
            }
        }
        else
        {
            ReadFragment(index, f.Offset, dest);
        }
        return dest.Length;
    }

    private int ReadNative(int index, long offset, long length, long? bitOffset, Span<byte> destination)
    {
        var dest = Destination(index, length, destination);
        long needed = EnsureNativeBytes(index, offset, length, bitOffset);
        if (bitOffset is long bits) ReadBitPacked(index, offset, bits, needed, dest);
        else Read(index, offset, dest);
        return dest.Length;
    }

    private static Span<byte> Destination(int index, long length, Span<byte> destination)
    {
        if (destination.Length < length)
            throw new ArgumentException($"The destination holds {destination.Length} bytes but frame {index} is {length} bytes", nameof(destination));
        return destination[..(int)length];
    }

    private void ReadFragment(int index, long dataOffset, Span<byte> destination)
    {
        if (_verifyItemHeaders)
        {
            // Offsets not found by our own scan (EOT, a supplied FrameInfo) must point just past an item header.
            Span<byte> header = stackalloc byte[8];
            if (dataOffset < 8) throw new PixelDataException("Frame offset does not follow an item header", index, dataOffset);
            Read(index, dataOffset - 8, header);
            uint tag = ((uint)BinaryPrimitives.ReadUInt16LittleEndian(header) << 16) | BinaryPrimitives.ReadUInt16LittleEndian(header[2..]);
            uint itemLength = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            if (tag != 0xFFFE_E000 || itemLength < destination.Length)
                throw new PixelDataException($"No fragment item of at least {destination.Length} bytes at the frame's offset (found tag {new DicomTag(tag)}, length {itemLength})", index, dataOffset - 8);
        }
        Read(index, dataOffset, destination);
    }

    // needed: the bytes the frame's bits span, one more than dest when they do not start at bit 0.
    private void ReadBitPacked(int index, long offset, long bitOffset, long needed, Span<byte> dest)
    {
        int shift = (int)(bitOffset & 7);
        Read(index, offset, dest);
        byte extra = 0;
        if (needed > dest.Length)
        {
            Span<byte> one = stackalloc byte[1];
            Read(index, offset + dest.Length, one);
            extra = one[0];
        }
        BitPacking.AlignToBitZero(dest, shift, extra, _frameBits);
    }

    private void Read(int index, long offset, Span<byte> destination)
    {
        if (offset < 0 || offset > _source.Length - destination.Length)
            throw new PixelDataException($"Frame data {offset}..{offset + destination.Length} runs past the end of the data ({_source.Length} bytes)", index, offset);
        int done = 0;
        while (done < destination.Length)
        {
            int n = _source.Read(offset + done, destination[done..]);
            if (n <= 0) throw new PixelDataException("Unexpected end of data while reading a frame", index, offset + done);
            done += n;
        }
    }

    // Where native frame index lies: its first byte, its length and (1-bit data) its first bit.
    private (long Offset, long Length, long? BitOffset) NativeFrame(int index)
    {
        if (_native is { } native)
            return (native.OffsetOf(index), native.FrameLength, native.BitPacked ? native.FrameBits * index : null);
        var f = _frames![index];
        return (f.Offset, f.Length, f.BitOffset);
    }

    // The bytes a native frame spans must lie inside the pixel data; returns how many that is.
    private long EnsureNativeBytes(int index, long offset, long length, long? bitOffset)
    {
        long needed = bitOffset is long bits ? ((bits & 7) + _frameBits + 7) / 8 : length;
        if (offset < 0 || offset + needed > _nativeEnd)
            throw new PixelDataException($"Frame needs bytes {offset}..{offset + needed} but the pixel data ends at {_nativeEnd} (truncated)", index, offset);
        return needed;
    }

    // Before any buffer is sized from the header (Rows × Columns × ..., a fragment length): a frame whose bytes
    // cannot all be in the source fails here, so a damaged header costs no allocation.
    private void CheckFrameInSource(int index, long length)
    {
        if (FrameInfo.IsEncapsulated)
        {
            if (length > _source.Length)
                throw new PixelDataException($"Frame is {length} bytes but the whole source has {_source.Length}", index);
            return;
        }
        var (offset, nativeLength, bitOffset) = NativeFrame(index);
        EnsureNativeBytes(index, offset, nativeLength, bitOffset);
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)_frameCount)
            throw new PixelDataException($"Frame index {index} is out of range: the pixel data has {_frameCount} frame(s)", index);
    }

    private static IRandomAccessSource SourceFor(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream is FileStream fs ? new FileSource(fs.SafeFileHandle) : new StreamSource(stream, leaveOpen: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _owned?.Dispose();
    }

    private sealed class Both(IDisposable a, IDisposable b) : IDisposable
    {
        public void Dispose()
        {
            a.Dispose();
            b.Dispose();
        }
    }
}
