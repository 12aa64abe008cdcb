using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;
using PixelGen.Transforms;
using static PixelGen.Tests.Transforms.TestDatasets;

namespace PixelGen.Tests.Transforms;

public class ModalityLutTests
{
    private static readonly FrameLayout Ct = new() { Rows = 2, Columns = 2, BitsAllocated = 16, BitsStored = 12, HighBit = 11, IsSigned = true };

    [Fact]
    public void Rescale_gives_float64_and_integers_only_when_exact()
    {
        var ds = new DicomDataset([Ds(DicomTags.RescaleSlope, 1), Ds(DicomTags.RescaleIntercept, -1024)]);
        var t = ModalityLut.FromDataset(ds);
        Assert.Equal(ModalityLutKind.Rescale, t.Kind);
        Assert.Equal(PixelElementType.Float64, t.OutputElementType(PixelElementType.Int16));
        var layout = t.OutputLayout(Ct);
        Assert.Equal(PixelDataKind.Double, layout.Kind);
        Assert.Equal(64, layout.BitsAllocated);
        short[] x = [0, 1024, -5, 2047];
        var d = new double[4];
        t.Apply<short, double>(x, d);
        Assert.Equal(new double[] { -1024, 0, -1029, 1023 }, d);
        Assert.True(t.IsExactInteger);
        var i = new int[4];
        t.Apply<short, int>(x, i);
        Assert.Equal(new[] { -1024, 0, -1029, 1023 }, i);

        var frac = ModalityLut.Rescale(0.5, 0);
        Assert.False(frac.IsExactInteger);
        Assert.Throws<PixelDataException>(() => frac.Apply<short, int>(x, i));
        Assert.Throws<PixelDataException>(() => ModalityLut.Rescale(double.NaN, 0));
    }

    [Fact]
    public void Absent_module_is_identity()
    {
        var t = ModalityLut.FromDataset(new DicomDataset());
        Assert.Equal(ModalityLutKind.Identity, t.Kind);
        Assert.Same(Ct, t.OutputLayout(Ct));
    }

    private static DicomDataset WithLut(DicomElement descriptor, DicomElement data, int pixelRepresentation)
        => new([Us(DicomTags.PixelRepresentation, pixelRepresentation), Sequence(DicomTags.ModalityLutSequence, new DicomDataset([descriptor, data]))]);

    [Fact]
    public void Lut_with_signed_first_mapped_value_clamps_both_ends()
    {
        // Descriptor written as US 0xFFFE with signed pixels: first mapped value is -2 (PS3.3 C.11.1.1.1).
        var ds = WithLut(Words(DicomTags.LutDescriptor, DicomVR.US, [4, 0xFFFE, 16]), Words(DicomTags.LutData, DicomVR.US, [10, 20, 30, 40]), 1);
        var t = ModalityLut.FromDataset(ds);
        Assert.Equal(ModalityLutKind.Lut, t.Kind);
        Assert.Equal(-2, t.Lut!.FirstMapped);
        Assert.Equal(PixelElementType.UInt16, t.OutputElementType(PixelElementType.Int16));
        short[] x = [-100, -2, -1, 0, 1, 2, 3000];
        var y = new ushort[x.Length];
        t.Apply<short, ushort>(x, y);
        Assert.Equal(new ushort[] { 10, 10, 20, 30, 40, 40, 40 }, y);
        Assert.Equal(16, t.OutputLayout(Ct).BitsStored);
    }

    [Fact]
    public void Descriptor_vr_ss_is_signed_and_zero_entries_mean_65536()
    {
        var data = new int[65536];
        for (int i = 0; i < data.Length; i++) data[i] = 65535 - i;
        var ds = WithLut(Words(DicomTags.LutDescriptor, DicomVR.SS, [0, unchecked((ushort)-32768), 16]), Words(DicomTags.LutData, DicomVR.OW, data), 0);
        var t = ModalityLut.FromDataset(ds);
        Assert.Equal(65536, t.Lut!.Count);
        Assert.Equal(-32768, t.Lut.FirstMapped);
        var y = new ushort[2];
        t.Apply<short, ushort>([short.MinValue, short.MaxValue], y);
        Assert.Equal(new ushort[] { 65535, 0 }, y);
    }

    [Fact]
    public void Eight_bit_lut_in_words_or_packed_both_read_and_big_endian_words_swap()
    {
        var words = WithLut(Us(DicomTags.LutDescriptor, 4, 0, 8), Words(DicomTags.LutData, DicomVR.US, [1, 2, 3, 4]), 0);
        var packed = WithLut(Us(DicomTags.LutDescriptor, 4, 0, 8), Bytes(DicomTags.LutData, DicomVR.OW, [1, 2, 3, 4]), 0);
        var packedBe = WithLut(Us(DicomTags.LutDescriptor, 4, 0, 8), new DicomElement(DicomTags.LutData, DicomVR.OW, new byte[] { 2, 1, 4, 3 }, isLittleEndian: false), 0);
        foreach (var ds in new[] { words, packed, packedBe })
        {
            var t = ModalityLut.FromDataset(ds);
            Assert.Equal(PixelElementType.UInt8, t.OutputElementType(PixelElementType.UInt8));
            var y = new byte[5];
            t.Apply<byte, byte>([0, 1, 2, 3, 9], y);
            Assert.Equal(new byte[] { 1, 2, 3, 4, 4 }, y);
        }
    }

    [Fact]
    public void Bad_lut_data_raises()
    {
        Assert.Throws<PixelDataException>(() => ModalityLut.FromDataset(WithLut(Us(DicomTags.LutDescriptor, 4, 0, 16), Words(DicomTags.LutData, DicomVR.OW, [1, 2, 3]), 0)));
        Assert.Throws<PixelDataException>(() => ModalityLut.FromDataset(WithLut(Us(DicomTags.LutDescriptor, 4, 0), Words(DicomTags.LutData, DicomVR.OW, [1, 2, 3, 4]), 0)));
        Assert.Throws<PixelDataException>(() => ModalityLut.FromDataset(WithLut(Us(DicomTags.LutDescriptor, 4, 0, 12), Words(DicomTags.LutData, DicomVR.OW, [1, 2, 3, 4]), 0)));
        var noData = new DicomDataset([Sequence(DicomTags.ModalityLutSequence, new DicomDataset([Us(DicomTags.LutDescriptor, 4, 0, 16)]))]);
        Assert.Throws<PixelDataException>(() => ModalityLut.FromDataset(noData));
    }
}
