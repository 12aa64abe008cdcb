using System.Numerics;
using System.Runtime.InteropServices;
using PixelGen.Dicom;
using PixelGen.Layout;

namespace PixelGen.Writing;

public partial class MutableDicomDataset
{
    private static readonly string[] s_monochromeLike = ["MONOCHROME1", "MONOCHROME2", "PALETTE COLOR"];
    private static readonly string[] s_colourNative = ["RGB", "YBR_FULL"];

    /// <summary>
    /// Low level: replaces the (7FE0,0010) Pixel Data value with native bytes, exactly as given and nothing else
    /// changes (not Rows, not the transfer syntax) — what a user does by hand. The consistency check of the writer
    /// then rejects stale attributes. VR: OW when Bits Allocated is above 8, else OB, unless given.
    /// </summary>
    public void SetPixelDataBytes(ReadOnlyMemory<byte> bytes, DicomVR? vr = null)
    {
        var chosen = vr ?? (BitsAllocated is > 8 ? DicomVR.OW : DicomVR.OB);
        Add(new DicomElement(DicomTags.PixelData, chosen, bytes));
    }

    /// <summary>Low level: replaces Pixel Data with encapsulated frames, one fragment each; nothing else changes.</summary>
    public void SetEncapsulatedFrames(IReadOnlyList<ReadOnlyMemory<byte>> frames)
        => SetPixelDataContent(new EncapsulatedPixelData(frames));

    /// <summary>Low level: replaces Pixel Data with encapsulated frames given as fragments; nothing else changes.</summary>
    public void SetEncapsulatedFragments(IReadOnlyList<IReadOnlyList<ReadOnlyMemory<byte>>> frameFragments)
        => SetPixelDataContent(new EncapsulatedPixelData(frameFragments));

    /// <summary>
    /// Low level: pixel data produced frame by frame while writing (used by the transcoder); nothing else changes.
    /// The element reads as empty in this data set until written.
    /// </summary>
    public void SetPixelDataContent(IPixelDataContent content, DicomTag? tag = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var t = tag ?? DicomTags.PixelData;
        Remove(DicomTags.ExtendedOffsetTable, DicomTags.ExtendedOffsetTableLengths);
        var placeholder = content.IsEncapsulated
            ? new DicomElement(t, Array.Empty<DicomDataset>(), DicomElement.UndefinedLength, vr: DicomVR.OB)
            : new DicomElement(t, t == DicomTags.FloatPixelData ? DicomVR.OF : t == DicomTags.DoubleFloatPixelData ? DicomVR.OD
                : BitsAllocated is > 8 ? DicomVR.OW : DicomVR.OB, ReadOnlyMemory<byte>.Empty);
        SetContent(t, placeholder, content);
    }

