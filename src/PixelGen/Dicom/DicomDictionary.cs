namespace PixelGen.Dicom;

/// <summary>
/// VRs of the attributes PixelGen reads, for implicit VR data sets (and for retyping explicit UN).
/// Not the whole PS3.6: unknown tags are UN. US/SS-ambiguous attributes (palette descriptors, pixel padding)
/// are US; US/OW LUT data is OW.
/// </summary>
public static class DicomDictionary
{
    private static readonly Dictionary<uint, DicomVR> s_vrs = Build();

    /// <summary>The VR of <paramref name="tag"/>: group lengths are UL, private creators LO, unknown tags UN.</summary>
    public static DicomVR VRFor(DicomTag tag)
    {
        if (tag.Element == 0x0000) return DicomVR.UL;
        if (s_vrs.TryGetValue(tag.Value, out var vr)) return vr;
        // Repeating groups 50xx (curves) and 60xx (overlays): look the element up under the base group.
        if ((tag.Group & 0xFF01) == 0x6000 && s_vrs.TryGetValue(0x6000_0000u | tag.Element, out vr)) return vr;
        if (tag.IsPrivate && tag.Element is >= 0x0010 and <= 0x00FF) return DicomVR.LO;
        return DicomVR.UN;
    }

    /// <summary>True when the tag is in the dictionary (group lengths included).</summary>
    public static bool Contains(DicomTag tag) => VRFor(tag) != DicomVR.UN;

    private static Dictionary<uint, DicomVR> Build()
    {
        var d = new Dictionary<uint, DicomVR>();
        void Add(DicomVR vr, params uint[] tags) { foreach (var t in tags) d[t] = vr; }

        // File meta
        Add(DicomVR.OB, 0x0002_0001, 0x0002_0102);
        Add(DicomVR.UI, 0x0002_0002, 0x0002_0003, 0x0002_0010, 0x0002_0012, 0x0002_0100);
        Add(DicomVR.SH, 0x0002_0013);
        Add(DicomVR.AE, 0x0002_0016, 0x0002_0017, 0x0002_0018);
        // Identification, patient, study, series
        Add(DicomVR.CS, 0x0008_0005, 0x0008_0008, 0x0008_0060, 0x0008_0064, 0x0010_0040, 0x0018_0015, 0x0018_5100, 0x0020_0020);
        Add(DicomVR.DA, 0x0008_0012, 0x0008_0020, 0x0008_0021, 0x0008_0022, 0x0008_0023, 0x0010_0030);
        Add(DicomVR.TM, 0x0008_0013, 0x0008_0030, 0x0008_0031, 0x0008_0032, 0x0008_0033);
        Add(DicomVR.UI, 0x0008_0014, 0x0008_0016, 0x0008_0018, 0x0008_1150, 0x0008_1155, 0x0020_000D, 0x0020_000E, 0x0020_0052, 0x0028_1199);
        Add(DicomVR.SH, 0x0008_0050, 0x0008_0100, 0x0008_0102, 0x0020_0010, 0x0040_9210);
        Add(DicomVR.LO, 0x0008_0070, 0x0008_0080, 0x0008_0104, 0x0008_1030, 0x0008_103E, 0x0008_1090, 0x0010_0020, 0x0028_1054, 0x0028_1055, 0x0028_3003, 0x0028_3004);
        Add(DicomVR.PN, 0x0008_0090, 0x0010_0010);
        Add(DicomVR.IS, 0x0020_0011, 0x0020_0012, 0x0020_0013, 0x0028_0008, 0x0028_0034);
        Add(DicomVR.DS, 0x0018_0050, 0x0018_0088, 0x0020_0032, 0x0020_0037, 0x0020_1041, 0x0028_0030,
            0x0028_1050, 0x0028_1051, 0x0028_1052, 0x0028_1053, 0x0028_2112, 0x3004_000C, 0x3004_000E);
        Add(DicomVR.UL, 0x0020_9157);
        // Image Pixel module and LUTs
        Add(DicomVR.US, 0x0028_0002, 0x0028_0006, 0x0028_0010, 0x0028_0011, 0x0028_0100, 0x0028_0101, 0x0028_0102,
            0x0028_0103, 0x0028_0106, 0x0028_0107, 0x0028_0120, 0x0028_0121, 0x0028_1101, 0x0028_1102, 0x0028_1103,
            0x0028_1104, 0x0028_3002, 0x0040_9211, 0x0040_9216);
        Add(DicomVR.CS, 0x0028_0004, 0x0028_0301, 0x0028_1040, 0x0028_1056, 0x0028_2110, 0x0028_2114);
        Add(DicomVR.AT, 0x0028_0009);
        Add(DicomVR.SS, 0x0028_1041);
        Add(DicomVR.OW, 0x0028_1201, 0x0028_1202, 0x0028_1203, 0x0028_1204, 0x0028_1221, 0x0028_1222, 0x0028_1223,
            0x0028_1224, 0x0028_3006, 0x7FE0_0010);
        Add(DicomVR.FD, 0x0040_9212, 0x0040_9224, 0x0040_9225);
        Add(DicomVR.OV, 0x7FE0_0001, 0x7FE0_0002);
        Add(DicomVR.OF, 0x7FE0_0008);
        Add(DicomVR.OD, 0x7FE0_0009);
        // Overlays (repeating group 60xx, stored under 6000)
        Add(DicomVR.US, 0x6000_0010, 0x6000_0011, 0x6000_0100, 0x6000_0102);
        Add(DicomVR.SS, 0x6000_0050);
        Add(DicomVR.CS, 0x6000_0040);
        Add(DicomVR.OW, 0x6000_3000);
        // Sequences commonly found in images
        Add(DicomVR.SQ,
            0x0008_1110, 0x0008_1111, 0x0008_1115, 0x0008_1120, 0x0008_1140, 0x0008_1199, 0x0008_1250, 0x0008_2112,
            0x0008_2218, 0x0008_9121, 0x0008_9124, 0x0008_9215, 0x0018_9506, 0x0018_9226, 0x0018_9112, 0x0018_9114,
            0x0018_9115, 0x0018_9118, 0x0018_9119, 0x0018_9152, 0x0018_9301, 0x0018_9321, 0x0018_9325, 0x0018_9326,
            0x0020_9071, 0x0020_9111, 0x0020_9113, 0x0020_9116, 0x0020_9221, 0x0020_9222, 0x0022_0015,
            0x0028_3000, 0x0028_3010, 0x0028_3110, 0x0028_9110, 0x0028_9132, 0x0028_9145, 0x0028_9422, 0x0028_9443,
            0x0028_9505, 0x0028_9506, 0x0040_0260, 0x0040_0275, 0x0040_9096, 0x0040_A043, 0x0040_A168, 0x0040_A730,
            0x0054_0016, 0x0054_0220, 0x0054_0300, 0x0062_0002, 0x0062_000A, 0x0088_0200, 0x2050_0010,
            0x3006_0010, 0x3006_0020, 0x3006_0039, 0x300A_0010, 0x300A_0040, 0x300A_0070, 0x300A_00B0, 0x300A_0111,
            0x300A_0180, 0x300C_0002, 0x300C_0020, 0x300C_0060, 0x5200_9229, 0x5200_9230);
        return d;
    }
}
