using System.Buffers;
using System.Runtime.InteropServices;
using PixelGen.Codecs;
using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Frames;

// Decoded frames: the raw frame API plus a decoder (a registered codec or generated decoder, else the runtime one).
public sealed partial class FrameReader
{
    private IFrameDecoder? _decoder;
    private bool _decoderResolved;
    private FrameLayout? _decodingLayout;

    /// <summary>
    /// The layout frames are decoded with: <see cref="Layout"/>, except that a Planar Configuration on single-sample
    /// data (meaningless, but found in the wild, e.g. OT-PAL-8-face.dcm) is taken as 0, as pydicom does.
    /// </summary>
    public FrameLayout DecodingLayout => _decodingLayout ??=
        Layout.SamplesPerPixel == 1 && Layout.PlanarConfiguration != 0 ? Layout with { PlanarConfiguration = 0 } : Layout;

    /// <summary>
    /// The decoder used for this file's frames: a registered codec for encapsulated transfer syntaxes, a registered
    /// (e.g. generated) decoder for native layouts, else <see cref="NativeFrameDecoder"/>. Null when the pixel data is
    /// encapsulated with a transfer syntax no registered codec handles (decoding then raises <see cref="CodecUnavailableException"/>).
    /// </summary>
    public IFrameDecoder? Decoder
    {
        get
        {
            if (!Volatile.Read(ref _decoderResolved))
            {
                _decoder = ResolveDecoder(TransferSyntax, DecodingLayout);
                Volatile.Write(ref _decoderResolved, true);
            }
            return _decoder;
        }
    }

    /// <summary>The element type of decoded frames (pydicom's dtype rule).</summary>
    public PixelElementType ElementType => DecodingLayout.ElementType;

    /// <summary>The colour space of decoded frames (native YBR_FULL_422 decodes to YBR_FULL; JPEG 2000 YBR_RCT/ICT to RGB).</summary>
    /// <remarks>For encapsulated data the first frame's codestream is consulted once (JPEG markers can override the label).</remarks>
    public string DecodedPhotometricInterpretation => _decodedPhotometric ??= ResolveDecodedPhotometric();

    private string? _decodedPhotometric;

    private string ResolveDecodedPhotometric()
    {
        var decoder = Decoder;
        if (decoder is null) return DecodingLayout.PhotometricInterpretation;
        if (!TransferSyntax.IsEncapsulated || NumberOfFrames == 0) return decoder.DecodedPhotometricInterpretation(DecodingLayout);
        try
        {
            return decoder.DecodedPhotometricInterpretation(ReadFrameRaw(0), DecodingLayout);
        }
        catch (PixelGenException)
        {
            // An unreadable first frame fails again, with its details, when it is decoded.
            return decoder.DecodedPhotometricInterpretation(DecodingLayout);
        }
    }

    /// <summary>Bytes of one decoded frame (rows × columns × samples × element size).</summary>
    public long DecodedFrameLength => DecodingLayout.DecodedFrameLength;

    /// <summary>The decoder for frames of <paramref name="layout"/> under <paramref name="transferSyntax"/>, or null when none is available.</summary>
    public static IFrameDecoder? ResolveDecoder(TransferSyntax transferSyntax, FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        ArgumentNullException.ThrowIfNull(layout);
        BuiltInCodecs.EnsureRegistered();
        var found = FrameDecoders.Find(transferSyntax, layout);
        if (found is not null) return found;
        // Encapsulated Uncompressed: each frame's fragments hold native little-endian bytes.
        if (!transferSyntax.IsEncapsulated || transferSyntax.Uid == TransferSyntax.EncapsulatedUncompressedExplicitVRLittleEndian.Uid)
            return NativeFrameDecoder.Instance;
        return null;
    }

