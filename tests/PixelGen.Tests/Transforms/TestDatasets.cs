using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;

namespace PixelGen.Tests.Transforms;

/// <summary>Builds in-memory data sets and layouts for transform tests.</summary>
internal static class TestDatasets
{
    public static DicomElement Text(DicomTag tag, DicomVR vr, string value)
    {
        var s = value.Length % 2 == 1 ? value + " " : value;
        return new DicomElement(tag, vr, Encoding.ASCII.GetBytes(s));
    }

    public static DicomElement Ds(DicomTag tag, params double[] values)
        => Text(tag, DicomVR.DS, string.Join('\\', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));

    public static DicomElement Us(DicomTag tag, params int[] values) => Words(tag, DicomVR.US, values);

    public static DicomElement Words(DicomTag tag, DicomVR vr, int[] values, bool littleEndian = true)
    {
        var b = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            if (littleEndian) BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2 * i), (ushort)values[i]);
            else BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(2 * i), (ushort)values[i]);
        }
        return new DicomElement(tag, vr, b, littleEndian);
    }

    public static DicomElement Bytes(DicomTag tag, DicomVR vr, byte[] values) => new(tag, vr, values);

    public static DicomElement Sequence(DicomTag tag, params DicomDataset[] items) => new(tag, items);

    /// <summary>The layout a reference JSON describes.</summary>
    public static FrameLayout LayoutOf(JsonElement reference)
    {
        int bitsAllocated = reference.GetProperty("bits_allocated").GetInt32();
        return new FrameLayout
        {
            Rows = reference.GetProperty("rows").GetInt32(),
            Columns = reference.GetProperty("columns").GetInt32(),
            SamplesPerPixel = reference.GetProperty("samples_per_pixel").GetInt32(),
            BitsAllocated = bitsAllocated,
            BitsStored = reference.GetProperty("bits_stored").GetInt32(),
            HighBit = reference.GetProperty("high_bit").GetInt32(),
            IsSigned = reference.GetProperty("pixel_representation").GetInt32() == 1,
            PhotometricInterpretation = reference.GetProperty("photometric_interpretation").GetString()!,
            NumberOfFrames = reference.GetProperty("number_of_frames").GetInt32(),
            Kind = PixelDataKind.Integer,
        };
    }
}
