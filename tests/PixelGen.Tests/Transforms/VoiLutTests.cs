using PixelGen.Dicom;
using PixelGen.Transforms;
using static PixelGen.Tests.Transforms.TestDatasets;

namespace PixelGen.Tests.Transforms;

public class VoiLutTests
{
    private static double[] Run(VoiLut t, params double[] x)
    {
        var y = new double[x.Length];
        t.Apply<double, double>(x, y);
        return y;
    }

    [Fact]
    public void Linear_uses_c_minus_half_and_w_minus_one_at_the_edges()
    {
        // c = 100, w = 21: c - 0.5 - (w - 1)/2 = 89.5 and c - 0.5 + (w - 1)/2 = 109.5 (PS3.3 C.11.2.1.2.1).
        var t = VoiLut.Window(100, 21, VoiLutFunction.Linear, 0, 255);
        var y = Run(t, 89, 89.5, 90, 99.5, 109, 109.5, 110);
        Assert.Equal(0, y[0]);
        Assert.Equal(0, y[1]);
        Assert.Equal(((90 - 99.5) / 20 + 0.5) * 255, y[2], 12);
        Assert.Equal(127.5, y[3], 12);
        Assert.Equal(((109 - 99.5) / 20 + 0.5) * 255, y[4], 12);
        Assert.Equal(255, y[5], 12); // at the top edge the formula itself gives the maximum
        Assert.Equal(255, y[6]);
    }

    [Fact]
    public void Linear_width_one_is_a_threshold_and_below_one_raises()
    {
        var t = VoiLut.Window(10, 1, VoiLutFunction.Linear, 0, 1);
        Assert.Equal(new double[] { 0, 0, 1, 1 }, Run(t, 9, 9.5, 9.6, 11));
        Assert.Throws<PixelDataException>(() => VoiLut.Window(10, 0.5, VoiLutFunction.Linear, 0, 255));
        Assert.Throws<PixelDataException>(() => VoiLut.Window(10, 0, VoiLutFunction.Linear, 0, 255));
        Assert.Throws<PixelDataException>(() => VoiLut.Window(10, -4, VoiLutFunction.Linear, 0, 255));
    }

    [Fact]
    public void Linear_exact_edges_are_c_plus_minus_w_over_two()
    {
        var t = VoiLut.Window(100, 20, VoiLutFunction.LinearExact, -10, 10);
        var y = Run(t, 90, 90.001, 100, 110, 110.001);
        Assert.Equal(-10, y[0]);
        Assert.True(y[1] > -10 && y[1] < -9.99);
        Assert.Equal(0, y[2], 12);
        Assert.Equal(10, y[3], 12);
        Assert.Equal(10, y[4]);
        Assert.Throws<PixelDataException>(() => VoiLut.Window(100, 0, VoiLutFunction.LinearExact, 0, 1));
    }

    [Fact]
    public void Sigmoid_is_half_range_at_center_and_tends_to_the_ends()
    {
        var t = VoiLut.Window(50, 10, VoiLutFunction.Sigmoid, 0, 1000);
        var y = Run(t, 50, 60, 40, 1e6, -1e6);
        Assert.Equal(500, y[0], 9);
        Assert.Equal(1000 / (1 + Math.Exp(-4.0)), y[1], 9);
        Assert.Equal(1000 / (1 + Math.Exp(4.0)), y[2], 9);
        Assert.Equal(1000, y[3], 9);
        Assert.Equal(0, y[4], 9);
        Assert.Throws<PixelDataException>(() => VoiLut.Window(50, 0, VoiLutFunction.Sigmoid, 0, 1));
    }

    [Theory]
    [InlineData(450, 790, VoiLutFunction.Linear)]
    [InlineData(2048.5, 1, VoiLutFunction.Linear)]
    [InlineData(-100, 333.3, VoiLutFunction.LinearExact)]
    [InlineData(30000, 20000, VoiLutFunction.Linear)]
    [InlineData(128, 256, VoiLutFunction.LinearExact)]   // exact rounding ties (x = 128 gives 127.5)
    [InlineData(128.5, 257, VoiLutFunction.Linear)]
    [InlineData(40.3, 2, VoiLutFunction.Linear)]         // narrow: steep slope
    [InlineData(30000, 3, VoiLutFunction.LinearExact)]   // far and narrow
    [InlineData(-1000.25, 77.7, VoiLutFunction.LinearExact)]
    public void Vectorised_16_to_8_bit_equals_scalar_for_every_input(double c, double w, VoiLutFunction f)
    {
        var t = VoiLut.Window(c, w, f, 0, 255);
        var us = new ushort[65536];
        var ss = new short[65536];
        for (int i = 0; i < 65536; i++) { us[i] = (ushort)i; ss[i] = (short)i; }
        var b1 = new byte[65536];
        var b2 = new byte[65536];
        t.Apply<ushort, byte>(us, b1);
        t.Apply<short, byte>(ss, b2);
        for (int i = 0; i < 65536; i++)
        {
            Assert.Equal((byte)Math.Round(t.WindowValue(i), MidpointRounding.ToEven), b1[i]);
            Assert.Equal((byte)Math.Round(t.WindowValue((short)i), MidpointRounding.ToEven), b2[i]);
        }
    }

