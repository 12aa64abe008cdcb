using System.Globalization;

namespace PixelGen.Dicom;

/// <summary>A DICOM attribute tag (group, element), ordered the way data sets are sorted.</summary>
public readonly record struct DicomTag(ushort Group, ushort Element) : IComparable<DicomTag>
{
    /// <summary>Creates a tag from its 32-bit value <c>0xGGGGEEEE</c>.</summary>
    public DicomTag(uint value) : this((ushort)(value >> 16), (ushort)value) { }

    /// <summary>The tag as <c>0xGGGGEEEE</c>.</summary>
    public uint Value => ((uint)Group << 16) | Element;

    /// <summary>True for odd groups (private attributes).</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0008;

    /// <summary>True for (gggg,0000) group length elements.</summary>
    public bool IsGroupLength => Element == 0;

    /// <inheritdoc />
    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    /// <summary>Formats as <c>(GGGG,EEEE)</c>.</summary>
    public override string ToString() => $"({Group:X4},{Element:X4})";

    /// <summary>Formats as <c>GGGGEEEE</c> (DICOM JSON style).</summary>
    public string ToHex() => Value.ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>GGGGEEEE</c> or <c>(GGGG,EEEE)</c>.</summary>
    public static DicomTag Parse(string text)
    {
        var s = text.Trim().Trim('(', ')').Replace(",", "", StringComparison.Ordinal);
        return new DicomTag(uint.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}

/// <summary>Tags PixelGen reads or writes by name.</summary>
public static class DicomTags
{
#pragma warning disable CS1591 // names say what they are: the DICOM keyword of each tag
    public static readonly DicomTag FileMetaInformationGroupLength = new(0x0002, 0x0000);
    public static readonly DicomTag FileMetaInformationVersion = new(0x0002, 0x0001);
    public static readonly DicomTag MediaStorageSopClassUid = new(0x0002, 0x0002);
    public static readonly DicomTag MediaStorageSopInstanceUid = new(0x0002, 0x0003);
    public static readonly DicomTag TransferSyntaxUid = new(0x0002, 0x0010);
    public static readonly DicomTag ImplementationClassUid = new(0x0002, 0x0012);
    public static readonly DicomTag ImplementationVersionName = new(0x0002, 0x0013);
    public static readonly DicomTag SpecificCharacterSet = new(0x0008, 0x0005);
    public static readonly DicomTag SopClassUid = new(0x0008, 0x0016);
    public static readonly DicomTag SopInstanceUid = new(0x0008, 0x0018);
    public static readonly DicomTag Modality = new(0x0008, 0x0060);
    public static readonly DicomTag SamplesPerPixel = new(0x0028, 0x0002);
    public static readonly DicomTag PhotometricInterpretation = new(0x0028, 0x0004);
    public static readonly DicomTag PlanarConfiguration = new(0x0028, 0x0006);
    public static readonly DicomTag NumberOfFrames = new(0x0028, 0x0008);
    public static readonly DicomTag Rows = new(0x0028, 0x0010);
    public static readonly DicomTag Columns = new(0x0028, 0x0011);
    public static readonly DicomTag BitsAllocated = new(0x0028, 0x0100);
    public static readonly DicomTag BitsStored = new(0x0028, 0x0101);
    public static readonly DicomTag HighBit = new(0x0028, 0x0102);
    public static readonly DicomTag PixelRepresentation = new(0x0028, 0x0103);
    public static readonly DicomTag PixelPaddingValue = new(0x0028, 0x0120);
    public static readonly DicomTag WindowCenter = new(0x0028, 0x1050);
    public static readonly DicomTag WindowWidth = new(0x0028, 0x1051);
    public static readonly DicomTag RescaleIntercept = new(0x0028, 0x1052);
    public static readonly DicomTag RescaleSlope = new(0x0028, 0x1053);
    public static readonly DicomTag RescaleType = new(0x0028, 0x1054);
    public static readonly DicomTag WindowCenterWidthExplanation = new(0x0028, 0x1055);
    public static readonly DicomTag VoiLutFunction = new(0x0028, 0x1056);
    public static readonly DicomTag RedPaletteColorLookupTableDescriptor = new(0x0028, 0x1101);
    public static readonly DicomTag GreenPaletteColorLookupTableDescriptor = new(0x0028, 0x1102);
    public static readonly DicomTag BluePaletteColorLookupTableDescriptor = new(0x0028, 0x1103);
    public static readonly DicomTag AlphaPaletteColorLookupTableDescriptor = new(0x0028, 0x1104);
    public static readonly DicomTag PaletteColorLookupTableUid = new(0x0028, 0x1199);
    public static readonly DicomTag RedPaletteColorLookupTableData = new(0x0028, 0x1201);
    public static readonly DicomTag GreenPaletteColorLookupTableData = new(0x0028, 0x1202);
    public static readonly DicomTag BluePaletteColorLookupTableData = new(0x0028, 0x1203);
    public static readonly DicomTag AlphaPaletteColorLookupTableData = new(0x0028, 0x1204);
    public static readonly DicomTag SegmentedRedPaletteColorLookupTableData = new(0x0028, 0x1221);
    public static readonly DicomTag SegmentedGreenPaletteColorLookupTableData = new(0x0028, 0x1222);
    public static readonly DicomTag SegmentedBluePaletteColorLookupTableData = new(0x0028, 0x1223);
    public static readonly DicomTag SegmentedAlphaPaletteColorLookupTableData = new(0x0028, 0x1224);
    public static readonly DicomTag LossyImageCompression = new(0x0028, 0x2110);
    public static readonly DicomTag ModalityLutSequence = new(0x0028, 0x3000);
    public static readonly DicomTag LutDescriptor = new(0x0028, 0x3002);
    public static readonly DicomTag LutExplanation = new(0x0028, 0x3003);
    public static readonly DicomTag ModalityLutType = new(0x0028, 0x3004);
    public static readonly DicomTag LutData = new(0x0028, 0x3006);
    public static readonly DicomTag VoiLutSequence = new(0x0028, 0x3010);
    public static readonly DicomTag IconImageSequence = new(0x0088, 0x0200);
    public static readonly DicomTag ExtendedOffsetTable = new(0x7FE0, 0x0001);
    public static readonly DicomTag ExtendedOffsetTableLengths = new(0x7FE0, 0x0002);
    public static readonly DicomTag FloatPixelData = new(0x7FE0, 0x0008);
    public static readonly DicomTag DoubleFloatPixelData = new(0x7FE0, 0x0009);
    public static readonly DicomTag PixelData = new(0x7FE0, 0x0010);
    public static readonly DicomTag Item = new(0xFFFE, 0xE000);
    public static readonly DicomTag ItemDelimitationItem = new(0xFFFE, 0xE00D);
    public static readonly DicomTag SequenceDelimitationItem = new(0xFFFE, 0xE0DD);
    public static readonly DicomTag DataSetTrailingPadding = new(0xFFFC, 0xFFFC);
#pragma warning restore CS1591
}
