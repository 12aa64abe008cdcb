using System.Runtime.InteropServices;

namespace PixelGen.Codecs.Jpeg2000;

/// <summary>
/// The system's OpenJPEG (<c>libopenjp2.so.7</c>, Debian package <c>libopenjp2-7</c>), loaded on first use with
/// <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/> and bound through unmanaged function pointers.
/// When it is missing, <see cref="Instance"/> is null and <see cref="UnavailableReason"/> says how to install it.
/// </summary>
internal sealed unsafe class OpenJpegLibrary
{
    /// <summary>What to tell a user whose machine lacks the library.</summary>
    public const string InstallHint =
        "JPEG 2000 and HTJ2K decoding needs the OpenJPEG library (libopenjp2.so.7, OpenJPEG 2.5 or later for HTJ2K); " +
        "install the Debian package libopenjp2-7 (apt-get install libopenjp2-7)";

    private static readonly Lazy<(OpenJpegLibrary? Library, string? Reason)> s_instance = new(Load);

    /// <summary>The loaded library, or null when it is not installed.</summary>
    public static OpenJpegLibrary? Instance => s_instance.Value.Library;

    /// <summary>Why <see cref="Instance"/> is null.</summary>
    public static string? UnavailableReason => s_instance.Value.Reason;

    public readonly delegate* unmanaged<byte*> Version;
    public readonly delegate* unmanaged<int, nint> CreateDecompress;
    public readonly delegate* unmanaged<nint, void> DestroyCodec;
    public readonly delegate* unmanaged<void*, void> SetDefaultDecoderParameters;
    public readonly delegate* unmanaged<nint, void*, int> SetupDecoder;
    public readonly delegate* unmanaged<nint, delegate* unmanaged<byte*, void*, void>, void*, int> SetErrorHandler;
    public readonly delegate* unmanaged<nint, delegate* unmanaged<byte*, void*, void>, void*, int> SetWarningHandler;
    public readonly delegate* unmanaged<nuint, int, nint> StreamCreate;
    public readonly delegate* unmanaged<nint, void> StreamDestroy;
    public readonly delegate* unmanaged<nint, delegate* unmanaged<void*, nuint, void*, nuint>, void> StreamSetReadFunction;
    public readonly delegate* unmanaged<nint, delegate* unmanaged<long, void*, long>, void> StreamSetSkipFunction;
    public readonly delegate* unmanaged<nint, delegate* unmanaged<long, void*, int>, void> StreamSetSeekFunction;
    public readonly delegate* unmanaged<nint, void*, void*, void> StreamSetUserData;
    public readonly delegate* unmanaged<nint, ulong, void> StreamSetUserDataLength;
    public readonly delegate* unmanaged<nint, nint, OpenJpegImage**, int> ReadHeader;
    public readonly delegate* unmanaged<nint, nint, OpenJpegImage*, int> DecodeImage;
    public readonly delegate* unmanaged<nint, nint, int> EndDecompress;
    public readonly delegate* unmanaged<OpenJpegImage*, void> ImageDestroy;

    /// <summary>The library's version string, e.g. <c>2.5.0</c>.</summary>
    public string VersionText { get; }

    /// <summary>True when the version is 2.5 or later (HTJ2K, ISO/IEC 15444-15, is decoded from 2.5.0 on).</summary>
    public bool SupportsHighThroughput { get; }

    private OpenJpegLibrary(nint handle)
    {
        Version = (delegate* unmanaged<byte*>)Export(handle, "opj_version");
        CreateDecompress = (delegate* unmanaged<int, nint>)Export(handle, "opj_create_decompress");
        DestroyCodec = (delegate* unmanaged<nint, void>)Export(handle, "opj_destroy_codec");
        SetDefaultDecoderParameters = (delegate* unmanaged<void*, void>)Export(handle, "opj_set_default_decoder_parameters");
        SetupDecoder = (delegate* unmanaged<nint, void*, int>)Export(handle, "opj_setup_decoder");
        SetErrorHandler = (delegate* unmanaged<nint, delegate* unmanaged<byte*, void*, void>, void*, int>)Export(handle, "opj_set_error_handler");
        SetWarningHandler = (delegate* unmanaged<nint, delegate* unmanaged<byte*, void*, void>, void*, int>)Export(handle, "opj_set_warning_handler");
        StreamCreate = (delegate* unmanaged<nuint, int, nint>)Export(handle, "opj_stream_create");
        StreamDestroy = (delegate* unmanaged<nint, void>)Export(handle, "opj_stream_destroy");
        StreamSetReadFunction = (delegate* unmanaged<nint, delegate* unmanaged<void*, nuint, void*, nuint>, void>)Export(handle, "opj_stream_set_read_function");
        StreamSetSkipFunction = (delegate* unmanaged<nint, delegate* unmanaged<long, void*, long>, void>)Export(handle, "opj_stream_set_skip_function");
        StreamSetSeekFunction = (delegate* unmanaged<nint, delegate* unmanaged<long, void*, int>, void>)Export(handle, "opj_stream_set_seek_function");
        StreamSetUserData = (delegate* unmanaged<nint, void*, void*, void>)Export(handle, "opj_stream_set_user_data");
        StreamSetUserDataLength = (delegate* unmanaged<nint, ulong, void>)Export(handle, "opj_stream_set_user_data_length");
        ReadHeader = (delegate* unmanaged<nint, nint, OpenJpegImage**, int>)Export(handle, "opj_read_header");
        DecodeImage = (delegate* unmanaged<nint, nint, OpenJpegImage*, int>)Export(handle, "opj_decode");
        EndDecompress = (delegate* unmanaged<nint, nint, int>)Export(handle, "opj_end_decompress");
        ImageDestroy = (delegate* unmanaged<OpenJpegImage*, void>)Export(handle, "opj_image_destroy");

        VersionText = Marshal.PtrToStringUTF8((nint)Version()) ?? "unknown";
        var parts = VersionText.Split('.');
        SupportsHighThroughput = parts.Length >= 2 && int.TryParse(parts[0], out int major) && int.TryParse(parts[1], out int minor)
            && (major > 2 || (major == 2 && minor >= 5));
    }

    private static nint Export(nint handle, string name)
        => NativeLibrary.TryGetExport(handle, name, out var address)
            ? address
            : throw new EntryPointNotFoundException($"OpenJPEG export {name} not found");

    private static (OpenJpegLibrary?, string?) Load()
    {
        string[] names = OperatingSystem.IsWindows() ? ["openjp2.dll", "openjp2"]
            : OperatingSystem.IsMacOS() ? ["libopenjp2.7.dylib", "libopenjp2.dylib"]
            : ["libopenjp2.so.7", "libopenjp2.so"];
        foreach (var name in names)
        {
            if (!NativeLibrary.TryLoad(name, typeof(OpenJpegLibrary).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory, out var handle)
                && !NativeLibrary.TryLoad(name, out handle))
                continue;
            try
            {
                return (new OpenJpegLibrary(handle), null);
            }
            catch (EntryPointNotFoundException e)
            {
                return (null, $"{InstallHint} ({name} was found but is not usable: {e.Message})");
            }
        }
        return (null, $"{InstallHint} (none of {string.Join(", ", names)} could be loaded)");
    }
}