    /// <summary>
    /// Replaces the pixel data with decoded pixels and makes every Image Pixel attribute agree with them:
    /// Rows, Columns, Samples per Pixel, Photometric Interpretation, Planar Configuration (0, only with several samples),
    /// Number of Frames, Bits Allocated / Stored, High Bit and Pixel Representation (from <typeparamref name="T"/>),
    /// and a native transfer syntax. <c>float</c> goes to Float Pixel Data, <c>double</c> to Double Float Pixel Data.
    /// Smallest/Largest Image Pixel Value, which would be stale, are removed. The pixels are copied.
    /// </summary>
    /// <typeparam name="T">byte, sbyte, ushort, short, uint, int, ulong, long, float or double.</typeparam>
    /// <param name="pixels">Frames × rows × columns × samples values, samples interleaved.</param>
    /// <param name="shape">The shape of <paramref name="pixels"/>.</param>
    /// <param name="options">Photometric Interpretation, Bits Stored, transfer syntax, new SOP Instance UID.</param>
    public void SetPixelData<T>(ReadOnlySpan<T> pixels, PixelArrayShape shape, SetPixelDataOptions? options = null)
        where T : unmanaged, INumber<T>
    {
        options ??= new SetPixelDataOptions();
        var (bits, signed, kind) = TypeInfo<T>();
        if (shape.Frames < 1 || shape.Rows < 1 || shape.Columns < 1 || shape.Rows > ushort.MaxValue || shape.Columns > ushort.MaxValue)
            throw new PixelDataException($"Shape {shape} is not valid: frames, rows and columns must be positive and rows/columns at most 65535");
        if (shape.Samples is not (1 or 3 or 4))
            throw new PixelDataException($"Shape {shape} is not valid: samples per pixel must be 1, 3 or 4");
        if (pixels.Length != shape.ElementCount)
            throw new PixelDataException($"{pixels.Length} values were given but shape {shape} needs {shape.ElementCount}");
        long byteLength = shape.ElementCount * bits / 8;
        if (byteLength > uint.MaxValue - 1)
            throw new PixelDataException($"{byteLength} bytes of pixel data do not fit one DICOM element (at most 4294967294 bytes)");

        int bitsStored = bits;
        if (kind == PixelDataKind.Integer && options.BitsStored is int requested)
        {
            if (requested < 1 || requested > bits)
                throw new PixelDataException($"Bits Stored {requested} must be between 1 and {bits} for {typeof(T).Name} pixels");
            CheckValuesFit(pixels, requested, signed);
            bitsStored = requested;
        }

        var photometric = ChoosePhotometric(options.PhotometricInterpretation, shape.Samples, kind);
        var ts = options.TransferSyntax ?? (TransferSyntax is { IsEncapsulated: false } current ? current : Dicom.TransferSyntax.ExplicitVRLittleEndian);
        if (ts.IsEncapsulated)
            throw new PixelGenException($"SetPixelData writes native pixels; {ts} is encapsulated (use the transcoder to compress)");

        var bytes = MemoryMarshal.AsBytes(pixels).ToArray();
        if (!BitConverter.IsLittleEndian) SwapInPlace(bytes, bits / 8);

        var tag = kind switch { PixelDataKind.Float => DicomTags.FloatPixelData, PixelDataKind.Double => DicomTags.DoubleFloatPixelData, _ => DicomTags.PixelData };
        Remove(DicomTags.PixelData, DicomTags.FloatPixelData, DicomTags.DoubleFloatPixelData,
            DicomTags.ExtendedOffsetTable, DicomTags.ExtendedOffsetTableLengths,
            new DicomTag(0x0028, 0x0106), new DicomTag(0x0028, 0x0107));

        SetImagePixelAttributes(new Pixels.FrameLayout
        {
            Rows = shape.Rows, Columns = shape.Columns, SamplesPerPixel = shape.Samples,
            BitsAllocated = bits, BitsStored = bitsStored, HighBit = bitsStored - 1, IsSigned = signed,
            PlanarConfiguration = 0, PhotometricInterpretation = photometric, NumberOfFrames = shape.Frames, Kind = kind,
        });
        var vr = kind switch { PixelDataKind.Float => DicomVR.OF, PixelDataKind.Double => DicomVR.OD, _ => bits > 8 ? DicomVR.OW : DicomVR.OB };
        Add(new DicomElement(tag, vr, bytes));
        TransferSyntax = ts;
        if (Contains(DicomTags.TransferSyntaxUid)) SetString(DicomTags.TransferSyntaxUid, DicomVR.UI, ts.Uid);
        if (options.NewSopInstanceUid) SetSopInstanceUid(DicomUids.Generate());
    }

    /// <summary>Same as <see cref="SetPixelData{T}(ReadOnlySpan{T}, PixelArrayShape, SetPixelDataOptions?)"/> for an array.</summary>
    public void SetPixelData<T>(T[] pixels, PixelArrayShape shape, SetPixelDataOptions? options = null)
        where T : unmanaged, INumber<T>
        => SetPixelData((ReadOnlySpan<T>)pixels, shape, options);

