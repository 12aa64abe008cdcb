using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

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

/// <summary>Collects OpenJPEG's error messages (first few hundred bytes) for the exception message.</summary>
internal unsafe struct OpenJpegMessages
{
    private const int Capacity = 400;
    private fixed byte _text[Capacity];
    private int _length;

    [UnmanagedCallersOnly]
    public static void OnMessage(byte* message, void* user)
    {
        var sink = (OpenJpegMessages*)user;
        if (message is null) return;
        var text = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(message).TrimEnd("\r\n "u8);
        int room = Capacity - sink->_length;
        if (room <= 2 || text.IsEmpty) return;
        var target = new Span<byte>(Unsafe.AsPointer(ref sink->_text[sink->_length]), room);
        if (sink->_length > 0)
        {
            "; "u8.CopyTo(target);
            target = target[2..];
            sink->_length += 2;
        }
        int n = Math.Min(text.Length, target.Length);
        text[..n].CopyTo(target);
        sink->_length += n;
    }

    public override readonly string ToString()
    {
        fixed (byte* p = _text) return Encoding.UTF8.GetString(p, _length);
    }
}
