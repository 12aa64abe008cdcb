using System.Globalization;
using System.Linq;
using PixelGen.Generators.Model;
using static PixelGen.Generators.Emit.KernelNames;

namespace PixelGen.Generators.Emit
{
    /// <summary>
    /// Emits the decoding kernel for one layout: lengths validated once, then loops with every layout decision made at
    /// generation time (masks and shifts as constants, no branches per pixel), vectorised where it pays, with a
    /// scalar tail. Output contract: the runtime decoder's (PixelGen.Pixels.NativeFrameDecoder).
    /// </summary>
    /// <remarks>
    /// Value arithmetic: <c>(w &lt;&lt; L) &gt;&gt; R</c> on the stored word w, with L = BitsAllocated − 1 − HighBit dropping
    /// the bits above High Bit and R = BitsAllocated − BitsStored moving the value to bit 0; the right shift is arithmetic
    /// for signed layouts, which sign-extends from Bits Stored. This equals <c>(raw &gt;&gt; (HighBit + 1 − BitsStored)) &amp; mask</c>
    /// followed by sign extension. The kernel assumes a little-endian host, as .NET's supported platforms are.
    /// </remarks>
    internal static class KernelEmitter
    {
        public const string KernelClassName = "PixelLayoutKernel";

        /// <summary>How the declarations in the same file call the kernel.</summary>
        public const string KernelReference = "global::PixelGen.Generated." + KernelClassName;

        /// <summary>Emits <c>file static class PixelLayoutKernel { public static void Decode(ReadOnlySpan&lt;byte&gt; raw, Span&lt;pixelsType&gt; pixels) }</c>.</summary>
        public static void Emit(IndentedWriter w, LayoutSpec l, string pixelsType, string decoderName, string generatedCodeAttribute)
        {
            w.Open("namespace PixelGen.Generated");
            foreach (var ns in new[] { "System", "System.Buffers.Binary", "System.Runtime.CompilerServices", "System.Runtime.InteropServices", "System.Runtime.Intrinsics" })
                w.Line($"using {ns};");
            w.Line();
            w.Line("/// <summary>Decoding kernel for " + Xml(l.Describe()) + ".</summary>");
            w.Line(generatedCodeAttribute);
            w.Open("file static class " + KernelClassName);
            w.Line("/// <summary>Decodes <paramref name=\"raw\"/> into <paramref name=\"pixels\"/>, whose length is the number of samples to decode.</summary>");
            w.Line("/// <exception cref=\"global::PixelGen.PixelDataException\">The buffers do not fit each other.</exception>");
            w.Open($"public static void Decode(ReadOnlySpan<byte> raw, Span<{pixelsType}> pixels)");
            EmitValidation(w, l, decoderName);
            w.Line();
            string work = WorkType(l);
            w.Line("ref byte src = ref MemoryMarshal.GetReference(raw);");
            w.Line(pixelsType == work
                ? $"ref {work} dst = ref MemoryMarshal.GetReference(pixels);"
                : $"ref {work} dst = ref Unsafe.As<{pixelsType}, {work}>(ref MemoryMarshal.GetReference(pixels));");

            w.Open("unchecked");
            if (l.BitsAllocated == 1) EmitSingleBit(w, l);
            else if (l.IsPlanar) EmitPlanar(w, l);
            else if (!l.NeedsMasking && !l.Swaps) EmitCopy(w, l);
            else if (!l.NeedsMasking && l.SwapsValues) EmitSwapOnly(w, l);
            else EmitElementwise(w, l);
            w.Close();
            w.Close();
            w.Close();
            w.Close();
        }