    [Fact]
    public void Planned_16_to_8_bit_path_equals_the_float64_reference_for_random_windows_and_patches_ties()
    {
        var rng = new Random(20261125);
        var us = new ushort[65536 + 7]; // a tail the vector loop leaves to the scalar path
        var ss = new short[us.Length];
        for (int i = 0; i < us.Length; i++) { us[i] = (ushort)i; ss[i] = (short)i; }
        var b1 = new byte[us.Length];
        var b2 = new byte[us.Length];
        int planned = 0, withExceptions = 0;
        for (int t = 0; t < 300; t++)
        {
            var f = (VoiLutFunction)rng.Next(2);
            // Integer and half-integer windows (exact rounding ties), and arbitrary decimals.
            double c = rng.Next(3) switch { 0 => rng.Next(-40000, 70000), 1 => rng.Next(-4000, 7000) + 0.5, _ => Math.Round(rng.NextDouble() * 80000 - 20000, 3) };
            double w = rng.Next(3) switch { 0 => rng.Next(1, 70000), 1 => rng.Next(1, 300), _ => Math.Round(1 + rng.NextDouble() * 5000, 2) };
            double yMin = rng.Next(4) == 0 ? Math.Round(rng.NextDouble() * 40 - 20, 1) : 0;
            double yMax = rng.Next(4) == 0 ? Math.Round(200 + rng.NextDouble() * 100, 1) : 255;
            var voi = VoiLut.Window(c, w, f, yMin, yMax);
            voi.Apply<ushort, byte>(us, b1);
            voi.Apply<short, byte>(ss, b2);
            for (int i = 0; i < us.Length; i++)
            {
                byte e1 = (byte)Math.Clamp(Math.Round(voi.WindowValue(us[i]), MidpointRounding.ToEven), 0, 255);
                byte e2 = (byte)Math.Clamp(Math.Round(voi.WindowValue(ss[i]), MidpointRounding.ToEven), 0, 255);
                if (e1 != b1[i] || e2 != b2[i])
                    Assert.Fail($"window c={c} w={w} {f} out [{yMin}, {yMax}] input {i}: unsigned {b1[i]} (expected {e1}), signed {b2[i]} (expected {e2})");
            }
            foreach (var signed in new[] { false, true })
                if (voi.PlannedExceptionCount(signed) is int n) { planned++; if (n > 0) withExceptions++; }
        }
        Assert.True(planned > 400, $"only {planned} plans were built");
        Assert.True(withExceptions > 0, "no window needed a patched input, so the patch path went untested");
    }

    [Fact]
    public void Input_shorter_than_the_plan_walk_takes_the_float64_lanes_and_equals_the_reference()
    {
        var t = VoiLut.Window(30000, 60000, VoiLutFunction.Linear, 0, 255);
        var rng = new Random(5);
        var us = new ushort[1003];
        for (int i = 0; i < us.Length; i++) us[i] = (ushort)rng.Next(65536);
        var b = new byte[us.Length];
        t.Apply<ushort, byte>(us, b);
        Assert.Null(t.PlannedExceptionCount(signed: false));
        for (int i = 0; i < us.Length; i++)
            Assert.Equal((byte)Math.Round(t.WindowValue(us[i]), MidpointRounding.ToEven), b[i]);
    }

    [Fact]
    public void Vectorised_path_saturates_ranges_wider_than_a_byte_like_the_scalar_path()
    {
        var t = VoiLut.Window(1000, 3000, VoiLutFunction.Linear, -10.5, 300.5);
        var us = new ushort[65536];
        for (int i = 0; i < us.Length; i++) us[i] = (ushort)i;
        var b = new byte[65536];
        t.Apply<ushort, byte>(us, b);
        for (int i = 0; i < us.Length; i++)
            Assert.Equal((byte)Math.Clamp(Math.Round(t.WindowValue(i), MidpointRounding.ToEven), 0, 255), b[i]);
    }

