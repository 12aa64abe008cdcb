using PixelGen.Layout;

namespace PixelGen.Generators.Model
{
    /// <summary>
    /// One native pixel layout as the attribute states it, defaults applied. Plain values only: it is part of
    /// the cached pipeline model and must compare by value.
    /// </summary>
    internal sealed record LayoutSpec(
        int BitsAllocated,
        int BitsStored,
        int HighBit,
        bool Signed,
        int Samples,
        int Planar,
        bool BigEndian,
        bool OwWords,
        PixelDataKind Kind)
    {
        /// <summary>Element type of decoded pixels (pydicom's dtype rule).</summary>
        public PixelElementType ElementType => PixelLayoutRules.ElementTypeFor(BitsAllocated, Signed, Kind);

        /// <summary>Checks the layout with the rules the runtime uses.</summary>
        public LayoutError Validate() => PixelLayoutRules.Validate(BitsAllocated, BitsStored, HighBit, Signed, Samples, Planar, Kind);

        public bool IsInteger => Kind == PixelDataKind.Integer;

        /// <summary>Samples arrive one plane per sample and must be interleaved.</summary>
        public bool IsPlanar => Planar == 1 && Samples > 1;

        /// <summary>Big endian data whose swap unit is the 16-bit OW word even though values are bytes or bits.</summary>
        public bool SwapsWordsOfBytes => BigEndian && OwWords && BitsAllocated <= 8;

        /// <summary>Big endian data swapped per value (16, 32 or 64 bits).</summary>
        public bool SwapsValues => BigEndian && BitsAllocated >= 16;

        /// <summary>Left shift that drops the bits above High Bit (integer layouts).</summary>
        public int DropHighShift => BitsAllocated - 1 - HighBit;

        /// <summary>Right shift (arithmetic when signed) that brings Bits Stored down to bit 0 after <see cref="DropHighShift"/>.</summary>
        public int AlignShift => BitsAllocated - BitsStored;

        /// <summary>True when values need the shift pair (masking or sign extension); false means a plain copy per value.</summary>
        public bool NeedsMasking => IsInteger && PixelLayoutRules.NeedsMasking(BitsAllocated, BitsStored, HighBit);

        /// <summary>A one-line description, written into the generated file.</summary>
        public string Describe()
        {
            string kind = Kind switch
            {
                PixelDataKind.Float => "Float Pixel Data (float32)",
                PixelDataKind.Double => "Double Float Pixel Data (float64)",
                _ => $"{(Signed ? "signed" : "unsigned")}, {BitsStored} stored, high bit {HighBit}",
            };
            string order = !BigEndian ? "little endian"
                : BitsAllocated <= 8 ? (OwWords ? "big endian (OW: bytes swapped per 16-bit word)" : "big endian (OB: no swap)")
                : "big endian";
            string samples = Samples == 1 ? "1 sample" : $"{Samples} samples, planar configuration {Planar}";
            return $"{BitsAllocated}-bit {kind}; {samples}; {order} -> {PixelLayoutRules.CSharpKeyword(ElementType)}";
        }
    }
}
