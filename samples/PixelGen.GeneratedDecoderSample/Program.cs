using System.Buffers.Binary;
using PixelGen.Dicom;
using PixelGen.GeneratedDecoderSample;
using PixelGen.Pixels;

// 1. Type form: the generated decoder is registered by a module initializer and found by layout.
var layout = new FrameLayout
{
    Rows = 3, Columns = 4, BitsAllocated = 16, BitsStored = 12, HighBit = 15, IsSigned = true,
    PhotometricInterpretation = "MONOCHROME2",
};
var decoder = FrameDecoders.Find(TransferSyntax.ExplicitVRLittleEndian, layout)
    ?? throw new InvalidOperationException("the generated decoder was not registered");
Console.WriteLine($"layout:  {layout}");
Console.WriteLine($"decoder: {decoder.Name} ({(decoder.IsGenerated ? "generated" : "runtime")})");

var raw = new byte[layout.NativeFrameLength];
for (int i = 0; i < layout.PixelsPerFrame; i++)
    BinaryPrimitives.WriteInt16LittleEndian(raw.AsSpan(i * 2), (short)((i * 100 - 500) << 4 | 0xF)); // low nibble: garbage
var pixels = new short[layout.SamplesPerFrame];
HighAlignedCtDecoder.DecodeSamples(raw, pixels);
Console.WriteLine($"pixels:  {string.Join(' ', pixels)}");

// 2. Method form: a generated function body.
byte[] bigEndian = [0x12, 0x34, 0xAB, 0xCD];
var words = new ushort[2];
Kernels.DecodeBigEndian16(bigEndian, words);
Console.WriteLine($"words:   {string.Join(' ', words.Select(w => $"0x{w:X4}"))}");
