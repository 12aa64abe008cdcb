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

        /// <summary>
        /// Bytes reversed as one unit when native data is big endian, as the runtime decoder does (PS3.5 6.2): none for
        /// little endian and 1-bit data; the 16-bit word for an OW element whatever Bits Allocated is; otherwise the value
        /// (none for OB 8-bit data).
        /// </summary>
        public int SwapUnit => !BigEndian || BitsAllocated == 1 ? 1
            : OwWords ? 2
            : BitsAllocated / 8;

        /// <summary>8-bit values in a big endian OW element: stored value i sits at byte i ^ 1.</summary>
        public bool SwapsWordsOfBytes => SwapUnit == 2 && BitsAllocated == 8;

        /// <summary>Each 16-, 32- or 64-bit value is byte-reversed.</summary>
        public bool SwapsValues => BitsAllocated >= 16 && SwapUnit == BitsAllocated / 8;

        /// <summary>32- or 64-bit values in a big endian OW element: the bytes of each 16-bit word are swapped, words stay in place.</summary>
        public bool SwapsWordsInValues => BitsAllocated >= 32 && SwapUnit == 2;

        /// <summary>Any byte reordering at all.</summary>
        public bool Swaps => SwapUnit > 1;

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
            string order = BitsAllocated == 1 ? "either byte order (1-bit data is never swapped)"
                : !BigEndian ? "little endian"
                : SwapUnit == 1 ? "big endian (nothing to swap)"
                : SwapUnit == 2 && BitsAllocated != 16 ? "big endian OW (bytes swapped per 16-bit word)"
                : "big endian (bytes swapped per value)";
            string samples = Samples == 1 ? "1 sample" : $"{Samples} samples, planar configuration {Planar}";
            return $"{BitsAllocated}-bit {kind}; {samples}; {order} -> {PixelLayoutRules.CSharpKeyword(ElementType)}";
        }
    }
}
