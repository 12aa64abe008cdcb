using System.Buffers.Binary;
using System.Security.Cryptography;
using PixelGen.Frames;
using PixelGen.GeneratedDecoderSample;
using PixelGen.Pixels;

// usage: PixelGen.GeneratedDecoderSample [FILE]
//   FILE: a native DICOM file; its first frame is decoded by the registered decoder that matches its layout
//         (e.g. ../../shared/corpus/files/693_UNCR.dcm, 16-bit signed with 14 stored bits -> Ct14SignedDecoder).
if (args.Length > 0)
{
    using var reader = FrameReader.Open(args[0]);
    var layout = reader.Layout;
    var decoder = FrameDecoders.Find(reader.TransferSyntax, layout);
    Console.WriteLine($"file:    {args[0]}");
    Console.WriteLine($"layout:  {layout}");
    if (decoder is null)
    {
        Console.WriteLine("decoder: no registered decoder matches; declare one with [PixelLayout]");
        return 1;
    }
    Console.WriteLine($"decoder: {decoder.Name} ({(decoder.IsGenerated ? "generated" : "runtime")})");
    var raw = reader.ReadFrameRaw(0);
    var decoded = new byte[layout.DecodedFrameLength];
    decoder.Decode(raw, decoded, layout);
    var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(decoded);
    if (layout.ElementType == PixelGen.Layout.PixelElementType.Int16)
        Console.WriteLine($"frame 0: min {Min(values)}, max {Max(values)}");
    Console.WriteLine($"sha256:  {Convert.ToHexStringLower(SHA256.HashData(decoded))}");
    return 0;
}

// No file: the type form on a synthetic frame, then the method form.
var ct = new FrameLayout { Rows = 2, Columns = 4, BitsAllocated = 16, BitsStored = 14, HighBit = 13, IsSigned = true };
var synthetic = new byte[ct.NativeFrameLength];
for (int i = 0; i < ct.PixelsPerFrame; i++)
    BinaryPrimitives.WriteInt16LittleEndian(synthetic.AsSpan(i * 2), (short)((i * 1000 - 3000) & 0x3FFF | 0x8000)); // bit 15: garbage
var found = FrameDecoders.Find(PixelGen.Dicom.TransferSyntax.ExplicitVRLittleEndian, ct)!;
var pixels = new short[ct.SamplesPerFrame];
Ct14SignedDecoder.DecodeSamples(synthetic, pixels);
Console.WriteLine($"decoder: {found.Name} ({(found.IsGenerated ? "generated" : "runtime")})");
Console.WriteLine($"pixels:  {string.Join(' ', pixels)}");

var high = new short[2];
Kernels.DecodeHighAligned12([0x0F, 0x80, 0xF0, 0x7F], high); // 0x800F -> -2048, 0x7FF0 -> 2047 (low nibble: garbage)
Console.WriteLine($"high-aligned 12-bit: {string.Join(' ', high)}");
var words = new ushort[2];
Kernels.DecodeBigEndian16([0x12, 0x34, 0xAB, 0xCD], words);
Console.WriteLine($"big endian 16-bit:   {string.Join(' ', words.Select(w => $"0x{w:X4}"))}");
return 0;

static short Min(ReadOnlySpan<short> v) { short m = short.MaxValue; foreach (var x in v) m = Math.Min(m, x); return m; }
static short Max(ReadOnlySpan<short> v) { short m = short.MinValue; foreach (var x in v) m = Math.Max(m, x); return m; }
