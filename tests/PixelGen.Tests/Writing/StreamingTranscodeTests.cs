using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

/// <summary>Transcoding a file far larger than the memory the test allows: allocations stay bounded by a few frames.</summary>
public sealed class StreamingTranscodeTests : IDisposable
{
    private const int Rows = 512, Columns = 512, Frames = 384; // 192 MiB of 16-bit pixels
    private const long AllowedBytes = 12L << 20;              // the whole transcode may allocate 12 MiB
    private readonly string _folder = Directory.CreateTempSubdirectory("pixelgen-stream-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void NativeToRleAndBackAllocatesAFewFramesOnly()
    {
        var native = Path.Combine(_folder, "big.dcm");
        var ds = TestData.Image(Rows, Columns, frames: 1);
        ds.SetNumberOfFrames(Frames);
        ds.SetPixelDataContent(new SyntheticFrames());
        ds.Save(native);
        long size = new FileInfo(native).Length;
        Assert.True(size > 16 * AllowedBytes, $"the file ({size} bytes) must be far larger than the allowance");

        var rle = Path.Combine(_folder, "big_rle.dcm");
        long allocated;
        using (var reader = FrameReader.Open(native))
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Transcoder.Transcode(reader, rle, TransferSyntax.RleLossless);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.True(allocated < AllowedBytes, $"native → RLE allocated {allocated:N0} bytes for a {size:N0}-byte file");

        var back = Path.Combine(_folder, "big_back.dcm");
        using (var reader = FrameReader.Open(rle))
        {
            Assert.Equal(Frames, reader.NumberOfFrames);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Transcoder.Transcode(reader, back, TransferSyntax.ExplicitVRLittleEndian);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.True(allocated < AllowedBytes, $"RLE → native allocated {allocated:N0} bytes");

        using var a = FrameReader.Open(native);
        using var b = FrameReader.Open(back);
        foreach (int i in new[] { 0, 1, Frames / 2, Frames - 1 })
            Assert.True(a.ReadFrameRaw(i).AsSpan().SequenceEqual(b.ReadFrameRaw(i)), $"frame {i} differs after native → RLE → native");
    }

    /// <summary>Frames generated on demand: a gradient with a per-frame offset and some noise, one reused buffer.</summary>
    private sealed class SyntheticFrames : IPixelDataContent
    {
        private readonly byte[] _frame = new byte[Rows * Columns * 2];
        public bool IsEncapsulated => false;
        public int FrameCount => Frames;
        public long NativeLength => (long)Frames * _frame.Length;
        public IReadOnlyList<IReadOnlyList<long>>? FragmentLengths => null;

        public void WriteFrame(int index, IPixelDataSink sink)
        {
            uint noise = (uint)index * 2654435761u;
            for (int p = 0; p < Rows * Columns; p++)
            {
                noise = noise * 1664525 + 1013904223;
                ushort v = (ushort)(((p % Columns) + (p / Columns) + index * 3 + ((noise >> 28) & 3)) & 0xFFFF);
                _frame[2 * p] = (byte)v;
                _frame[2 * p + 1] = (byte)(v >> 8);
            }
            sink.Write(_frame);
        }
    }
}
