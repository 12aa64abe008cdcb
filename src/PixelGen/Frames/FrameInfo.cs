using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Frames;

/// <summary>
/// Everything needed to read frames again without parsing the file: transfer syntax and byte order, the Image
/// Pixel attributes, where the pixel data element is and where every frame is (64-bit offsets). Serialises to
/// JSON with a versioned schema (<c>docs/frameinfo-schema.md</c>); see <see cref="ToJson"/> and <see cref="FromJson(string)"/>.
/// </summary>
public sealed record FrameInfo
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Schema version of the JSON form; readers reject versions they do not know.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    /// <summary>Transfer syntax UID.</summary>
    public required string TransferSyntax { get; init; }
    /// <summary>Byte order of native pixel data (false only for Explicit VR Big Endian).</summary>
    public bool IsLittleEndian { get; init; } = true;
    /// <summary>True when the pixel data is encapsulated (frames are fragment data).</summary>
    public bool IsEncapsulated { get; init; }
    /// <summary>(0028,0010) Rows.</summary>
    public required int Rows { get; init; }
    /// <summary>(0028,0011) Columns.</summary>
    public required int Columns { get; init; }
    /// <summary>(0028,0002) Samples per Pixel.</summary>
    public int SamplesPerPixel { get; init; } = 1;
    /// <summary>(0028,0100) Bits Allocated.</summary>
    public required int BitsAllocated { get; init; }
    /// <summary>(0028,0101) Bits Stored (Bits Allocated when absent, e.g. float data).</summary>
    public required int BitsStored { get; init; }
    /// <summary>(0028,0102) High Bit (Bits Stored − 1 when absent).</summary>
    public required int HighBit { get; init; }
    /// <summary>(0028,0103) Pixel Representation.</summary>
    public int PixelRepresentation { get; init; }
    /// <summary>(0028,0006) Planar Configuration (0 when absent).</summary>
    public int PlanarConfiguration { get; init; }
    /// <summary>(0028,0004) Photometric Interpretation.</summary>
    public string PhotometricInterpretation { get; init; } = "MONOCHROME2";
    /// <summary>Number of frames ((0028,0008), 1 when absent).</summary>
    public required int NumberOfFrames { get; init; }
    /// <summary>Tag of the pixel data element as <c>GGGGEEEE</c>: 7FE00010, 7FE00008 (float) or 7FE00009 (double).</summary>
    public string PixelDataTag { get; init; } = "7FE00010";
    /// <summary>VR of the pixel data element (OB, OW, OF, OD, UN).</summary>
    public string PixelDataVr { get; init; } = "OW";
    /// <summary>Offset of the pixel data element's tag.</summary>
    public required long PixelDataElementOffset { get; init; }
    /// <summary>Offset of the pixel data element's first value byte.</summary>
    public required long PixelDataValueOffset { get; init; }
    /// <summary>Declared value length; null when undefined (encapsulated).</summary>
    public long? PixelDataLength { get; init; }
    /// <summary>Native: the value offset; encapsulated: the first byte of the first fragment's data.</summary>
    public required long FirstFrameOffset { get; init; }
    /// <summary>The Basic Offset Table values as stored (empty when empty or native).</summary>
    public IReadOnlyList<uint> BasicOffsetTable { get; init; } = [];
    /// <summary>How the frames were found: <c>native</c>, <c>extended_offset_table</c>, <c>basic_offset_table</c> or <c>fragment_scan</c>.</summary>
    public string FrameIndexSource { get; init; } = "native";
    /// <summary>Where each frame is.</summary>
    public required IReadOnlyList<FrameEntry> Frames { get; init; }

    /// <summary>Which pixel data element holds the values.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public PixelDataKind Kind => PixelDataTag switch
    {
        "7FE00008" => PixelDataKind.Float,
        "7FE00009" => PixelDataKind.Double,
        _ => PixelDataKind.Integer,
    };

    /// <summary>The frame layout these attributes describe.</summary>
    public FrameLayout ToLayout() => new()
    {
        Rows = Rows,
        Columns = Columns,
        SamplesPerPixel = SamplesPerPixel,
        BitsAllocated = BitsAllocated,
        BitsStored = BitsStored,
        HighBit = HighBit,
        IsSigned = PixelRepresentation == 1,
        PlanarConfiguration = PlanarConfiguration,
        PhotometricInterpretation = PhotometricInterpretation,
        NumberOfFrames = NumberOfFrames,
        Kind = Kind,
        IsBigEndian = !IsLittleEndian,
        PixelDataVR = DicomVRInfo.FromCode(PixelDataVr),
    };

    /// <summary>
    /// The same frames with every offset moved so the pixel data element starts at <paramref name="newPixelDataElementOffset"/>,
    /// e.g. after copying the element (from its tag) into another stream.
    /// </summary>
    public FrameInfo Rebase(long newPixelDataElementOffset)
    {
        long delta = newPixelDataElementOffset - PixelDataElementOffset;
        var frames = new FrameEntry[Frames.Count];
        for (int i = 0; i < frames.Length; i++)
        {
            var f = Frames[i];
            frames[i] = f with
            {
                Offset = f.Offset + delta,
                Fragments = f.Fragments?.Select(x => x with { Offset = x.Offset + delta }).ToArray(),
            };
        }
        return this with
        {
            PixelDataElementOffset = newPixelDataElementOffset,
            PixelDataValueOffset = PixelDataValueOffset + delta,
            FirstFrameOffset = FirstFrameOffset + delta,
            Frames = frames,
        };
    }

    /// <summary>The JSON form (snake_case keys, schema in <c>docs/frameinfo-schema.md</c>).</summary>
    public string ToJson(bool indented = true)
        => System.Text.Json.JsonSerializer.Serialize(this, indented ? FrameInfoJsonContext.Indented.FrameInfo : FrameInfoJsonContext.Default.FrameInfo);

    /// <summary>Reads the JSON form; a malformed document or unknown schema version raises <see cref="PixelGenException"/>.</summary>
    public static FrameInfo FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        FrameInfo? info;
        try
        {
            info = System.Text.Json.JsonSerializer.Deserialize(json, FrameInfoJsonContext.Default.FrameInfo);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new PixelGenException($"FrameInfo JSON is malformed: {ex.Message}", ex);
        }
        if (info is null) throw new PixelGenException("FrameInfo JSON is null");
        info.Validate();
        return info;
    }

    /// <summary>Checks the frame table is usable; throws <see cref="PixelGenException"/> naming the first problem.</summary>
    public void Validate()
    {
        if (SchemaVersion != CurrentSchemaVersion)
            throw new PixelGenException($"FrameInfo schema_version {SchemaVersion} is not supported (this library reads {CurrentSchemaVersion})");
        if (Frames is null || Frames.Count != NumberOfFrames)
            throw new PixelGenException($"FrameInfo lists {Frames?.Count ?? 0} frames but number_of_frames is {NumberOfFrames}");
        // Native frames follow from the layout; a supplied table that says otherwise would make reads run off
        // their buffers, so it must agree exactly (1-bit frames: consecutive bit offsets, the byte holding each).
        long nativeLength = 0, nativeBits = 0;
        bool bitPacked = !IsEncapsulated && BitsAllocated == 1;
        if (!IsEncapsulated && Frames.Count > 0)
        {
            var layout = ToLayout();
            nativeLength = layout.NativeFrameLength;
            nativeBits = layout.NativeFrameBits;
        }
        for (int i = 0; i < Frames.Count; i++)
        {
            var f = Frames[i];
            if (f is null || f.Index != i || f.Offset < 0 || f.Length < 0 || f.BitOffset < 0)
                throw new PixelGenException($"FrameInfo frame {i} is invalid (index, offset and length must be non-negative and in order)");
            if (!IsEncapsulated)
            {
                if (f.Length != nativeLength)
                    throw new PixelGenException($"FrameInfo frame {i} is {f.Length} bytes but a native frame of this layout is {nativeLength}");
                if (bitPacked ? f.BitOffset != nativeBits * i || f.Offset != PixelDataValueOffset + f.BitOffset / 8 : f.BitOffset is not null)
                    throw new PixelGenException($"FrameInfo frame {i}: bit_offset {f.BitOffset?.ToString() ?? "null"} and offset {f.Offset} do not match the layout (1-bit frames start at bit {nativeBits * i})");
            }
            if (f.Fragments is { } frags)
            {
                long sum = 0;
                foreach (var x in frags)
                {
                    if (x is null || x.Offset < 0 || x.Length < 0) throw new PixelGenException($"FrameInfo frame {i} has an invalid fragment");
                    sum += x.Length;
                }
                if (sum != f.Length) throw new PixelGenException($"FrameInfo frame {i}: fragment lengths add up to {sum}, not {f.Length}");
            }
        }
    }
}

/// <summary>Where one frame is.</summary>
public sealed record FrameEntry
{
    /// <summary>Zero-based frame index.</summary>
    public int Index { get; init; }
    /// <summary>Offset of the frame's first byte (encapsulated: of its first fragment's data; 1-bit: of the byte holding its first bit).</summary>
    public long Offset { get; init; }
    /// <summary>Bytes of the raw frame: native bytes (1-bit: ceil(bits/8)), or the data of all its fragments.</summary>
    public long Length { get; init; }
    /// <summary>1-bit native data only: the frame's first bit counted from the first value byte.</summary>
    public long? BitOffset { get; init; }
    /// <summary>Encapsulated frames made of several fragments: each fragment's data; null for a single fragment.</summary>
    public IReadOnlyList<FragmentEntry>? Fragments { get; init; }
}

/// <summary>One fragment's data (after its 8-byte item header).</summary>
public sealed record FragmentEntry
{
    /// <summary>Offset of the fragment's first data byte.</summary>
    public long Offset { get; init; }
    /// <summary>Data length (the item's length).</summary>
    public long Length { get; init; }
}
