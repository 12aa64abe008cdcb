using System.Runtime.InteropServices;

namespace PixelGen.Codecs.Jpeg2000;

/// <summary>OpenJPEG's <c>opj_image_t</c> (openjpeg.h, 2.x; 48 bytes on 64-bit).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OpenJpegImage
{
    public uint X0, Y0, X1, Y1;
    public uint NumComps;
    public int ColorSpace;
    public OpenJpegImageComponent* Comps;
    public byte* IccProfileBuffer;
    public uint IccProfileLength;
}

/// <summary>OpenJPEG's <c>opj_image_comp_t</c> (64 bytes on 64-bit; <c>bpp</c> is the deprecated member).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OpenJpegImageComponent
{
    public uint DX, DY, W, H, X0, Y0, Prec, Bpp, Sgnd, ResNoDecoded, Factor;
    public int* Data;
    public ushort Alpha;
}
