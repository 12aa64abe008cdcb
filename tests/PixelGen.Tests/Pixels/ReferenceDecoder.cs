using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Tests.Pixels;

/// <summary>
/// A deliberately plain, one-value-at-a-time decoder written from the standard's words, to check the
/// vectorised runtime decoder against. No spans tricks, no shared code with src/.
/// </summary>
internal static class ReferenceDecoder
{
    public static byte[] Decode(byte[] raw, FrameLayout l)
    {
        int pixels = l.Rows * l.Columns;
        int samples = l.SamplesPerPixel;
        if (l.BitsAllocated == 1)
        {
            var bits = new byte[pixels];
            for (int p = 0; p < pixels; p++) bits[p] = (byte)((raw[p / 8] >> (p % 8)) & 1);
            return bits;
        }
        int es = l.BitsAllocated / 8;
        var output = new byte[pixels * samples * es];
        bool ybr422 = samples == 3 && l.PhotometricInterpretation == "YBR_FULL_422";
        for (int p = 0; p < pixels; p++)
            for (int s = 0; s < samples; s++)
            {
                int storedIndex;
                if (ybr422) storedIndex = 4 * (p / 2) + (s == 0 ? p % 2 : s + 1);
                else if (l.PlanarConfiguration == 1) storedIndex = s * pixels + p;
                else storedIndex = p * samples + s;

                ulong value = 0;
                for (int b = 0; b < es; b++)
                {
                    // Position in the stored stream of the value's b-th least significant byte.
                    int pos;
                    if (!l.IsBigEndian) pos = storedIndex * es + b;
                    else if (l.PixelDataVR == DicomVR.OW) pos = (storedIndex * es + b) ^ 1; // OW: every 16-bit word swapped
                    else pos = storedIndex * es + (es - 1 - b);
                    value |= (ulong)raw[pos] << (8 * b);
                }
                if (l.Kind == PixelDataKind.Integer && l.BitsStored < 64)
                {
                    int shift = l.HighBit + 1 - l.BitsStored;
                    ulong mask = (1UL << l.BitsStored) - 1;
                    value = (value >> shift) & mask;
                    if (l.IsSigned && (value >> (l.BitsStored - 1) & 1) == 1) value |= ~mask;
                }
                int o = (p * samples + s) * es;
                for (int b = 0; b < es; b++) output[o + b] = (byte)(value >> (8 * b));
            }
        return output;
    }
}
