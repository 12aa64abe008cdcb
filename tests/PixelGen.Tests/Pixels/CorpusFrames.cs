using System.IO.Compression;
using System.Text.Json;
using PixelGen.Dicom;
using PixelGen.Layout;
using PixelGen.Pixels;
using PixelGen.Pixels.Kernels;
using PixelGen.Tests.Support;

namespace PixelGen.Tests.Pixels;

/// <summary>
/// Slices raw frames out of corpus files with the reference JSON alone (no parser), so that decoding can be
/// judged on its own: native frames from <c>pixel_data_value_offset</c> + i × <c>frame_length</c> (bit offsets
/// for 1-bit data, the inflated stream for deflated files), encapsulated frames from their fragments.
/// </summary>
internal static class CorpusFrames
{
    public static FrameLayout Layout(JsonElement r)
    {
        int ba = r.GetProperty("bits_allocated").GetInt32();
        var kind = r.GetProperty("pixel_data_keyword").GetString() switch
        {
            "FloatPixelData" => PixelDataKind.Float,
            "DoubleFloatPixelData" => PixelDataKind.Double,
            _ => PixelDataKind.Integer,
        };
        var vr = r.GetProperty("pixel_data_vr").ValueKind == JsonValueKind.String
            ? DicomVRInfo.FromCode(r.GetProperty("pixel_data_vr").GetString()!)
            : DicomVR.None;
        return new FrameLayout
        {
            Rows = r.GetProperty("rows").GetInt32(),
            Columns = r.GetProperty("columns").GetInt32(),
            SamplesPerPixel = r.GetProperty("samples_per_pixel").GetInt32(),
            BitsAllocated = ba,
            BitsStored = IntOr(r, "bits_stored", ba),
            HighBit = IntOr(r, "high_bit", ba - 1),
            IsSigned = IntOr(r, "pixel_representation", 0) == 1,
            // Planar Configuration means nothing for one sample (OT-PAL-8-face.dcm has 1 anyway).
            PlanarConfiguration = r.GetProperty("samples_per_pixel").GetInt32() > 1 ? IntOr(r, "planar_configuration", 0) : 0,
            PhotometricInterpretation = r.GetProperty("photometric_interpretation").GetString()!,
            NumberOfFrames = r.GetProperty("number_of_frames").GetInt32(),
            Kind = kind,
            IsBigEndian = !r.GetProperty("is_little_endian").GetBoolean() && !r.GetProperty("is_encapsulated").GetBoolean(),
            PixelDataVR = vr,
        };
    }

    private static int IntOr(JsonElement r, string name, int fallback)
        => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : fallback;

    /// <summary>The bytes offsets refer to: the file, or the inflated data set of a deflated file.</summary>
    public static byte[] OffsetSpace(string name, JsonElement r)
    {
        var file = File.ReadAllBytes(Corpus.FilePath(name));
        if (r.GetProperty("offsets_relative_to").GetString() != "inflated_dataset") return file;
        int start = r.GetProperty("deflated_stream_offset").GetInt32();
        using var inflate = new DeflateStream(new MemoryStream(file, start, file.Length - start), CompressionMode.Decompress);
        var output = new MemoryStream();
        inflate.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Raw bytes of frame <paramref name="index"/> as the reference defines them (1-bit: realigned to bit 0).</summary>
    public static byte[] RawFrame(byte[] space, JsonElement r, int index)
    {
        var frame = r.GetProperty("frames")[index];
        if (r.GetProperty("is_encapsulated").GetBoolean())
        {
            var fragments = r.GetProperty("fragments");
            var output = new MemoryStream();
            foreach (var fi in frame.GetProperty("fragment_indices").EnumerateArray())
            {
                var f = fragments[fi.GetInt32()];
                output.Write(space, f.GetProperty("data_offset").GetInt32(), f.GetProperty("length").GetInt32());
            }
            return output.ToArray();
        }
        int valueOffset = r.GetProperty("pixel_data_value_offset").GetInt32();
        if (r.GetProperty("bits_allocated").GetInt32() == 1)
        {
            long bits = r.GetProperty("frame_bits").GetInt64();
            long bitOffset = frame.GetProperty("raw_bit_offset").GetInt64();
            var packed = new byte[(bits + 7) / 8];
            int valueLength = r.GetProperty("pixel_data_value_length").GetInt32();
            BitUnpackKernel.Realign(space.AsSpan(valueOffset, valueLength), bitOffset, bits, packed);
            return packed;
        }
        int frameLength = r.GetProperty("frame_length").GetInt32();
        long start = valueOffset + (long)index * frameLength;
        // Include the pad byte when there is one (8-bit OW big endian needs it); never past the file.
        int available = (int)Math.Min(frameLength + 1, space.Length - start);
        return space.AsSpan((int)start, Math.Max(0, available)).ToArray();
    }

    /// <summary>Files whose decoded pixels the runtime decoders judge here: native, deflated and RLE, not negative cases.</summary>
    public static TheoryData<string> NativeAndRleFiles()
    {
        var data = new TheoryData<string>();
        if (!Corpus.Available)
        {
            data.Add("(corpus not available)");
            return data;
        }
        foreach (var row in Corpus.FileNames())
        {
            string name = row;
            var r = Corpus.Reference(name);
            if (Corpus.ExpectsError(r)) continue;
            if (!r.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Number) continue;
            string ts = r.GetProperty("transfer_syntax").GetString()!;
            if (!r.GetProperty("is_encapsulated").GetBoolean() || ts == TransferSyntax.RleLossless.Uid) data.Add(name);
        }
        return data;
    }

    /// <summary>
    /// The hash we must produce for a frame, and why when it is not pydicom's <c>decoded_sha256</c>:
    /// Bits Stored-aware values where the reference records them; the lossless twin for OBXXXX1A_expb
    /// (pydicom leaves OW word-swapped 8-bit data swapped); dcmtk's per-16-bit-word swap for rtdose_expb.
    /// </summary>
    public static (string Hash, string Basis) ExpectedHash(string name, JsonElement r, int index)
    {
        if (name == "OBXXXX1A_expb.dcm")
        {
            // OW under big endian is byte-swapped per 16-bit word (PS3.5 6.2); dcmtk, GDCM and the twin agree.
            var twin = Corpus.Reference(r.GetProperty("cross_checks").GetProperty("twin").GetProperty("twin").GetString()!);
            string twinHash = twin.GetProperty("frames")[index].GetProperty("decoded_sha256").GetString()!;
            Assert.Equal(twinHash, r.GetProperty("cross_checks").GetProperty("external_decoders").GetProperty("dcmconv +te").GetProperty("frames_sha256")[index].GetString());
            return (twinHash, "lossless twin OBXXXX1A.dcm (= dcmconv +te, gdcmconv)");
        }
        if (name == "rtdose_expb.dcm")
        {
            // 32-bit values in OW: we swap per 16-bit word as the standard defines OW (dcmtk and GDCM do the same);
            // pydicom swaps per 32-bit value, which matches rtdose.dcm because the file was made for pydicom.
            return (r.GetProperty("cross_checks").GetProperty("external_decoders").GetProperty("dcmconv +te").GetProperty("frames_sha256")[index].GetString()!,
                "dcmconv +te (OW swapped per 16-bit word)");
        }
        if (r.TryGetProperty("bits_stored_masked", out var masked))
            return (masked.GetProperty("frames_sha256")[index].GetString()!, "bits_stored_masked (pydicom does not mask)");
        return (r.GetProperty("frames")[index].GetProperty("decoded_sha256").GetString()!, "decoded_sha256");
    }
}
