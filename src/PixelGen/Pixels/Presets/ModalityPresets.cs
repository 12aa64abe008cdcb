using PixelGen.Generation;

// Built-in generated decoders for the layouts modalities produce most. Each layout appears once; the type name lists
// the modalities it serves. The PixelGen generator implements them (dogfooding) and its module initializer registers
// them with FrameDecoders, so the frame reader dispatches matching native frames here instead of the runtime decoder.
namespace PixelGen.Pixels.Presets;

/// <summary>CT: 16-bit signed, 12 bits stored.</summary>
[PixelLayout(BitsAllocated = 16, BitsStored = 12, Signed = true)]
public sealed partial class CtSigned12Decoder;

/// <summary>CT, NM, PET: 16-bit signed, 16 bits stored.</summary>
[PixelLayout(BitsAllocated = 16, Signed = true)]
public sealed partial class CtNmPetSigned16Decoder;

/// <summary>MR, MG, DX, CR: 16-bit unsigned, 12 bits stored.</summary>
[PixelLayout(BitsAllocated = 16, BitsStored = 12)]
public sealed partial class MrMgDxCrUnsigned12Decoder;

/// <summary>MR, MG, DX, CR, NM, PET: 16-bit unsigned, 16 bits stored.</summary>
[PixelLayout(BitsAllocated = 16)]
public sealed partial class MrMgDxCrNmPetUnsigned16Decoder;

/// <summary>MG, DX, CR: 16-bit unsigned, 10 bits stored.</summary>
[PixelLayout(BitsAllocated = 16, BitsStored = 10)]
public sealed partial class MgDxCrUnsigned10Decoder;

/// <summary>MG, DX, CR: 16-bit unsigned, 14 bits stored.</summary>
[PixelLayout(BitsAllocated = 16, BitsStored = 14)]
public sealed partial class MgDxCrUnsigned14Decoder;

/// <summary>US, WSI: 8-bit RGB, samples interleaved (planar configuration 0).</summary>
[PixelLayout(BitsAllocated = 8, Samples = 3)]
public sealed partial class UsWsiRgb8Decoder;

/// <summary>US, WSI: 8-bit RGB, one plane per sample (planar configuration 1).</summary>
[PixelLayout(BitsAllocated = 8, Samples = 3, Planar = 1)]
public sealed partial class UsWsiRgb8PlanarDecoder;

/// <summary>US, WSI, XA, RF: 8-bit monochrome.</summary>
[PixelLayout(BitsAllocated = 8)]
public sealed partial class UsWsiXaRfMono8Decoder;

/// <summary>RT Dose: 32-bit unsigned.</summary>
[PixelLayout(BitsAllocated = 32)]
public sealed partial class RtDoseUnsigned32Decoder;

/// <summary>SEG (binary segmentations): 1-bit, decoded to bytes 0/1; either byte order.</summary>
[PixelLayout(BitsAllocated = 1)]
public sealed partial class SegBinaryDecoder;
