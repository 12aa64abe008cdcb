using PixelGen.Transforms;

namespace PixelGen.Tests.Transforms;

/// <summary>The hot paths allocate nothing once warm (in place or into a caller's buffer).</summary>
public class AllocationTests
{
    private static long Allocated(Action action)
    {
        action(); // warm up: JIT, static tables
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Ybr_to_rgb_in_place_allocates_nothing()
    {
        var frame = new byte[64 * 64 * 3];
        new Random(1).NextBytes(frame);
        Assert.Equal(0, Allocated(() => ColorSpace.YbrFullToRgb(frame)));
        var wide = new ushort[64 * 3];
        Assert.Equal(0, Allocated(() => ColorSpace.YbrFullToRgb(wide, 12)));
    }

    [Fact]
    public void Window_palette_and_modality_into_caller_buffers_allocate_nothing()
    {
        var gray = new ushort[4096];
        var bytes = new byte[4096];
        var window = VoiLut.Window(2048, 1000, VoiLutFunction.Linear, 0, 255);
        Assert.Equal(0, Allocated(() => window.Apply<ushort, byte>(gray, bytes)));

        var palette = WellKnownPalettes.Get("PET");
        var rgb = new byte[bytes.Length * 3];
        var rgb16 = new ushort[bytes.Length * 3];
        Assert.Equal(0, Allocated(() => palette.Apply<byte, byte>(bytes, rgb)));
        Assert.Equal(0, Allocated(() => palette.Apply<byte, ushort>(bytes, rgb16)));

        var rescale = ModalityLut.Rescale(2, -1024);
        var hu = new double[gray.Length];
        Assert.Equal(0, Allocated(() => rescale.Apply<ushort, double>(gray, hu)));
    }
}