    [Fact]
    public void Factory_picks_window_by_index_and_uses_pydicom_output_range()
    {
        var ds = new DicomDataset(
        [
            Us(DicomTags.BitsStored, 12), Us(DicomTags.PixelRepresentation, 1),
            Text(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2"),
            Ds(DicomTags.WindowCenter, 40, 400), Ds(DicomTags.WindowWidth, 80, 2000),
            Ds(DicomTags.RescaleSlope, 2), Ds(DicomTags.RescaleIntercept, -1000),
            Text(DicomTags.VoiLutFunction, DicomVR.CS, "LINEAR_EXACT"),
        ]);
        var t = VoiLut.FromDataset(ds, index: 1);
        Assert.Equal(VoiLutKind.Window, t.Kind);
        Assert.Equal(400, t.Center);
        Assert.Equal(2000, t.Width);
        Assert.Equal(VoiLutFunction.LinearExact, t.Function);
        Assert.Equal(-2048 * 2 - 1000, t.OutputMin);
        Assert.Equal(2047 * 2 - 1000, t.OutputMax);
        Assert.Equal(2, VoiLut.WindowCount(ds));
        Assert.Throws<PixelDataException>(() => VoiLut.FromDataset(ds, index: 2));
        var custom = VoiLut.FromDataset(ds, 0, outputMin: 0, outputMax: 255);
        Assert.Equal(255, custom.OutputMax);
    }

    // A windowed 16-bit unsigned grey data set with the given Bits Stored and rescale.
    private static DicomDataset Windowed(int bitsStored, DicomElement slope, double intercept) => new(
    [
        Us(DicomTags.BitsStored, bitsStored), Us(DicomTags.PixelRepresentation, 0),
        Text(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2"),
        Ds(DicomTags.WindowCenter, 0), Ds(DicomTags.WindowWidth, 100), slope, Ds(DicomTags.RescaleIntercept, intercept),
    ]);

    [Fact]
    public void A_negative_rescale_slope_gives_an_ascending_default_output_range()
    {
        var ds = Windowed(12, Ds(DicomTags.RescaleSlope, -1), 1000);
        Assert.Equal((1000 - 4095.0, 1000.0), VoiLut.DefaultOutputRange(ds));
        var t = VoiLut.FromDataset(ds);
        Assert.Equal(-3095, t.OutputMin);
        Assert.Equal(1000, t.OutputMax);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    public void Non_finite_rescale_values_are_bad_input(string slope)
    {
        Assert.Throws<DicomFormatException>(() => VoiLut.FromDataset(Windowed(12, Text(DicomTags.RescaleSlope, DicomVR.DS, slope), 0)));
        // Finite values whose rescaled range is not.
        Assert.Throws<PixelDataException>(() => VoiLut.FromDataset(Windowed(16, Ds(DicomTags.RescaleSlope, 1e305), 0)));
    }

    private static DicomDataset LutItem(int entries, int first, int bits, int[] data)
        => new([Words(DicomTags.LutDescriptor, DicomVR.US, [entries, first, bits]), Words(DicomTags.LutData, DicomVR.OW, data)]);

    [Fact]
    public void Factory_prefers_the_lut_unless_told_and_selects_the_item()
    {
        var ds = new DicomDataset(
        [
            Us(DicomTags.BitsStored, 8), Us(DicomTags.PixelRepresentation, 0),
            Text(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2"),
            Ds(DicomTags.WindowCenter, 128), Ds(DicomTags.WindowWidth, 256),
            Sequence(DicomTags.VoiLutSequence, LutItem(4, 10, 16, [100, 200, 300, 400]), LutItem(2, 0, 16, [7, 9])),
        ]);
        var lut = VoiLut.FromDataset(ds);
        Assert.Equal(VoiLutKind.Lut, lut.Kind);
        var out16 = new ushort[5];
        lut.Apply<byte, ushort>([0, 10, 12, 13, 255], out16);
        Assert.Equal(new ushort[] { 100, 100, 300, 400, 400 }, out16);
        Assert.Equal(new ushort[] { 7, 9 }, VoiLut.FromDataset(ds, index: 1).Lut!.Entries.ToArray());
        Assert.Equal(VoiLutKind.Window, VoiLut.FromDataset(ds, preferLut: false).Kind);
        Assert.Throws<PixelDataException>(() => VoiLut.FromDataset(ds, index: 5));
    }

    [Fact]
    public void No_voi_is_identity_and_unknown_function_raises()
    {
        var ds = new DicomDataset([Us(DicomTags.BitsStored, 8)]);
        Assert.Equal(VoiLutKind.Identity, VoiLut.FromDataset(ds).Kind);
        Assert.Throws<PixelDataException>(() => VoiLut.ParseFunction("GAMMA"));
        var colour = new DicomDataset([Us(DicomTags.BitsStored, 8), Text(DicomTags.PhotometricInterpretation, DicomVR.CS, "RGB"), Ds(DicomTags.WindowCenter, 1), Ds(DicomTags.WindowWidth, 2)]);
        Assert.Throws<PixelDataException>(() => VoiLut.FromDataset(colour));
    }
}
