using System.Runtime.InteropServices;
using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;
using PixelGen.Transforms;
using static PixelGen.Tests.Transforms.TestDatasets;

namespace PixelGen.Tests.Transforms;

public class TransformPipelineTests
{
    private static FrameLayout Gray8(int frames = 1) => new() { Rows = 2, Columns = 2, BitsAllocated = 8, BitsStored = 8, HighBit = 7, NumberOfFrames = frames };

    [Fact]
    public void Well_known_palette_by_id_turns_a_volume_into_rgb()
    {
        var p = TransformPipeline.Create("palette:HOT_IRON", new DicomDataset(), Gray8(2));
        Assert.Equal(3, p.OutputLayout.SamplesPerPixel);
        Assert.Equal("RGB", p.OutputLayout.PhotometricInterpretation);
        byte[] volume = [0, 127, 128, 255, 1, 2, 3, 4];
        var rgb = new byte[volume.Length * 3];
        Assert.Equal(rgb.Length, p.Apply(volume, rgb));
        Assert.Equal(new byte[] { 0, 0, 0, 254, 0, 0, 255, 0, 0, 255, 255, 255 }, rgb[..12]);
    }

    [Fact]
    public void Modality_lut_then_window_uses_the_lut_bits_for_the_range()
    {
        var ds = new DicomDataset(
        [
            Us(DicomTags.BitsStored, 8), Us(DicomTags.PixelRepresentation, 0),
            Text(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2"),
            Sequence(DicomTags.ModalityLutSequence, new DicomDataset([Us(DicomTags.LutDescriptor, 2, 0, 12), Us(DicomTags.LutData, 0, 4095)])),
            Ds(DicomTags.WindowCenter, 2048), Ds(DicomTags.WindowWidth, 4096),
        ]);
        // A 12-bit modality LUT is outside pydicom's 8/16 rule, so it is refused.
        Assert.Throws<PixelDataException>(() => TransformPipeline.Create("modality_lut+voi_lut", ds, Gray8()));

        var ds16 = new DicomDataset(
        [
            Us(DicomTags.BitsStored, 8), Us(DicomTags.PixelRepresentation, 0),
            Text(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2"),
            Sequence(DicomTags.ModalityLutSequence, new DicomDataset([Us(DicomTags.LutDescriptor, 2, 0, 16), Us(DicomTags.LutData, 0, 65535)])),
            Ds(DicomTags.WindowCenter, 32768), Ds(DicomTags.WindowWidth, 65536),
        ]);
        var p = TransformPipeline.Create("modality_lut+voi_lut", ds16, Gray8());
        Assert.Equal(PixelElementType.Float64, p.OutputLayout.ElementType);
        var output = new byte[4 * 8];
        p.Apply([0, 1, 0, 1], output);
        var y = MemoryMarshal.Cast<byte, double>(output.AsSpan());
        Assert.Equal(0, y[0]);
        Assert.Equal(65535, y[1]);
    }

    [Fact]
    public void Wrong_inputs_raise()
    {
        Assert.Throws<ArgumentException>(() => TransformPipeline.Create("sharpen", new DicomDataset(), Gray8()));
        var rgb = Gray8() with { SamplesPerPixel = 3 };
        Assert.Throws<PixelDataException>(() => TransformPipeline.Create("color_lut", new DicomDataset(), rgb));
        Assert.Throws<PixelDataException>(() => TransformPipeline.Create("ybr_full_to_rgb", new DicomDataset(), Gray8()));
        var p = TransformPipeline.Create("modality_lut", new DicomDataset(), Gray8());
        Assert.Throws<PixelDataException>(() => p.Apply(new byte[5], new byte[5]));
    }
}