        private static void EmitValidation(IndentedWriter w, LayoutSpec l, string decoderName)
        {
            w.Line("int n = pixels.Length;");
            if (l.Samples > 1)
            {
                w.Line($"if (n % {l.Samples} != 0)");
                w.Line($"    throw new global::PixelGen.PixelDataException($\"{decoderName}: {{n}} samples is not a whole number of {l.Samples}-sample pixels\");");
            }
            // 8-bit data in an OW word pair: with an odd count the last value sits in the place of the swapped pad byte.
            string required = l.BitsAllocated == 1 ? "((long)n + 7) / 8"
                : l.SwapsWordsOfBytes ? "(long)n + (n & 1)"
                : $"(long)n * {StoredBytes(l)}";
            w.Line($"long required = {required};");
            w.Line("if (raw.Length < required)");
            w.Line($"    throw new global::PixelGen.PixelDataException($\"{decoderName}: raw data has {{raw.Length}} bytes but {{n}} samples need {{required}}\");");
        }

        // ---- whole-frame shapes -------------------------------------------------------------------------------

        private static void EmitCopy(IndentedWriter w, LayoutSpec l)
        {
            w.Line("// Stored values are the decoded values: one block copy.");
            w.Line($"MemoryMarshal.CreateReadOnlySpan(ref src, n * {StoredBytes(l)})");
            w.Line($"    .CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.As<{WorkType(l)}, byte>(ref dst), n * {StoredBytes(l)}));");
        }

        private static void EmitSwapOnly(IndentedWriter w, LayoutSpec l)
        {
            // Values only need byte reversal: the BCL's span overload is already vectorised (the runtime decoder uses it too).
            string work = WorkType(l);
            w.Line("// Stored values are the decoded values once byte-reversed: one vectorised span reversal.");
            w.Line($"BinaryPrimitives.ReverseEndianness(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, {work}>(ref src), n), MemoryMarshal.CreateSpan(ref dst, n));");
        }

        private static void EmitElementwise(IndentedWriter w, LayoutSpec l)
        {
            w.Line("int i = 0;");
            EmitVectorLoop(w, l, "Vector256", first: true);
            EmitVectorLoop(w, l, "Vector128", first: false);
            w.Line("// Scalar tail (and the whole frame without SIMD).");
            w.Open("for (; i < n; i++)");
            w.Line($"{WorkType(l)} w = {ScalarLoad(l, "i")};");
            if (l.SwapsValues || l.SwapsWordsInValues) w.Line($"w = {Swap(l, "w")};");
            w.Line($"Unsafe.Add(ref dst, i) = {ScalarValue(l, "w")};");
            w.Close();
        }

        private static void EmitVectorLoop(IndentedWriter w, LayoutSpec l, string vector, bool first)
        {
            string work = WorkType(l);
            w.Line($"{(first ? "if" : "else if")} ({vector}.IsHardwareAccelerated)");
            w.Open();
            if (first)
            {
                // Two vectors per iteration keep both load ports busy (the runtime kernels unroll the same way).
                w.Open($"for (; i <= n - 2 * {vector}<{work}>.Count; i += 2 * {vector}<{work}>.Count)");
                w.Line($"var v = {vector}.LoadUnsafe(ref {(work == "byte" ? "src" : $"Unsafe.As<byte, {work}>(ref src)")}, (nuint)i);");
                w.Line($"var u = {vector}.LoadUnsafe(ref {(work == "byte" ? "src" : $"Unsafe.As<byte, {work}>(ref src)")}, (nuint)(i + {vector}<{work}>.Count));");
                EmitVectorSwap(w, l, vector, "v");
                EmitVectorSwap(w, l, vector, "u");
                w.Line($"{vector}.StoreUnsafe({VectorValue(l, vector, "v")}, ref dst, (nuint)i);");
                w.Line($"{vector}.StoreUnsafe({VectorValue(l, vector, "u")}, ref dst, (nuint)(i + {vector}<{work}>.Count));");
                w.Close();
            }
            w.Open($"for (; i <= n - {vector}<{work}>.Count; i += {vector}<{work}>.Count)");
            w.Line($"var v = {vector}.LoadUnsafe(ref {(work == "byte" ? "src" : $"Unsafe.As<byte, {work}>(ref src)")}, (nuint)i);");
            EmitVectorSwap(w, l, vector, "v");
            w.Line($"{vector}.StoreUnsafe({VectorValue(l, vector, "v")}, ref dst, (nuint)i);");
            w.Close();
            w.Close();
        }

