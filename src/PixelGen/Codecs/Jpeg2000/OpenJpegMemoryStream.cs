using System.Runtime.InteropServices;

namespace PixelGen.Codecs.Jpeg2000;

/// <summary>
/// State of an OpenJPEG input stream over pinned memory (the frame's bytes). Lives on the decoding thread's
/// stack for the duration of one decode; OpenJPEG reaches it through the user-data pointer.
/// </summary>
internal unsafe struct OpenJpegMemoryStream
{
    public byte* Data;
    public long Length;
    public long Position;

    [UnmanagedCallersOnly]
    public static nuint Read(void* buffer, nuint count, void* user)
    {
        var s = (OpenJpegMemoryStream*)user;
        long left = s->Length - s->Position;
        if (left <= 0) return unchecked((nuint)(-1)); // OpenJPEG's end-of-stream value
        long n = count > (ulong)left ? left : (long)count;
        Buffer.MemoryCopy(s->Data + s->Position, buffer, (long)count, n);
        s->Position += n;
        return (nuint)n;
    }

    [UnmanagedCallersOnly]
    public static long Skip(long count, void* user)
    {
        var s = (OpenJpegMemoryStream*)user;
        long target = s->Position + count;
        if (count < 0 ? target < 0 : target > s->Length)
        {
            s->Position = count < 0 ? 0 : s->Length;
            return -1;
        }
        s->Position = target;
        return count;
    }

    [UnmanagedCallersOnly]
    public static int Seek(long position, void* user)
    {
        var s = (OpenJpegMemoryStream*)user;
        if (position < 0 || position > s->Length) return 0;
        s->Position = position;
        return 1;
    }
}
