using System.Text.Json;
using PixelGen.Dicom;
using PixelGen.Frames;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Frames;

/// <summary>Every corpus file with a reference: offsets, offset table, frame count, every raw frame's length and hash.</summary>
public class CorpusFrameTests
{
    public static TheoryData<string> Files() => Corpus.FileNames();

    [Theory]
    [MemberData(nameof(Files))]
    public void Frames_match_the_reference(string name)
    {
        if (!Corpus.Available) return;
        var reference = Corpus.Reference(name);
        bool expectError = Corpus.ExpectsError(reference);
        string path = Corpus.FilePath(name);

        // Structure first: where the pixel data element is, whenever the reference knows it.
        DicomFile? file = null;
        try { file = DicomFileReader.Read(path); }
        catch (PixelGenException) when (expectError) { return; }
        using (file)
        {
            if (Number(reference, "pixel_data_element_offset") is long pdOffset)
            {
                if (file.PixelData is null)
                {
                    Assert.True(expectError, $"{name}: no pixel data found");
                }
                else
                {
                    Assert.Equal(pdOffset, file.PixelData.ElementOffset);
                    Assert.Equal(Number(reference, "pixel_data_value_offset"), file.PixelData.ValueOffset);
                    if (Number(reference, "pixel_data_header_length") is long header) Assert.Equal(header, file.PixelData.HeaderLength);
                    Assert.Equal(reference.GetProperty("pixel_data_undefined_length").GetBoolean(), file.PixelData.IsUndefinedLength);
                    if (Number(reference, "pixel_data_value_length") is long length) Assert.Equal(length, (long)file.PixelData.Length);
                    if (reference.TryGetProperty("pixel_data_vr", out var vr) && vr.ValueKind == JsonValueKind.String)
                        Assert.Equal(vr.GetString(), DicomVRInfo.Code(file.PixelData.VR));
                }
            }
            else Assert.Null(file.PixelData);
            Assert.Equal(reference.GetProperty("has_preamble").GetBoolean(), file.HasPreamble);
            Assert.Equal(reference.GetProperty("has_file_meta").GetBoolean(), file.HasFileMeta);
            Assert.Equal(reference.GetProperty("transfer_syntax").GetString(), file.TransferSyntax.Uid);
        }

        if (expectError && !CanReadRawFrames(reference))
        {
            Assert.ThrowsAny<PixelGenException>(() =>
            {
                using var r = FrameReader.Open(path);
                for (int i = 0; i < r.NumberOfFrames; i++) r.ReadFrameRaw(i);
            });
            return;
        }

        using var reader = FrameReader.Open(path);
        Assert.Equal(reference.GetProperty("number_of_frames").GetInt32(), reader.NumberOfFrames);
        Assert.Equal(Number(reference, "pixel_data_element_offset"), reader.FrameInfo.PixelDataElementOffset);
        Assert.Equal(Number(reference, "first_frame_offset"), reader.FrameInfo.FirstFrameOffset);
        var bot = reference.GetProperty("basic_offset_table").EnumerateArray().Select(e => e.GetUInt32()).ToArray();
        Assert.Equal(bot, reader.FrameInfo.BasicOffsetTable);
        foreach (var (key, actual) in new (string, int)[] { ("rows", reader.Layout.Rows), ("columns", reader.Layout.Columns),
                     ("samples_per_pixel", reader.Layout.SamplesPerPixel), ("bits_allocated", reader.Layout.BitsAllocated) })
            Assert.Equal(Number(reference, key), actual);
        Assert.Equal(reference.GetProperty("photometric_interpretation").GetString(), reader.Layout.PhotometricInterpretation);
        var referenceFragments = reference.TryGetProperty("fragments", out var fr) ? fr.EnumerateArray().ToArray() : [];
        var frames = reference.GetProperty("frames").EnumerateArray().ToArray();
        Assert.Equal(frames.Length, reader.NumberOfFrames);
        foreach (var f in frames)
        {
            int i = f.GetProperty("index").GetInt32();
            var raw = reader.ReadFrameRaw(i);
            Assert.Equal(f.GetProperty("raw_length").GetInt64(), raw.LongLength);
            Assert.Equal(f.GetProperty("raw_offset").GetInt64(), reader.FrameInfo.Frames[i].Offset);
            Assert.Equal(f.GetProperty("raw_sha256").GetString(), Corpus.Sha256(raw));
            if (f.TryGetProperty("raw_bit_offset", out var bit)) Assert.Equal(bit.GetInt64(), reader.FrameInfo.Frames[i].BitOffset);
            if (f.TryGetProperty("fragment_indices", out var indices) && indices.GetArrayLength() > 1)
            {
                var expectedOffsets = indices.EnumerateArray().Select(k => referenceFragments[k.GetInt32()].GetProperty("data_offset").GetInt64());
                Assert.Equal(expectedOffsets, reader.FrameInfo.Frames[i].Fragments!.Select(x => x.Offset));
            }
        }
    }

    /// <summary>Negative files whose error is about decoding, not structure: raw frames are still judged.</summary>
    private static bool CanReadRawFrames(JsonElement reference)
        => reference.TryGetProperty("frames", out var fr) && fr.GetArrayLength() > 0
           && fr.EnumerateArray().All(f => !f.TryGetProperty("raw_complete", out var c) || c.GetBoolean())
           && reference.GetProperty("number_of_frames").ValueKind == JsonValueKind.Number;

    private static long? Number(JsonElement e, string property)
        => e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
}