        private static void EmitPlanar(IndentedWriter w, LayoutSpec l)
        {
            int s = l.Samples, size = StoredBytes(l);
            string work = WorkType(l);
            w.Line($"// Planes of {s} samples are interleaved: sample k of pixel p comes from plane k at index p.");
            w.Line($"int planeLength = n / {s};");
            if (!l.SwapsWordsOfBytes)
                for (int k = 0; k < s; k++)
                    w.Line(k == 0
                        ? "ref byte plane0 = ref src;"
                        : $"ref byte plane{k} = ref Unsafe.Add(ref src, (nint)planeLength * {k * size});");
            w.Line("int p = 0;");
            if (l.BitsAllocated == 8 && s == 3 && !l.SwapsWordsOfBytes) EmitRgbShuffle(w, l);
            w.Open("for (; p < planeLength; p++)");
            w.Line($"ref {work} pixel = ref Unsafe.Add(ref dst, (nint)p * {s});");
            for (int k = 0; k < s; k++)
            {
                string load = l.SwapsWordsOfBytes
                    ? $"Unsafe.Add(ref src, ({(k == 0 ? "p" : $"planeLength * {k} + p")}) ^ 1)"
                    : ScalarLoadAt(l, $"plane{k}", "p");
                string target = k == 0 ? "pixel" : $"Unsafe.Add(ref pixel, {k})";
                if (l.SwapsValues || l.SwapsWordsInValues)
                {
                    w.Line($"{work} w{k} = {load};");
                    w.Line($"{target} = {ScalarValue(l, Swap(l, $"w{k}"))};");
                }
                else
                {
                    w.Line($"{target} = {ScalarValue(l, load)};");
                }
            }
            w.Close();
        }

        /// <summary>
        /// 8-bit three-plane interleave, 16 pixels (48 output bytes) per step. With 256-bit vectors each plane's 16 bytes
        /// are broadcast to both halves so that one in-lane shuffle per plane builds output chunks 0 and 1 together
        /// (six shuffles per step instead of nine); 128-bit: three shuffles per chunk. Index 0xFF selects zero.
        /// </summary>
        private static void EmitRgbShuffle(IndentedWriter w, LayoutSpec l)
        {
            w.Line("if (Vector256.IsHardwareAccelerated)");
            w.Open();
            w.Open("for (; p <= planeLength - 16; p += 16)");
            for (int k = 0; k < 3; k++)
                w.Line($"var s{k} = {VectorValue(l, "Vector128", $"Vector128.LoadUnsafe(ref plane{k}, (nuint)p)")};");
            for (int k = 0; k < 3; k++)
                w.Line($"var d{k} = Vector256.Create(s{k}, s{k});");
            var wide = Enumerable.Range(0, 3).Select(k => $"Vector256.Shuffle(d{k}, Vector256.Create((byte){ShuffleIndices(0, k)}, {ShuffleIndices(1, k, laneOffset: 16)}))");
            w.Line($"Vector256.StoreUnsafe({string.Join(" | ", wide)},");
            w.Line("    ref dst, (nuint)p * 3);");
            var narrow = Enumerable.Range(0, 3).Select(k => $"Vector128.Shuffle(s{k}, Vector128.Create((byte){ShuffleIndices(2, k)}))");
            w.Line($"Vector128.StoreUnsafe({string.Join(" | ", narrow)},");
            w.Line("    ref dst, (nuint)p * 3 + 32);");
            w.Close();
            w.Close();
            w.Line("else if (Vector128.IsHardwareAccelerated)");
            w.Open();
            w.Open("for (; p <= planeLength - 16; p += 16)");
            for (int k = 0; k < 3; k++)
                w.Line($"var s{k} = {VectorValue(l, "Vector128", $"Vector128.LoadUnsafe(ref plane{k}, (nuint)p)")};");
            for (int chunk = 0; chunk < 3; chunk++)
            {
                var terms = Enumerable.Range(0, 3).Select(k => $"Vector128.Shuffle(s{k}, Vector128.Create((byte){ShuffleIndices(chunk, k)}))");
                w.Line($"Vector128.StoreUnsafe({string.Join(" | ", terms)},");
                w.Line($"    ref dst, (nuint)p * 3{(chunk == 0 ? "" : " + " + (16 * chunk).ToString(CultureInfo.InvariantCulture))});");
            }
            w.Close();
            w.Close();
        }

