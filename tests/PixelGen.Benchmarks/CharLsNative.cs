using System.Runtime.InteropServices;

namespace PixelGen.Benchmarks;

/// <summary>
/// CharLS 2.x (Debian <c>libcharls2</c>) through function pointers: the JPEG-LS peer of the benchmarks and the
/// encoder that makes their inputs. Benchmark project only; the library never depends on it.
/// </summary>
internal sealed unsafe class CharLsNative
{
    [StructLayout(LayoutKind.Sequential)]
    private struct FrameInfo
    {
        public uint Width, Height;
        public int BitsPerSample, ComponentCount;
    }

    private static readonly Lazy<CharLsNative?> s_instance = new(Load);

    public static CharLsNative? Instance => s_instance.Value;

    private readonly delegate* unmanaged<nint> _encoderCreate;
    private readonly delegate* unmanaged<nint, void> _encoderDestroy;
    private readonly delegate* unmanaged<nint, FrameInfo*, int> _encoderSetFrameInfo;
    private readonly delegate* unmanaged<nint, void*, nuint, int> _encoderSetDestination;
    private readonly delegate* unmanaged<nint, void*, nuint, uint, int> _encoderEncode;
    private readonly delegate* unmanaged<nint, nuint*, int> _encoderBytesWritten;
    private readonly delegate* unmanaged<nint> _decoderCreate;
    private readonly delegate* unmanaged<nint, void> _decoderDestroy;
    private readonly delegate* unmanaged<nint, void*, nuint, int> _decoderSetSource;
    private readonly delegate* unmanaged<nint, int> _decoderReadHeader;
    private readonly delegate* unmanaged<nint, void*, nuint, uint, int> _decoderDecode;

    private CharLsNative(nint h)
    {
        _encoderCreate = (delegate* unmanaged<nint>)NativeLibrary.GetExport(h, "charls_jpegls_encoder_create");
        _encoderDestroy = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(h, "charls_jpegls_encoder_destroy");
        _encoderSetFrameInfo = (delegate* unmanaged<nint, FrameInfo*, int>)NativeLibrary.GetExport(h, "charls_jpegls_encoder_set_frame_info");
        _encoderSetDestination = (delegate* unmanaged<nint, void*, nuint, int>)NativeLibrary.GetExport(h, "charls_jpegls_encoder_set_destination_buffer");
        _encoderEncode = (delegate* unmanaged<nint, void*, nuint, uint, int>)NativeLibrary.GetExport(h, "charls_jpegls_encoder_encode_from_buffer");
        _encoderBytesWritten = (delegate* unmanaged<nint, nuint*, int>)NativeLibrary.GetExport(h, "charls_jpegls_encoder_get_bytes_written");
        _decoderCreate = (delegate* unmanaged<nint>)NativeLibrary.GetExport(h, "charls_jpegls_decoder_create");
        _decoderDestroy = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(h, "charls_jpegls_decoder_destroy");
        _decoderSetSource = (delegate* unmanaged<nint, void*, nuint, int>)NativeLibrary.GetExport(h, "charls_jpegls_decoder_set_source_buffer");
        _decoderReadHeader = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(h, "charls_jpegls_decoder_read_header");
        _decoderDecode = (delegate* unmanaged<nint, void*, nuint, uint, int>)NativeLibrary.GetExport(h, "charls_jpegls_decoder_decode_to_buffer");
    }

    private static CharLsNative? Load()
    {
        foreach (var name in new[] { "libcharls.so.2", "libcharls.so" })
            if (NativeLibrary.TryLoad(name, out var h)) return new CharLsNative(h);
        return null;
    }

    /// <summary>Encodes 16-bit (or 8-bit) single-component samples losslessly.</summary>
    public byte[] Encode(ReadOnlySpan<byte> samples, int width, int height, int bitsPerSample)
    {
        var output = new byte[samples.Length * 2 + 4096];
        nint enc = _encoderCreate();
        try
        {
            var info = new FrameInfo { Width = (uint)width, Height = (uint)height, BitsPerSample = bitsPerSample, ComponentCount = 1 };
            Check(_encoderSetFrameInfo(enc, &info), "set_frame_info");
            nuint written;
            fixed (byte* o = output)
            fixed (byte* s = samples)
            {
                Check(_encoderSetDestination(enc, o, (nuint)output.Length), "set_destination_buffer");
                Check(_encoderEncode(enc, s, (nuint)samples.Length, 0), "encode_from_buffer");
                Check(_encoderBytesWritten(enc, &written), "get_bytes_written");
            }
            return output.AsSpan(0, (int)written).ToArray();
        }
        finally
        {
            _encoderDestroy(enc);
        }
    }

    /// <summary>Decodes a whole stream into <paramref name="destination"/> (what a per-frame decode costs).</summary>
    public void Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        nint dec = _decoderCreate();
        try
        {
            fixed (byte* s = source)
            fixed (byte* d = destination)
            {
                Check(_decoderSetSource(dec, s, (nuint)source.Length), "set_source_buffer");
                Check(_decoderReadHeader(dec), "read_header");
                Check(_decoderDecode(dec, d, (nuint)destination.Length, 0), "decode_to_buffer");
            }
        }
        finally
        {
            _decoderDestroy(dec);
        }
    }

    private static void Check(int error, string call)
    {
        if (error != 0) throw new InvalidOperationException($"CharLS {call} failed with error {error}");
    }
}
