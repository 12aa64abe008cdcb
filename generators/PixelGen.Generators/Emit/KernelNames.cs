using PixelGen.Generators.Model;
using PixelGen.Layout;

namespace PixelGen.Generators.Emit
{
    /// <summary>Type names and constants the kernel emitter derives from a layout.</summary>
    internal static class KernelNames
    {
        /// <summary>Unsigned type as wide as one stored value: the type loads, swaps and stores work in.</summary>
        public static string WorkType(LayoutSpec l) => l.BitsAllocated switch
        {
            1 or 8 => "byte",
            16 => "ushort",
            32 => "uint",
            _ => "ulong",
        };

        /// <summary>Signed type as wide as one stored value (for arithmetic shifts).</summary>
        public static string SignedType(LayoutSpec l) => l.BitsAllocated switch
        {
            1 or 8 => "sbyte",
            16 => "short",
            32 => "int",
            _ => "long",
        };

        /// <summary>Name used in <c>Vector256.AsXxx()</c> for a C# keyword.</summary>
        public static string VectorAs(string keyword) => keyword switch
        {
            "byte" => "AsByte",
            "sbyte" => "AsSByte",
            "ushort" => "AsUInt16",
            "short" => "AsInt16",
            "uint" => "AsUInt32",
            "int" => "AsInt32",
            "ulong" => "AsUInt64",
            "long" => "AsInt64",
            "float" => "AsSingle",
            _ => "AsDouble",
        };

        /// <summary>Bytes one stored value occupies (1 for 1-bit data, whose bytes hold eight values).</summary>
        public static int StoredBytes(LayoutSpec l) => l.BitsAllocated == 1 ? 1 : l.BitsAllocated / 8;

        /// <summary>Bytes one decoded element occupies.</summary>
        public static int DecodedBytes(LayoutSpec l) => PixelLayoutRules.ElementSize(l.ElementType);
    }
}