        /// <summary>
        /// Byte k of output chunk c takes sample (16c+k) % 3 of pixel (16c+k) / 3, read at that pixel's index plus
        /// <paramref name="laneOffset"/> (16 to address the upper copy of a broadcast); 0xFF selects zero.
        /// </summary>
        private static string ShuffleIndices(int chunk, int plane, int laneOffset = 0)
        {
            var indices = Enumerable.Range(0, 16).Select(k =>
            {
                int q = chunk * 16 + k;
                return q % 3 == plane ? (q / 3 + laneOffset).ToString(CultureInfo.InvariantCulture) : "0xFF";
            });
            return string.Join(", ", indices);
        }

        private static void EmitSingleBit(IndentedWriter w, LayoutSpec l)
        {
            static string srcByte(string j) => $"Unsafe.Add(ref src, {j})";
            w.Line("// Bits are packed LSB first: bit k of byte j is pixel 8j + k.");
            w.Line("int fullBytes = n >> 3;");
            w.Line("int j = 0;");
            EmitSingleBitVector(w, "Vector256", 4, first: true);
            EmitSingleBitVector(w, "Vector128", 2, first: false);
            w.Open("for (; j < fullBytes; j++)");
            w.Line("// Copy the byte into all eight lanes, keep bit k in lane k, then turn each non-zero lane into 1.");
            w.Line($"ulong lanes = ((ulong){srcByte("j")} * 0x0101010101010101UL) & 0x8040201008040201UL;");
            w.Line("ulong ones = ((lanes + 0x7F7F7F7F7F7F7F7FUL) >> 7) & 0x0101010101010101UL;");
            w.Line("Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, (nint)j * 8), ones);");
            w.Close();
            w.Open("for (int i = fullBytes * 8; i < n; i++)");
            w.Line($"Unsafe.Add(ref dst, i) = (byte)(({srcByte("i >> 3")} >> (i & 7)) & 1);");
            w.Close();
        }

        /// <summary>
        /// Per step, <paramref name="inputBytes"/> source bytes are broadcast to every 128-bit lane, each byte is copied to
        /// eight lanes by an in-lane shuffle, lane k keeps bit k and Min(x, 1) turns it into 0/1.
        /// </summary>
        private static void EmitSingleBitVector(IndentedWriter w, string vector, int inputBytes, bool first)
        {
            int lanes = inputBytes * 8;
            string broadcast = inputBytes == 4 ? "Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref src, j))" : "Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref src, j))";
            // Lane l takes byte l / 8; in the upper 128-bit half that byte is addressed in-lane (the broadcast repeats it).
            string spread = string.Join(", ", Enumerable.Range(0, lanes).Select(l => (l / 8 + (l >= 16 ? 16 : 0)).ToString(CultureInfo.InvariantCulture)));
            string bits = string.Join(", ", Enumerable.Range(0, lanes).Select(l => (1 << (l % 8)).ToString(CultureInfo.InvariantCulture)));
            w.Line($"{(first ? "if" : "else if")} ({vector}.IsHardwareAccelerated)");
            w.Open();
            w.Line($"var spread = {vector}.Create((byte){spread});");
            w.Line($"var bit = {vector}.Create((byte){bits});");
            w.Open($"for (; j <= fullBytes - {inputBytes}; j += {inputBytes})");
            w.Line($"var bytes = {vector}.AsByte({vector}.Create({broadcast}));");
            w.Line($"{vector}.StoreUnsafe({vector}.Min({vector}.Shuffle(bytes, spread) & bit, {vector}<byte>.One), ref dst, (nuint)j * 8);");
            w.Close();
            w.Close();
        }