    /// <summary>
    /// Decodes frame <paramref name="index"/> into <paramref name="destination"/> (at least <see cref="DecodedFrameLength"/>
    /// bytes): <see cref="ElementType"/> values, little endian, samples interleaved. The raw bytes go through a pooled
    /// buffer, so this allocates nothing once the pool is warm.
    /// </summary>
    /// <exception cref="PixelDataException">The frame cannot be read or decoded; <see cref="PixelDataException.FrameIndex"/> is set.</exception>
    /// <exception cref="CodecUnavailableException">No decoder handles this transfer syntax.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public void DecodeFrame(int index, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var decoder = Decoder ?? throw new CodecUnavailableException(
            $"No decoder is registered for {TransferSyntax} (layout {DecodingLayout})", index);
        long decodedLength = DecodingLayout.DecodedFrameLength;
        if (destination.Length < decodedLength)
            throw new ArgumentException($"The destination holds {destination.Length} bytes but decoded frame {index} is {decodedLength} bytes", nameof(destination));

        long rawLength = GetFrameLength(index);
        CheckFrameInSource(index, rawLength);
        // 8-bit data in a big-endian OW element of odd length: the last value sits in the pad byte's place.
        long wanted = rawLength;
        bool native = !FrameInfo.IsEncapsulated && DecodingLayout.BitsAllocated > 1;
        if (native && DecodingLayout.Validate() == LayoutError.None) wanted = Math.Max(rawLength, PixelDecoder.RequiredSourceLength(DecodingLayout));
        if (wanted > Array.MaxLength)
            throw new PixelDataException($"Frame is {wanted} bytes, more than a buffer can hold", index);

        byte[] raw = ArrayPool<byte>.Shared.Rent((int)Math.Max(wanted, 1));
        try
        {
            int n = ReadFrameRaw(index, raw);
            if (wanted > n)
            {
                long padOffset = (_native is { } list ? list.OffsetOf(index) : _frames![index].Offset) + n;
                if (padOffset + (wanted - n) <= _nativeEnd)
                {
                    Read(index, padOffset, raw.AsSpan(n, (int)(wanted - n)));
                    n = (int)wanted;
                }
            }
            try
            {
                decoder.Decode(raw.AsSpan(0, n), destination, DecodingLayout);
            }
            catch (CodecUnavailableException ex) when (ex.FrameIndex is null)
            {
                throw new CodecUnavailableException(ex.Message, index);
            }
            catch (PixelDataException ex) when (ex.FrameIndex is null)
            {
                // Keep the decoder's offset (relative to the frame's data) and add the frame index.
                string message = ex.Message;
                string suffix = ex.Offset is long o ? $" (byte offset {o})" : "";
                if (suffix.Length > 0 && message.EndsWith(suffix, StringComparison.Ordinal)) message = message[..^suffix.Length];
                string where = ex.Offset is null ? "" : " (offset within the frame's data)";
                throw new PixelDataException($"{decoder.Name}: {message}{where}", index, ex.Offset, ex);
            }
            catch (Exception ex) when (ex is not PixelGenException and not ArgumentException and not OutOfMemoryException)
            {
                // A decoder must not fail this way; report it as bad data of this frame rather than a crash.
                throw new PixelDataException($"{decoder.Name} failed: {ex.Message}", index, null, ex);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    /// <summary>
    /// Decodes frame <paramref name="index"/> into a caller's typed buffer without allocating.
    /// <typeparamref name="T"/> must be the layout's element type (<see cref="ElementType"/>).
    /// </summary>
    /// <exception cref="ArgumentException">T does not match, or <paramref name="destination"/> is too small.</exception>
    /// <exception cref="PixelDataException">The frame cannot be read or decoded.</exception>
    public void ReadFrame<T>(int index, Span<T> destination) where T : unmanaged
    {
        PixelElementTypes.EnsureMatches<T>(DecodingLayout);
        DecodeFrame(index, MemoryMarshal.AsBytes(destination));
    }

    /// <summary>Decodes frame <paramref name="index"/> into a new frame of element type <typeparamref name="T"/> (which must match <see cref="ElementType"/>).</summary>
    public PixelFrame<T> ReadFrame<T>(int index) where T : unmanaged
    {
        PixelElementTypes.EnsureMatches<T>(DecodingLayout);
        CheckDecodable();
        CheckFrameInSource(index);
        var frame = PixelFrame<T>.Allocate(DecodingLayout.Rows, DecodingLayout.Columns, DecodingLayout.SamplesPerPixel, DecodedPhotometricInterpretation);
        DecodeFrame(index, frame.AsBytes());
        return frame;
    }

    /// <summary>Decodes frame <paramref name="index"/> into a new frame of the layout's element type; cast it to <see cref="PixelFrame{T}"/>.</summary>
    public IPixelFrame ReadFrame(int index)
    {
        CheckDecodable();
        CheckFrameInSource(index);
        var frame = PixelFrame.Allocate(DecodingLayout, DecodedPhotometricInterpretation);
        DecodeFrame(index, frame.AsBytes());
        return frame;
    }

    /// <summary>
    /// Decodes every frame into one new volume (frames × rows × columns × samples): pydicom's <c>pixel_array</c>.
    /// Cast the result to <see cref="PixelVolume{T}"/>.
    /// </summary>
    public IPixelVolume ReadAllFrames()
    {
        CheckDecodable();
        CheckVolumeSize();
        var volume = PixelVolume.Allocate(DecodingLayout, NumberOfFrames, DecodedPhotometricInterpretation);
        FillVolume(volume.AsBytes());
        return volume;
    }

    /// <summary>Decodes every frame into one new volume of element type <typeparamref name="T"/> (which must match <see cref="ElementType"/>).</summary>
    public PixelVolume<T> ReadVolume<T>() where T : unmanaged
    {
        PixelElementTypes.EnsureMatches<T>(DecodingLayout);
        CheckDecodable();
        CheckVolumeSize();
        var volume = PixelVolume<T>.Allocate(NumberOfFrames, DecodingLayout.Rows, DecodingLayout.Columns, DecodingLayout.SamplesPerPixel, DecodedPhotometricInterpretation);
        FillVolume(volume.AsBytes());
        return volume;
    }

    /// <summary>Decodes frames one at a time as the sequence is enumerated (pydicom's <c>iter_pixels</c>); each frame is a new object.</summary>
    public IEnumerable<IPixelFrame> EnumerateFrames()
    {
        CheckDecodable();
        return Iterate();

        IEnumerable<IPixelFrame> Iterate()
        {
            for (int i = 0; i < NumberOfFrames; i++) yield return ReadFrame(i);
        }
    }

    /// <summary>Typed <see cref="EnumerateFrames()"/>; <typeparamref name="T"/> must match <see cref="ElementType"/>.</summary>
    public IEnumerable<PixelFrame<T>> EnumerateFrames<T>() where T : unmanaged
    {
        PixelElementTypes.EnsureMatches<T>(DecodingLayout);
        CheckDecodable();
        return Iterate();

        IEnumerable<PixelFrame<T>> Iterate()
        {
            for (int i = 0; i < NumberOfFrames; i++) yield return ReadFrame<T>(i);
        }
    }

    private void FillVolume(Span<byte> all)
    {
        int frameLength = (int)DecodingLayout.DecodedFrameLength;
        for (int i = 0; i < NumberOfFrames; i++)
            DecodeFrame(i, all.Slice(i * frameLength, frameLength));
    }

    private void CheckDecodable()
    {
        DecodingLayout.EnsureValid();
        if (Decoder is null) throw new CodecUnavailableException($"No decoder is registered for {TransferSyntax} (layout {DecodingLayout})");
    }

    private void CheckFrameInSource(int index)
    {
        CheckIndex(index);
        CheckFrameInSource(index, GetFrameLength(index));
        long elements = DecodingLayout.PixelsPerFrame * DecodingLayout.SamplesPerPixel;
        if (elements > Array.MaxLength)
            throw new PixelDataException($"A decoded {DecodingLayout.Rows}x{DecodingLayout.Columns}x{DecodingLayout.SamplesPerPixel} frame is larger than one array; decode it with DecodeFrame into a native buffer", index);
    }

    private void CheckVolumeSize()
    {
        // Native frames lie in order, so the last one being present means all are; encapsulated frames were found
        // by scanning (or are checked when read).
        if (!FrameInfo.IsEncapsulated && NumberOfFrames > 0) CheckFrameInSource(NumberOfFrames - 1);
        long total = DecodingLayout.DecodedFrameLength * NumberOfFrames;
        if (total > int.MaxValue)
            throw new PixelDataException($"All {NumberOfFrames} decoded frames take {total} bytes, more than one buffer can hold; use EnumerateFrames or ReadFrame");
    }
}
