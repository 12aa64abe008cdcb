using PixelGen.Pixels;

namespace PixelGen.Codecs.Jpeg2000;

/// <summary>
/// Decodes one JPEG 2000 / HTJ2K frame through OpenJPEG: managed header checks first, then a native decode
/// from a memory stream over the pinned frame bytes, then the copy into the caller's buffer.
/// </summary>
internal static unsafe class Jpeg2000Decoder
{
    private const int CodecJ2K = 0, CodecJP2 = 2;
    private const int ParametersSize = 8252; // sizeof(opj_dparameters_t) in OpenJPEG 2.x

    public static void Decode(ReadOnlySpan<byte> source, Span<byte> destination, FrameLayout layout, bool highThroughputSyntax)
        => Decode(source, destination, layout, highThroughputSyntax, OpenJpegLibrary.Instance, OpenJpegLibrary.UnavailableReason);

    /// <summary>Decodes with a given library (null: as if OpenJPEG were not installed, with <paramref name="unavailableReason"/>).</summary>
    internal static void Decode(ReadOnlySpan<byte> source, Span<byte> destination, FrameLayout layout, bool highThroughputSyntax,
        OpenJpegLibrary? library, string? unavailableReason)
    {
        layout.EnsureValid();
        if (!Jpeg2000SampleWriter.Supports(layout))
            throw new PixelDataException($"JPEG 2000 decoding needs integer pixels with Bits Allocated 8, 16 or 32, not {layout}");
        if (destination.Length < layout.DecodedFrameLength)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; the frame needs {layout.DecodedFrameLength}", nameof(destination));

        var header = Jpeg2000Header.Parse(source);
        CheckAgainstLayout(header, layout);
        if (!Jpeg2000Header.EndsWithEoc(source.Slice(header.CodestreamOffset, header.CodestreamLength)))
            throw new PixelDataException("JPEG 2000 codestream is truncated (it does not end with EOC, FF D9)", null, source.Length);
        if (highThroughputSyntax || header.IsHighThroughput) header.CheckCodedData(source);

        if (library is null)
            throw new CodecUnavailableException(unavailableReason ?? OpenJpegLibrary.InstallHint);
        if ((highThroughputSyntax || header.IsHighThroughput) && !library.SupportsHighThroughput)
            throw new CodecUnavailableException($"HTJ2K decoding needs OpenJPEG 2.5 or later; this machine has {library.VersionText}. Install a newer libopenjp2-7.");

        nint codec = 0, stream = 0;
        OpenJpegImage* image = null;
        var messages = new OpenJpegMessages();
        try
        {
            fixed (byte* data = source)
            {
                var memory = new OpenJpegMemoryStream { Data = data, Length = source.Length, Position = 0 };
                codec = library.CreateDecompress(header.IsJp2 ? CodecJP2 : CodecJ2K);
                if (codec == 0) throw new PixelDataException("OpenJPEG could not create a decoder");
                library.SetErrorHandler(codec, &OpenJpegMessages.OnMessage, &messages);

                byte* parameters = stackalloc byte[ParametersSize + 256];
                new Span<byte>(parameters, ParametersSize + 256).Clear();
                library.SetDefaultDecoderParameters(parameters);
                if (library.SetupDecoder(codec, parameters) == 0) throw Failed("setting up the decoder", messages);

                stream = library.StreamCreate((nuint)Math.Clamp(source.Length, 4096, 1 << 20), 1);
                if (stream == 0) throw new PixelDataException("OpenJPEG could not create an input stream");
                library.StreamSetUserData(stream, &memory, null);
                library.StreamSetUserDataLength(stream, (ulong)source.Length);
                library.StreamSetReadFunction(stream, &OpenJpegMemoryStream.Read);
                library.StreamSetSkipFunction(stream, &OpenJpegMemoryStream.Skip);
                library.StreamSetSeekFunction(stream, &OpenJpegMemoryStream.Seek);

                if (library.ReadHeader(stream, codec, &image) == 0 || image is null) throw Failed("reading the header", messages);
                if (library.DecodeImage(codec, stream, image) == 0) throw Failed("decoding", messages);
                if (library.EndDecompress(codec, stream) == 0) throw Failed("finishing the decode", messages);
            }
            Jpeg2000SampleWriter.Write(image, header, layout, destination);
        }
        finally
        {
            if (image is not null) library.ImageDestroy(image);
            if (stream != 0) library.StreamDestroy(stream);
            if (codec != 0) library.DestroyCodec(codec);
        }
    }

    private static PixelDataException Failed(string stage, in OpenJpegMessages messages)
    {
        var text = messages.ToString();
        return new PixelDataException($"OpenJPEG failed {stage} the JPEG 2000 codestream{(text.Length > 0 ? ": " + text : "")}");
    }

    private static void CheckAgainstLayout(Jpeg2000Header header, FrameLayout layout)
    {
        if (header.Width != layout.Columns || header.Height != layout.Rows)
            throw new PixelDataException($"JPEG 2000 image is {header.Width}x{header.Height} but Columns/Rows say {layout.Columns}x{layout.Rows}", null, header.CodestreamOffset + 4);
        if (header.Components.Length != layout.SamplesPerPixel)
            throw new PixelDataException($"JPEG 2000 codestream has {header.Components.Length} components but Samples per Pixel is {layout.SamplesPerPixel}", null, header.CodestreamOffset + 4);
        for (int i = 0; i < header.Components.Length; i++)
        {
            var c = header.Components[i];
            if (c.DX != 1 || c.DY != 1)
                throw new PixelDataException($"JPEG 2000 component {i} is sub-sampled ({c.DX}x{c.DY}); DICOM frames need full resolution", null, header.CodestreamOffset + 4);
            if (c.Precision > layout.BitsAllocated)
                throw new PixelDataException($"JPEG 2000 component {i} precision {c.Precision} exceeds Bits Allocated {layout.BitsAllocated}", null, header.CodestreamOffset + 4);
        }
    }
}
