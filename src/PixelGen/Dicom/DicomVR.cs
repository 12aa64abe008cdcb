namespace PixelGen.Dicom;

/// <summary>A DICOM value representation; the numeric value is the two ASCII characters, first in the high byte.</summary>
public enum DicomVR : ushort
{
#pragma warning disable CS1591 // the two-letter codes of PS3.5 6.2
    None = 0,
    AE = ('A' << 8) | 'E', AS = ('A' << 8) | 'S', AT = ('A' << 8) | 'T',
    CS = ('C' << 8) | 'S', DA = ('D' << 8) | 'A', DS = ('D' << 8) | 'S', DT = ('D' << 8) | 'T',
    FD = ('F' << 8) | 'D', FL = ('F' << 8) | 'L', IS = ('I' << 8) | 'S',
    LO = ('L' << 8) | 'O', LT = ('L' << 8) | 'T',
    OB = ('O' << 8) | 'B', OD = ('O' << 8) | 'D', OF = ('O' << 8) | 'F', OL = ('O' << 8) | 'L',
    OV = ('O' << 8) | 'V', OW = ('O' << 8) | 'W',
    PN = ('P' << 8) | 'N', SH = ('S' << 8) | 'H', SL = ('S' << 8) | 'L', SQ = ('S' << 8) | 'Q',
    SS = ('S' << 8) | 'S', ST = ('S' << 8) | 'T', SV = ('S' << 8) | 'V', TM = ('T' << 8) | 'M',
    UC = ('U' << 8) | 'C', UI = ('U' << 8) | 'I', UL = ('U' << 8) | 'L', UN = ('U' << 8) | 'N',
    UR = ('U' << 8) | 'R', US = ('U' << 8) | 'S', UT = ('U' << 8) | 'T', UV = ('U' << 8) | 'V',
#pragma warning restore CS1591
}

/// <summary>Facts about value representations (PS3.5 6.2 and 7.1.2).</summary>
public static class DicomVRInfo
{
    /// <summary>Reads a VR from its two ASCII bytes; false when they are not a known VR.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        vr = (DicomVR)((first << 8) | second);
        return IsKnown(vr);
    }

    /// <summary>True for the VRs of PS3.5 Table 6.2-1.</summary>
    public static bool IsKnown(DicomVR vr) => vr switch
    {
        DicomVR.AE or DicomVR.AS or DicomVR.AT or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT or
        DicomVR.FD or DicomVR.FL or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.OB or DicomVR.OD or
        DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.PN or DicomVR.SH or DicomVR.SL or
        DicomVR.SQ or DicomVR.SS or DicomVR.ST or DicomVR.SV or DicomVR.TM or DicomVR.UC or DicomVR.UI or
        DicomVR.UL or DicomVR.UN or DicomVR.UR or DicomVR.US or DicomVR.UT or DicomVR.UV => true,
        _ => false,
    };

    /// <summary>The two-letter code.</summary>
    public static string Code(DicomVR vr) => vr == DicomVR.None ? "--" : string.Create(2, vr, static (s, v) =>
    {
        s[0] = (char)((ushort)v >> 8);
        s[1] = (char)((ushort)v & 0xFF);
    });

    /// <summary>Parses a two-letter code; <see cref="DicomVR.None"/> when unknown.</summary>
    public static DicomVR FromCode(string code)
        => code.Length == 2 && TryParse((byte)code[0], (byte)code[1], out var vr) ? vr : DicomVR.None;

    /// <summary>
    /// True when explicit VR encoding uses the 12-byte header (2 reserved bytes and a 32-bit length).
    /// </summary>
    public static bool HasLongLength(DicomVR vr) => vr switch
    {
        DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.SQ or
        DicomVR.SV or DicomVR.UC or DicomVR.UN or DicomVR.UR or DicomVR.UT or DicomVR.UV => true,
        _ => false,
    };

    /// <summary>True for character-string VRs (padded with a space, or NUL for UI).</summary>
    public static bool IsString(DicomVR vr) => vr switch
    {
        DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT or DicomVR.IS or
        DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH or DicomVR.ST or DicomVR.TM or DicomVR.UC or
        DicomVR.UI or DicomVR.UR or DicomVR.UT => true,
        _ => false,
    };

    /// <summary>The byte used to pad a value to even length: NUL for UI and binary VRs, space for text.</summary>
    public static byte PadByte(DicomVR vr) => IsString(vr) && vr != DicomVR.UI ? (byte)' ' : (byte)0;

    /// <summary>
    /// Size of one binary value for numeric VRs (2 for US/SS/OW, 4 for UL/SL/FL/OF/OL/AT, 8 for FD/OD/SV/UV/OV), 1 for OB/UN, 0 for text and SQ.
    /// This is also the unit of byte swapping under big endian.
    /// </summary>
    public static int ValueSize(DicomVR vr) => vr switch
    {
        DicomVR.OB or DicomVR.UN => 1,
        DicomVR.US or DicomVR.SS or DicomVR.OW => 2,
        DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.OF or DicomVR.OL or DicomVR.AT => 4,
        DicomVR.FD or DicomVR.OD or DicomVR.SV or DicomVR.UV or DicomVR.OV => 8,
        _ => 0,
    };
}