    private string ChoosePhotometric(string? given, int samples, PixelDataKind kind)
    {
        if (given is not null)
        {
            var g = given.Trim().ToUpperInvariant();
            bool ok = samples switch
            {
                1 => s_monochromeLike.Contains(g) && (g != "PALETTE COLOR" || kind == PixelDataKind.Integer),
                3 => s_colourNative.Contains(g),
                _ => g is "ARGB" or "CMYK",
            };
            if (!ok) throw new PixelDataException($"Photometric Interpretation {given} does not describe native pixels with {samples} sample(s) per pixel");
            return g;
        }
        var current = PhotometricInterpretation;
        if (samples == 1) return current is not null && s_monochromeLike.Contains(current) && (current != "PALETTE COLOR" || kind == PixelDataKind.Integer) ? current : "MONOCHROME2";
        if (samples == 3)
        {
            if (current is "RGB" or "YBR_FULL") return current;
            if (current == "YBR_FULL_422") return "YBR_FULL"; // decoded 4:2:2 is upsampled: full-resolution YBR
            return "RGB";
        }
        if (current is "ARGB" or "CMYK") return current;
        throw new PixelDataException("Pixels with 4 samples need an explicit Photometric Interpretation (ARGB or CMYK)");
    }

    private static (int Bits, bool Signed, PixelDataKind Kind) TypeInfo<T>()
    {
        if (typeof(T) == typeof(byte)) return (8, false, PixelDataKind.Integer);
        if (typeof(T) == typeof(sbyte)) return (8, true, PixelDataKind.Integer);
        if (typeof(T) == typeof(ushort)) return (16, false, PixelDataKind.Integer);
        if (typeof(T) == typeof(short)) return (16, true, PixelDataKind.Integer);
        if (typeof(T) == typeof(uint)) return (32, false, PixelDataKind.Integer);
        if (typeof(T) == typeof(int)) return (32, true, PixelDataKind.Integer);
        if (typeof(T) == typeof(ulong)) return (64, false, PixelDataKind.Integer);
        if (typeof(T) == typeof(long)) return (64, true, PixelDataKind.Integer);
        if (typeof(T) == typeof(float)) return (32, false, PixelDataKind.Float);
        if (typeof(T) == typeof(double)) return (64, false, PixelDataKind.Double);
        throw new PixelDataException($"{typeof(T).Name} is not a pixel element type (byte, sbyte, ushort, short, uint, int, ulong, long, float, double)");
    }

    private static void CheckValuesFit<T>(ReadOnlySpan<T> pixels, int bitsStored, bool signed) where T : unmanaged, INumber<T>
    {
        if (pixels.IsEmpty) return;
        T min = pixels[0], max = pixels[0];
        foreach (var v in pixels)
        {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        Int128 lo = signed ? -(Int128.One << (bitsStored - 1)) : Int128.Zero;
        Int128 hi = signed ? (Int128.One << (bitsStored - 1)) - 1 : (Int128.One << bitsStored) - 1;
        var mn = Int128.CreateTruncating(min);
        var mx = Int128.CreateTruncating(max);
        if (mn < lo || mx > hi)
            throw new PixelConsistencyException([new PixelConsistencyProblem("BitsStored", bitsStored.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"values between {lo} and {hi}",
                $"BitsStored {bitsStored} cannot hold the pixel values, which range from {mn} to {mx} (allowed {lo}..{hi})")]);
    }

    internal static void SwapInPlace(Span<byte> bytes, int unit)
    {
        switch (unit)
        {
            case 2: System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(bytes), MemoryMarshal.Cast<byte, ushort>(bytes)); break;
            case 4: System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(bytes), MemoryMarshal.Cast<byte, uint>(bytes)); break;
            case 8: System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(bytes), MemoryMarshal.Cast<byte, ulong>(bytes)); break;
        }
    }
}
