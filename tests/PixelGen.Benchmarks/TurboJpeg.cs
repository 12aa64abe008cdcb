using System.Runtime.InteropServices;

namespace PixelGen.Benchmarks;

/// <summary>Just enough of libjpeg-turbo's TurboJPEG API (Debian libturbojpeg0) to serve as the baseline peer.</summary>
internal static partial class TurboJpeg
{
    private const string Lib = "libturbojpeg.so.0";
    private const int PixelFormatRgb = 0, Subsampling422 = 1;

    public static bool TryLoad()
    {
        if (!NativeLibrary.TryLoad(Lib, out var h)) return false;
        NativeLibrary.Free(h);
        return true;
    }

    [LibraryImport(Lib)] public static partial nint tjInitCompress();
    [LibraryImport(Lib)] public static partial nint tjInitDecompress();
    [LibraryImport(Lib)] public static partial int tjDestroy(nint handle);
    [LibraryImport(Lib)] private static partial void tjFree(nint buffer);

    [LibraryImport(Lib)]
    private static unsafe partial int tjCompress2(nint handle, byte* src, int width, int pitch, int height, int pixelFormat,
        ref nint jpegBuf, ref nuint jpegSize, int subsamp, int quality, int flags);

    [LibraryImport(Lib)]
    private static unsafe partial int tjDecompress2(nint handle, byte* jpegBuf, nuint jpegSize, byte* dst, int width, int pitch,
        int height, int pixelFormat, int flags);

    public static unsafe byte[] Compress422(byte[] rgb, int width, int height, int quality)
    {
        nint h = tjInitCompress();
        try
        {
            nint buf = 0;
            nuint size = 0;
            fixed (byte* p = rgb)
                if (tjCompress2(h, p, width, width * 3, height, PixelFormatRgb, ref buf, ref size, Subsampling422, quality, 0) != 0)
                    throw new InvalidOperationException("tjCompress2 failed");
            var result = new byte[(int)size];
            Marshal.Copy(buf, result, 0, result.Length);
            tjFree(buf);
            return result;
        }
        finally { tjDestroy(h); }
    }

    /// <summary>Decodes to interleaved RGB (libjpeg-turbo's default: accurate integer IDCT, fancy upsampling).</summary>
    public static unsafe void Decompress(nint handle, byte[] jpeg, byte[] rgb, int width, int height)
    {
        fixed (byte* s = jpeg)
        fixed (byte* d = rgb)
            if (tjDecompress2(handle, s, (nuint)jpeg.Length, d, width, width * 3, height, PixelFormatRgb, 0) != 0)
                throw new InvalidOperationException("tjDecompress2 failed");
    }
}
