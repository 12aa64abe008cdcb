using System.Globalization;
using System.Text;
using PixelGen.Dicom;
using PixelGen.Writing;

namespace PixelGen.Tests.Writing;

public class DicomValueEncoderTests
{
    [Theory]
    [InlineData(1.0 / 3.0)]
    [InlineData(-123456.7890123456)]
    [InlineData(1e-300)]
    [InlineData(6.02214076e23)]
    [InlineData(0.5)]
    public void DecimalStringFitsSixteenCharactersAndStaysClose(double value)
    {
        var s = DicomValueEncoder.FormatDecimalString(value);
        Assert.True(s.Length <= 16, s);
        double back = double.Parse(s, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(back - value) <= Math.Abs(value) * 1e-9, $"{s} vs {value}");
    }

    [Fact]
    public void ShortDecimalsKeepTheirExactText()
    {
        Assert.Equal("0.5", DicomValueEncoder.FormatDecimalString(0.5));
        Assert.Equal("-125.5", DicomValueEncoder.FormatDecimalString(-125.5));
    }

    [Fact]
    public void IntegerStringRejectsOutOfRange()
    {
        Assert.Equal("-2147483648", DicomValueEncoder.FormatIntegerString(int.MinValue));
        Assert.Throws<PixelGenException>(() => DicomValueEncoder.FormatIntegerString(1L << 31));
        Assert.Throws<PixelGenException>(() => DicomValueEncoder.EncodeNumbers(DicomVR.IS, [1.5]));
    }

    [Fact]
    public void StringsArePaddedWithTheVRsPadByte()
    {
        Assert.Equal("ABC "u8.ToArray(), DicomValueEncoder.EncodeStrings(DicomVR.CS, ["ABC"]));
        Assert.Equal("1.2.3\0"u8.ToArray(), DicomValueEncoder.EncodeStrings(DicomVR.UI, ["1.2.3"]));
        Assert.Equal("A\\BC"u8.ToArray(), DicomValueEncoder.EncodeStrings(DicomVR.CS, ["A", "BC"]));
        Assert.Equal(Encoding.Latin1.GetBytes("Müller^Jö "), DicomValueEncoder.EncodeStrings(DicomVR.PN, ["Müller^Jö"]));
    }

    [Fact]
    public void BadStringsAreRejected()
    {
        Assert.Throws<PixelGenException>(() => DicomValueEncoder.EncodeStrings(DicomVR.CS, ["A\\B"]));
        Assert.Throws<PixelGenException>(() => DicomValueEncoder.EncodeStrings(DicomVR.UI, ["1.02.3"]));
        Assert.Throws<PixelGenException>(() => DicomValueEncoder.EncodeStrings(DicomVR.LO, ["日本"]));
        Assert.Throws<PixelGenException>(() => DicomValueEncoder.EncodeStrings(DicomVR.LT, ["a", "b"]));
        Assert.Throws<PixelGenException>(() => DicomValueEncoder.EncodeStrings(DicomVR.US, ["1"]));
    }

    [Fact]
    public void BinaryNumbersAreLittleEndianAndRangeChecked()
    {
        Assert.Equal(new byte[] { 0x34, 0x12 }, DicomValueEncoder.EncodeNumbers(DicomVR.US, [0x1234]));
        Assert.Equal(new byte[] { 0xFE, 0xFF }, DicomValueEncoder.EncodeNumbers(DicomVR.SS, [-2]));
        Assert.Equal(new byte[] { 0x28, 0x00, 0x10, 0x00 }, DicomValueEncoder.EncodeNumbers(DicomVR.AT, [0x00280010]));
        Assert.Throws<PixelGenException>(() => DicomValueEncoder.EncodeNumbers(DicomVR.US, [65536]));
        Assert.Throws<PixelGenException>(() => DicomValueEncoder.EncodeNumbers(DicomVR.UL, [-1]));
        Assert.Throws<PixelGenException>(() => DicomValueEncoder.EncodeNumbers(DicomVR.SL, [0.5]));
        Assert.Equal(BitConverter.GetBytes(long.MinValue), DicomValueEncoder.EncodeIntegers(DicomVR.SV, [long.MinValue]));
    }

    [Fact]
    public void GeneratedUidsAreValidAndUnique()
    {
        var a = DicomUids.Generate();
        var b = DicomUids.Generate();
        Assert.StartsWith("2.25.", a);
        Assert.True(DicomUids.IsValid(a), a);
        Assert.True(a.Length <= 44);
        Assert.NotEqual(a, b);
        Assert.True(DicomUids.IsValid(DicomUids.ImplementationClassUid));
    }
}