        // ---- one value ----------------------------------------------------------------------------------------

        /// <summary>Loads stored value <paramref name="index"/> (in storage order) as the work type; 8-bit OW data is unswapped here, wider values by <see cref="Swap"/>.</summary>
        private static string ScalarLoad(LayoutSpec l, string index)
        {
            return l.SwapsWordsOfBytes ? $"Unsafe.Add(ref src, {index} ^ 1)" : ScalarLoadAt(l, "src", index);
        }

        private static string ScalarLoadAt(LayoutSpec l, string baseRef, string index)
            => l.BitsAllocated == 8
                ? $"Unsafe.Add(ref {baseRef}, {index})"
                : $"Unsafe.ReadUnaligned<{WorkType(l)}>(ref Unsafe.Add(ref {baseRef}, (nint){index} * {StoredBytes(l)}))";

        /// <summary>The decoded value (as the work type) of the little endian stored word <paramref name="word"/>.</summary>
        private static string ScalarValue(LayoutSpec l, string word)
        {
            string work = WorkType(l);
            if (!l.NeedsMasking) return word;
            int left = l.DropHighShift, right = l.AlignShift;
            string shifted = left == 0 ? word : $"({word} << {left})";
            return l.Signed
                ? $"({work})(({SignedType(l)}){shifted} >> {right})"
                : left == 0 ? $"({work})({word} >> {right})" : $"({work})(({work}){shifted} >> {right})";
        }

        /// <summary>The per-value byte swap of a loaded 16/32/64-bit word (identity when nothing is swapped per value).</summary>
        private static string Swap(LayoutSpec l, string word)
        {
            if (l.SwapsValues) return $"BinaryPrimitives.ReverseEndianness({word})";
            if (!l.SwapsWordsInValues) return word;
            string m = l.BitsAllocated == 32 ? "0x00FF00FFu" : "0x00FF00FF00FF00FFUL";
            return $"((({word}) & {m}) << 8 | (({word}) >> 8) & {m})";
        }

        private static void EmitVectorSwap(IndentedWriter w, LayoutSpec l, string vector, string v)
        {
            string V = vector;
            if (l.SwapsWordsOfBytes || l.SwapsWordsInValues)
            {
                string work = VectorAs(WorkType(l));
                w.Line($"{v} = {V}.{work}({V}.ShiftLeft({V}.AsUInt16({v}), 8) | {V}.ShiftRightLogical({V}.AsUInt16({v}), 8)); // swap the bytes of each OW word");
            }
            else if (l.SwapsValues && l.BitsAllocated == 16)
            {
                w.Line($"{v} = {V}.ShiftLeft({v}, 8) | {V}.ShiftRightLogical({v}, 8); // big endian to little endian");
            }
            else if (l.SwapsValues)
            {
                int size = StoredBytes(l), lanes = vector == "Vector256" ? 32 : 16;
                string indices = string.Join(", ", Enumerable.Range(0, lanes).Select(b => (b - b % size + size - 1 - b % size).ToString(CultureInfo.InvariantCulture)));
                w.Line($"{v} = {V}.{VectorAs(WorkType(l))}({V}.Shuffle({V}.AsByte({v}), {V}.Create((byte){indices}))); // big endian to little endian");
            }
        }

        /// <summary>Vector form of <see cref="ScalarValue"/> (without the swap), as a vector of the work type.</summary>
        private static string VectorValue(LayoutSpec l, string vector, string v)
        {
            if (!l.NeedsMasking) return v;
            string V = vector;
            int left = l.DropHighShift, right = l.AlignShift;
            string shifted = left == 0 ? v : $"{V}.ShiftLeft({v}, {left})";
            return l.Signed
                ? $"{V}.{VectorAs(WorkType(l))}({V}.ShiftRightArithmetic({V}.{VectorAs(SignedType(l))}({shifted}), {right}))"
                : $"{V}.ShiftRightLogical({shifted}, {right})";
        }

        private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
