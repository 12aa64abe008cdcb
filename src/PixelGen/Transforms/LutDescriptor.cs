using System.Buffers.Binary;
using PixelGen.Dicom;

namespace PixelGen.Transforms;

/// <summary>
/// The three values of a LUT Descriptor ((0028,3002) or (0028,110x)): number of entries, first stored value
/// mapped, and bits per entry (PS3.3 C.11.1.1.1, C.7.6.3.1.5).
/// </summary>
/// <param name="EntryCount">Number of LUT entries; a stored 0 means 65536.</param>
/// <param name="FirstMapped">The input value mapped to the first entry; negative only for signed input.</param>
/// <param name="BitsPerEntry">Nominal bits of each entry (8 or 16; VOI LUTs may say 10–16).</param>
public readonly record struct LutDescriptor(int EntryCount, int FirstMapped, int BitsPerEntry)
{
    /// <summary>
    /// Reads a descriptor element. The VR is ambiguous (US or SS) and many writers put the wrong one, so the
    /// raw 16-bit words are read and the first mapped value is taken as two's complement when the element's
    /// VR is SS or the pixel data are signed (PS3.3 C.11.1.1.1). The entry count is always unsigned.
    /// </summary>
    /// <param name="element">The descriptor element (6 value bytes).</param>
    /// <param name="signedInput">True when Pixel Representation is 1.</param>
    /// <exception cref="PixelDataException">The element does not hold three 16-bit values.</exception>
    public static LutDescriptor FromElement(DicomElement element, bool signedInput)
    {
        ArgumentNullException.ThrowIfNull(element);
        var raw = element.RawValue.Span;
        if (raw.Length != 6)
            throw new PixelDataException($"LUT Descriptor {element.Tag} must hold three 16-bit values but has {raw.Length} bytes", null, element.ValueOffset >= 0 ? element.ValueOffset : null);
        bool le = element.IsLittleEndian;
        ushort v0 = le ? BinaryPrimitives.ReadUInt16LittleEndian(raw) : BinaryPrimitives.ReadUInt16BigEndian(raw);
        ushort v1 = le ? BinaryPrimitives.ReadUInt16LittleEndian(raw[2..]) : BinaryPrimitives.ReadUInt16BigEndian(raw[2..]);
        ushort v2 = le ? BinaryPrimitives.ReadUInt16LittleEndian(raw[4..]) : BinaryPrimitives.ReadUInt16BigEndian(raw[4..]);
        int first = element.VR == DicomVR.SS || signedInput ? (short)v1 : v1;
        return Create(v0, first, v2);
    }

    /// <summary>Builds a descriptor from its three stored values (0 entries means 65536) and checks them.</summary>
    /// <exception cref="PixelDataException">Bits per entry outside 1..16.</exception>
    public static LutDescriptor Create(int storedEntryCount, int firstMapped, int bitsPerEntry)
    {
        if (storedEntryCount < 0 || storedEntryCount > 65535)
            throw new PixelDataException($"LUT Descriptor entry count {storedEntryCount} is outside 0..65535");
        if (bitsPerEntry < 1 || bitsPerEntry > 16)
            throw new PixelDataException($"LUT Descriptor bits per entry {bitsPerEntry} is outside 1..16");
        return new LutDescriptor(storedEntryCount == 0 ? 65536 : storedEntryCount, firstMapped, bitsPerEntry);
    }

    /// <summary>Largest value an entry may hold (2^bits − 1).</summary>
    public int MaxEntryValue => (1 << BitsPerEntry) - 1;
}
