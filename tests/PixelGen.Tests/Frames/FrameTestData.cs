using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.IO;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Frames;

/// <summary>Small synthetic inputs shared by the frame tests.</summary>
internal static class FrameTestData
{
    public const int Rows = 4, Columns = 3, FrameBytes = Rows * Columns * 2;

    public static (byte[] File, byte[] Pixels, DicomBuilder Builder) Native(string ts, int frames = 5)
    {
        var pixels = DicomBuilder.Pattern(FrameBytes * frames, ts.Length + frames);
        var b = new DicomBuilder(ts).ImagePixel(Rows, Columns, 16, frames: frames);
        b.NativePixelData(pixels);
        return (b.Build(), pixels, b);
    }

    public static FrameReader Reader(byte[] file) => new(new MemorySource(file));

    public static byte[][] Fragments(int count, int seed) => Enumerable.Range(0, count).Select(i => DicomBuilder.Pattern(10 + 2 * i, seed + i)).ToArray();

    /// <summary>Fake JPEG fragment data: optional SOI/EOI markers, no other FF bytes.</summary>
    public static byte[] Jpeg(int length, int seed, bool soi, bool eoi)
    {
        var d = DicomBuilder.Pattern(length, seed);
        for (int i = 0; i < d.Length; i++) if (d[i] == 0xFF) d[i] = 0xFE; // no stray markers
        if (soi) { d[0] = 0xFF; d[1] = 0xD8; }
        if (eoi) { d[^2] = 0xFF; d[^1] = 0xD9; }
        return d;
    }

}
