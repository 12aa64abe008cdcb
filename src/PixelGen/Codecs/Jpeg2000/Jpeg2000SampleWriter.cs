using System.Runtime.InteropServices;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Codecs.Jpeg2000;

/// <summary>
/// Copies OpenJPEG's decoded components (one int32 plane each) into the caller's frame: samples interleaved,
/// little endian, the layout's element type. Signedness follows pydicom's documented JPEG 2000 handling
/// (<c>APPLY_J2K_CORRECTIONS</c>): when the codestream is unsigned but Pixel Representation is 1, values are
/// sign-extended from the codestream's precision. Then the decoding contract applies: bits above High Bit
/// dropped, masked to Bits Stored, sign-extended from Bits Stored for signed data.
/// </summary>
internal static unsafe class Jpeg2000SampleWriter
{
    public static bool Supports(FrameLayout layout)
        => layout.Kind == PixelDataKind.Integer && layout.BitsAllocated is 8 or 16 or 32;

    public static void Write(OpenJpegImage* image, Jpeg2000Header header, FrameLayout layout, Span<byte> destination)
    {
        int samples = layout.SamplesPerPixel;
        if (image->NumComps != (uint)samples || image->Comps is null)
            throw new PixelDataException($"OpenJPEG returned {image->NumComps} components; Samples per Pixel is {samples} (a JP2 palette or channel definition changed them)");
        int rows = layout.Rows, columns = layout.Columns;
        int pixels = checked(rows * columns);
        int shift = layout.HighBit + 1 - layout.BitsStored;
        int mask = layout.BitsStored >= 32 ? -1 : (int)((1u << layout.BitsStored) - 1);
        int sign = layout.IsSigned ? (int)(1u << (layout.BitsStored - 1)) : 0;

        for (int c = 0; c < samples; c++)
        {
            var comp = image->Comps[c];
            if (comp.W != (uint)columns || comp.H != (uint)rows || comp.DX != 1 || comp.DY != 1 || comp.Data is null || comp.Prec is 0 or > 32)
                throw new PixelDataException($"OpenJPEG returned component {c} as {comp.W}x{comp.H} (sampling {comp.DX}x{comp.DY}, precision {comp.Prec}); the frame is {columns}x{rows}");
            var plane = new ReadOnlySpan<int>(comp.Data, pixels);
            // pydicom: unsigned codestream, signed data set → two's complement from the codestream's precision.
            int extend = comp.Sgnd == 0 && layout.IsSigned && comp.Prec < 32 ? 32 - (int)comp.Prec : 0;
            switch (layout.ElementSize)
            {
                case 1:
                {
                    var dest = destination[..(pixels * samples)];
                    for (int i = 0, o = c; i < plane.Length; i++, o += samples)
                        dest[o] = (byte)Convert(plane[i], extend, shift, mask, sign);
                    break;
                }
                case 2:
                {
                    var dest = MemoryMarshal.Cast<byte, ushort>(destination[..(pixels * samples * 2)]);
                    if (samples == 1 && extend == 0 && shift == 0 && mask == 0xFFFF && sign == 0)
                    {
                        for (int i = 0; i < plane.Length; i++) dest[i] = (ushort)plane[i];
                        break;
                    }
                    for (int i = 0, o = c; i < plane.Length; i++, o += samples)
                        dest[o] = (ushort)Convert(plane[i], extend, shift, mask, sign);
                    break;
                }
                default:
                {
                    var dest = MemoryMarshal.Cast<byte, int>(destination[..(pixels * samples * 4)]);
                    for (int i = 0, o = c; i < plane.Length; i++, o += samples)
                        dest[o] = Convert(plane[i], extend, shift, mask, sign);
                    break;
                }
            }
        }
    }

    private static int Convert(int v, int extend, int shift, int mask, int sign)
    {
        v = (v << extend) >> extend;
        return (((v >> shift) & mask) ^ sign) - sign;
    }
}
