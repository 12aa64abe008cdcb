using System.Runtime.InteropServices;
using PixelGen.Dicom;
using PixelGen.Pixels;
using PixelGen.Transforms;
using static PixelGen.Tests.Transforms.TestDatasets;

namespace PixelGen.Tests.Transforms;

public class DisplayRendererTests
{
    private static FrameLayout Grey(string pi = "MONOCHROME2") => new() { Rows = 1, Columns = 4, BitsAllocated = 16, BitsStored = 12, HighBit = 11, IsSigned = true, PhotometricInterpretation = pi };

    private static byte[] Frame(params short[] v) => MemoryMarshal.AsBytes(v.AsSpan()).ToArray();

    [Fact]
    public void Grey_goes_modality_then_window_then_eight_bit()
    {
        var ds = new DicomDataset([Ds(DicomTags.RescaleSlope, 1), Ds(DicomTags.RescaleIntercept, -1024), Ds(DicomTags.WindowCenter, 40), Ds(DicomTags.WindowWidth, 401),
            Us(DicomTags.BitsStored, 12), Us(DicomTags.PixelRepresentation, 1), Text(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")]);
        var dst = new byte[4];
        DisplayRenderer.Render(ds, Grey(), Frame(0, 1024 + 40, 1024 + 240, 4000), dst);
        Assert.Equal(new byte[] { 0, 128, 255, 255 }, dst);
        // A caller's window wins; MONOCHROME1 is inverted.
        DisplayRenderer.Render(ds, Grey("MONOCHROME1"), Frame(0, 1024 + 40, 1024 + 240, 4000), dst, new RenderOptions { WindowCenter = 1000, WindowWidth = 4001 });
        // ((x - 999.5) / 4000 + 0.5) * 255 for x = 40, 240, 2976 is 66.3, 79.1, 253.5 (ties to even: 254), then 255 - v.
        Assert.Equal(new byte[] { 255, 255 - 66, 255 - 79, 255 - 254 }, dst);
    }

    [Fact]
    public void Without_a_window_the_frame_range_is_stretched_and_rgb_can_be_forced()
    {
        var ds = new DicomDataset([Us(DicomTags.BitsStored, 12), Text(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")]);
        var dst = new byte[12];
        DisplayRenderer.Render(ds, Grey(), Frame(100, 200, 300, 500), dst, new RenderOptions { ForceRgb = true });
        Assert.Equal(new byte[] { 0, 0, 0, 64, 64, 64, 128, 128, 128, 255, 255, 255 }, dst);
    }

    [Fact]
    public void Palette_and_ybr_render_as_rgb()
    {
        var ds = new DicomDataset([Us(DicomTags.RedPaletteColorLookupTableDescriptor, 2, 0, 16),
            Words(DicomTags.RedPaletteColorLookupTableData, DicomVR.OW, [0, 65535]), Words(DicomTags.GreenPaletteColorLookupTableData, DicomVR.OW, [256, 512]), Words(DicomTags.BluePaletteColorLookupTableData, DicomVR.OW, [65535, 0])]);
        var pal = new FrameLayout { Rows = 1, Columns = 2, BitsAllocated = 8, BitsStored = 8, HighBit = 7, PhotometricInterpretation = "PALETTE COLOR" };
        Assert.Equal(3, DisplayRenderer.OutputSamples(pal));
        var dst = new byte[6];
        DisplayRenderer.Render(ds, pal, [0, 1], dst);
        Assert.Equal(new byte[] { 0, 1, 255, 255, 2, 0 }, dst);

        var ybr = new FrameLayout { Rows = 1, Columns = 1, SamplesPerPixel = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7, PhotometricInterpretation = "YBR_FULL" };
        var rgb = new byte[3];
        DisplayRenderer.Render(new DicomDataset(), ybr, [76, 85, 255], rgb);
        Assert.Equal(new byte[] { 255, 0, 0 }, rgb.Select(b => (byte)(b >= 254 ? 255 : b <= 1 ? 0 : b)).ToArray());
    }

    [Fact]
    public void Palette_colour_with_three_samples_is_bad_input()
    {
        var ds = new DicomDataset([Us(DicomTags.RedPaletteColorLookupTableDescriptor, 2, 0, 16),
            Words(DicomTags.RedPaletteColorLookupTableData, DicomVR.OW, [0, 65535]), Words(DicomTags.GreenPaletteColorLookupTableData, DicomVR.OW, [256, 512]), Words(DicomTags.BluePaletteColorLookupTableData, DicomVR.OW, [65535, 0])]);
        var pal = new FrameLayout { Rows = 1, Columns = 2, SamplesPerPixel = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7, PhotometricInterpretation = "PALETTE COLOR" };
        Assert.Throws<PixelDataException>(() => DisplayRenderer.Render(ds, pal, new byte[6], new byte[6]));
    }
}
