namespace PixelGen.Dicom;

/// <summary>A transfer syntax: how the data set is encoded and whether pixel data is native or encapsulated.</summary>
public sealed record TransferSyntax
{
    private TransferSyntax(string uid, string name, bool explicitVR, bool littleEndian, bool encapsulated, bool deflated, bool lossy)
    {
        Uid = uid;
        Name = name;
        IsExplicitVR = explicitVR;
        IsLittleEndian = littleEndian;
        IsEncapsulated = encapsulated;
        IsDeflated = deflated;
        IsLossy = lossy;
    }

    /// <summary>The UID, e.g. <c>1.2.840.10008.1.2.1</c>.</summary>
    public string Uid { get; }
    /// <summary>The standard's name.</summary>
    public string Name { get; }
    /// <summary>Explicit VR encoding of the data set.</summary>
    public bool IsExplicitVR { get; }
    /// <summary>Little endian byte order of the data set (and of native pixel data).</summary>
    public bool IsLittleEndian { get; }
    /// <summary>Pixel data is encapsulated (a sequence of fragments), i.e. compressed.</summary>
    public bool IsEncapsulated { get; }
    /// <summary>The data set after the file meta is a raw deflate stream.</summary>
    public bool IsDeflated { get; }
    /// <summary>The compression may lose information.</summary>
    public bool IsLossy { get; }
    /// <summary>True when this UID is not one PixelGen knows (assumed Explicit VR Little Endian, encapsulated).</summary>
    public bool IsUnknown { get; private init; }

#pragma warning disable CS1591 // the standard's transfer syntaxes, named as in PS3.6 Annex A
    public static readonly TransferSyntax ImplicitVRLittleEndian = new("1.2.840.10008.1.2", "Implicit VR Little Endian", false, true, false, false, false);
    public static readonly TransferSyntax ExplicitVRLittleEndian = new("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, true, false, false, false);
    public static readonly TransferSyntax EncapsulatedUncompressedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian", true, true, true, false, false);
    public static readonly TransferSyntax DeflatedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, true, false, true, false);
    public static readonly TransferSyntax ExplicitVRBigEndian = new("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, false, false, false, false);
    public static readonly TransferSyntax JpegBaseline8Bit = new("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true, true, true, false, true);
    public static readonly TransferSyntax JpegExtended12Bit = new("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 and 4)", true, true, true, false, true);
    public static readonly TransferSyntax JpegSpectralSelection = new("1.2.840.10008.1.2.4.53", "JPEG Spectral Selection, Non-Hierarchical (Process 6 & 8)", true, true, true, false, true);
    public static readonly TransferSyntax JpegFullProgression = new("1.2.840.10008.1.2.4.55", "JPEG Full Progression, Non-Hierarchical (Process 10 & 12)", true, true, true, false, true);
    public static readonly TransferSyntax JpegLossless = new("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", true, true, true, false, false);
    public static readonly TransferSyntax JpegLosslessSV1 = new("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])", true, true, true, false, false);
    public static readonly TransferSyntax JpegLsLossless = new("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", true, true, true, false, false);
    public static readonly TransferSyntax JpegLsNearLossless = new("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", true, true, true, false, true);
    public static readonly TransferSyntax Jpeg2000Lossless = new("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", true, true, true, false, false);
    public static readonly TransferSyntax Jpeg2000 = new("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", true, true, true, false, true);
    public static readonly TransferSyntax HtJpeg2000Lossless = new("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)", true, true, true, false, false);
    public static readonly TransferSyntax HtJpeg2000LosslessRpcl = new("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", true, true, true, false, false);
    public static readonly TransferSyntax HtJpeg2000 = new("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", true, true, true, false, true);
    public static readonly TransferSyntax RleLossless = new("1.2.840.10008.1.2.5", "RLE Lossless", true, true, true, false, false);
    public static readonly TransferSyntax DeflatedImageFrameCompression = new("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression", true, true, true, false, false);
#pragma warning restore CS1591

    private static readonly Dictionary<string, TransferSyntax> Known = new[]
    {
        ImplicitVRLittleEndian, ExplicitVRLittleEndian, EncapsulatedUncompressedExplicitVRLittleEndian,
        DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian, JpegBaseline8Bit, JpegExtended12Bit,
        JpegSpectralSelection, JpegFullProgression, JpegLossless, JpegLosslessSV1, JpegLsLossless,
        JpegLsNearLossless, Jpeg2000Lossless, Jpeg2000, HtJpeg2000Lossless, HtJpeg2000LosslessRpcl,
        HtJpeg2000, RleLossless, DeflatedImageFrameCompression,
    }.ToDictionary(t => t.Uid, StringComparer.Ordinal);

    /// <summary>All transfer syntaxes PixelGen knows by name.</summary>
    public static IEnumerable<TransferSyntax> All => Known.Values;

    /// <summary>
    /// Looks a UID up. An unknown UID is treated as Explicit VR Little Endian with encapsulated pixel data,
    /// which is what every transfer syntax added to the standard since 2000 has been.
    /// </summary>
    public static TransferSyntax FromUid(string uid)
    {
        var clean = uid.TrimEnd('\0', ' ');
        return Known.TryGetValue(clean, out var ts)
            ? ts
            : new TransferSyntax(clean, $"Unknown ({clean})", true, true, true, false, false) { IsUnknown = true };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Uid})";
}
