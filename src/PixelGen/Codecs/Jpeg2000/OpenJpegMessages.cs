using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace PixelGen.Codecs.Jpeg2000;

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
