using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using PixelGen.Dicom;

namespace PixelGen.Writing;

/// <summary>
/// Turns typed values into DICOM value bytes (little endian, padded to even length with the VR's pad byte).
/// Text is encoded as ISO-IR 100 (Latin-1); characters outside it raise <see cref="PixelGenException"/>.
/// </summary>
public static class DicomValueEncoder
{
    /// <summary>Encodes the values of a string VR joined by backslashes, padded to even length.</summary>
    public static byte[] EncodeStrings(DicomVR vr, IReadOnlyList<string> values)
    {
        if (!DicomVRInfo.IsString(vr))
            throw new PixelGenException($"VR {DicomVRInfo.Code(vr)} is not a string VR");
        bool single = vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR;
        if (single && values.Count > 1)
            throw new PixelGenException($"VR {DicomVRInfo.Code(vr)} holds a single value, {values.Count} were given");
        for (int i = 0; i < values.Count; i++)
        {
            var v = values[i] ?? throw new PixelGenException("A string value is null");
            if (!single && v.Contains('\\'))
                throw new PixelGenException($"Value '{v}' contains a backslash, the value separator of VR {DicomVRInfo.Code(vr)}");
            if (vr == DicomVR.UI && v.Length > 0 && !DicomUids.IsValid(v))
                throw new PixelGenException($"'{v}' is not a valid UID");
            foreach (char c in v)
                if (c > 0xFF) throw new PixelGenException($"Value '{v}' has a character outside ISO-IR 100 (Latin-1), which PixelGen writes");
        }
        var text = string.Join('\\', values);
        int length = Encoding.Latin1.GetByteCount(text);
        var bytes = new byte[length + (length & 1)];
        Encoding.Latin1.GetBytes(text, bytes);
        if ((length & 1) == 1) bytes[^1] = DicomVRInfo.PadByte(vr);
        return bytes;
    }

    /// <summary>Formats a Decimal String value in at most 16 characters (shortest round-trip form when it fits).</summary>
    public static string FormatDecimalString(double value)
    {
        if (!double.IsFinite(value)) throw new PixelGenException($"DS cannot hold {value.ToString(CultureInfo.InvariantCulture)}");
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        if (r.Length <= 16) return r;
        for (int digits = 15; digits >= 1; digits--)
        {
            var s = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (s.Length <= 16) return s;
        }
        throw new PixelGenException($"DS cannot hold {r} in 16 characters");
    }

    /// <summary>Formats an Integer String value (range of a signed 32-bit integer, at most 12 characters).</summary>
    public static string FormatIntegerString(long value)
    {
        if (value is < int.MinValue or > int.MaxValue)
            throw new PixelGenException($"IS cannot hold {value.ToString(CultureInfo.InvariantCulture)} (range -2^31..2^31-1)");
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Encodes numbers for a binary VR (US, SS, UL, SL, FL, FD, SV, UV, AT, OB, OW, OL, OF, OD, OV) or the text VRs DS and IS.
    /// Values out of the VR's range raise <see cref="PixelGenException"/>.
    /// </summary>
    public static byte[] EncodeNumbers(DicomVR vr, ReadOnlySpan<double> values)
    {
        if (vr == DicomVR.DS)
        {
            var parts = new string[values.Length];
            for (int i = 0; i < values.Length; i++) parts[i] = FormatDecimalString(values[i]);
            return EncodeStrings(vr, parts);
        }
        if (vr == DicomVR.IS)
        {
            var parts = new string[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] != Math.Floor(values[i])) throw new PixelGenException($"IS cannot hold the non-integer {values[i].ToString(CultureInfo.InvariantCulture)}");
                parts[i] = FormatIntegerString(checked((long)values[i]));
            }
            return EncodeStrings(vr, parts);
        }
        int size = DicomVRInfo.ValueSize(vr);
        if (size == 0) throw new PixelGenException($"VR {DicomVRInfo.Code(vr)} holds no binary numbers");
        int length = values.Length * size;
        var bytes = new byte[length + (length & 1)];
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            var s = bytes.AsSpan(i * size, size);
            switch (vr)
            {
                case DicomVR.OB or DicomVR.UN: s[0] = (byte)CheckedInteger(v, byte.MinValue, byte.MaxValue, vr); break;
                case DicomVR.US or DicomVR.OW: BinaryPrimitives.WriteUInt16LittleEndian(s, (ushort)CheckedInteger(v, ushort.MinValue, ushort.MaxValue, vr)); break;
                case DicomVR.SS: BinaryPrimitives.WriteInt16LittleEndian(s, (short)CheckedInteger(v, short.MinValue, short.MaxValue, vr)); break;
                case DicomVR.UL or DicomVR.OL: BinaryPrimitives.WriteUInt32LittleEndian(s, (uint)CheckedInteger(v, uint.MinValue, uint.MaxValue, vr)); break;
                case DicomVR.AT:
                    uint tag = (uint)CheckedInteger(v, uint.MinValue, uint.MaxValue, vr);
                    BinaryPrimitives.WriteUInt16LittleEndian(s, (ushort)(tag >> 16));
                    BinaryPrimitives.WriteUInt16LittleEndian(s[2..], (ushort)tag);
                    break;
                case DicomVR.SL: BinaryPrimitives.WriteInt32LittleEndian(s, (int)CheckedInteger(v, int.MinValue, int.MaxValue, vr)); break;
                case DicomVR.FL or DicomVR.OF: BinaryPrimitives.WriteSingleLittleEndian(s, (float)v); break;
                case DicomVR.FD or DicomVR.OD: BinaryPrimitives.WriteDoubleLittleEndian(s, v); break;
                case DicomVR.SV: BinaryPrimitives.WriteInt64LittleEndian(s, (long)CheckedInteger(v, long.MinValue, long.MaxValue, vr)); break;
                case DicomVR.UV or DicomVR.OV: BinaryPrimitives.WriteUInt64LittleEndian(s, (ulong)CheckedInteger(v, 0, ulong.MaxValue, vr)); break;
            }
        }
        return bytes;
    }

    /// <summary>Encodes 64-bit integers exactly (SV, UV, OV and the smaller integer VRs) without going through double.</summary>
    public static byte[] EncodeIntegers(DicomVR vr, ReadOnlySpan<long> values)
    {
        if (vr is DicomVR.SV or DicomVR.UV or DicomVR.OV)
        {
            var bytes = new byte[values.Length * 8];
            for (int i = 0; i < values.Length; i++)
            {
                if (vr != DicomVR.SV && values[i] < 0) throw new PixelGenException($"VR {DicomVRInfo.Code(vr)} cannot hold {values[i].ToString(CultureInfo.InvariantCulture)}");
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
            }
            return bytes;
        }
        var doubles = new double[values.Length];
        for (int i = 0; i < values.Length; i++) doubles[i] = values[i];
        return EncodeNumbers(vr, doubles);
    }

    private static double CheckedInteger(double v, double min, double max, DicomVR vr)
    {
        if (v != Math.Floor(v) || v < min || v > max)
            throw new PixelGenException($"VR {DicomVRInfo.Code(vr)} cannot hold {v.ToString(CultureInfo.InvariantCulture)}");
        return v;
    }
}
